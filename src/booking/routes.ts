import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { compiledSerializer } from '../platform/http/compiled-serializer.js';
import { problemResponses } from '../platform/http/problem-schema.js';
import { textsFor } from '../texts/index.js';
import { bookAppointment } from './book-appointment.js';
import type { BookingDeps } from './booking-deps.js';
import { type BotCheckDeps, requireSolvedChallenge } from './bot-check.js';
import { downloadCalendar } from './calendar-download.js';
import { CLIENT_ID_PATTERN, holdClientKey } from './hold-client.js';
import { createHold, extendHold, releaseHold } from './holds.js';
import {
  type Access,
  cancelAppointment,
  giveFeedback,
  rescheduleAppointment,
  viewAppointment,
} from './manage-appointment.js';
import {
  AppointmentSchema,
  BookedSchema,
  BookingRequestSchema,
  FeedbackRequestSchema,
  FeedbackSchema,
  HoldParamsSchema,
  HoldRequestSchema,
  HoldSchema,
  ReferenceParamsSchema,
  RescheduleRequestSchema,
  SendLinkRequestSchema,
  SendLinkSchema,
} from './schemas.js';
import { sendManageLink } from './send-link.js';

const bearer = { security: [{ manageToken: [] }] };
const altchaHeader = z
  .string()
  .max(2000)
  .meta({ description: 'A solved challenge of GET /api/v1/captcha: base64 JSON (the ALTCHA payload)' });

/** The manage token from `Authorization: Bearer …` (or `?token=` where a link must carry it). */
export function access(request: FastifyRequest<{ Params: { reference: string } }>, queryToken?: string): Access {
  const header = request.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : (queryToken ?? '');
  return { reference: request.params.reference.toUpperCase(), token, language: request.language };
}

