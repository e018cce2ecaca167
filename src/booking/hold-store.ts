import { and, eq, lte, sql } from 'drizzle-orm';
import { appointmentItems, appointments, locations } from '../../db/schema.js';
import type { ClaimWriter } from '../claims/claim-writes.js';
import { type Executor, queryRows } from '../platform/database/database.js';

export type NewHold = {
  municipalityId: number;
  locationId: number;
  counterId: number;
  start: Date;
  end: Date;
  expiresAt: Date;
  /** The service's clock (an extension is measured from it). */
  createdAt: Date;
  items: { serviceId: number; persons: number }[];
  /** holdClientKey(): who made it. */
  client: string;
};

/**
 * Inserts a hold with its items in one statement. Returns undefined when the exclusion constraint finds the
 * counter taken then (no savepoint needed). Bookings are written by `writeBooking` (store/book.ts).
 */
export async function insertHold(w: ClaimWriter, hold: NewHold): Promise<string | undefined> {
  const [row] = await queryRows<{ id: string }>(
    w.ex,
    sql`
    with a as (
      insert into ${appointments} (municipality_id, location_id, counter_id, starts_at, ends_at, status,
        hold_expires_at, hold_client, created_at, updated_at)
      values (${hold.municipalityId}, ${hold.locationId}, ${hold.counterId}, ${hold.start.toISOString()}::timestamptz,
        ${hold.end.toISOString()}::timestamptz, 'held', ${hold.expiresAt.toISOString()}::timestamptz, ${hold.client},
        ${hold.createdAt.toISOString()}::timestamptz, ${hold.createdAt.toISOString()}::timestamptz)
      on conflict on constraint appointments_no_overlap do nothing
      returning id)
    insert into ${appointmentItems} (appointment_id, service_id, persons)
    select a.id, x.service_id, x.persons
    from a, unnest(${`{${hold.items.map((i) => i.serviceId).join(',')}}`}::int[],
      ${`{${hold.items.map((i) => i.persons).join(',')}}`}::int[]) as x(service_id, persons)
    returning appointment_id as id`,
  );
  if (row) w.touched(hold.locationId, hold.start, hold.end);
  return row?.id;
}

/**
 * The live holds of one client, counted while no other hold of theirs can be made: the lock waits for their other
 * hold transactions (a two-int key, apart from the time locks' one-bigint keys; taken before them). Two statements:
 * a count in the locking statement would read the snapshot from before the wait and miss the hold just made.
 */
export async function lockAndCountClientHolds(ex: Executor, client: string, now: Date): Promise<number> {
  await ex.execute(sql`select pg_advisory_xact_lock(2, hashtext(${client}))`);
  const [row] = await queryRows<{ n: number }>(
    ex,
    sql`select count(*)::int as n from ${appointments}
      where status = 'held' and hold_client = ${client} and hold_expires_at > ${now.toISOString()}::timestamptz`,
  );
  return row?.n ?? 0;
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
