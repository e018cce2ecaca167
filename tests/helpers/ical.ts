import ICAL from 'ical.js';

/** Parses an iCalendar text with ical.js, registering its VTIMEZONE so that local times resolve. */
export function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return {
    calendar,
    vevent,
    event: new ICAL.Event(vevent),
    method: calendar.getFirstPropertyValue('method'),
    status: vevent.getFirstPropertyValue('status'),
  };
}

/** 10:00 in summer and in winter time: [clock before booking, start, the same instant in UTC]. */
export const TEN_OCLOCK_ACROSS_DST = [
  ['2026-03-20T08:00:00Z', '2026-03-30T10:00:00+02:00', '2026-03-30T08:00:00.000Z'],
  ['2026-10-20T08:00:00Z', '2026-10-26T10:00:00+01:00', '2026-10-26T09:00:00.000Z'],
] as const;
