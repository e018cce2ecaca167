import { sql } from 'drizzle-orm';
import { appointmentItems, appointments } from '../../db/schema.js';
import { type Executor, queryRows } from '../platform/database/database.js';

/** A booked appointment still to come, as a change to the catalogue or a closure needs to weigh it. */
export type Upcoming = {
  id: string;
  reference: string;
  counterId: number;
  start: number;
  end: number;
  items: { serviceId: number; persons: number }[];
};

/**
 * The location's appointments that are booked (or checked in) and not over yet, on some counters or all of them,
 * overlapping `[from, to)` when given, in time order.
 */
export async function listUpcoming(
  ex: Executor,
  locationId: number,
  now: Date,
  within: { from?: Date; to?: Date; counterIds?: number[] } = {},
): Promise<Upcoming[]> {
  const from = within.from && within.from > now ? within.from : now;
  const rows = await queryRows<{
    id: string;
    reference: string;
    counter_id: number;
    starts_at: string | Date;
    ends_at: string | Date;
    items: { serviceId: number; persons: number }[];
  }>(
    ex,
    sql`select a.id, a.reference, a.counter_id, a.starts_at, a.ends_at,
        coalesce((select json_agg(json_build_object('serviceId', i.service_id, 'persons', i.persons))
          from ${appointmentItems} i where i.appointment_id = a.id), '[]') as items
      from ${appointments} a
      where a.location_id = ${locationId} and a.kind = 'appointment' and a.status in ('booked', 'checked_in')
        and a.ends_at > ${from.toISOString()}::timestamptz
        ${within.to ? sql`and a.starts_at < ${within.to.toISOString()}::timestamptz` : sql``}
        ${within.counterIds?.length ? sql`and a.counter_id = any(${`{${within.counterIds.join(',')}}`}::int[])` : sql``}
      order by a.starts_at, a.reference`,
  );
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    counterId: r.counter_id,
    start: new Date(r.starts_at).getTime(),
    end: new Date(r.ends_at).getTime(),
    items: typeof r.items === 'string' ? JSON.parse(r.items) : r.items,
  }));
}
