import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Invalid } from '../errors.js';

/** A NUL, or half of a surrogate pair (not well-formed UTF-16): text no database column, e-mail or calendar holds. */
const unusable = (text: string) => text.includes('\u0000') || !text.isWellFormed();

/** The first field (as a path: `items.0.service`) whose text holds an unusable character. */
export function unusableField(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') return unusable(value) ? path || 'value' : undefined;
  if (depth > 8 || value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (unusable(key)) return field;
    const found = unusableField(inner, field, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses, with a 400 problem that names the field, any parameter, query value or body text with a NUL byte or a
 * lone surrogate, before validation and before anything reaches the database (which would fail on them).
 */
export const textGuardPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', (request, _reply, done) => {
    const field =
      unusableField(request.params) ?? unusableField(request.query) ?? unusableField(request.body ?? undefined);
    done(field ? new Invalid([{ field, code: 'characters' }]) : undefined);
  });
});
