import { and, eq, inArray, sql } from 'drizzle-orm';
import { outbox } from '../../db/schema.js';
import { type Executor, queryRows } from './database/database.js';

export type MessageKind = (typeof outbox.$inferInsert)['kind'];
export type MessageDetails = NonNullable<(typeof outbox.$inferInsert)['details']>;
export type OutboxRow = {
  id: string;
  appointmentId: string;
  kind: MessageKind;
  sequence: number;
  attempts: number;
  details: MessageDetails | null;
};

export type NewMessage = {
  appointmentId: string;
  kind: MessageKind;
  sequence: number;
  at: Date;
  details?: MessageDetails | undefined;
};

/**
 * Queues messages, each due `at` (the service's clock), in the transaction of the change that causes them
 * (DESIGN invariant 4), with one statement.
 */
export async function enqueueMessages(ex: Executor, messages: NewMessage[], now: Date): Promise<void> {
  if (messages.length === 0) return;
  await ex.insert(outbox).values(
    messages.map((m) => ({
      appointmentId: m.appointmentId,
      kind: m.kind,
      sequence: m.sequence,
      details: m.details ?? null,
      nextAttemptAt: m.at,
      createdAt: now,
    })),
  );
}

/** Drops the reminder and feedback request not sent yet (after a move or a cancellation). */
export async function dropScheduled(ex: Executor, appointmentId: string): Promise<void> {
  await ex
    .delete(outbox)
    .where(
      and(
        eq(outbox.appointmentId, appointmentId),
        inArray(outbox.kind, ['reminder', 'feedback']),
        eq(outbox.status, 'pending'),
      ),
    );
}

/**
 * Claims up to `limit` messages that are due, skipping rows other workers hold (FOR UPDATE SKIP LOCKED). A claim
 * is a lease: a worker that dies before marking its messages leaves them to be claimed again after `leaseMs`.
 */
export async function claimMessages(ex: Executor, now: Date, limit: number, leaseMs: number): Promise<OutboxRow[]> {
  const rows = await queryRows<{
    id: string;
    appointment_id: string;
    kind: MessageKind;
    sequence: number;
    attempts: number;
    details: MessageDetails | string | null;
  }>(
    ex,
    sql`
    update ${outbox} set status = 'sending', attempts = ${outbox.attempts} + 1,
      next_attempt_at = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
    where ${outbox.id} in (
      select ${outbox.id} from ${outbox}
      where ${outbox.status} in ('pending', 'sending') and ${outbox.nextAttemptAt} <= ${now.toISOString()}::timestamptz
      order by ${outbox.nextAttemptAt}
      limit ${limit}
      for update skip locked)
    returning id, appointment_id, kind, sequence, attempts, details`,
  );
  return rows.map((r) => ({
    details: typeof r.details === 'string' ? (JSON.parse(r.details) as MessageDetails) : r.details,
    id: r.id,
    appointmentId: r.appointment_id,
    kind: r.kind,
    sequence: r.sequence,
    attempts: r.attempts,
  }));
}

export async function markSent(ex: Executor, id: string, now: Date, note: string | null = null): Promise<void> {
  await ex.update(outbox).set({ status: 'sent', sentAt: now, lastError: note }).where(eq(outbox.id, id));
}

/** Tries again later, or gives up into `failed` (visible to staff) after `maxAttempts`. */
export async function markFailed(
  ex: Executor,
  row: OutboxRow,
  error: string,
  retryAt: Date,
  maxAttempts: number,
): Promise<'retry' | 'failed'> {
  const failed = row.attempts >= maxAttempts;
  await ex
    .update(outbox)
    .set({ status: failed ? 'failed' : 'pending', nextAttemptAt: retryAt, lastError: error.slice(0, 500) })
    .where(eq(outbox.id, row.id));
  return failed ? 'failed' : 'retry';
}

/** Messages by status: pending, sending, sent, failed (for the metrics). */
export async function countMessages(ex: Executor): Promise<Record<string, number>> {
  const rows = await ex
    .select({ status: outbox.status, n: sql<number>`count(*)::int` })
    .from(outbox)
    .groupBy(outbox.status);
  const counts: Record<string, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}
