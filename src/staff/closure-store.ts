import { and, eq, sql } from 'drizzle-orm';
import { appointments, closures } from '../../db/schema.js';
import type { ClaimWriter } from '../claims/claim-writes.js';
import { type Executor, queryRows } from '../platform/database/database.js';

export type ClosureOutcome = {
  reference: string;
  start: string;
  outcome: 'moved' | 'cancelled';
  newStart?: string;
  newLocation?: string;
};

/** An appointment that keeps its time at another counter of the location (nothing changes for the resident). */
export type Reassigned = { reference: string; start: string; counter: string };

export type ClosureResult = { affected: ClosureOutcome[]; reassigned: Reassigned[] };

export type ClosureKey = { locationId: number; counterKey: string; start: Date; end: Date };

/** Records a closure; undefined when the same one (location, counters, period) was applied before. */
export async function insertClosure(
  ex: Executor,
  key: ClosureKey,
  fields: { reasonNl: string; reasonEn: string; createdBy: string | null; now: Date },
): Promise<string | undefined> {
  const [row] = await ex
    .insert(closures)
    .values({
      locationId: key.locationId,
      counterKey: key.counterKey,
      startsAt: key.start,
      endsAt: key.end,
      reasonNl: fields.reasonNl,
      reasonEn: fields.reasonEn,
      affected: { affected: [], reassigned: [] },
      createdBy: fields.createdBy,
      createdAt: fields.now,
    })
    .onConflictDoNothing()
    .returning({ id: closures.id });
  return row?.id;
}

export async function findClosure(ex: Executor, key: ClosureKey) {
  const [row] = await ex
    .select({ id: closures.id, affected: closures.affected })
    .from(closures)
    .where(
      and(
        eq(closures.locationId, key.locationId),
        eq(closures.counterKey, key.counterKey),
        eq(closures.startsAt, key.start),
        eq(closures.endsAt, key.end),
      ),
    );
  return row && { id: row.id, ...(row.affected as ClosureResult) };
}

export async function saveResult(ex: Executor, id: string, result: ClosureResult): Promise<void> {
  await ex.update(closures).set({ affected: result }).where(eq(closures.id, id));
}

/** Cancels the live holds on these counters in `[start, end)`: a closed counter takes no booking. */
export async function cancelHoldsIn(
  w: ClaimWriter,
  locationId: number,
  counterIds: number[],
  period: { start: Date; end: Date },
  now: Date,
): Promise<void> {
  const rows = await queryRows<{ starts_at: string | Date; ends_at: string | Date }>(
    w.ex,
    sql`update ${appointments} set status = 'cancelled', updated_at = ${now.toISOString()}::timestamptz
      where location_id = ${locationId} and status = 'held'
        and counter_id = any(${`{${counterIds.join(',')}}`}::int[])
        and starts_at < ${period.end.toISOString()}::timestamptz
        and ends_at > ${period.start.toISOString()}::timestamptz
      returning starts_at, ends_at`,
  );
  for (const r of rows) w.touched(locationId, new Date(r.starts_at), new Date(r.ends_at));
}
