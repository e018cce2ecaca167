import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { DatabaseHealth } from '../database/health.js';
import { problem } from './problem-details.js';

/** Seconds a client is asked to wait before it tries again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/** Answers that need no database (by the start of the path): they go on while it is away. */
const WITHOUT_DATABASE = /^\/(?:health\/|widget\/|docs|afspraak\/|metrics)/;

function unavailable(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .code(503)
    .header('retry-after', String(RETRY_AFTER_SECONDS))
    .type('application/problem+json; charset=utf-8')
    .send(problem(request.language, 503, 'database_unavailable', request.id));
}

/**
 * A database outage is answered, not waited for: while the health check says it is away, every request that
 * needs it gets a 503 problem with Retry-After at once; when it goes away, the requests waiting for it get the
 * same answer then (whatever they were waiting for finishes or fails unseen: a booking that still commits is
 * found again by its Idempotency-Key). When it is back, requests are served again; nothing needs a restart.
 */
export const outagePlugin = fp(async (app: FastifyInstance, options: { health: DatabaseHealth }) => {
  const { health } = options;
  const waiting = new Map<string, { request: FastifyRequest; reply: FastifyReply }>();
  const stop = health.onChange((up, cause) => {
    if (up) return void app.log.info('database available again');
    // Logged once per outage, with its cause: the requests it answers with 503 may never reach the error handler.
    app.log.error({ err: cause }, 'database unavailable');
    for (const { request, reply } of waiting.values()) if (!reply.sent) unavailable(request, reply);
    waiting.clear();
  });
  app.addHook('onClose', async () => stop());
  app.addHook('onRequest', (request, reply, done) => {
    if (WITHOUT_DATABASE.test(request.url)) return done();
    // Answered here: a hook that replies does not go on (no `done`).
    if (!health.up) return void unavailable(request, reply);
    waiting.set(request.id, { request, reply });
    done();
  });
  app.addHook('onResponse', (request, _reply, done) => {
    waiting.delete(request.id);
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    waiting.delete(request.id);
    done();
  });
});
