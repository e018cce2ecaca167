import { sql } from 'drizzle-orm';
import { idempotencyKeys } from '../../db/schema.js';
import type { Needs } from '../catalogue/domain/needs.js';
import type { ClaimWriter } from '../claims/claim-writes.js';
import { type Claim, liveClaimsText, parseClaims } from '../claims/claims-store.js';
import { timeLockKeys } from '../claims/time-locks.js';
import { type Executor, queryRows } from '../platform/database/database.js';
import { intArray, isoArray } from '../platform/database/sql-arrays.js';
import { sqlState } from '../platform/database/sql-errors.js';
import type { MessageKind } from '../platform/outbox-store.js';
import type { StoredAnswer, StoredBooking } from './idempotency-store.js';
import { requestTag } from './manage-tokens.js';

/**
 * What a booking request reads before it queues for the time's locks, in one round trip: the live claims of the
 * day, and the answer already stored under its key (a retry or a double click), if that one has committed.
 */
export async function readBeforeBooking(
  ex: Executor,
  input: { locationId: number; from: Date; to: Date; now: Date; key: string },
): Promise<{ claims: Claim[]; earlier?: StoredAnswer }> {
  const [row] = await queryRows<{
    claims: string | null;
    request_hash: string | null;
    status: number | null;
    body: string | null;
    created_ms: string | null;
  }>(
    ex,
    sql`
    select (${liveClaimsText(input.locationId, input.from, input.to, input.now)}) as claims,
      k.request_hash, k.status, k.body::text as body, (date_part('epoch', k.created_at) * 1000)::int8 as created_ms
    from (select 1) as one
    left join ${idempotencyKeys} as k on k.key = ${input.key}`,
  );
  const claims = parseClaims(row?.claims ?? null);
  if (!row?.request_hash) return { claims };
  return {
    claims,
    earlier: {
      requestHash: row.request_hash,
      status: Number(row.status),
      body: JSON.parse(row.body!),
      createdAt: new Date(Number(row.created_ms)),
    },
  };
}

/** The resident's details as a booking stores them. */
export type BookingDetails = {
  reference: string;
  name: string;
  /** Null for a caller or walk-in without one (staff): no limit per address, no e-mails. */
  email: string | null;
  phone: string | null;
  language: 'nl' | 'en';
  needs: Needs | null;
  channel: 'online' | 'phone' | 'counter';
  manageTokenHash: string;
  manageNonce: string;
};

export type BookingWrite = {
  key: string;
  requestHash: string;
  now: Date;
  /** An answer stored under the key before this is taken over (it is stale). */
  staleBefore: Date;
  municipalityId: number;
  locationId: number;
  maxLive: number;
  /** The hold to turn into the booking, if any. */
  holdId?: string;
  /** The counters to try, best first; the exclusion constraint decides which one is free. */
  counters: number[];
  start: Date;
  end: Date;
  details: BookingDetails;
  items: { serviceId: number; persons: number }[];
  /** The messages the booking causes, each due at its time. */
  messages: { kind: MessageKind; at: Date }[];
  /** What to keep of the answer under the key (the appointment's id and sequence are added by the statement). */
  body: Pick<StoredBooking, 'language'>;
};

export type BookingOutcome =
  | { outcome: 'booked'; sequence: number }
  | { outcome: 'earlier'; answer: StoredAnswer }
  | { outcome: 'too_many' | 'taken' | 'hold_not_found' };

/** The refusals of balie_book (migration 0005), by SQLSTATE. */
const REFUSALS: Record<string, 'too_many' | 'taken' | 'hold_not_found'> = {
  BL001: 'too_many',
  BL002: 'taken',
  BL003: 'hold_not_found',
};

/**
 * Writes a booking in one statement, one round trip (balie_book, migration 0005): the key, the locks, the limit per
 * e-mail address, the claim, its items, its messages and the stored answer, or nothing at all when it is refused.
 * A reference that exists already throws (23505): draw another and call again.
 */
export async function writeBooking(writer: ClaimWriter, w: BookingWrite): Promise<BookingOutcome> {
  const d = w.details;
  type Row = {
    outcome: 'booked' | 'earlier';
    sequence: number;
    request_hash: string | null;
    body: unknown;
    created_at: string | Date | null;
  };
  let rows: Row[];
  try {
    rows = await queryRows<Row>(
      writer.ex,
      sql`
      select * from balie_book(
        ${w.key}, ${w.requestHash}, ${w.now.toISOString()}::timestamptz, ${w.staleBefore.toISOString()}::timestamptz,
        ${w.municipalityId}::int, ${w.locationId}::int, ${d.email?.toLowerCase() ?? null}, ${w.maxLive}::int,
        ${intArray(timeLockKeys(w.locationId, w.start, w.end))}::int8[],
        ${w.holdId ?? null}::uuid, ${intArray(w.counters)}::int[], ${w.start.toISOString()}::timestamptz,
        ${w.end.toISOString()}::timestamptz,
        ${d.reference}, ${d.name}, ${d.email}, ${d.phone}, ${d.language},
        ${d.needs ? JSON.stringify(d.needs) : null}::jsonb, ${d.channel},
        ${d.manageTokenHash}, ${d.manageNonce},
        ${intArray(w.items.map((i) => i.serviceId))}::int[], ${intArray(w.items.map((i) => i.persons))}::int[],
        ${`{${w.messages.map((m) => m.kind).join(',')}}`}::text[],
        ${isoArray(w.messages.map((m) => m.at))}::timestamptz[],
        ${JSON.stringify(w.body)}::jsonb)`,
    );
  } catch (error) {
    const refusal = REFUSALS[sqlState(error) ?? ''];
    if (refusal) return { outcome: refusal };
    throw error;
  }
  const row = rows[0]!;
  const body = typeof row.body === 'string' ? JSON.parse(row.body) : row.body;
  if (row.outcome === 'booked') {
    const booked = body as { id: string; counterId: number; transaction: string };
    writer.touched(w.locationId, w.start, w.end, {
      claim: {
        id: booked.id,
        counterId: booked.counterId,
        start: w.start.getTime(),
        end: w.end.getTime(),
        holdExpiresAt: null,
        tag: requestTag(w.key),
      },
      transaction: booked.transaction,
    });
    return { outcome: 'booked', sequence: row.sequence };
  }
  return {
    outcome: 'earlier',
    answer: { requestHash: row.request_hash!, status: 201, body, createdAt: new Date(row.created_at!) },
  };
}
