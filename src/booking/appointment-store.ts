import { and, eq, inArray, sql } from 'drizzle-orm';
import { appointmentItems, appointments, locations, services } from '../../db/schema.js';
import type { ClaimWriter } from '../claims/claim-writes.js';
import { type Executor, queryRows } from '../platform/database/database.js';

export type AppointmentRow = typeof appointments.$inferSelect;
export type AppointmentItemRow = {
  serviceId: number;
  slug: string;
  nameNl: string;
  nameEn: string;
  persons: number;
  bringNl: string[];
  bringEn: string[];
};
export type AppointmentWithItems = AppointmentRow & { locationSlug: string; items: AppointmentItemRow[] };

/**
 * Moves a claim to another time or counter (for a closure also to another location); the exclusion constraint
 * may refuse it (23P01). Both the time it leaves and the time it takes are told to the writer.
 */
export async function moveClaim(
  w: ClaimWriter,
  id: string,
  to: { counterId: number; start: Date; end: Date; locationId?: number | undefined },
  now: Date,
): Promise<void> {
  const [row] = await queryRows<{
    location_id: number;
    old_location: number;
    old_start: string | Date;
    old_end: string | Date;
  }>(
    w.ex,
    sql`
    update ${appointments} as a
    set counter_id = ${to.counterId}, starts_at = ${to.start.toISOString()}::timestamptz,
      ends_at = ${to.end.toISOString()}::timestamptz,
      location_id = coalesce(${to.locationId ?? null}::int, a.location_id),
      sequence = a.sequence + 1, updated_at = ${now.toISOString()}::timestamptz
    from (select id, location_id, starts_at, ends_at from ${appointments} where id = ${id}) as old
    where a.id = old.id
    returning a.location_id, old.location_id as old_location, old.starts_at as old_start, old.ends_at as old_end`,
  );
  if (!row) return;
  w.touched(row.old_location, new Date(row.old_start), new Date(row.old_end));
  w.touched(row.location_id, to.start, to.end);
}

/** Sets an appointment's status (a cancellation frees its time); the calendar sequence goes up when asked. */
export async function setStatus(
  w: ClaimWriter,
  id: string,
  status: AppointmentRow['status'],
  now: Date,
  bumpSequence: boolean,
): Promise<void> {
  const [row] = await w.ex
    .update(appointments)
    .set({
      status,
      updatedAt: now,
      ...(bumpSequence && { sequence: sql`${appointments.sequence} + 1` }),
    })
    .where(eq(appointments.id, id))
    .returning({ locationId: appointments.locationId, start: appointments.startsAt, end: appointments.endsAt });
  if (row) w.touched(row.locationId, row.start, row.end);
}

async function withItems(
  ex: Executor,
  rows: (AppointmentRow & { locationSlug: string })[],
): Promise<AppointmentWithItems[]> {
  if (rows.length === 0) return [];
  const items = await ex
    .select({
      appointmentId: appointmentItems.appointmentId,
      serviceId: appointmentItems.serviceId,
      persons: appointmentItems.persons,
      slug: services.slug,
      nameNl: services.nameNl,
      nameEn: services.nameEn,
      bringNl: services.bringNl,
      bringEn: services.bringEn,
    })
    .from(appointmentItems)
    .innerJoin(services, eq(services.id, appointmentItems.serviceId))
    .where(
      inArray(
        appointmentItems.appointmentId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((row) => ({
    ...row,
    items: items.filter((i) => i.appointmentId === row.id).sort((a, b) => a.serviceId - b.serviceId),
  }));
}

const selectWithLocation = (ex: Executor) =>
  ex
    .select({ appointment: appointments, locationSlug: locations.slug })
    .from(appointments)
    .innerJoin(locations, eq(locations.id, appointments.locationId));

export async function findByReference(ex: Executor, reference: string): Promise<AppointmentWithItems | undefined> {
  const rows = await selectWithLocation(ex).where(
    and(eq(appointments.reference, reference), eq(appointments.kind, 'appointment')),
  );
  const [found] = await withItems(
    ex,
    rows.map((r) => ({ ...r.appointment, locationSlug: r.locationSlug })),
  );
  return found;
}

export async function findById(ex: Executor, id: string): Promise<AppointmentWithItems | undefined> {
  const rows = await selectWithLocation(ex).where(eq(appointments.id, id));
  const [found] = await withItems(
    ex,
    rows.map((r) => ({ ...r.appointment, locationSlug: r.locationSlug })),
  );
  return found;
}

/** Locks one appointment row for a change (move, cancel) so that two changes to it run one after the other. */
export async function lockById(ex: Executor, id: string): Promise<AppointmentRow | undefined> {
  const [row] = await ex.select().from(appointments).where(eq(appointments.id, id)).for('update');
  return row;
}
