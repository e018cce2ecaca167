import { sql } from 'drizzle-orm';
import { appointments } from '../../db/schema.js';
import { type Executor, queryRows } from '../platform/database/database.js';
import type { Interval } from '../platform/time/interval.js';

export type Claim = Interval & {
  id: string;
  counterId: number;
  holdExpiresAt: number | null;
  /** The start of the MD5 of the idempotency key of the booking that made it (requestTag), if a booking did. */
  tag: string | null;
};

/**
 * Live claims (appointments, unexpired holds, blocks) of a location that overlap `[from, to)`, sorted by counter
 * and start. Times come back as epoch milliseconds: parsing thousands of timestamps is the slow part otherwise.
 */
export async function listLiveClaims(
  ex: Executor,
  locationId: number,
  from: Date,
  to: Date,
  now: Date,
  options: { releaseExpiredIn?: Interval } = {},
): Promise<Claim[]> {
  // With `releaseExpiredIn`, holds that ran out in that span are cancelled in the same statement
  // (balie-release-expired-holds.sql; a booking's transaction does this for its own time, one round trip less while
  // it holds the lock); expired holds are never listed either way.
  const span = options.releaseExpiredIn;
  const release = span
    ? sql`balie_release_expired_holds(${locationId}, ${new Date(span.start).toISOString()}::timestamptz,
        ${new Date(span.end).toISOString()}::timestamptz, ${now.toISOString()}::timestamptz) as released,`
    : sql``;
  const [row] = await queryRows<{ claims: string | null }>(
    ex,
    sql`select ${release} (${liveClaimsText(locationId, from, to, now)}) as claims`,
  );
  return parseClaims(row?.claims ?? null);
}

/**
 * A scalar subquery: every live claim (appointments, unexpired holds, blocks) of a location that overlaps
 * `[from, to)`, as one text. One row with every claim as epoch seconds: thousands of rows one by one, or
 * timestamps as text, cost more than the query itself.
 */
export function liveClaimsText(locationId: number, from: Date, to: Date, now: Date) {
  return sql`
    select string_agg(concat_ws(';', ${appointments.id}, ${appointments.counterId},
             date_part('epoch', ${appointments.startsAt})::int8, date_part('epoch', ${appointments.endsAt})::int8,
             coalesce(ceil(date_part('epoch', ${appointments.holdExpiresAt}))::int8::text, ''),
             coalesce(${appointments.requestTag}, '')), '|')
    from ${appointments}
    where ${appointments.locationId} = ${locationId}
      and ${appointments.status} in ('held', 'booked', 'checked_in', 'serving')
      and tstzrange(${appointments.startsAt}, ${appointments.endsAt}, '[)') &&
        tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')
      and (${appointments.status} <> 'held' or ${appointments.holdExpiresAt} > ${now.toISOString()}::timestamptz)`;
}

/** A hold's end as `liveClaimsText` lists it, in whole seconds rounded up: for a claim put in place without a read. */
export const holdEndAsListed = (ms: number) => Math.ceil(ms / 1000) * 1000;

/** The claims of `liveClaimsText`, sorted by counter and start (cheaper here than an ordered aggregate). */
export function parseClaims(text: string | null): Claim[] {
  if (!text) return [];
  return text
    .split('|')
    .map((claim) => {
      const [id, counterId, start, end, holdExpiresAt, tag] = claim.split(';');
      return {
        id: id!,
        counterId: Number(counterId),
        start: Number(start) * 1000,
        end: Number(end) * 1000,
        holdExpiresAt: holdExpiresAt ? Number(holdExpiresAt) * 1000 : null,
        tag: tag || null,
      };
    })
    .sort((a, b) => a.counterId - b.counterId || a.start - b.start);
}
