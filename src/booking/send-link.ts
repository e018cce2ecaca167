import { sql } from 'drizzle-orm';
import { queryRows } from '../platform/database/database.js';
import type { BookingDeps } from './booking-deps.js';
import { REFERENCE_PATTERN } from './domain/reference.js';

/** One link e-mail per appointment in this time at most, however often it is asked for. */
const LINK_EVERY_MINUTES = 10;

/**
 * Queues an e-mail with the manage link to the appointment's own address, when `email` is that address (any
 * case) and the appointment still has its details; otherwise does nothing. The caller answers the same either
 * way, so the answer tells no one whether a reference and an address belong together. The token is derived again
 * from the appointment's nonce when the e-mail is composed: the link is the one of the confirmation.
 */
export async function sendManageLink(deps: Pick<BookingDeps, 'db' | 'clock'>, reference: string, email: string) {
  if (!REFERENCE_PATTERN.test(reference)) return;
  const now = deps.clock();
  const since = new Date(now.getTime() - LINK_EVERY_MINUTES * 60_000);
  await queryRows(
    deps.db,
    sql`
    insert into outbox (appointment_id, kind, sequence, next_attempt_at, created_at)
    select a.id, 'link', a.sequence, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from appointments a
    where a.reference = ${reference} and a.kind = 'appointment' and a.email_key = ${email.trim().toLowerCase()}
      and a.manage_nonce is not null
      and not exists (select 1 from outbox o where o.appointment_id = a.id and o.kind = 'link'
        and o.created_at > ${since.toISOString()}::timestamptz)
    returning 1`,
  );
}
