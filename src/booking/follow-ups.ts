import type { Executor } from '../platform/database/database.js';
import { dropScheduled, enqueueMessages, type MessageDetails, type MessageKind } from '../platform/outbox-store.js';
import type { BookingDeps } from './booking-deps.js';

/** A feedback request goes out this long after the visit ends. */
export const FEEDBACK_AFTER_MINUTES = 120;

type Appointment = { id: string; sequence: number; start: number; end: number };

/**
 * The message a change causes (due now), the reminder (REMINDER_HOURS before; not for an appointment made later than
 * that) and the feedback request.
 */
export function messagesFor(
  deps: Pick<BookingDeps, 'config' | 'clock'>,
  kind: 'confirmation' | 'moved',
  time: { start: number; end: number },
): { kind: MessageKind; at: Date }[] {
  const now = deps.clock();
  const remindAt = time.start - deps.config.REMINDER_HOURS * 3_600_000;
  return [
    { kind, at: now },
    ...(remindAt > now.getTime() ? [{ kind: 'reminder' as const, at: new Date(remindAt) }] : []),
    { kind: 'feedback', at: new Date(time.end + FEEDBACK_AFTER_MINUTES * 60_000) },
  ];
}

/**
 * Queues the `moved` message (with the old time, and why when the municipality moved it) and the reminder and
 * feedback request for the new time, in the transaction of the move, after dropping those queued for the old time.
 * (A booking queues its own in `balie_book`.)
 */
export async function queueMoved(
  tx: Executor,
  deps: Pick<BookingDeps, 'config' | 'clock'>,
  appointment: Appointment,
  details: MessageDetails,
) {
  await dropScheduled(tx, appointment.id);
  await enqueueMessages(
    tx,
    messagesFor(deps, 'moved', appointment).map((m) => ({
      ...m,
      appointmentId: appointment.id,
      sequence: appointment.sequence,
      ...(m.kind === 'moved' && { details }),
    })),
    deps.clock(),
  );
}
