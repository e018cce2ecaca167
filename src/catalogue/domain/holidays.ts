import Holidays from 'date-holidays';
import type { Words } from './opening-hours.js';

const dutch = new Holidays('NL');
const byYear = new Map<number, Map<string, Words>>();

/** Dutch public holidays of a year by date (YYYY-MM-DD), named in Dutch and English. Observances are not closures. */
export function publicHolidays(year: number): Map<string, Words> {
  let holidays = byYear.get(year);
  if (!holidays) {
    const en = new Map(
      dutch
        .getHolidays(year, 'en')
        .filter((h) => h.type === 'public')
        .map((h) => [h.date.slice(0, 10), h.name]),
    );
    holidays = new Map(
      dutch
        .getHolidays(year, 'nl')
        .filter((h) => h.type === 'public')
        .map((h) => [h.date.slice(0, 10), { nl: h.name, en: en.get(h.date.slice(0, 10)) ?? h.name }]),
    );
    byYear.set(year, holidays);
  }
  return holidays;
}

export function holidayOn(date: string): Words | undefined {
  return publicHolidays(Number(date.slice(0, 4))).get(date);
}
