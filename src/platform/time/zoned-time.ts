import { DateTime } from 'luxon';
import { addDays, datesBetween } from './dates.js';

export { addDays, datesBetween };

// Availability turns thousands of instants into wall-clock times and back per answer. luxon is right but slow
// for that (tens of µs a call here), so the hot helpers below use plain arithmetic on the zone's UTC offset,
// which is looked up once per quarter hour, and fall back to luxon near a DST change.

const QUARTER = 15 * 60_000;
const HOUR = 3_600_000;
const offsetsByZone = new Map<string, Map<number, number>>();

/** The zone's UTC offset in minutes at an instant (offsets only change on whole quarter hours). */
export function offsetAt(t: number, zone: string): number {
  let offsets = offsetsByZone.get(zone);
  if (!offsets) offsetsByZone.set(zone, (offsets = new Map()));
  const quarter = Math.floor(t / QUARTER);
  let offset = offsets.get(quarter);
  if (offset === undefined) {
    offset = DateTime.fromMillis(quarter * QUARTER, { zone }).offset;
    if (offsets.size > 500_000) offsets.clear();
    offsets.set(quarter, offset);
  }
  return offset;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const isoByZone = new Map<string, Map<number, string>>();

/**
 * ISO 8601 with the zone's offset at that instant, seconds precision: `2026-12-01T09:00:00+01:00`. Answers name
 * the same grid instants again and again, so the texts are remembered (a bounded map per zone).
 */
export function isoInZone(t: number, zone: string): string {
  let texts = isoByZone.get(zone);
  if (!texts) isoByZone.set(zone, (texts = new Map()));
  let text = texts.get(t);
  if (text === undefined) {
    const offset = offsetAt(t, zone);
    text = `${new Date(t + offset * 60_000).toISOString().slice(0, 19)}${offsetText(offset)}`;
    if (texts.size > 200_000) texts.clear();
    texts.set(t, text);
  }
  return text;
}

const HHMM = Array.from({ length: 24 * 60 }, (_, m) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);

/**
 * The ISO texts of many whole-minute instants on one local date, as `isoInZone` gives them: when the zone's offset
 * is the same all day (every day but two a year), by table lookup instead of one map lookup per instant. Returns
 * a function of the instant; instants on another date, or on a day with an offset change, go to `isoInZone`.
 */
export function isoOnDate(date: string, zone: string): (t: number) => string {
  const start = wallClock(date, '00:00', zone);
  const end = wallClock(addDays(date, 1), '00:00', zone);
  const offset = offsetAt(start, zone);
  if (offset !== offsetAt(end - 1, zone) || end - start !== 86_400_000) return (t) => isoInZone(t, zone);
  const prefix = `${date}T`;
  const suffix = `:00${offsetText(offset)}`;
  return (t) => {
    const minute = (t - start) / 60_000;
    return minute >= 0 && minute < 1440 && Number.isInteger(minute)
      ? prefix + HHMM[minute] + suffix
      : isoInZone(t, zone);
  };
}

/** Minutes since local midnight and whether the instant is on a whole minute. */
export function localMinuteOfDay(t: number, zone: string): { minute: number; whole: boolean } {
  const local = t + offsetAt(t, zone) * 60_000;
  const ms = ((local % 86_400_000) + 86_400_000) % 86_400_000;
  return { minute: Math.floor(ms / 60_000), whole: ms % 60_000 === 0 };
}

/**
 * The instant of a wall-clock time (`HH:MM` or `HH:MM:SS`) on a date in a zone. A time inside a DST gap moves
 * forward and a repeated time takes its first occurrence, as luxon does (it decides near a change).
 */
export function wallClock(date: string, time: string, zone: string): number {
  const local = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    Number(time.slice(0, 2)),
    Number(time.slice(3, 5)),
    time.length > 5 ? Number(time.slice(6, 8)) : 0,
  );
  const before = offsetAt(local - 3 * HOUR, zone);
  if (before === offsetAt(local + 3 * HOUR, zone)) return local - before * 60_000;
  return DateTime.fromISO(`${date}T${time}`, { zone }).toMillis();
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function dateInZone(t: Date | number, zone: string): string {
  const ms = typeof t === 'number' ? t : t.getTime();
  return new Date(ms + offsetAt(ms, zone) * 60_000).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** `[start, end)` of a local date in a zone, as instants (23 or 25 hours on DST days). */
export function dayBounds(date: string, zone: string): { start: number; end: number } {
  return { start: wallClock(date, '00:00', zone), end: wallClock(addDays(date, 1), '00:00', zone) };
}
