import { sql } from 'drizzle-orm';
import { appointments } from '../../db/schema.js';
import type { Interval } from '../domain/interval.js';
import { queryRows, type Executor } from './database.js';

export const liveStatuses = ['held', 'booked', 'checked_in', 'serving'] as const;

export type Claim = Interval & { counterId: number; holdExpiresAt: number | null };

/**
 * Live claims (appointments, unexpired holds, blocks) of a location that overlap `[from, to)`, sorted by counter
 * and start. Times come back as epoch milliseconds: parsing thousands of timestamps is the slow part otherwise.
 */
export async function listLiveClaims(ex: Executor, locationId: number, from: Date, to: Date, now: Date): Promise<Claim[]> {
  const rows = await queryRows<{ counter_id: number; s: string; e: string; h: string | null }>(ex, sql`
    select ${appointments.counterId} as counter_id,
           (extract(epoch from ${appointments.startsAt}) * 1000)::bigint::text as s,
           (extract(epoch from ${appointments.endsAt}) * 1000)::bigint::text as e,
           (extract(epoch from ${appointments.holdExpiresAt}) * 1000)::bigint::text as h
    from ${appointments}
    where ${appointments.locationId} = ${locationId}
      and ${appointments.status} in ('held', 'booked', 'checked_in', 'serving')
      and ${appointments.startsAt} < ${to.toISOString()}::timestamptz
      and ${appointments.endsAt} > ${from.toISOString()}::timestamptz
      and (${appointments.status} <> 'held' or ${appointments.holdExpiresAt} > ${now.toISOString()}::timestamptz)
    order by ${appointments.counterId}, ${appointments.startsAt}`);
  return rows.map((r) => ({ counterId: r.counter_id, start: Number(r.s), end: Number(r.e), holdExpiresAt: r.h === null ? null : Number(r.h) }));
}
