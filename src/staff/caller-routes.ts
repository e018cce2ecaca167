import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ReferenceParamsSchema } from '../booking/schemas.js';
import { problemResponses } from '../platform/http/problem-schema.js';
import { createBlock, deleteBlock } from './blocks.js';
import { bookForCaller, type CallerDeps, cancelForCaller, rescheduleForCaller } from './for-caller.js';
import { CHANGE, FRONT_OFFICE } from './route-rules.js';
import {
  BlockParamsSchema,
  BlockRequestSchema,
  BlockSchema,
  CallerBookedSchema,
  CallerBookingSchema,
  CallerCancelSchema,
  CallerRescheduleSchema,
  EntrySchema,
} from './schemas.js';

/** Booking, moving and cancelling for a caller or a walk-in, and blocking a counter's time. */
export async function callerRoutes(app: FastifyInstance, deps: CallerDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/staff/appointments',
    {
      config: FRONT_OFFICE,
      schema: {
        operationId: 'staffBook',
        tags: ['staff'],
        summary: 'Book for a caller or a walk-in',
        description:
          'As `POST /api/v1/appointments`, plus: any notice, counters closed to online booking (`counter`), no ' +
          'e-mail address needed (print the confirmation at `printUrl`), a walk-in without `start` takes the ' +
          'first free counter now, and `overrideReason` books past the limit per e-mail address (audited).',
        security: CHANGE,
        body: CallerBookingSchema,
        response: { 201: CallerBookedSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      if (request.body.overrideReason) request.auditNote = request.body.overrideReason;
      const booked = await bookForCaller(deps, request.staff!, request.body, request.language);
      return reply.code(201).send(booked);
    },
  );

  r.post(
    '/api/v1/staff/appointments/:reference/reschedule',
    {
      config: FRONT_OFFICE,
      schema: {
        operationId: 'staffReschedule',
        tags: ['staff'],
        summary: 'Move an appointment for a caller (no manage token needed)',
        security: CHANGE,
        params: ReferenceParamsSchema,
        body: CallerRescheduleSchema,
        response: { 200: EntrySchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    (request) => rescheduleForCaller(deps, request.staff!, request.params.reference, request.body, request.language),
  );

  r.post(
    '/api/v1/staff/appointments/:reference/cancel',
    {
      config: FRONT_OFFICE,
      schema: {
        operationId: 'staffCancel',
        tags: ['staff'],
        summary: 'Cancel an appointment for a caller (no manage token needed)',
        security: CHANGE,
        params: ReferenceParamsSchema,
        body: CallerCancelSchema.optional(),
        response: { 200: EntrySchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) => {
      if (request.body?.reason) request.auditNote = request.body.reason;
      return cancelForCaller(deps, request.staff!, request.params.reference, request.language);
    },
  );

  r.post(
    '/api/v1/staff/blocks',
    {
      config: FRONT_OFFICE,
      schema: {
        operationId: 'staffCreateBlock',
        tags: ['staff'],
        summary: "Block a counter's time (a meeting, a broken printer)",
        description: 'Over a live appointment → 409 `block_over_appointments` with `appointments: [reference]`.',
        security: CHANGE,
        body: BlockRequestSchema,
        response: { 201: BlockSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      request.auditNote = request.body.reason;
      return reply.code(201).send(await createBlock(deps, request.staff!, request.body));
    },
  );

  r.delete(
    '/api/v1/staff/blocks/:id',
    {
      config: FRONT_OFFICE,
      schema: {
        operationId: 'staffDeleteBlock',
        tags: ['staff'],
        summary: 'Lift a block: the time is free again',
        security: CHANGE,
        params: BlockParamsSchema,
        response: { 204: z.null().meta({ description: 'Lifted' }), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteBlock(deps, request.staff!, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
