import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { appointmentItems, appointments, locations, services } from '../../db/schema.js';
import { queryRows, type Executor } from '../platform/database/database.js';

export type AppointmentRow = typeof appointments.$inferSelect;
export type AppointmentItemRow = { serviceId: number; slug: string; nameNl: string; nameEn: string; persons: number; bringNl: string[]; bringEn: string[] };
export type AppointmentWithItems = AppointmentRow & { locationSlug: string; items: AppointmentItemRow[] };

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
};

/**
 * Inserts a hold with its items in one statement. Returns undefined when the exclusion constraint finds the
 * counter taken then (no savepoint needed). Bookings are written by `writeBooking` (store/book.ts).
 */
export async function insertHold(ex: Executor, hold: NewHold): Promise<string | undefined> {
  const [row] = await queryRows<{ id: string }>(ex, sql`
    with a as (
      insert into ${appointments} (municipality_id, location_id, counter_id, starts_at, ends_at, status, hold_expires_at, created_at, updated_at)
      values (${hold.municipalityId}, ${hold.locationId}, ${hold.counterId}, ${hold.start.toISOString()}::timestamptz,
        ${hold.end.toISOString()}::timestamptz, 'held', ${hold.expiresAt.toISOString()}::timestamptz,
        ${hold.createdAt.toISOString()}::timestamptz, ${hold.createdAt.toISOString()}::timestamptz)
      on conflict on constraint appointments_no_overlap do nothing
      returning id)
    insert into ${appointmentItems} (appointment_id, service_id, persons)
    select a.id, x.service_id, x.persons
    from a, unnest(${`{${hold.items.map((i) => i.serviceId).join(',')}}`}::int[], ${`{${hold.items.map((i) => i.persons).join(',')}}`}::int[]) as x(service_id, persons)
    returning appointment_id as id`);
  return row?.id;
}

/** Moves a claim to another time or counter; the exclusion constraint may refuse it (23P01). */
export async function moveClaim(ex: Executor, id: string, to: { counterId: number; start: Date; end: Date }, now: Date): Promise<void> {
  await ex.update(appointments).set({
    counterId: to.counterId, startsAt: to.start, endsAt: to.end, sequence: sql`${appointments.sequence} + 1`, updatedAt: now,
  }).where(eq(appointments.id, id));
}

/** Every hold that ran out, anywhere (the timer's sweep). */
export async function releaseAllExpiredHolds(ex: Executor, now: Date): Promise<number> {
  const rows = await ex.update(appointments).set({ status: 'cancelled', updatedAt: now })
    .where(and(eq(appointments.status, 'held'), lte(appointments.holdExpiresAt, now))).returning({ id: appointments.id });
  return rows.length;
}

export async function setStatus(ex: Executor, id: string, status: AppointmentRow['status'], now: Date, bumpSequence: boolean): Promise<void> {
  await ex.update(appointments).set({
    status, updatedAt: now, ...(bumpSequence && { sequence: sql`${appointments.sequence} + 1` }),
  }).where(eq(appointments.id, id));
}

async function withItems(ex: Executor, rows: (AppointmentRow & { locationSlug: string })[]): Promise<AppointmentWithItems[]> {
  if (rows.length === 0) return [];
  const items = await ex.select({
    appointmentId: appointmentItems.appointmentId, serviceId: appointmentItems.serviceId, persons: appointmentItems.persons,
    slug: services.slug, nameNl: services.nameNl, nameEn: services.nameEn, bringNl: services.bringNl, bringEn: services.bringEn,
  }).from(appointmentItems).innerJoin(services, eq(services.id, appointmentItems.serviceId))
    .where(inArray(appointmentItems.appointmentId, rows.map((r) => r.id)));
  return rows.map((row) => ({ ...row, items: items.filter((i) => i.appointmentId === row.id).sort((a, b) => a.serviceId - b.serviceId) }));
}

const selectWithLocation = (ex: Executor) =>
  ex.select({ appointment: appointments, locationSlug: locations.slug }).from(appointments).innerJoin(locations, eq(locations.id, appointments.locationId));

