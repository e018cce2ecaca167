import { sql } from 'drizzle-orm';
import { appointments, outbox } from '../../db/schema.js';
import type { Executor } from '../platform/database/database.js';
import { dropScheduled, enqueueMessages, type MessageDetails } from '../platform/outbox-store.js';
import type { BookingDeps } from './booking-deps.js';

/** A feedback request goes out this long after the visit ends. */
export const FEEDBACK_AFTER_MINUTES = 120;

type Appointment = { id: string; sequence: number };

/**
 * Queues the `moved` message (with the old time, and why when the municipality moved it) in the transaction of the
 * move, after dropping the reminder and feedback request queued for the old time; those for the new time follow
 * when the worker takes the message up (`queueFollowUps`).
 */
export async function queueMoved(
  tx: Executor,
  deps: Pick<BookingDeps, 'clock'>,
  appointment: Appointment,
  details: MessageDetails,
) {
  await dropScheduled(tx, appointment.id);
  const now = deps.clock();
  await enqueueMessages(
    tx,
    [{ kind: 'moved', appointmentId: appointment.id, sequence: appointment.sequence, at: now, details }],
    now,
  );
}

/**
 * A change queues only the message it causes (a booking its confirmation, in the booking's one statement, #17; a
 * move its `moved`); when the worker takes that message up, this queues the reminder (REMINDER_HOURS before, unless
 * that was already past when the change was made) and the feedback request, for the appointment as it is then.
 * Nothing when it is no longer booked, was moved again since (that move's message queues its own), or they are
 * queued already (a message taken up again after a lost lease).
 */
export async function queueFollowUps(
  ex: Executor,
  deps: Pick<BookingDeps, 'config' | 'clock'>,
  message: { id: string; appointmentId: string; sequence: number },
): Promise<void> {
  const now = deps.clock().toISOString();
  const before = `${deps.config.REMINDER_HOURS} hours`;
  const after = `${FEEDBACK_AFTER_MINUTES} minutes`;
  await ex.execute(sql`
    insert into ${outbox} (appointment_id, kind, sequence, next_attempt_at, created_at)
    select a.id, m.kind, a.sequence, m.due, ${now}::timestamptz
    from ${appointments} as a,
      lateral (values ('reminder', a.starts_at - ${before}::interval),
                      ('feedback', a.ends_at + ${after}::interval)) as m(kind, due)
    where a.id = ${message.appointmentId} and a.status = 'booked' and a.sequence = ${message.sequence}
      and (m.kind = 'feedback'
        or a.starts_at - ${before}::interval > (select created_at from ${outbox} where id = ${message.id}))
      and not exists (select 1 from ${outbox} as o where o.appointment_id = a.id
                        and o.kind in ('reminder', 'feedback') and o.sequence = a.sequence)`);
}
