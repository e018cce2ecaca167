import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isConnectionFailure } from '../database/sql-errors.js';
import { Conflict, DomainError, InTheWay, Invalid, TooMany, Unprocessable } from '../errors.js';
import { RETRY_AFTER_SECONDS } from './outage.js';
import { fieldErrorsFromValidation, type Problem, problem } from './problem-details.js';

function send(reply: FastifyReply, body: Problem) {
  reply.server.countProblem?.(body.code, body.status);
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/** Known Fastify failures that are the client's doing, with the words we use for them. */
const clientFailures: Record<string, { status: number; code: Problem['code'] }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'empty_body' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'malformed_json' },
};

/** Every error, unknown route and wrong method becomes application/problem+json (RFC 9457). */
export const problemsPlugin = fp(async (app: FastifyInstance) => {
  const routes: { method: string; pattern: RegExp }[] = [];
  app.addHook('onRoute', (route) => {
    const pattern = new RegExp(`^${route.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+')}$`);
    for (const method of [route.method].flat()) routes.push({ method, pattern });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))];
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return send(
        reply,
        problem(request.language, 405, 'method_not_allowed', request.id, {
          params: { method: request.method, path, allowed: allowed.join(', ') },
        }),
      );
    }
    return send(reply, problem(request.language, 404, 'route_not_found', request.id, { params: { path } }));
  });

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    // Answered already (a database outage answers waiting requests at once): what failed later is not sent.
    if (reply.sent) return;
    const language = request.language;
    if (error instanceof DomainError) {
      if (error instanceof TooMany) reply.header('retry-after', String(error.retryAfterSeconds));
      return send(
        reply,
        problem(language, error.status, error.code, request.id, {
          params: error.params,
          errors: error instanceof Invalid || error instanceof Unprocessable ? error.errors : undefined,
          alternatives: error instanceof Conflict ? error.alternatives : undefined,
          appointments: error instanceof InTheWay ? error.appointments : undefined,
        }),
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return send(
        reply,
        problem(language, 400, 'invalid_request', request.id, {
          errors: fieldErrorsFromValidation(error.validation, error.validationContext),
        }),
      );
    }
    const known = error.code ? clientFailures[error.code] : undefined;
    if (known) {
      return send(
        reply,
        problem(language, known.status, known.code, request.id, {
          params: { limit: app.initialConfig.bodyLimit ?? 0, contentType: request.headers['content-type'] ?? '-' },
        }),
      );
    }
    if (error.statusCode === 429) {
      return send(reply, problem(language, 429, 'too_many_requests', request.id));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      return send(reply, problem(language, 400, 'invalid_request', request.id));
    }
    if (isConnectionFailure(error)) {
      request.log.error({ err: error }, 'database unavailable');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return send(reply, problem(language, 503, 'database_unavailable', request.id));
    }
    request.log.error({ err: error }, 'unexpected failure');
    return send(reply, problem(language, 500, 'internal_error', request.id));
  });
});
