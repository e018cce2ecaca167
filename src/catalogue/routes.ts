import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Executor } from '../platform/database/database.js';
import { problemResponses } from '../platform/http/problem-schema.js';
import * as catalogue from './listings.js';
import {
  LocationSchema,
  LocationsQuerySchema,
  MunicipalitySchema,
  ServiceSchema,
  ServicesQuerySchema,
} from './schemas.js';

export async function catalogueRoutes(app: FastifyInstance, deps: { db: Executor }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/municipalities',
    {
      schema: {
        operationId: 'listMunicipalities',
        tags: ['catalogue'],
        summary: 'The municipalities served',
        querystring: z.object({}).strict(),
        response: { 200: z.array(MunicipalitySchema), ...problemResponses(400) },
      },
    },
    () => catalogue.listMunicipalities(deps),
  );

  r.get(
    '/api/v1/locations',
    {
      schema: {
        operationId: 'listLocations',
        tags: ['catalogue'],
        summary: 'Counter offices, with address and accessibility facts',
        querystring: LocationsQuerySchema,
        response: { 200: z.array(LocationSchema), ...problemResponses(400, 404) },
      },
    },
    (request) => catalogue.listLocations(deps, { ...request.query, language: request.language }),
  );

  r.get(
    '/api/v1/services',
    {
      schema: {
        operationId: 'listServices',
        tags: ['catalogue'],
        summary: 'Products that can be booked, with durations and what to bring',
        querystring: ServicesQuerySchema,
        response: { 200: z.array(ServiceSchema), ...problemResponses(400, 404, 422) },
      },
    },
    (request) => catalogue.listServices(deps, { ...request.query, language: request.language }),
  );
}
