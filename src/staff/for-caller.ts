import { findByReference } from '../booking/appointment-store.js';
import { type BookRequest, bookAppointment } from '../booking/book-appointment.js';
import type { BookingDeps } from '../booking/booking-deps.js';
import { cancelBooked, moveAppointment } from '../booking/manage-appointment.js';
import type { LocationSnapshot } from '../catalogue/location-snapshots.js';
import { NotFound, Unprocessable } from '../platform/errors.js';
import { isoInZone } from '../platform/time/zoned-time.js';
import type { Language } from '../texts/index.js';
import { inScope, scopedLocation } from './access.js';
import { entryByReference } from './entry-store.js';
import { entryView } from './entry-view.js';
import type { Staff } from './sessions.js';
import type { StaffDeps } from './staff-deps.js';

export type CallerDeps = BookingDeps & StaffDeps;

/** Where staff print a confirmation for a resident (with what to bring, in the resident's language). */
export const printUrl = (deps: Pick<StaffDeps, 'config'>, reference: string) =>
  `${deps.config.PUBLIC_BASE_URL}/balie/afspraken/${reference}/afdruk`;

/** The id of a counter of the location by its slug; a counter that is not there is a 422 on `counter`. */
function counterId(snapshot: LocationSnapshot, slug: string | undefined): number | undefined {
  if (slug === undefined) return undefined;
  const counter = snapshot.counters.find((c) => c.slug === slug);
  if (!counter)
    throw new Unprocessable('counter_not_found', { counter: slug }, [
      { field: 'counter', code: 'counter_not_found', params: { counter: slug } },
    ]);
  return counter.id;
}

export type CallerBooking = Omit<BookRequest, 'holdId' | 'location' | 'start'> & {
  location: string;
  /** Left out for a walk-in: now, at the first free counter. */
  start?: string | undefined;
  counter?: string | undefined;
  channel: 'phone' | 'counter';
  /** Why the limit of live appointments per e-mail address does not apply this time (audited). */
  overrideReason?: string | undefined;
};

/**
 * Books for a caller (`phone`) or a walk-in (`counter`): also on counters not open online and at any notice; the
 * e-mail address is optional (without it the resident takes the printed confirmation); the limit per address
 * may be overridden with a reason. A walk-in without a start takes the first free counter now.
 */
export async function bookForCaller(deps: CallerDeps, staff: Staff, request: CallerBooking, language: Language) {
  const snapshot = await scopedLocation(deps, staff, request.location);
  const walkIn = request.start === undefined;
  if (walkIn && request.channel !== 'counter')
    throw new Unprocessable('missing_time', {}, [{ field: 'start', code: 'required' }]);
  // A walk-in starts at the next whole minute, so that the start is not already past when it is written.
  const start =
    request.start ?? isoInZone(Math.ceil((deps.clock().getTime() + 1) / 60_000) * 60_000, snapshot.location.timezone);
  const { overrideReason, counter, channel, ...resident } = request;
  const booked = await bookAppointment(
    deps,
    { ...resident, location: request.location, start },
    {
      language,
      staff: {
        channel,
        placement: { counter: counterId(snapshot, counter), walkIn },
        overrideLimit: overrideReason !== undefined,
      },
    },
  );
  return { ...booked, printUrl: printUrl(deps, booked.reference) };
}

/** The appointment behind a reference, in the staff member's scope (else a 404, as if it did not exist). */
async function scopedAppointment(deps: CallerDeps, staff: Staff, reference: string) {
  const appointment = await findByReference(deps.db, reference.toUpperCase());
  const snapshot = appointment && (await deps.locations.get(appointment.locationSlug));
  if (!appointment || !snapshot || !inScope(staff, snapshot.location)) throw new NotFound('appointment_not_found');
  return { appointment, snapshot };
}

async function entryOf(deps: CallerDeps, snapshot: LocationSnapshot, reference: string) {
  return entryView(snapshot, (await entryByReference(deps.db, reference))!);
}

/** Moves an appointment for a caller (no manage token needed), also to a counter closed online. */
export async function rescheduleForCaller(
  deps: CallerDeps,
  staff: Staff,
  reference: string,
  request: { start: string; counter?: string | undefined },
  language: Language,
) {
  const { appointment, snapshot } = await scopedAppointment(deps, staff, reference);
  await moveAppointment(deps, appointment, request.start, {
    language,
    staff: { counter: counterId(snapshot, request.counter) },
  });
  return entryOf(deps, snapshot, appointment.reference!);
}

/** Cancels an appointment for a caller; the resident gets the cancellation e-mail when there is an address. */
export async function cancelForCaller(deps: CallerDeps, staff: Staff, reference: string, language: Language) {
  const { appointment, snapshot } = await scopedAppointment(deps, staff, reference);
  await cancelBooked(deps, appointment, language);
  return entryOf(deps, snapshot, appointment.reference!);
}
