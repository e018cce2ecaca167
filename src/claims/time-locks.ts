import { sql } from 'drizzle-orm';
import type { Executor } from '../platform/database/database.js';

/**
 * Serialises the transactions that put claims on the same quarter hours of one location. The exclusion constraint
 * alone is safe, but two transactions inserting overlapping rows at once can each wait for the other inside the
 * index check and end in a deadlock; with these locks the second one sees the first one's commit and picks another
 * counter. Claims that overlap always share a quarter hour, so they queue; claims at other times of the same day do
 * not wait for each other. Take it before any row lock on a claim. (One-bigint keys never collide with the two-int
 * e-mail lock.)
 */
export async function lockLocationTime(ex: Executor, locationId: number, start: Date, end: Date): Promise<void> {
  await ex.execute(
    sql`select count(pg_advisory_xact_lock(k))
        from unnest(${`{${timeLockKeys(locationId, start, end).join(',')}}`}::int8[]) as k`,
  );
}

const QUARTER = 15 * 60_000;

/** The advisory lock keys of `[start, end)`'s quarter hours at a location, ascending (no deadlock between them). */
export function timeLockKeys(locationId: number, start: Date, end: Date): string[] {
  const keys: string[] = [];
  for (let q = Math.floor(start.getTime() / QUARTER); q * QUARTER < end.getTime(); q++)
    keys.push(String(locationId * 100_000_000 + q));
  return keys;
}
