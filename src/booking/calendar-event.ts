import type { LocationSnapshot } from '../catalogue/location-snapshots.js';
import type { Texts } from '../texts/index.js';
import type { AppointmentWithItems } from './appointment-store.js';
import { managePageUrl } from './appointment-view.js';
import { addressLine, bringList, serviceNames } from './appointment-words.js';
import type { BookingDeps } from './booking-deps.js';
import type { CalendarEvent } from './calendar-file.js';

/** Minutes before the start at which calendars remind the resident. */
export const CALENDAR_ALARM_MINUTES = 60;

/**
 * What a calendar shows of an appointment, in the resident's language: the services, where, the reference, what
 * to bring, the location's accessibility facts and the manage page's address without the token (a calendar is
 * shared, synced and kept: the link in the e-mail carries the token). Never needs or other personal details beyond
 * the resident's own name and address (the attendee).
 */
export function calendarEvent(
  deps: Pick<BookingDeps, 'config' | 'clock'>,
  appointment: AppointmentWithItems,
  snapshot: LocationSnapshot,
  texts: Texts,
  method: CalendarEvent['method'],
): CalendarEvent {
  const { location, municipality } = snapshot;
  const services = serviceNames(appointment.items, appointment.language).join(', ');
  const bring = bringList(appointment.items, appointment.language);
  const url = managePageUrl(deps, {
    reference: appointment.reference!,
    municipality: municipality.slug,
    language: appointment.language,
  });
  const description = [
    texts.calendar.reference({ reference: appointment.reference! }),
    '',
    texts.calendar.bring,
    ...bring.map((b) => `- ${b}`),
    '',
    texts.calendar.accessibility,
    ...location.accessibility.map((code) => `- ${texts.accessibility[code] ?? code}`),
    '',
    texts.calendar.manage({ url }),
    texts.calendar.call({ phone: municipality.phone }),
  ].join('\n');
  return {
    method,
    uid: `${appointment.id}@${new URL(deps.config.PUBLIC_BASE_URL).hostname}`,
    sequence: appointment.sequence,
    stamp: deps.clock(),
    start: appointment.startsAt,
    end: appointment.endsAt,
    zone: location.timezone,
    summary: texts.calendar.summary({ municipality: municipality.name, services }),
    description,
    location: addressLine(location),
    url,
    organizer: { name: municipality.name, email: municipality.emailFrom },
    attendee: { name: appointment.name!, email: appointment.email! },
    reminderMinutes: CALENDAR_ALARM_MINUTES,
  };
}
