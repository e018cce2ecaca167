import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chooseEncoding } from '../platform/http/content-encoding.js';
import { problemResponses } from '../platform/http/problem-schema.js';
import type { Answer } from './answer-cache.js';
import { cachedAvailability, getAvailability } from './availability-answer.js';
import type { AvailabilityDeps } from './availability-deps.js';
import { AvailabilityQuerySchema, AvailabilitySchema } from './schemas.js';

// Quick levels: an answer is compressed when it is first sent, often right after it was computed. Brotli at 1 is
// smaller than gzip at 6 and eight times faster; gzip at 1 is five times faster than at 6 (118 KB: 0.3, 0.5 and
// 2.3 ms here).
const BROTLI = {
  params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
};

/** Sends an answer as bytes, compressed when the client accepts it; each form is made once per cached answer. */
function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: Answer) {
  // A widget that polls sends the ETag back and gets a 304 without a body while nothing changed.
  reply
    .header('etag', answer.etag)
    .header('cache-control', 'no-cache')
    .header('vary', 'Accept-Language, Accept-Encoding');
  if (request.headers['if-none-match'] === answer.etag) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  // Six weeks of times are ~100 KB of JSON and ~10 KB compressed.
  const encoding = chooseEncoding(request, ['br', 'gzip']);
  if (encoding === 'br')
    return reply.header('content-encoding', 'br').send((answer.br ??= brotliCompressSync(answer.bytes, BROTLI)));
  if (encoding === 'gzip')
    return reply.header('content-encoding', 'gzip').send((answer.gzip ??= gzipSync(answer.bytes, { level: 1 })));
  return reply.send(answer.bytes);
}

const QUESTION = ['location', 'items', 'needs', 'from', 'to'];

/**
 * The question in one form, whatever the order of its parameters: the key of the answer cache. Undefined when the
 * query has anything else or a parameter twice (validation then answers 400), so that no made-up parameter can
 * fill the cache with copies of one answer.
 */
function questionKey(request: FastifyRequest): string | undefined {
  const query = new URLSearchParams(request.url.split('?')[1] ?? '');
  const names = [...query.keys()];
  if (names.some((name, i) => !QUESTION.includes(name) || names.indexOf(name) !== i)) return undefined;
  return `${request.language}|${QUESTION.map((name) => query.get(name) ?? '').join('|')}`;
}

export async function availabilityRoutes(app: FastifyInstance, deps: AvailabilityDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/availability',
    {
      // A question asked before and still valid is answered before parsing and validation: polling is cheap.
      onRequest: async (request, reply) => {
        const key = questionKey(request);
        const answer = key === undefined ? undefined : cachedAvailability(deps, key);
        if (answer) return sendAnswer(request, reply, answer);
      },
      schema: {
        operationId: 'getAvailability',
        tags: ['booking'],
        summary: 'Free times per day for one or more services at a location',
        description:
          'Every day in `[from, to]` is listed; a closed day has `open: false` and a `reason`. A slot is ' +
          'listed when the whole appointment fits inside opening hours; `available` says how many counters are free.',
        querystring: AvailabilityQuerySchema,
        headers: z.object({
          'if-none-match': z
            .string()
            .optional()
            .meta({ description: 'The ETag of an earlier answer: 304 while nothing changed' }),
        }),
        response: {
          200: AvailabilitySchema,
          304: z.null().meta({ description: 'Not modified since the ETag sent' }),
          ...problemResponses(400, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const answer = await getAvailability(deps, {
        ...request.query,
        language: request.language,
        cacheKey: questionKey(request),
      });
      // Built from cached JSON fragments and sent as bytes; the schema above documents it.
      return sendAnswer(request, reply, answer);
    },
  );
}
