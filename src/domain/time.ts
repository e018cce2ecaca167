import { DateTime } from 'luxon';

const pad = (n: number) => String(n).padStart(2, '0');

/** `+01:00` for 60 minutes. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const QUARTER = 15 * 60_000;
const offsets = new Map<string, number>();

/**
 * The zone's UTC offset in minutes at an instant. Offsets change only on whole quarter hours, so one lookup per
 * quarter hour is remembered: availability formats thousands of instants per answer.
 */
export function offsetAt(t: number, zone: string): number {
  const key = `${zone}|${Math.floor(t / QUARTER)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = DateTime.fromMillis(Math.floor(t / QUARTER) * QUARTER, { zone }).offset;
    if (offsets.size > 200_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** ISO 8601 with the zone's offset at that instant, seconds precision: `2026-12-01T09:00:00+01:00`. */
export function isoInZone(t: number, zone: string): string {
  const offset = offsetAt(t, zone);
  return `${new Date(t + offset * 60_000).toISOString().slice(0, 19)}${offsetText(offset)}`;
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function dateInZone(t: Date | number, zone: string): string {
  return DateTime.fromMillis(typeof t === 'number' ? t : t.getTime(), { zone }).toISODate()!;
}

/** Dates from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = DateTime.fromISO(from, { zone: 'UTC' }); d.toISODate()! <= to; d = d.plus({ days: 1 })) dates.push(d.toISODate()!);
  return dates;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** `[start, end)` of a local date in a zone, as instants (23 or 25 hours on DST days). */
export function dayBounds(date: string, zone: string): { start: number; end: number } {
  const start = DateTime.fromISO(date, { zone });
  return { start: start.toMillis(), end: start.plus({ days: 1 }).toMillis() };
}