export async function findByReference(ex: Executor, reference: string): Promise<AppointmentWithItems | undefined> {
  const rows = await selectWithLocation(ex).where(and(eq(appointments.reference, reference), eq(appointments.kind, 'appointment')));
  const [found] = await withItems(ex, rows.map((r) => ({ ...r.appointment, locationSlug: r.locationSlug })));
  return found;
}

export async function findById(ex: Executor, id: string): Promise<AppointmentWithItems | undefined> {
  const rows = await selectWithLocation(ex).where(eq(appointments.id, id));
  const [found] = await withItems(ex, rows.map((r) => ({ ...r.appointment, locationSlug: r.locationSlug })));
  return found;
}

/** Locks one appointment row for a change (move, cancel) so that two changes to it run one after the other. */
export async function lockById(ex: Executor, id: string): Promise<AppointmentRow | undefined> {
  const [row] = await ex.select().from(appointments).where(eq(appointments.id, id)).for('update');
  return row;
}


/**
 * Serialises the transactions that put claims on the same quarter hours of one location. The exclusion constraint
 * alone is safe, but two transactions inserting overlapping rows at once can each wait for the other inside the
 * index check and end in a deadlock; with these locks the second one sees the first one's commit and picks another
 * counter. Claims that overlap always share a quarter hour, so they queue; claims at other times of the same day do
 * not wait for each other. Take it before any row lock on a claim. (One-bigint keys never collide with the two-int
 * e-mail lock.)
 */
export async function lockLocationTime(ex: Executor, locationId: number, start: Date, end: Date): Promise<void> {
  await ex.execute(sql`select count(pg_advisory_xact_lock(k)) from unnest(${`{${timeLockKeys(locationId, start, end).join(',')}}`}::int8[]) as k`);
}

const QUARTER = 15 * 60_000;

/** The advisory lock keys of `[start, end)`'s quarter hours at a location, ascending (no deadlock between them). */
export function timeLockKeys(locationId: number, start: Date, end: Date): string[] {
  const keys: string[] = [];
  for (let q = Math.floor(start.getTime() / QUARTER); q * QUARTER < end.getTime(); q++) keys.push(String(locationId * 100_000_000 + q));
  return keys;
}
export type LiveHold = { id: string; locationId: number; locationSlug: string; start: Date; end: Date; expiresAt: Date };

/**
 * Gives a live hold a new end of `expiresAt`, but never past `createdAt + longest`. Returns the hold, or
 * undefined when it is unknown, booked, or ran out already.
 */
export async function extendLiveHold(ex: Executor, id: string, expiresAt: Date, longestMinutes: number, now: Date): Promise<LiveHold | undefined> {
  const [row] = await queryRows<{ id: string; location_id: number; location_slug: string; start_ms: string; end_ms: string; expires_ms: string }>(ex, sql`
    update ${appointments}
    set hold_expires_at = least(${expiresAt.toISOString()}::timestamptz, ${appointments.createdAt} + make_interval(mins => ${longestMinutes})),
        updated_at = ${now.toISOString()}::timestamptz
    where ${appointments.id} = ${id} and ${appointments.status} = 'held' and ${appointments.holdExpiresAt} > ${now.toISOString()}::timestamptz
    returning id, location_id, (select slug from ${locations} where ${locations.id} = location_id) as location_slug, (date_part('epoch', starts_at) * 1000)::int8 as start_ms, (date_part('epoch', ends_at) * 1000)::int8 as end_ms,
      (date_part('epoch', hold_expires_at) * 1000)::int8 as expires_ms`);
  return row && { id: row.id, locationId: row.location_id, locationSlug: row.location_slug, start: new Date(Number(row.start_ms)), end: new Date(Number(row.end_ms)), expiresAt: new Date(Number(row.expires_ms)) };
}

/** Lets a live hold go at once (the resident chose another time). Returns it, or undefined when there was none. */
export async function releaseLiveHold(ex: Executor, id: string, now: Date): Promise<{ locationId: number; start: Date; end: Date } | undefined> {
  const [row] = await ex.update(appointments).set({ status: 'cancelled', updatedAt: now })
    .where(and(eq(appointments.id, id), eq(appointments.status, 'held')))
    .returning({ locationId: appointments.locationId, start: appointments.startsAt, end: appointments.endsAt });
  return row;
}
