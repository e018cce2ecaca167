import { and, eq, lte, or, sql } from 'drizzle-orm';
import { municipalities, staffSessions, staffUsers } from '../../db/schema.js';
import { type Executor, queryRows } from '../platform/database/database.js';
import type { StaffUser } from './user-store.js';

export type StaffSession = typeof staffSessions.$inferSelect;

export async function insertSession(ex: Executor, session: StaffSession): Promise<void> {
  await ex.insert(staffSessions).values(session);
}

type LiveRow = {
  user_id: string;
  csrf_token: string;
  second_factor_pending: boolean;
  created_ms: string;
  seen_ms: string;
  expires_ms: string;
  municipality_id: number;
  municipality_slug: string;
  email: string;
  name: string;
  role: StaffUser['role'];
  locations: string[];
  password_hash: string;
  totp_secret: string | null;
  totp_pending: string | null;
  totp_last_step: number | null;
  recovery_codes: string[];
  active: boolean;
};

/**
 * A session that has not expired (neither idle longer than `idleMs` nor past its absolute end) with its active
 * account, in one round trip: every staff request asks this first.
 */
export async function findLiveStaff(
  ex: Executor,
  id: string,
  now: Date,
  idleMs: number,
): Promise<{ session: StaffSession; user: StaffUser } | undefined> {
  const ms = (column: string) => sql.raw(`(date_part('epoch', ${column}) * 1000)::int8`);
  const [row] = await queryRows<LiveRow>(
    ex,
    sql`select s.user_id, s.csrf_token, s.second_factor_pending, ${ms('s.created_at')} as created_ms,
      ${ms('s.last_seen_at')} as seen_ms, ${ms('s.expires_at')} as expires_ms, u.municipality_id,
      m.slug as municipality_slug, u.email, u.name, u.role, u.locations, u.password_hash, u.totp_secret,
      u.totp_pending, u.totp_last_step, u.recovery_codes, u.active
    from ${staffSessions} s join ${staffUsers} u on u.id = s.user_id
      join ${municipalities} m on m.id = u.municipality_id
    where s.id = ${id} and s.expires_at > ${now.toISOString()}::timestamptz
      and s.last_seen_at > ${new Date(now.getTime() - idleMs).toISOString()}::timestamptz and u.active`,
  );
  if (!row) return undefined;
  return {
    session: {
      id,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      secondFactorPending: row.second_factor_pending,
      createdAt: new Date(Number(row.created_ms)),
      lastSeenAt: new Date(Number(row.seen_ms)),
      expiresAt: new Date(Number(row.expires_ms)),
    },
    user: {
      id: row.user_id,
      municipalityId: row.municipality_id,
      municipalitySlug: row.municipality_slug,
      email: row.email,
      name: row.name,
      role: row.role,
      locations: row.locations,
      passwordHash: row.password_hash,
      totpSecret: row.totp_secret,
      totpPending: row.totp_pending,
      totpLastStep: row.totp_last_step,
      recoveryCodes: row.recovery_codes,
      active: row.active,
      createdAt: new Date(0),
      updatedAt: new Date(0),
    },
  };
}

export async function touchSession(ex: Executor, id: string, now: Date): Promise<void> {
  await ex.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.id, id));
}

export async function endSecondFactorWait(ex: Executor, userId: string): Promise<void> {
  await ex.update(staffSessions).set({ secondFactorPending: false }).where(eq(staffSessions.userId, userId));
}

export async function deleteSession(ex: Executor, id: string): Promise<void> {
  await ex.delete(staffSessions).where(eq(staffSessions.id, id));
}

/** Ends every session of an account (password changed, account switched off), but `keep`. */
export async function deleteSessionsOf(ex: Executor, userId: string, keep?: string): Promise<void> {
  await ex
    .delete(staffSessions)
    .where(and(eq(staffSessions.userId, userId), keep ? sql`${staffSessions.id} <> ${keep}` : undefined));
}

/** Housekeeping: sessions past their end or idle too long. */
export async function deleteExpiredSessions(ex: Executor, now: Date, idleMs: number): Promise<number> {
  const rows = await ex
    .delete(staffSessions)
    .where(or(lte(staffSessions.expiresAt, now), lte(staffSessions.lastSeenAt, new Date(now.getTime() - idleMs))))
    .returning({ id: staffSessions.id });
  return rows.length;
}