export async function appointmentRoutes(
  app: FastifyInstance,
  deps: BookingDeps & BotCheckDeps & { config: { RATE_LIMIT_PER_MINUTE: number } },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limit = { rateLimit: { max: deps.config.RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } };
  // The routes of a rush (a hold, a booking, and the refusals of both) write their answers with compiled code.
  const hot = { serializerCompiler: compiledSerializer };
  // Appointments carry a name, an e-mail address, a phone number and needs: no cache may keep them.
  r.addHook('onRequest', (_request, reply, done) => {
    reply.header('cache-control', 'no-store');
    done();
  });

  r.post(
    '/api/v1/holds',
    {
      config: limit,
      ...hot,
      schema: {
        operationId: 'createHold',
        tags: ['booking'],
        summary: 'Keep a time while the resident fills in the form',
        description:
          'Takes a counter for `HOLD_MINUTES` (10 by default). A taken time is a 409 with `alternatives`. Needs a ' +
          'solved challenge of `GET /api/v1/captcha` in `X-Altcha` where the municipality asks for one (403 ' +
          '`captcha_required` otherwise). One client keeps at most `MAX_HOLDS_PER_CLIENT` (2) times at once: the ' +
          'client is the `X-Balie-Client` id when sent (the widget sends a random one per visit), else the address; ' +
          'a third is a 409 `too_many_holds` (let one go with `DELETE /api/v1/holds/{holdId}`).',
        headers: z.object({
          'x-altcha': altchaHeader.optional(),
          'x-balie-client': z
            .string()
            .regex(CLIENT_ID_PATTERN)
            .optional()
            .meta({ description: 'A random id (16–64 of `A-Z a-z 0-9 _ -`) for one visit of one resident.' }),
        }),
        body: HoldRequestSchema,
        response: { 201: HoldSchema, ...problemResponses(400, 403, 404, 409, 413, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      await requireSolvedChallenge(deps, request.body.location, request.headers['x-altcha']);
      const client = holdClientKey(deps.secretKey, request.headers['x-balie-client'], request.ip);
      return reply.code(201).send(await createHold(deps, { ...request.body, language: request.language, client }));
    },
  );

  r.post(
    '/api/v1/holds/:holdId/extend',
    {
      config: limit,
      schema: {
        operationId: 'extendHold',
        tags: ['booking'],
        summary: 'Keep the held time longer',
        description:
          'Gives a live hold `HOLD_MINUTES` more from now, up to three times its first length in all. ' +
          'A hold that ran out, was booked or is unknown is a 404: choose a time again.',
        params: HoldParamsSchema,
        response: { 200: HoldSchema, ...problemResponses(400, 404, 429) },
      },
    },
    (request) => extendHold(deps, request.params.holdId),
  );

  r.delete(
    '/api/v1/holds/:holdId',
    {
      config: limit,
      schema: {
        operationId: 'releaseHold',
        tags: ['booking'],
        summary: 'Let the held time go',
        description:
          'Frees the time at once, for a resident who chose another. Harmless when the hold is gone already.',
        params: HoldParamsSchema,
        response: { 204: z.null().meta({ description: 'The time is free again' }), ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      await releaseHold(deps, request.params.holdId);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/appointments',
    {
      config: limit,
      ...hot,
      schema: {
        operationId: 'bookAppointment',
        tags: ['booking'],
        summary: 'Book an appointment, from a hold or directly',
        description:
          'With `Idempotency-Key`, the same key and body return the same answer (a different body: 422). ' +
          'Without a key, the same body within a minute is answered with the first booking. A taken time is a 409 ' +
          'with the three nearest `alternatives`. `manageToken` is returned only here.',
        headers: z.object({
          'idempotency-key': z.string().min(8).max(200).optional(),
          'x-altcha': altchaHeader.optional(),
        }),
        body: BookingRequestSchema,
        response: { 201: BookedSchema, ...problemResponses(400, 403, 404, 409, 413, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      if (!request.body.holdId) await requireSolvedChallenge(deps, request.body.location, request.headers['x-altcha']);
      return reply.code(201).send(
        await bookAppointment(deps, request.body, {
          idempotencyKey: request.headers['idempotency-key'],
          language: request.language,
        }),
      );
    },
  );

  r.get(
    '/api/v1/appointments/:reference',
    {
      config: limit,
      schema: {
        operationId: 'getAppointment',
        tags: ['booking'],
        summary: 'The appointment, for the holder of its manage token',
        description: 'A wrong token and an unknown reference both give 404.',
        ...bearer,
        params: ReferenceParamsSchema,
        response: { 200: AppointmentSchema, ...problemResponses(404) },
      },
    },
    (request) => viewAppointment(deps, access(request)),
  );

  r.get(
    '/api/v1/appointments/:reference/calendar.ics',
    {
      config: limit,
      schema: {
        operationId: 'getCalendarFile',
        tags: ['booking'],
        summary: 'The appointment as a calendar file (iCalendar, METHOD:PUBLISH)',
        description:
          'The token goes in `Authorization: Bearer …` (the widget fetches the file so). `?token=` still works for ' +
          'links made before, but is deprecated: a token in an address ends up in logs and browser history.',
        ...bearer,
        params: ReferenceParamsSchema,
        querystring: z.object({ token: z.string().max(100).optional().meta({ deprecated: true }) }).strict(),
        produces: ['text/calendar'],
        response: { 200: z.string().meta({ description: 'text/calendar' }), ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const file = await downloadCalendar(deps, access(request, request.query.token));
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  r.post(
    '/api/v1/appointments/:reference/reschedule',
    {
      config: limit,
      schema: {
        operationId: 'rescheduleAppointment',
        tags: ['booking'],
        summary: 'Move the appointment to another time',
        description:
          'The new time is secured before the old one is released. A taken time is a 409 with `alternatives`; the ' +
          'old time is kept.',
        ...bearer,
        params: ReferenceParamsSchema,
        body: RescheduleRequestSchema,
        response: { 200: AppointmentSchema, ...problemResponses(400, 404, 409, 415, 422) },
      },
    },
    (request) => rescheduleAppointment(deps, access(request), request.body.start),
  );

  r.post(
    '/api/v1/appointments/:reference/cancel',
    {
      config: limit,
      schema: {
        operationId: 'cancelAppointment',
        tags: ['booking'],
        summary: 'Cancel the appointment; doing it twice is harmless',
        ...bearer,
        params: ReferenceParamsSchema,
        response: { 200: AppointmentSchema, ...problemResponses(404, 409) },
      },
    },
    (request) => cancelAppointment(deps, access(request)),
  );

  r.post(
    '/api/v1/appointments/:reference/feedback',
    {
      config: limit,
      schema: {
        operationId: 'giveFeedback',
        tags: ['booking'],
        summary: 'A score from 1 to 5 after the visit, with an optional comment',
        ...bearer,
        params: ReferenceParamsSchema,
        body: FeedbackRequestSchema,
        response: { 200: FeedbackSchema, ...problemResponses(400, 404, 409, 415) },
      },
    },
    (request) => giveFeedback(deps, access(request), request.body),
  );

  r.post(
    '/api/v1/appointments/:reference/send-link',
    {
      config: limit,
      schema: {
        operationId: 'sendManageLink',
        tags: ['booking'],
        summary: 'Mail the manage link again, for a resident who lost the e-mail',
        description:
          'Always 202, whether or not the address belongs to the appointment (the answer tells nothing). When it ' +
          'does, an e-mail with the manage link goes to that address; at most one every ten minutes.',
        params: ReferenceParamsSchema,
        body: SendLinkRequestSchema,
        response: { 202: SendLinkSchema, ...problemResponses(400, 415, 429) },
      },
    },
    async (request, reply) => {
      await sendManageLink(deps, request.params.reference.toUpperCase(), request.body.email);
      return reply.code(202).send({ message: textsFor(request.language).linkSent });
    },
  );
}
