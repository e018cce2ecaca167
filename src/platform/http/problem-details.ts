import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { type FieldCode, type Language, type ProblemCode, type Texts, textsFor } from '../../texts/index.js';
import type { Alternative, FieldError, TextParams } from '../errors.js';

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  requestId: string;
  errors?: { field: string; message: string }[];
  alternatives?: readonly Alternative[];
};

/** Builds an RFC 9457 body in the resident's language. */
/**
 * The request id as a resident can read it out on the phone: its first eight characters, in two groups
 * ("3F2A-9C1B"). Staff find the request in the logs by that prefix of its id.
 */
export const spokenRequestId = (requestId: string) =>
  requestId
    .replace(/[^0-9a-zA-Z]/g, '')
    .slice(0, 8)
    .toUpperCase()
    .replace(/^(.{4})(.{1,4})$/, '$1-$2');

export function problem(
  language: Language,
  status: number,
  code: ProblemCode,
  requestId: string,
  extra: {
    params?: TextParams;
    errors?: FieldError[];
    alternatives?: readonly Alternative[];
    appointments?: string[];
  } = {},
): Problem {
  const texts = textsFor(language);
  const words = texts.problems[code];
  return {
    type: `urn:balie:problem:${code.replaceAll('_', '-')}`,
    title: words.title,
    status,
    detail: words.detail({ requestId: spokenRequestId(requestId), ...extra.params }),
    code,
    requestId,
    ...(extra.errors && { errors: extra.errors.map((e) => ({ field: e.field, message: fieldMessage(texts, e) })) }),
    ...(extra.alternatives && { alternatives: extra.alternatives }),
    ...(extra.appointments && { appointments: extra.appointments }),
  };
}

function fieldMessage(texts: Texts, error: FieldError): string {
  if (error.code in texts.fields) return texts.fields[error.code as FieldCode](error.params ?? {});
  return texts.problems[error.code as ProblemCode].detail(error.params ?? {});
}

/** Turns zod issues (as fastify-type-provider-zod hands them over) into field errors with our own words. */
export function fieldErrorsFromValidation(
  issues: FastifySchemaValidationError[],
  context: string | undefined,
): FieldError[] {
  return issues.map((issue) => {
    const path = issue.instancePath.split('/').filter(Boolean).join('.');
    const field = path || context || 'body';
    const p = issue.params as Record<string, unknown>;
    switch (issue.keyword) {
      case 'invalid_type':
        return p.input === undefined
          ? { field, code: 'required' }
          : { field, code: 'invalid_type', params: { expected: String(p.expected) } };
      case 'too_small':
        return { field, code: 'too_small', params: { origin: String(p.origin), minimum: String(p.minimum) } };
      case 'too_big':
        return { field, code: 'too_big', params: { origin: String(p.origin), maximum: String(p.maximum) } };
      case 'invalid_value':
        return { field, code: 'invalid_value', params: { options: ((p.values as unknown[]) ?? []).join(', ') } };
      case 'invalid_format':
        if (p.format === 'email') return { field, code: 'email' };
        if (field === 'phone') return { field, code: 'phone' };
        return { field, code: 'invalid_format', params: { format: String(p.format) } };
      case 'unrecognized_keys':
        return { field, code: 'unrecognized_keys', params: { keys: ((p.keys as unknown[]) ?? []).join(', ') } };
      case 'custom': {
        const custom = p.params as { code?: FieldCode | ProblemCode; params?: TextParams } | undefined;
        if (custom?.code) return { field, code: custom.code, params: custom.params };
        return { field, code: 'invalid' };
      }
      default:
        return { field, code: 'invalid' };
    }
  });
}
