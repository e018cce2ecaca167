import type { FastifyInstance } from 'fastify';
import { staffAccess } from './access.js';
import { accountRoutes } from './account-routes.js';
import { staffAudit } from './audit.js';
import { dayRoutes } from './day-routes.js';
import { sessionRoutes } from './session-routes.js';
import type { StaffDeps } from './staff-deps.js';

/** The staff API (DESIGN, "Staff API"): one scope, behind one door (access.ts), every request audited (audit.ts). */
export async function staffRoutes(app: FastifyInstance, deps: StaffDeps) {
  await staffAccess(app, deps);
  await staffAudit(app, deps);
  await app.register(sessionRoutes, deps);
  await app.register(dayRoutes, deps);
  await app.register(accountRoutes, deps);
}
