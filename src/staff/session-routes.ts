import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../platform/http/problem-schema.js';
import { clearSessionCookie, setSessionCookie } from './access.js';
import { CHANGE, SESSION } from './route-rules.js';
import {
  LoginSchema,
  RecoveryCodesSchema,
  SecondFactorConfirmSchema,
  SecondFactorStartSchema,
  SessionSchema,
} from './schemas.js';
import { confirmSecondFactor, startSecondFactor } from './second-factor-setup.js';
import { deleteSession } from './session-store.js';
import { login, sessionView } from './sessions.js';
import type { StaffDeps } from './staff-deps.js';

export async function sessionRoutes(app: FastifyInstance, deps: StaffDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const https = deps.config.PUBLIC_BASE_URL.startsWith('https:');

  r.post(
    '/api/v1/staff/session',
    {
      config: { staff: { public: true } },
      schema: {
        operationId: 'staffLogin',
        tags: ['staff'],
        summary: 'Log in',
        description:
          'E-mail and password, and `code` where the account has a second factor (else 401 ' +
          '`second_factor_required`). A wrong e-mail or password is one 401 `login_failed`; after 10 failures of an ' +
          'account (50 of an address) each try waits, longer every time: 429 `login_paused` with `Retry-After`.',
        security: [],
        body: LoginSchema,
        response: { 200: SessionSchema, ...problemResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      request.auditSubject = {};
      const { token, staff } = await login(deps, { ...request.body, address: request.ip }, request.auditSubject);
      request.staff = staff;
      setSessionCookie(reply, token, { https, maxAgeSeconds: deps.config.STAFF_SESSION_HOURS * 3600 });
      return sessionView(deps, staff);
    },
  );

  r.get(
    '/api/v1/staff/session',
    {
      config: { staff: { whileSettingUp: true, unaudited: true } },
      schema: {
        operationId: 'staffSession',
        tags: ['staff'],
        summary: 'The current session (after a reload of the staff page)',
        security: SESSION,
        response: { 200: SessionSchema, ...problemResponses(401) },
      },
    },
    async (request) => {
      return sessionView(deps, request.staff!);
    },
  );

  r.delete(
    '/api/v1/staff/session',
    {
      config: { staff: { whileSettingUp: true } },
      schema: {
        operationId: 'staffLogout',
        tags: ['staff'],
        summary: 'Log out: the session is gone on the server',
        security: CHANGE,
        response: { 204: z.null().meta({ description: 'Logged out' }), ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await deleteSession(deps.db, request.staff!.session.id);
      deps.staffSessions.forgetSession(request.staff!.session.id);
      clearSessionCookie(reply, https);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/staff/session/second-factor',
    {
      config: { staff: { whileSettingUp: true } },
      schema: {
        operationId: 'staffStartSecondFactor',
        tags: ['staff'],
        summary: 'Set up (or renew) the second factor: a new secret for an authenticator app',
        security: CHANGE,
        response: { 200: SecondFactorStartSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      return startSecondFactor(deps, request.staff!);
    },
  );

  r.post(
    '/api/v1/staff/session/second-factor/confirm',
    {
      config: { staff: { whileSettingUp: true } },
      schema: {
        operationId: 'staffConfirmSecondFactor',
        tags: ['staff'],
        summary: 'Confirm the new secret with a code from the app; answers ten recovery codes, once',
        security: CHANGE,
        body: SecondFactorConfirmSchema,
        response: { 200: RecoveryCodesSchema, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request) => {
      return confirmSecondFactor(deps, request.staff!, request.body.code);
    },
  );
}
