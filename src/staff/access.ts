import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LocationSnapshot } from '../catalogue/location-snapshots.js';
import { Forbidden, NotFound, Unauthorized } from '../platform/errors.js';
import { type Role, roleAtLeast } from './domain/roles.js';
import { type AuditSubject, currentStaff, type Staff } from './sessions.js';
import type { StaffDeps } from './staff-deps.js';

/** What a staff route asks of its caller (route config `staff`). */
export type StaffRule = {
  /** The least role; every staff route needs a session unless `public`. */
  role?: Role;
  /** The login itself. */
  public?: boolean;
  /** Allowed while the account's second factor still has to be set up (the setup, the session, logout). */
  whileSettingUp?: boolean;
  /** Not written to the audit log (reading one's own session, the event stream). */
  unaudited?: boolean;
};

declare module 'fastify' {
  interface FastifyRequest {
    /** The staff member of a staff route, once access.ts let the request in. */
    staff?: Staff;
    /** Who a login's audit row is about (it has no session yet). */
    auditSubject?: AuditSubject;
    /** Staff's reason, for the audit row (an override, a cancellation). */
    auditNote?: string;
  }
  interface FastifyContextConfig {
    staff?: StaffRule;
  }
}

export const SESSION_COOKIE = 'balie_staff';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameToken = (given: unknown, expected: string) =>
  typeof given === 'string' &&
  given.length === expected.length &&
  timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/**
 * The staff side's door, for every route registered after it in its scope: a live session (401), the CSRF token
 * on every change (403), the second factor set up where due (403), the route's role (403). Scope (which
 * municipality and locations) is checked by the use case with `inScope`: outside it is a 404, as if it did not exist.
 */
export async function staffAccess(app: FastifyInstance, deps: StaffDeps) {
  await app.register(cookie);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const rule = request.routeOptions.config.staff ?? {};
    if (rule.public) return;
    const token = request.cookies[SESSION_COOKIE];
    const staff = token ? await currentStaff(deps, token) : undefined;
    if (!staff) throw new Unauthorized('session_required');
    request.staff = staff;
    if (!SAFE_METHODS.has(request.method) && !sameToken(request.headers['x-csrf-token'], staff.session.csrfToken))
      throw new Forbidden('csrf_required');
    if (staff.session.secondFactorPending && !rule.whileSettingUp) throw new Forbidden('second_factor_setup_required');
    if (rule.role && !roleAtLeast(staff.user.role, rule.role)) throw new Forbidden('role_too_low');
  });
}

/** The session cookie: HttpOnly, SameSite=Strict, Secure over https, for the API and the staff page. */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  options: { https: boolean; maxAgeSeconds: number },
) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: options.https,
    path: '/',
    maxAge: options.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, https: boolean) {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: https, path: '/' });
}

/** Whether a location is the staff member's: their municipality's, and one of theirs when they have a list. */
export function inScope(staff: Staff, location: { municipalityId: number; slug: string }): boolean {
  const { user } = staff;
  return (
    user.municipalityId === location.municipalityId &&
    (user.locations.length === 0 || user.locations.includes(location.slug))
  );
}

/** The snapshot of a location in the staff member's scope; any other is a 404, as if it did not exist. */
export async function scopedLocation(
  deps: Pick<StaffDeps, 'locations'>,
  staff: Staff,
  slug: string,
): Promise<LocationSnapshot> {
  const snapshot = await deps.locations.get(slug);
  if (!snapshot || !inScope(staff, snapshot.location)) throw new NotFound('location_not_found', { slug });
  return snapshot;
}
