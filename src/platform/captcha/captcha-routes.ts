import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../http/problem-schema.js';
import type { Captcha } from './captcha.js';

const ChallengeSchema = z
  .object({
    algorithm: z.string().meta({ example: 'SHA-256' }),
    challenge: z.string(),
    maxnumber: z.number().int().optional(),
    salt: z.string(),
    signature: z.string(),
  })
  .meta({ id: 'CaptchaChallenge' });

export async function captchaRoutes(app: FastifyInstance, deps: { captcha: Captcha }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/captcha',
    {
      schema: {
        operationId: 'getCaptcha',
        tags: ['booking'],
        summary: 'A proof-of-work challenge (ALTCHA) for a hold or a booking without a hold',
        description:
          'Find the number n (0 ≤ n ≤ maxnumber) for which SHA-256(salt + n) is `challenge`, and send ' +
          '`base64(JSON { algorithm, challenge, number, salt, signature })` in the `X-Altcha` header of ' +
          '`POST /api/v1/holds` (or `POST /api/v1/appointments` without `holdId`). A solution is good for one ' +
          'request and until the challenge expires; a missing, wrong, expired or reused one is a 403 with ' +
          '`code: "captcha_required"`. No cookies, no third party.',
        querystring: z.object({}).strict(),
        response: { 200: ChallengeSchema, ...problemResponses(400) },
      },
    },
    async (_request, reply) => reply.header('cache-control', 'no-store').send(await deps.captcha.challenge()),
  );
}
