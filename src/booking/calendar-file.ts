import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, {
  ICalAlarmType,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { DateTime } from 'luxon';

export type CalendarEvent = {
  method: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  uid: string;
  sequence: number;
  stamp: Date;
  start: Date;
  end: Date;
  zone: string;
  summary: string;
  description: string;
  location: string;
  url: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  reminderMinutes: number;
};

const methods = {
  PUBLISH: ICalCalendarMethod.PUBLISH,
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
};

/**
 * One event as an iCalendar file. The calendar itself has no zone (a named calendar zone makes ical-generator
 * write DTSTAMP without Z); the event's times are luxon DateTimes in the location's zone with a VTIMEZONE.
 */
export function calendarFile(event: CalendarEvent): string {
  const calendar = ical({
    prodId: { company: 'Balie', product: 'Afspraak', language: 'NL' },
    method: methods[event.method],
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    stamp: DateTime.fromJSDate(event.stamp, { zone: 'UTC' }),
    start: DateTime.fromJSDate(event.start, { zone: event.zone }),
    end: DateTime.fromJSDate(event.end, { zone: event.zone }),
    timezone: event.zone,
    summary: event.summary,
    description: event.description,
    location: event.location,
    url: event.url,
    status: event.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: event.organizer,
    attendees: [{ ...event.attendee, rsvp: false, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.ACCEPTED }],
    alarms:
      event.method === 'CANCEL'
        ? []
        : [{ type: ICalAlarmType.display, trigger: event.reminderMinutes * 60, description: event.summary }],
  });
  return calendar.toString();
}
