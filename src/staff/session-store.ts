import { and, eq, gt, lte, or, sql } from 'drizzle-orm';
import { staffSessions } from '../../db/schema.js';
import type { Executor } from '../platform/database/database.js';

export type StaffSession = typeof staffSessions.$inferSelect;

export async function insertSession(ex: Executor, session: StaffSession): Promise<void> {
  await ex.insert(staffSessions).values(session);
}

/** A session that has not expired: neither idle longer than `idleMs` nor past its absolute end. */
export async function findLiveSession(
  ex: Executor,
  id: string,
  now: Date,
  idleMs: number,
): Promise<StaffSession | undefined> {
  const [row] = await ex
    .select()
    .from(staffSessions)
    .where(
      and(
        eq(staffSessions.id, id),
        gt(staffSessions.expiresAt, now),
        gt(staffSessions.lastSeenAt, new Date(now.getTime() - idleMs)),
      ),
    );
  return row;
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
