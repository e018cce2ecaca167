import type { LocationSnapshot } from '../catalogue/location-snapshots.js';
import { isoInZone } from '../platform/time/zoned-time.js';
import type { Language } from '../texts/index.js';
import type { AppointmentWithItems } from './appointment-store.js';
import { bringList, serviceNames } from './appointment-words.js';
import type { BookingDeps } from './booking-deps.js';

/** Whose appointment page it is, and in which language: the page names the municipality and speaks the booking's. */
export type PageOf = { reference: string; municipality: string; language: Language };

/**
 * The manage page without a token: what a calendar file may carry (it is shared, synced and kept for years). The
 * municipality and the language are in the query (neither is personal); the page needs no lookup to name them.
 */
export const managePageUrl = (deps: Pick<BookingDeps, 'config'>, of: PageOf) =>
  `${deps.config.PUBLIC_BASE_URL}/afspraak/${of.reference}?gemeente=${of.municipality}&taal=${of.language}`;
/** Where the resident manages the appointment; the token is in the fragment, which browsers never send. */
export const manageUrl = (deps: Pick<BookingDeps, 'config'>, of: PageOf, token: string) =>
  `${managePageUrl(deps, of)}#${token}`;
/** The municipality's booking page on this service, in a language, with a service and location chosen when given. */
export const bookPageUrl = (
  deps: Pick<BookingDeps, 'config'>,
  to: { municipality: string; language: Language; service?: string | undefined; location?: string | undefined },
) =>
  `${deps.config.PUBLIC_BASE_URL}/afspraak-maken/${to.municipality}?${new URLSearchParams({
    ...(to.service && { dienst: to.service }),
    ...(to.location && { locatie: to.location }),
    taal: to.language,
  })}`;
/** The calendar file; it asks for the token in the Authorization header (the widget fetches it so). */
export const calendarUrl = (deps: Pick<BookingDeps, 'config'>, reference: string) =>
  `${deps.config.PUBLIC_BASE_URL}/api/v1/appointments/${reference}/calendar.ics`;

export type ViewSource = Pick<
  AppointmentWithItems,
  | 'reference'
  | 'status'
  | 'startsAt'
  | 'endsAt'
  | 'items'
  | 'name'
  | 'email'
  | 'phone'
  | 'language'
  | 'needs'
  | 'sequence'
>;

/** The appointment as the API shows it to the resident who holds its token. */
export function appointmentView(
  deps: Pick<BookingDeps, 'config' | 'clock'>,
  appointment: ViewSource,
  snapshot: LocationSnapshot,
  language: Language,
  token: string,
) {
  const zone = snapshot.location.timezone;
  const names = serviceNames(appointment.items, language);
  return {
    reference: appointment.reference!,
    status: appointment.status,
    start: isoInZone(appointment.startsAt.getTime(), zone),
    end: isoInZone(appointment.endsAt.getTime(), zone),
    durationMinutes: Math.round((appointment.endsAt.getTime() - appointment.startsAt.getTime()) / 60_000),
    municipality: snapshot.municipality.slug,
    location: snapshot.location.slug,
    locationName: snapshot.location.name,
    address: {
      street: snapshot.location.street,
      postalCode: snapshot.location.postalCode,
      city: snapshot.location.city,
    },
    items: appointment.items.map((i, n) => ({ service: i.slug, persons: i.persons, name: names[n]! })),
    bring: bringList(appointment.items, language),
    name: appointment.name!,
    email: appointment.email,
    phone: appointment.phone,
    language: appointment.language,
    needs: appointment.needs ?? {},
    sequence: appointment.sequence,
    canCancel: appointment.status === 'booked' && appointment.startsAt.getTime() > deps.clock().getTime(),
    canGiveFeedback:
      appointment.status !== 'cancelled' &&
      appointment.status !== 'no_show' &&
      appointment.startsAt.getTime() <= deps.clock().getTime(),
    manageUrl: manageUrl(
      deps,
      { reference: appointment.reference!, municipality: snapshot.municipality.slug, language: appointment.language },
      token,
    ),
    calendarUrl: calendarUrl(deps, appointment.reference!),
  };
}

export type AppointmentView = ReturnType<typeof appointmentView>;
