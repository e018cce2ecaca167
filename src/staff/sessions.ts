import { createHash, randomBytes } from 'node:crypto';
import { requestFingerprint } from '../booking/manage-tokens.js';
import { TooMany, Unauthorized } from '../platform/errors.js';
import { decoyHash, passwordMatches } from '../platform/passwords.js';
import { SealedBox } from '../platform/sealed-box.js';
import { ACCOUNT_ALLOWANCE, ADDRESS_ALLOWANCE, FAILURE_WINDOW_MS, pauseSeconds } from './domain/login-pause.js';
import type { Role } from './domain/roles.js';
import { countFailures, forgetFailures, recordFailure } from './login-failure-store.js';
import { acceptedTotpStep, recoveryDigest } from './second-factor.js';
import { findLiveStaff, insertSession, type StaffSession, touchSession } from './session-store.js';
import type { Staff } from './staff.js';
import type { StaffDeps } from './staff-deps.js';
import { findUserByEmail, locationSlugsOf, type StaffUser, useRecoveryCode, useTotpStep } from './user-store.js';

export type { Staff } from './staff.js';

/** Who an audit row of a login is about, once known (filled in by `login`). */
export type AuditSubject = { userId?: string; municipalityId?: number };

export const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');
export const totpBox = (secretKey: string) => new SealedBox(secretKey, 'staff-totp');

/** Whether this role must log in with a second factor (STAFF_SECOND_FACTOR_ROLES). */
export const secondFactorDue = (deps: Pick<StaffDeps, 'config'>, role: Role) =>
  deps.config.STAFF_SECOND_FACTOR_ROLES.split(',').includes(role);

/** The session as the API shows it (DESIGN, "Staff API": session). */
export async function sessionView(deps: Pick<StaffDeps, 'db'>, staff: Staff) {
  const { user, session } = staff;
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      municipalities: [user.municipalitySlug],
      locations: user.locations.length > 0 ? user.locations : await locationSlugsOf(deps.db, user.municipalityId),
    },
    csrfToken: session.csrfToken,
    secondFactor: user.totpSecret
      ? ('on' as const)
      : session.secondFactorPending
        ? ('setup_required' as const)
        : ('off' as const),
  };
}

/**
 * Logs in: e-mail and password (argon2id), then the second factor where the account has one. Paused after too
 * many failures of the account or the address (domain/login-pause.ts); the same 401 for an unknown e-mail address
 * and a wrong password, in the same time. Returns the session's cookie token and the session.
 */
export async function login(
  deps: StaffDeps,
  request: { email: string; password: string; code?: string | undefined; address: string },
  subject: AuditSubject,
): Promise<{ token: string; staff: Staff }> {
  const now = deps.clock();
  const keys = {
    account: requestFingerprint(deps.secretKey, { staffLogin: request.email.trim().toLowerCase() }),
    address: requestFingerprint(deps.secretKey, { staffAddress: request.address }),
  };
  const failures = await countFailures(deps.db, keys, new Date(now.getTime() - FAILURE_WINDOW_MS));
  const wait = Math.max(
    pauseSeconds(failures.account, ACCOUNT_ALLOWANCE, now.getTime()),
    pauseSeconds(failures.address, ADDRESS_ALLOWANCE, now.getTime()),
  );
  if (wait > 0) throw new TooMany('login_paused', wait, { seconds: wait });

  const user = await findUserByEmail(deps.db, request.email);
  if (user) Object.assign(subject, { userId: user.id, municipalityId: user.municipalityId });
  const passwordOk = user?.active
    ? await passwordMatches(user.passwordHash, request.password)
    : await passwordMatches(await decoyHash(), request.password).then(() => false);
  if (!user || !passwordOk) {
    await recordFailure(deps.db, keys, now);
    throw new Unauthorized('login_failed');
  }
  if (user.totpSecret) {
    if (!request.code) throw new Unauthorized('second_factor_required');
    if (!(await secondFactorAccepted(deps, user, request.code, now))) {
      await recordFailure(deps.db, keys, now);
      throw new Unauthorized('second_factor_wrong');
    }
  }
  await forgetFailures(deps.db, keys.account);
  const token = randomBytes(32).toString('base64url');
  const session: StaffSession = {
    id: sessionId(token),
    userId: user.id,
    csrfToken: randomBytes(32).toString('base64url'),
    secondFactorPending: !user.totpSecret && secondFactorDue(deps, user.role),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + deps.config.STAFF_SESSION_HOURS * 3_600_000),
  };
  await insertSession(deps.db, session);
  return { token, staff: { session, user } };
}

/** A TOTP code of the account's app (once), or one of its recovery codes (once). */
async function secondFactorAccepted(deps: StaffDeps, user: StaffUser, code: string, now: Date): Promise<boolean> {
  const trimmed = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(trimmed)) {
    const secret = totpBox(deps.secretKey).open(user.totpSecret!);
    if (!secret) return false;
    const step = acceptedTotpStep(secret, trimmed, now, user.totpLastStep);
    return step !== undefined && (await useTotpStep(deps.db, user.id, step));
  }
  return useRecoveryCode(deps.db, user.id, recoveryDigest(trimmed), now);
}

/** The staff member behind a session cookie's token, or undefined when it is unknown, expired or switched off. */
export async function currentStaff(deps: StaffDeps, token: string): Promise<Staff | undefined> {
  const now = deps.clock();
  const id = sessionId(token);
  const idleMs = deps.config.STAFF_IDLE_HOURS * 3_600_000;
  const cached = deps.staffSessions.get(id, now.getTime());
  if (cached && cached.session.expiresAt > now && now.getTime() - cached.session.lastSeenAt.getTime() < idleMs)
    return cached;
  const staff = await findLiveStaff(deps.db, id, now, idleMs);
  if (!staff) return undefined;
  deps.staffSessions.set(id, staff, now.getTime());
  const { session } = staff;
  // The idle clock moves at most once a minute: one write per minute of work, not one per request.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await touchSession(deps.db, session.id, now);
  return staff;
}
