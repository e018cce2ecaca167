import type { Executor } from '../store/database.js';
import { dropScheduled, enqueueMessages, type NewMessage } from '../store/outbox.js';
import type { Deps } from './deps.js';

/** A feedback request goes out this long after the visit ends. */
export const FEEDBACK_AFTER_MINUTES = 120;

type Appointment = { id: string; sequence: number; start: number; end: number };

/** The reminder (REMINDER_HOURS before; not for an appointment made later than that) and the feedback request. */
function followUps(deps: Deps, appointment: Appointment): NewMessage[] {
  const remindAt = appointment.start - deps.config.REMINDER_HOURS * 3_600_000;
  const feedback: NewMessage = { appointmentId: appointment.id, kind: 'feedback', sequence: appointment.sequence, at: new Date(appointment.end + FEEDBACK_AFTER_MINUTES * 60_000) };
  return remindAt > deps.clock().getTime()
    ? [{ appointmentId: appointment.id, kind: 'reminder', sequence: appointment.sequence, at: new Date(remindAt) }, feedback]
    : [feedback];
}

/**
 * Queues the message a change causes (due now) with the appointment's reminder and feedback request, in the
 * transaction of the change. `replace` first drops those queued for an earlier time (a move; a new appointment
 * has none).
 */
export async function queueWithFollowUps(tx: Executor, deps: Deps, kind: 'confirmation' | 'moved', appointment: Appointment, options: { replace: boolean }) {
  if (options.replace) await dropScheduled(tx, appointment.id);
  const now = deps.clock();
  await enqueueMessages(tx, [{ appointmentId: appointment.id, kind, sequence: appointment.sequence, at: now }, ...followUps(deps, appointment)], now);
}
