import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseHealth } from '../database/health.js';
import { Unavailable } from '../errors.js';
import { problemResponses } from './problem-schema.js';

const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
/** Health checks take no parameters: anything else is a mistake worth a 400. */
const NoQuery = z.object({}).strict();

export async function healthRoutes(app: FastifyInstance, deps: { health: DatabaseHealth }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  r.get(
    '/health/live',
    {
      schema: {
        operationId: 'live',
        tags: ['operations'],
        summary: 'The process runs',
        querystring: NoQuery,
        response: { 200: HealthSchema, ...problemResponses(400) },
      },
      logLevel: 'warn',
    },
    async () => ({ status: 'ok' as const }),
  );

  r.get(
    '/health/ready',
    {
      schema: {
        operationId: 'ready',
        tags: ['operations'],
        summary: 'The process can serve: the database answers',
        querystring: NoQuery,
        response: { 200: HealthSchema, ...problemResponses(400, 503) },
      },
      logLevel: 'warn',
    },
    async (request) => {
      // Known to be away (the watch says so): at once; otherwise a ping, given up on after 750 ms.
      const away = deps.health.watching && !deps.health.up;
      if (closing || away || !(await deps.health.check())) {
        request.log.warn({ closing }, 'not ready');
        throw new Unavailable('not_ready');
      }
      return { status: 'ok' as const };
    },
  );
}
