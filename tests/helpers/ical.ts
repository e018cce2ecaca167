import ICAL from 'ical.js';

/** Parses an iCalendar text with ical.js, registering its VTIMEZONE so that local times resolve. */
export function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent), method: calendar.getFirstPropertyValue('method'), status: vevent.getFirstPropertyValue('status') };
}
