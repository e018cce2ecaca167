import { sql } from 'drizzle-orm';
import { idempotencyKeys } from '../../db/schema.js';
import { liveClaimsText, parseClaims, type Claim } from './claims.js';
import { queryRows, type Executor } from './database.js';
import type { StoredAnswer } from './idempotency.js';

/**
 * What a booking request reads before it queues for the time's locks, in one round trip: the live claims of the
 * day, and the answer already stored under its key (a retry or a double click), if that one has committed.
 */
export async function readBeforeBooking(ex: Executor, input: { locationId: number; from: Date; to: Date; now: Date; key: string }): Promise<{ claims: Claim[]; earlier?: StoredAnswer }> {
  const [row] = await queryRows<{ claims: string | null; request_hash: string | null; status: number | null; body: string | null; created_ms: string | null }>(ex, sql`
    select (${liveClaimsText(input.locationId, input.from, input.to, input.now)}) as claims,
      k.request_hash, k.status, k.body::text as body, (date_part('epoch', k.created_at) * 1000)::int8 as created_ms
    from (select 1) as one
    left join ${idempotencyKeys} as k on k.key = ${input.key} and k.status <> 0`);
  const claims = parseClaims(row?.claims ?? null);
  if (!row?.request_hash) return { claims };
  return { claims, earlier: { requestHash: row.request_hash, status: Number(row.status), body: JSON.parse(row.body!), createdAt: new Date(Number(row.created_ms)) } };
}
