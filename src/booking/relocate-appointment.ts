import { findAlternatives } from '../availability/alternatives.js';
import { readingThrough } from '../availability/availability-deps.js';
import type { Words } from '../catalogue/domain/opening-hours.js';
import type { LocationSnapshot } from '../catalogue/location-snapshots.js';
import type { ClaimWriter } from '../claims/claim-writes.js';
import { lockLocationTime } from '../claims/time-locks.js';
import { dropScheduled, enqueueMessages } from '../platform/outbox-store.js';
import { type AppointmentWithItems, lockById, moveClaim, setStatus } from './appointment-store.js';
import { itemsOf } from './appointment-words.js';
import type { BookingDeps } from './booking-deps.js';
import { queueMoved } from './follow-ups.js';
import { previousTime } from './manage-appointment.js';
import { checkStart, placeClaim, unlessOverlapping } from './placement.js';

/** Free times tried, nearest first, before an appointment is cancelled instead. */
const CANDIDATES = 12;

export type Relocation =
  | { outcome: 'reassigned'; counter: number }
  | { outcome: 'moved'; start: number; location: string }
  | { outcome: 'cancelled' };

/** Puts the appointment at a start at a location, on a free online counter; undefined when none is free. */
async function placeAt(
  writer: ClaimWriter,
  deps: BookingDeps,
  target: LocationSnapshot,
  appointment: AppointmentWithItems,
  start: string,
) {
  const needs = appointment.needs ?? undefined;
  let wanted: ReturnType<typeof checkStart>;
  try {
    // As a live hold does: the time is the municipality's choice, so the notice does not apply (the past does).
    wanted = checkStart(deps, target, itemsOf(appointment, target), needs, start, { held: true });
  } catch {
    return undefined;
  }
  const to = { start: new Date(wanted.start), end: new Date(wanted.end), locationId: target.location.id };
  await lockLocationTime(writer.ex, target.location.id, to.start, to.end);
  const counter = await placeClaim(
    writer,
    deps,
    target,
    wanted,
    (w, counterId) => unlessOverlapping(w, (sp) => moveClaim(sp, appointment.id, { ...to, counterId }, deps.clock())),
    appointment.id,
  );
  return counter === undefined ? undefined : { counter, wanted };
}

/**
 * For a closure (the municipality's doing, not the resident's), inside the closure's transaction, with `closed` the
 * location as the closure leaves it (no time inside it is offered): a booked appointment keeps its time at another
 * counter where one is free (the resident need not hear of it); else it moves to the nearest free time that fits
 * its services, persons and needs, at the same location first and then at another of the municipality that
 * offers them, never in the past; where none fits, it is cancelled. A resident whose time changes gets exactly one
 * message: moved (old and new time, the reason, the calendar update) or cancelled (the reason, alternatives).
 * Undefined when the appointment is no longer booked (checked in, or changed meanwhile): it is left as it is.
 */
export async function relocateOrCancel(
  writer: ClaimWriter,
  deps: BookingDeps,
  closed: LocationSnapshot,
  appointment: AppointmentWithItems,
  reason: Words,
): Promise<Relocation | undefined> {
  const tx = writer.ex;
  const seen = readingThrough(deps, tx); // free times as this transaction sees them (with the moves made so far)
  const locked = await lockById(tx, appointment.id);
  if (locked?.status !== 'booked') return undefined;
  const same = await placeAt(writer, deps, closed, appointment, appointment.startsAt.toISOString());
  if (same) return { outcome: 'reassigned', counter: same.counter };
  const around = appointment.startsAt.getTime();
  const items = itemsOf(appointment, closed);
  const needs = appointment.needs ?? undefined;
  for (const candidate of await findAlternatives(seen, closed, items, needs, around, CANDIDATES)) {
    const target = candidate.location === closed.location.slug ? closed : await seen.locations.get(candidate.location);
    const placed = target && (await placeAt(writer, deps, target, appointment, candidate.start));
    if (!placed) continue;
    if (appointment.email)
      await queueMoved(
        tx,
        deps,
        { id: appointment.id, sequence: locked.sequence + 1 },
        { previous: previousTime(appointment), reason },
      );
    return { outcome: 'moved', start: placed.wanted.start, location: target.location.slug };
  }
  const now = deps.clock();
  await setStatus(writer, appointment.id, 'cancelled', now, true);
  await dropScheduled(tx, appointment.id);
  if (appointment.email)
    await enqueueMessages(
      tx,
      [
        {
          appointmentId: appointment.id,
          kind: 'cancelled',
          sequence: locked.sequence + 1,
          at: now,
          details: { reason },
        },
      ],
      now,
    );
  return { outcome: 'cancelled' };
}
