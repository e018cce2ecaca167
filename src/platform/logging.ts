import type { LoggerOptions } from 'pino';
import { sqlState } from './database/sql-errors.js';

/**
 * A message as it may be logged or stored: e-mail addresses out, and nothing from the first double quote or
 * backtick on (where drivers and parsers quote the values they choke on: a JSON body, a query's text, a name), nor
 * drizzle's list of query parameters.
 */
export function safeMessage(message: string): string {
  return message
    .split(/\nparams:|["`]/)[0]!
    .replace(/[^\s<>()[\]]+@[^\s<>()[\]]+/g, '[e-mail]')
    .trim()
    .slice(0, 300);
}

type Logged = { type: string; message: string; stack: string; code?: string; constraint?: string; cause?: Logged };

/**
 * The error serializer of every log: what kind of error, its code (SQLSTATE for the database), where in the code,
 * and a safe message. Never a query's parameters, a request body or a driver's copy of either: drizzle's
 * DrizzleQueryError carries every parameter of the statement in its message, postgres.js its query and parameters
 * as properties.
 */
export function safeError(error: unknown, depth = 0): Logged {
  if (!(error instanceof Error)) return { type: typeof error, message: '', stack: '' };
  const e = error as Error & { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };
  const code = sqlState(error) ?? (typeof e.code === 'string' ? e.code : undefined);
  const constraint = [e.constraint_name, e.constraint].find((c) => typeof c === 'string') as string | undefined;
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((line) => line.startsWith('    at '))
    .join('\n');
  return {
    type: e.name,
    message: safeMessage(e.message),
    ...(code && { code }),
    ...(constraint && { constraint }),
    stack: frames,
    ...(e.cause !== undefined && depth < 3 && { cause: safeError(e.cause, depth + 1) }),
  };
}

/** Headers and fields that hold a secret or a resident's details, wherever they turn up in a log object. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-altcha"]',
  'req.headers["x-csrf-token"]',
  '*.name',
  '*.email',
  '*.phone',
  '*.token',
  '*.manageToken',
  '*.password',
];

/** The one set of pino options for the HTTP app, the server and the worker. */
export function logOptions(level: string): LoggerOptions {
  return { level, redact: { paths: REDACT, censor: '[redacted]' }, serializers: { err: safeError } };
}
