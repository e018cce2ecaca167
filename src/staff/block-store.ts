import { and, eq, sql } from 'drizzle-orm';
import { appointments, locations } from '../../db/schema.js';
import type { ClaimWriter } from '../claims/claim-writes.js';
import { queryRows } from '../platform/database/database.js';

export type NewBlock = {
  municipalityId: number;
  locationId: number;
  counterId: number;
  start: Date;
  end: Date;
  reason: string;
  now: Date;
};

/**
 * Blocks a counter's time (a meeting, a broken printer): a claim like an appointment, so the exclusion constraint
 * keeps it apart from every live claim. Returns its id, or the references in its way (none when a block is).
 */
export async function insertBlock(w: ClaimWriter, block: NewBlock): Promise<{ id: string } | { inTheWay: string[] }> {
  const [row] = await queryRows<{ id: string }>(
    w.ex,
    sql`insert into ${appointments} (kind, municipality_id, location_id, counter_id, starts_at, ends_at, status,
        block_reason, channel, created_at, updated_at)
      values ('block', ${block.municipalityId}, ${block.locationId}, ${block.counterId},
        ${block.start.toISOString()}::timestamptz, ${block.end.toISOString()}::timestamptz, 'booked', ${block.reason},
        'counter', ${block.now.toISOString()}::timestamptz, ${block.now.toISOString()}::timestamptz)
      on conflict on constraint appointments_no_overlap do nothing
      returning id`,
  );
  if (row) {
    w.touched(block.locationId, block.start, block.end);
    return row;
  }
  const inTheWay = await queryRows<{ reference: string }>(
    w.ex,
    sql`select reference from ${appointments}
      where counter_id = ${block.counterId} and kind = 'appointment' and reference is not null
        and status in ('held', 'booked', 'checked_in', 'serving')
        and starts_at < ${block.end.toISOString()}::timestamptz and ends_at > ${block.start.toISOString()}::timestamptz
      order by starts_at`,
  );
  return { inTheWay: inTheWay.map((r) => r.reference) };
}

export type BlockRow = { id: string; locationId: number; locationSlug: string; start: Date; end: Date };

export async function findBlock(w: ClaimWriter, id: string): Promise<BlockRow | undefined> {
  const [row] = await w.ex
    .select({
      id: appointments.id,
      locationId: appointments.locationId,
      locationSlug: locations.slug,
      start: appointments.startsAt,
      end: appointments.endsAt,
    })
    .from(appointments)
    .innerJoin(locations, eq(locations.id, appointments.locationId))
    .where(and(eq(appointments.id, id), eq(appointments.kind, 'block'), eq(appointments.status, 'booked')));
  return row;
}

/** Lifts a block: its time is free again. */
export async function liftBlock(w: ClaimWriter, block: BlockRow, now: Date): Promise<void> {
  await w.ex.update(appointments).set({ status: 'cancelled', updatedAt: now }).where(eq(appointments.id, block.id));
  w.touched(block.locationId, block.start, block.end);
}
