import type { FastifyInstance } from 'fastify';
import { staffAccess } from './access.js';
import { accountRoutes } from './account-routes.js';
import { staffAudit } from './audit.js';
import { callerRoutes } from './caller-routes.js';
import { dayRoutes } from './day-routes.js';
import type { CallerDeps } from './for-caller.js';
import { scheduleRoutes } from './schedule-routes.js';
import { sessionRoutes } from './session-routes.js';

/** The staff API (DESIGN, "Staff API"): one scope, behind one door (access.ts), every request audited (audit.ts). */
export async function staffRoutes(app: FastifyInstance, deps: CallerDeps) {
  await staffAccess(app, deps);
  // Staff answers carry names, e-mail addresses, phone numbers, needs and tokens: no cache may keep them.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  await staffAudit(app, deps);
  await app.register(sessionRoutes, deps);
  await app.register(dayRoutes, deps);
  await app.register(callerRoutes, deps);
  await app.register(scheduleRoutes, deps);
  await app.register(accountRoutes, deps);
}
