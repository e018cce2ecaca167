import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../platform/http/problem-schema.js';
import { closeCounters } from './closures.js';
import { changeCounter, createCounter, listCounters } from './counters.js';
import type { CallerDeps } from './for-caller.js';
import { readOpeningHours, writeOpeningHours } from './opening-hours.js';
import { CHANGE, LOCATION_MANAGER, SESSION } from './route-rules.js';
import {
  ClosureRequestSchema,
  ClosureSchema,
  CounterCreateSchema,
  CounterListSchema,
  CounterParamsSchema,
  CounterPatchSchema,
  CounterSchema,
  DryRunQuerySchema,
  LocationParamsSchema,
  OpeningHoursChangeSchema,
  OpeningHoursSavedSchema,
  OpeningHoursSchema,
  ServiceParamsSchema,
  ServiceSettingListSchema,
  ServiceSettingPatchSchema,
  ServiceSettingSchema,
} from './schemas.js';
import { changeServiceSettings, readServiceSettings } from './service-settings.js';

/** What a location manager changes: opening hours and exceptions, counters, service settings, closures. */
export async function scheduleRoutes(app: FastifyInstance, deps: CallerDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/staff/locations/:location/opening-hours',
    {
      config: LOCATION_MANAGER,
      schema: {
        operationId: 'staffOpeningHours',
        tags: ['staff'],
        summary: "A location's weekly opening hours and its exceptions by date",
        security: SESSION,
        params: LocationParamsSchema,
        response: { 200: OpeningHoursSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    (request) => readOpeningHours(deps, request.staff!, request.params.location),
  );

  r.put(
    '/api/v1/staff/locations/:location/opening-hours',
    {
      config: LOCATION_MANAGER,
      schema: {
        operationId: 'staffSetOpeningHours',
        tags: ['staff'],
        summary: "Replace a location's weekly opening hours and exceptions",
        description:
          'Checked field by field (422 `schedule_invalid`: times not on the grid, closing before opening, ' +
          'overlapping periods, dates in the wrong order, a closed date without a reason). Booked appointments ' +
          'the new hours leave outside → 409 `hours_strand_appointments` with `appointments`, unless ' +
          '`confirm: true` (they stay booked and are listed in `stranded`). `?dryRun=true` saves nothing and ' +
          'shows `stranded` and `impact`: per day of the next six weeks, the start times residents gain and lose. ' +
          'Public holidays stay closed unless an exception opens them.',
        security: CHANGE,
        params: LocationParamsSchema,
        querystring: DryRunQuerySchema,
        body: OpeningHoursChangeSchema,
        response: { 200: OpeningHoursSavedSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    (request) =>
      writeOpeningHours(deps, request.staff!, request.params.location, request.body, {
        dryRun: request.query.dryRun === 'true',
      }),
  );

  r.get(
    '/api/v1/staff/locations/:location/counters',
    {
      config: LOCATION_MANAGER,
      schema: {
        operationId: 'staffCounters',
        tags: ['staff'],
        summary: "A location's counters",
        security: SESSION,
        params: LocationParamsSchema,
        response: { 200: CounterListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    (request) => listCounters(deps, request.staff!, request.params.location),
  );

  r.post(
    '/api/v1/staff/locations/:location/counters',
    {
      config: LOCATION_MANAGER,
      schema: {
        operationId: 'staffCreateCounter',
        tags: ['staff'],
        summary: 'Add a counter',
        description:
          "Open for online booking unless `online: false`; serves all of the location's services unless " +
          '`services` names some. A name the location has already → 409 `counter_name_taken`.',
        security: CHANGE,
        params: LocationParamsSchema,
        body: CounterCreateSchema,
        response: { 201: CounterSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCounter(deps, request.staff!, request.params.location, request.body)),
  );

  r.patch(
    '/api/v1/staff/locations/:location/counters/:counter',
    {
      config: LOCATION_MANAGER,
      schema: {
        operationId: 'staffChangeCounter',
        tags: ['staff'],
        summary: 'Rename a counter, open or close it for online booking, choose its services, or take it away',
        description:
          'A change that leaves booked appointments the counter can no longer serve (services it stops serving) → ' +
          '409 `counter_has_appointments` with `appointments`, unless `confirm: true`. A counter with booked ' +
          'appointments is not taken away (`active: false`): close it for their times first.',
        security: CHANGE,
        params: CounterParamsSchema,
        body: CounterPatchSchema,
        response: { 200: CounterSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    (request) => changeCounter(deps, request.staff!, request.params, request.body),
  );

  r.get(
    '/api/v1/staff/locations/:location/services',
    {
      config: LOCATION_MANAGER,
      schema: {
        operationId: 'staffServiceSettings',
        tags: ['staff'],
        summary: "The location's services with the minutes, notice and horizon residents book by",
        security: SESSION,
        params: LocationParamsSchema,
        response: { 200: ServiceSettingListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    (request) => readServiceSettings(deps, request.staff!, request.params.location),
  );

  r.patch(
    '/api/v1/staff/locations/:location/services/:service',
    {
      config: LOCATION_MANAGER,
      schema: {
        operationId: 'staffChangeServiceSettings',
        tags: ['staff'],
        summary: 'Set how the location offers a service: minutes per person, fixed minutes, notice, horizon',
        description: "`null` sets one back to the service's own. Booked appointments keep their times.",
        security: CHANGE,
        params: ServiceParamsSchema,
        body: ServiceSettingPatchSchema,
        response: { 200: ServiceSettingSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    (request) => changeServiceSettings(deps, request.staff!, request.params, request.body),
  );

  r.post(
    '/api/v1/staff/closures',
    {
      config: LOCATION_MANAGER,
      schema: {
        operationId: 'staffClose',
        tags: ['staff'],
        summary: 'Close counters or a whole location for a period (illness, a power failure)',
        description:
          'Each booked appointment in the period is moved to the nearest free time that fits its services, ' +
          'persons and needs (this location first, then another of the municipality that offers them), or else ' +
          'cancelled; each resident gets exactly one message (moved: old and new time, the reason, the calendar ' +
          'update; cancelled: the reason, alternatives, a link to book again). The time is blocked. `dryRun: true` ' +
          '→ 200 with what would happen, nothing written. Applied → 201; the same closure again → 200 with ' +
          '`replayed: true` and the first answer, nothing more changed. All counters when `counters` is left out.',
        security: CHANGE,
        body: ClosureRequestSchema,
        response: { 200: ClosureSchema, 201: ClosureSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      request.auditNote = `${request.body.location}: ${request.body.reason}`;
      const { blocks: _, ...closure } = await closeCounters(deps, request.staff!, request.body);
      return reply.code(closure.dryRun || closure.replayed ? 200 : 201).send(closure);
    },
  );
}
