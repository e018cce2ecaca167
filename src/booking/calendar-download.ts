import { textsFor } from '../texts/index.js';
import type { BookingDeps } from './booking-deps.js';
import { calendarEvent } from './calendar-event.js';
import { calendarFile } from './calendar-file.js';
import { type Access, authorisedAppointment } from './manage-appointment.js';

/** The appointment as a plain calendar file (METHOD:PUBLISH) for the "add to calendar" button. */
export async function downloadCalendar(
  deps: Pick<BookingDeps, 'db' | 'locations' | 'config' | 'clock'>,
  access: Access,
): Promise<{ filename: string; content: string }> {
  const appointment = await authorisedAppointment(deps, access);
  const snapshot = await deps.locations.require(appointment.locationSlug);
  const event = calendarEvent(deps, appointment, snapshot, textsFor(appointment.language), 'PUBLISH');
  return { filename: `afspraak-${appointment.reference}.ics`, content: calendarFile(event) };
}
