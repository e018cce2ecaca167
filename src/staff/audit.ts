import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listAudit } from './audit-store.js';
import type { Staff } from './sessions.js';
import type { StaffDeps } from './staff-deps.js';

/**
 * Writes an audit row for every staff request that reached a route, whatever its answer: who (the account), what
 * (the operation), which object (a reference, an id or a location slug from the path, never a name), the status.
 * One hook for every route, so that no new action can forget it.
 */
export async function staffAudit(app: FastifyInstance, deps: Pick<StaffDeps, 'audit' | 'clock'>) {
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const rule = request.routeOptions.config.staff;
    if (!request.routeOptions.url || rule?.unaudited) return;
    const who = request.staff?.user ?? request.auditSubject;
    const userId = request.staff?.user.id ?? request.auditSubject?.userId ?? null;
    const municipalityId = request.staff?.user.municipalityId ?? request.auditSubject?.municipalityId ?? null;
    if (!who && !request.auditSubject) return;
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    const entry = {
      at: deps.clock(),
      municipalityId,
      userId,
      action: String(request.routeOptions.schema?.operationId ?? `${request.method} ${request.routeOptions.url}`),
      object: params.reference?.toUpperCase() ?? params.id ?? params.location ?? null,
      status: reply.statusCode,
      note: request.auditNote ?? null,
    };
    await deps.audit
      .write(entry, { now: request.method !== 'GET' })
      .catch((error: unknown) => request.log.error({ err: error }, 'audit row not written'));
  });
}

/** An admin reads their municipality's audit log for a period. */
export async function readAudit(deps: Pick<StaffDeps, 'db' | 'audit'>, staff: Staff, from: Date, to: Date) {
  await deps.audit.flush();
  const rows = await listAudit(deps.db, staff.user.municipalityId, from, to, 5_000);
  return { entries: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
}
