import { and, eq, lte, sql } from 'drizzle-orm';
import { appointments, locations } from '../../db/schema.js';
import type { ClaimWriter } from '../claims/claim-writes.js';
import { holdEndAsListed } from '../claims/claims-store.js';
import { timeLockKeys } from '../claims/time-locks.js';
import { type Executor, queryRows } from '../platform/database/database.js';
import { intArray } from '../platform/database/sql-arrays.js';
import { sqlState } from '../platform/database/sql-errors.js';

export type NewHold = {
  municipalityId: number;
  locationId: number;
  /** The counters to try, best first: the first the exclusion constraint lets through takes the hold. */
  counters: number[];
  start: Date;
  end: Date;
  expiresAt: Date;
  /** The service's clock (an extension is measured from it). */
  createdAt: Date;
  items: { serviceId: number; persons: number }[];
  /** holdClientKey(): who made it, and how many live holds that client may keep. */
  client: string;
  maxHolds: number;
};

export type HoldOutcome = { outcome: 'held'; holdId: string } | { outcome: 'taken' | 'too_many_holds' };

/** The refusals of balie_hold (balie-hold.sql), by SQLSTATE. */
const REFUSALS: Record<string, 'taken' | 'too_many_holds'> = { BL002: 'taken', BL004: 'too_many_holds' };

/**
 * Writes a hold in one statement, one round trip (balie_hold, balie-hold.sql): the client's limit, the time's locks,
 * the claim on the first counter of `counters` that is free, and its items; nothing at all when it is refused.
 */
export async function writeHold(w: ClaimWriter, hold: NewHold): Promise<HoldOutcome> {
  let rows: { hold_id: string; counter_id: number; transaction: string }[];
  try {
    rows = await queryRows(
      w.ex,
      sql`select * from balie_hold(
        ${hold.client}, ${hold.maxHolds}::int, ${hold.createdAt.toISOString()}::timestamptz,
        ${hold.expiresAt.toISOString()}::timestamptz, ${hold.municipalityId}::int, ${hold.locationId}::int,
        ${intArray(timeLockKeys(hold.locationId, hold.start, hold.end))}::int8[], ${intArray(hold.counters)}::int[],
        ${hold.start.toISOString()}::timestamptz, ${hold.end.toISOString()}::timestamptz,
        ${intArray(hold.items.map((i) => i.serviceId))}::int[], ${intArray(hold.items.map((i) => i.persons))}::int[])`,
    );
  } catch (error) {
    const refusal = REFUSALS[sqlState(error) ?? ''];
    if (refusal) return { outcome: refusal };
    throw error;
  }
  const row = rows[0]!;
  w.touched(hold.locationId, hold.start, hold.end, {
    claim: {
      id: row.hold_id,
      counterId: row.counter_id,
      start: hold.start.getTime(),
      end: hold.end.getTime(),
      holdExpiresAt: holdEndAsListed(hold.expiresAt.getTime()),
      tag: null,
    },
    transaction: row.transaction,
  });
  return { outcome: 'held', holdId: row.hold_id };
}

/**
 * Every hold that ran out, anywhere (the timer's sweep). No claim writer: an expired hold already counts as free
 * everywhere (claims-store.ts), so its release changes nothing anyone sees.
 */
export async function releaseAllExpiredHolds(ex: Executor, now: Date): Promise<number> {
  const rows = await ex
    .update(appointments)
    .set({ status: 'cancelled', updatedAt: now })
    .where(and(eq(appointments.status, 'held'), lte(appointments.holdExpiresAt, now)))
    .returning({ id: appointments.id });
  return rows.length;
}

export type LiveHold = {
  id: string;
  locationId: number;
  locationSlug: string;
  start: Date;
  end: Date;
  expiresAt: Date;
};

/**
 * Gives a live hold a new end of `expiresAt`, but never past `createdAt + longest`. Returns the hold, or
 * undefined when it is unknown, booked, or ran out already.
 */
export async function extendLiveHold(
  w: ClaimWriter,
  id: string,
  expiresAt: Date,
  longestMinutes: number,
  now: Date,
): Promise<LiveHold | undefined> {
  const [row] = await queryRows<{
    id: string;
    location_id: number;
    location_slug: string;
    start_ms: string;
    end_ms: string;
    expires_ms: string;
  }>(
    w.ex,
    sql`
    update ${appointments}
    set hold_expires_at = least(${expiresAt.toISOString()}::timestamptz, ${appointments.createdAt} +
      make_interval(mins => ${longestMinutes})),
        updated_at = ${now.toISOString()}::timestamptz
    where ${appointments.id} = ${id} and ${appointments.status} = 'held'
      and ${appointments.holdExpiresAt} > ${now.toISOString()}::timestamptz
    returning id, location_id, (select slug from ${locations} where ${locations.id} = location_id) as location_slug,
      (date_part('epoch', starts_at) * 1000)::int8 as start_ms, (date_part('epoch', ends_at) * 1000)::int8 as end_ms,
      (date_part('epoch', hold_expires_at) * 1000)::int8 as expires_ms`,
  );
  if (!row) return undefined;
  const hold = {
    id: row.id,
    locationId: row.location_id,
    locationSlug: row.location_slug,
    start: new Date(Number(row.start_ms)),
    end: new Date(Number(row.end_ms)),
    expiresAt: new Date(Number(row.expires_ms)),
  };
  w.touched(hold.locationId, hold.start, hold.end);
  return hold;
}

/** Lets a live hold go at once (the resident chose another time). Returns it, or undefined when there was none. */
export async function releaseLiveHold(w: ClaimWriter, id: string, now: Date): Promise<boolean> {
  const [row] = await w.ex
    .update(appointments)
    .set({ status: 'cancelled', updatedAt: now })
    .where(and(eq(appointments.id, id), eq(appointments.status, 'held')))
    .returning({ locationId: appointments.locationId, start: appointments.startsAt, end: appointments.endsAt });
  if (row) w.touched(row.locationId, row.start, row.end);
  return row !== undefined;
}

/** Holds that keep a time now (for the metrics). */
export async function countLiveHolds(ex: Executor, now: Date): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    ex,
    sql`select count(*)::int as n from ${appointments}
      where status = 'held' and hold_expires_at > ${now.toISOString()}::timestamptz`,
  );
  return row?.n ?? 0;
}
