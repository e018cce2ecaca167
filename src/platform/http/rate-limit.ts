import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import { TooMany } from '../errors.js';

/** What needs no limit: health checks (load balancers poll them), the widget's script, the documentation, pages. */
const UNLIMITED = /^\/(health\/|widget\/|docs|afspraak\/)/;

/**
 * Per-client limits on every route: reads at `readsPerMinute`; routes that take a time or act on an appointment
 * set their own, lower one (`config.rateLimit`). The client is the address Fastify sees, which is the resident's
 * behind the municipality's proxy when TRUST_PROXY names it. With Redis the counts are shared by every process.
 * Generous enough for many residents behind one address: fairness comes from the proof of work and the limit per
 * e-mail address, not from these.
 */
export const rateLimitPlugin = fp(async (app: FastifyInstance, options: { readsPerMinute: number; redis?: Redis }) => {
  await app.register(rateLimit, {
    global: true,
    max: options.readsPerMinute,
    timeWindow: '1 minute',
    // Redis away: requests are served without a count rather than refused.
    ...(options.redis && { redis: options.redis, nameSpace: 'balie:rate:', skipOnError: true }),
    // A client that is gone has no address any more: it still gets a key (the plugin would fail with a 500).
    keyGenerator: (request) => request.ip ?? request.socket?.remoteAddress ?? 'gone',
    allowList: (request) => UNLIMITED.test(request.url),
    errorResponseBuilder: (_request, context) =>
      new TooMany('too_many_requests', Math.max(1, Math.ceil(context.ttl / 1000))),
  });
});
