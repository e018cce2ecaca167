import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { TooMany } from '../errors.js';

/**
 * Per-client limits for the routes that take a time (holds, bookings), against hoarding by scripts. In memory:
 * with more than one process they move to Redis (DESIGN, "Beyond one machine").
 */
export const rateLimitPlugin = fp(async (app: FastifyInstance) => {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new TooMany('too_many_requests', Math.max(1, Math.ceil(context.ttl / 1000))),
  });
});
