import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../platform/database/database.js';

/**
 * Removes the resident's details from at most `batch` appointments whose retention period is over: name, e-mail,
 * phone, needs, the manage token's hash and nonce, the feedback comment, and the appointment's messages (an
 * address that bounced may be in their last error). The period is the municipality's `retention_days`, counted
 * from the end of the appointment, or from its cancellation when that came first. What is left (service, place,
 * day, counter, status, the feedback score) is anonymous and feeds the statistics. Rows locked by another
 * process are skipped, so that two housekeepers never wait for each other; running it again changes nothing.
 */
export type Erased = { erased: number; comments: number; messages: number };

export async function eraseDueAppointments(ex: Executor, now: Date, batch: number): Promise<Erased> {
  const at = now.toISOString();
  const [row] = await queryRows<Erased>(
    ex,
    sql`
    with due as (
      select a.id from appointments a join municipalities m on m.id = a.municipality_id
      where a.erased_at is null and a.kind = 'appointment' and a.status <> 'held'
        and (case when a.status = 'cancelled' then least(a.updated_at, a.ends_at) else a.ends_at end)
          < ${at}::timestamptz - make_interval(days => m.retention_days)
      order by a.ends_at
      limit ${batch}
      for update of a skip locked),
    erased as (
      update appointments a
      set name = null, email = null, email_key = null, phone = null, needs = null, manage_token_hash = null,
        manage_nonce = null, hold_client = null, erased_at = ${at}::timestamptz
      from due where a.id = due.id
      returning a.id),
    comments as (
      update feedback set comment = null
      where appointment_id in (select id from erased) and comment is not null
      returning 1),
    messages as (
      delete from outbox where appointment_id in (select id from erased)
      returning 1)
    select (select count(*) from erased)::int as erased, (select count(*) from comments)::int as comments,
      (select count(*) from messages)::int as messages`,
  );
  return row ?? { erased: 0, comments: 0, messages: 0 };
}
