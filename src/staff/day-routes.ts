import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ReferenceParamsSchema } from '../booking/schemas.js';
import { problemResponses } from '../platform/http/problem-schema.js';
import { scopedLocation } from './access.js';
import { locationDay } from './day.js';
import { findAppointments } from './find.js';
import { type OpenStreams, streamLocationChanges } from './live-day.js';
import { CHANGE, FRONT_OFFICE, SESSION } from './route-rules.js';
import {
  DayQuerySchema,
  DaySchema,
  EntrySchema,
  FindQuerySchema,
  FoundSchema,
  LocationParamsSchema,
  StatusBodySchema,
} from './schemas.js';
import type { StaffDeps } from './staff-deps.js';
import { changeStatus } from './status-change.js';

export async function dayRoutes(app: FastifyInstance, deps: StaffDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const streams: OpenStreams = new Set();
  // Open event streams would keep a closing server open.
  app.addHook('preClose', async () => {
    for (const end of streams) end();
  });

  r.get(
    '/api/v1/staff/locations/:location/day',
    {
      config: FRONT_OFFICE,
      schema: {
        operationId: 'staffDay',
        tags: ['staff'],
        summary: 'The day of a location at the counter, per counter',
        security: SESSION,
        params: LocationParamsSchema,
        querystring: DayQuerySchema,
        response: { 200: DaySchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      // The day's JSON as made once for every staff member who reads it (a buffer is sent as it is).
      const json = await locationDay(deps, request.staff!, request.params.location, request.query.date);
      return reply.type('application/json; charset=utf-8').send(json as unknown as z.infer<typeof DaySchema>);
    },
  );

  r.get(
    '/api/v1/staff/locations/:location/events',
    {
      config: { staff: { role: 'front_office', unaudited: true } },
      schema: {
        operationId: 'staffDayEvents',
        tags: ['staff'],
        summary: "The location's changes, live (server-sent events)",
        description:
          '`text/event-stream`: `event: change` with `{ location, date, start, end }` within a second of any change ' +
          "to the location's appointments or blocks, from any server process; read the day again then. " +
          '`event: session-ended` when the session is over.',
        security: SESSION,
        params: LocationParamsSchema,
        produces: ['text/event-stream'],
        response: { 200: z.string().meta({ description: 'The event stream' }), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const snapshot = await scopedLocation(deps, request.staff!, request.params.location);
      streamLocationChanges(deps, request, reply, snapshot, request.staff!, streams);
    },
  );

  r.post(
    '/api/v1/staff/appointments/:reference/status',
    {
      config: FRONT_OFFICE,
      schema: {
        operationId: 'staffSetStatus',
        tags: ['staff'],
        summary: 'Check in, start, finish, mark a no-show, or take one step back',
        description:
          'booked → checked_in (from an hour before the start) → serving → done; booked or checked_in → no_show ' +
          'from the start time on; one step back on the same day. Anything else, or a step a colleague made ' +
          'first, is a 409.',
        security: CHANGE,
        params: ReferenceParamsSchema,
        body: StatusBodySchema,
        response: { 200: EntrySchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    (request) =>
      changeStatus(deps, request.staff!, {
        reference: request.params.reference,
        status: request.body.status,
        language: request.language,
      }),
  );

  r.get(
    '/api/v1/staff/appointments',
    {
      config: FRONT_OFFICE,
      schema: {
        operationId: 'staffFindAppointments',
        tags: ['staff'],
        summary: 'Find appointments by reference, name, e-mail address or phone',
        security: SESSION,
        querystring: FindQuerySchema,
        response: { 200: FoundSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    (request) => findAppointments(deps, request.staff!, request.query),
  );
}
