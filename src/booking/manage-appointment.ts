import { findAlternatives } from '../availability/alternatives.js';
import { writeClaims } from '../claims/claim-writes.js';
import { lockLocationTime } from '../claims/time-locks.js';
import { Conflict, NotFound } from '../platform/errors.js';
import { dropScheduled, enqueueMessages } from '../platform/outbox-store.js';
import { type Language, textsFor } from '../texts/index.js';
import { type AppointmentWithItems, findByReference, lockById, moveClaim, setStatus } from './appointment-store.js';
import { appointmentView } from './appointment-view.js';
import { itemsOf } from './appointment-words.js';
import type { BookingDeps } from './booking-deps.js';
import { REFERENCE_PATTERN } from './domain/reference.js';
import { saveFeedback } from './feedback-store.js';
import { queueMoved } from './follow-ups.js';
import { tokenMatches } from './manage-tokens.js';
import { checkStart, placeClaim, type StaffPlacement, unlessOverlapping } from './placement.js';

export type Access = { reference: string; token: string; language: Language };

/**
 * The appointment behind a reference and token; a wrong token and an unknown reference look the same, and so
 * does a reference that cannot be one (it is not looked up).
 */
export async function authorisedAppointment(
  deps: Pick<BookingDeps, 'db'>,
  access: Access,
): Promise<AppointmentWithItems> {
  if (!REFERENCE_PATTERN.test(access.reference)) throw new NotFound('appointment_not_found');
  const appointment = await findByReference(deps.db, access.reference);
  if (!appointment || !tokenMatches(access.token, appointment.manageTokenHash))
    throw new NotFound('appointment_not_found');
  return appointment;
}

async function view(deps: BookingDeps, reference: string, access: Access) {
  const appointment = (await findByReference(deps.db, reference))!;
  return appointmentView(
    deps,
    appointment,
    await deps.locations.require(appointment.locationSlug),
    access.language,
    access.token,
  );
}

export async function viewAppointment(deps: BookingDeps, access: Access) {
  const appointment = await authorisedAppointment(deps, access);
  return appointmentView(
    deps,
    appointment,
    await deps.locations.require(appointment.locationSlug),
    access.language,
    access.token,
  );
}

const notChangeable = (status: string, language: Language) =>
  new Conflict('not_changeable', { status: textsFor(language).statuses[status] ?? status });

/**
 * Moves the appointment (DESIGN invariant 5): one update of the same row, so the new time is secured before the
 * old one is released; the calendar sequence goes up. A taken time changes nothing and comes with alternatives.
 */
export async function rescheduleAppointment(deps: BookingDeps, access: Access, start: string) {
  const appointment = await authorisedAppointment(deps, access);
  await moveAppointment(deps, appointment, start, { language: access.language });
  return view(deps, access.reference, access);
}

/**
 * Moves an appointment the caller may move (the resident with the token, or staff, who may also place it with
 * fewer rules: StaffPlacement). The resident hears of it by e-mail when there is an address.
 */
export async function moveAppointment(
  deps: BookingDeps,
  appointment: AppointmentWithItems,
  start: string,
  options: { language: Language; staff?: StaffPlacement },
): Promise<void> {
  if (appointment.status !== 'booked') throw notChangeable(appointment.status, options.language);
  const snapshot = await deps.locations.require(appointment.locationSlug);
  const items = itemsOf(appointment, snapshot);
  const needs = appointment.needs ?? undefined;
  const wanted = checkStart(deps, snapshot, items, needs, start, options.staff && { staff: options.staff });
  const moved = await writeClaims(deps, async (writer) => {
    const tx = writer.ex;
    await lockLocationTime(tx, snapshot.location.id, new Date(wanted.start), new Date(wanted.end));
    const locked = await lockById(tx, appointment.id);
    if (locked?.status !== 'booked') throw notChangeable(locked?.status ?? 'cancelled', options.language);
    const counter = await placeClaim(
      writer,
      deps,
      snapshot,
      wanted,
      (w, counterId) =>
        unlessOverlapping(w, (sp) =>
          moveClaim(
            sp,
            appointment.id,
            { counterId, start: new Date(wanted.start), end: new Date(wanted.end) },
            deps.clock(),
          ),
        ),
      appointment.id,
    );
    if (counter === undefined) return false;
    if (appointment.email)
      await queueMoved(
        tx,
        deps,
        { id: appointment.id, sequence: locked.sequence + 1 },
        { previous: previousTime(appointment) },
      );
    return true;
  });
  if (!moved) throw new Conflict('time_taken', {}, await findAlternatives(deps, snapshot, items, needs, wanted.start));
}

/** The time an appointment had before a move, for the e-mail that tells of it. */
export const previousTime = (appointment: AppointmentWithItems) => ({
  start: appointment.startsAt.toISOString(),
  end: appointment.endsAt.toISOString(),
  location: appointment.locationSlug,
});

/** Cancels: the time is free at once, the sequence goes up; cancelling twice is harmless. */
export async function cancelAppointment(deps: BookingDeps, access: Access) {
  const appointment = await authorisedAppointment(deps, access);
  await cancelBooked(deps, appointment, access.language);
  return view(deps, access.reference, access);
}

/** Cancels an appointment the caller may cancel (the resident, or staff); the e-mail says so when there is one. */
export async function cancelBooked(deps: BookingDeps, appointment: AppointmentWithItems, language: Language) {
  if (appointment.status === 'cancelled') return;
  await writeClaims(deps, async (writer) => {
    const tx = writer.ex;
    const locked = await lockById(tx, appointment.id);
    if (locked?.status === 'cancelled') return;
    if (locked?.status !== 'booked') throw notChangeable(locked?.status ?? 'cancelled', language);
    await setStatus(writer, appointment.id, 'cancelled', deps.clock(), true);
    if (appointment.email)
      await enqueueMessages(
        tx,
        [{ appointmentId: appointment.id, kind: 'cancelled', sequence: locked.sequence + 1, at: deps.clock() }],
        deps.clock(),
      );
    await dropScheduled(tx, appointment.id);
  });
}

/** A score (1–5) and an optional comment, once the appointment has started; giving it again replaces it. */
export async function giveFeedback(deps: BookingDeps, access: Access, input: { score: number; comment?: string }) {
  const appointment = await authorisedAppointment(deps, access);
  if (appointment.status === 'cancelled' || appointment.status === 'no_show')
    throw new Conflict('feedback_not_possible');
  if (deps.clock().getTime() < appointment.startsAt.getTime()) throw new Conflict('feedback_too_early');
  const row = {
    appointmentId: appointment.id,
    score: input.score,
    comment: input.comment?.trim() || null,
    createdAt: deps.clock(),
  };
  await saveFeedback(deps.db, row);
  return { reference: access.reference, score: row.score, comment: row.comment };
}
