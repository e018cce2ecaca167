import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../platform/http/problem-schema.js';
import { addDays } from '../platform/time/dates.js';
import { dayBounds } from '../platform/time/zoned-time.js';
import { changeAccount, createAccount, listAccounts } from './accounts.js';
import { readAudit } from './audit.js';
import { ADMIN, CHANGE, SESSION } from './route-rules.js';
import {
  AccountChangeSchema,
  AccountParamsSchema,
  AccountSchema,
  AccountsSchema,
  AuditQuerySchema,
  AuditSchema,
  NewAccountSchema,
} from './schemas.js';
import type { StaffDeps } from './staff-deps.js';

export async function accountRoutes(app: FastifyInstance, deps: StaffDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/staff/users',
    {
      config: ADMIN,
      schema: {
        operationId: 'staffListUsers',
        tags: ['staff'],
        summary: "The staff accounts of the admin's municipality",
        security: SESSION,
        response: { 200: AccountsSchema, ...problemResponses(401, 403) },
      },
    },
    (request) => listAccounts(deps, request.staff!),
  );

  r.post(
    '/api/v1/staff/users',
    {
      config: ADMIN,
      schema: {
        operationId: 'staffCreateUser',
        tags: ['staff'],
        summary: 'Make a staff account',
        security: CHANGE,
        body: NewAccountSchema,
        response: { 201: AccountSchema, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createAccount(deps, request.staff!, request.body)),
  );

  r.patch(
    '/api/v1/staff/users/:id',
    {
      config: ADMIN,
      schema: {
        operationId: 'staffChangeUser',
        tags: ['staff'],
        summary: 'Change an account: name, role, locations, switched off, a new password, the second factor reset',
        security: CHANGE,
        params: AccountParamsSchema,
        body: AccountChangeSchema,
        response: { 200: AccountSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    (request) => changeAccount(deps, request.staff!, request.params.id, request.body),
  );

  r.get(
    '/api/v1/staff/audit',
    {
      config: ADMIN,
      schema: {
        operationId: 'staffAudit',
        tags: ['staff'],
        summary: 'Who did what to which object, when, with what result (no personal data)',
        security: SESSION,
        querystring: AuditQuerySchema,
        response: { 200: AuditSchema, ...problemResponses(400, 401, 403) },
      },
    },
    (request) => {
      const zone = 'Europe/Amsterdam';
      const from = new Date(dayBounds(request.query.from, zone).start);
      const to = new Date(dayBounds(addDays(request.query.to, 1), zone).start);
      return readAudit(deps, request.staff!, from, to);
    },
  );
}
