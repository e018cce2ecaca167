import type { Executor } from '../store/database.js';
import { dropScheduled, enqueueMessage } from '../store/outbox.js';
import type { Deps } from './deps.js';

/** A feedback request goes out this long after the visit ends. */
export const FEEDBACK_AFTER_MINUTES = 120;

/**
 * Queues the reminder (REMINDER_HOURS before; not for an appointment made later than that) and the feedback
 * request after the visit, replacing those of an earlier time. Runs in the transaction of the change.
 */
export async function scheduleFollowUps(tx: Executor, deps: Deps, appointment: { id: string; sequence: number; start: number; end: number }) {
  await dropScheduled(tx, appointment.id);
  const remindAt = appointment.start - deps.config.REMINDER_HOURS * 3_600_000;
  if (remindAt > deps.clock().getTime()) {
    await enqueueMessage(tx, { appointmentId: appointment.id, kind: 'reminder', sequence: appointment.sequence, at: new Date(remindAt) });
  }
  await enqueueMessage(tx, { appointmentId: appointment.id, kind: 'feedback', sequence: appointment.sequence, at: new Date(appointment.end + FEEDBACK_AFTER_MINUTES * 60_000) });
}
