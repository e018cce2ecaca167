import { sql } from 'drizzle-orm';
import { appointments } from '../../db/schema.js';
import type { Interval } from '../domain/interval.js';
import { queryRows, type Executor } from './database.js';

export type Claim = Interval & { id: string; counterId: number; holdExpiresAt: number | null };

/**
 * Live claims (appointments, unexpired holds, blocks) of a location that overlap `[from, to)`, sorted by counter
 * and start. Times come back as epoch milliseconds: parsing thousands of timestamps is the slow part otherwise.
 */
export async function listLiveClaims(ex: Executor, locationId: number, from: Date, to: Date, now: Date): Promise<Claim[]> {
  // One row with every claim as epoch seconds: thousands of rows one by one, or timestamps as text, cost more
  // than the query itself. Sorting happens here, which is cheaper than an ordered aggregate.
  const [row] = await queryRows<{ claims: string | null }>(ex, sql`
    select string_agg(concat_ws(';', ${appointments.id}, ${appointments.counterId}, date_part('epoch', ${appointments.startsAt})::int8,
             date_part('epoch', ${appointments.endsAt})::int8, ceil(date_part('epoch', ${appointments.holdExpiresAt}))::int8), '|') as claims
    from ${appointments}
    where ${appointments.locationId} = ${locationId}
      and ${appointments.status} in ('held', 'booked', 'checked_in', 'serving')
      and ${appointments.startsAt} < ${to.toISOString()}::timestamptz
      and ${appointments.endsAt} > ${from.toISOString()}::timestamptz
      and (${appointments.status} <> 'held' or ${appointments.holdExpiresAt} > ${now.toISOString()}::timestamptz)`);
  if (!row?.claims) return [];
  return row.claims.split('|').map((claim) => {
    const [id, counterId, start, end, holdExpiresAt] = claim.split(';');
    return { id: id!, counterId: Number(counterId), start: Number(start) * 1000, end: Number(end) * 1000, holdExpiresAt: holdExpiresAt ? Number(holdExpiresAt) * 1000 : null };
  }).sort((a, b) => a.counterId - b.counterId || a.start - b.start);
}
