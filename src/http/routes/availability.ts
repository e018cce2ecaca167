import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getAvailability } from '../../services/availability.js';
import type { Deps } from '../../services/deps.js';
import { AvailabilityQuerySchema, AvailabilitySchema } from '../schemas/availability.js';
import { problemResponses } from '../schemas/problem.js';

export async function availabilityRoutes(app: FastifyInstance, deps: Deps) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/availability', {
    schema: {
      operationId: 'getAvailability', tags: ['booking'],
      summary: 'Free times per day for one or more services at a location',
      description: 'Every day in `[from, to]` is listed; a closed day has `open: false` and a `reason`. A slot is '
        + 'listed when the whole appointment fits inside opening hours; `available` says how many counters are free.',
      querystring: AvailabilityQuerySchema,
      response: { 200: AvailabilitySchema, ...problemResponses(400, 404, 422) },
    },
  }, async (request, reply) => {
    const body = await getAvailability(deps, { ...request.query, language: request.language });
    // Built from cached JSON fragments, so it is sent as it is (the schema above documents it).
    return reply.type('application/json; charset=utf-8').send(body as never);
  });
}
