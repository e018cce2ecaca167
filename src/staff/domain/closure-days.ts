import type { DateException, Words } from '../../catalogue/domain/opening-hours.js';
import { dateInZone, datesBetween, dayBounds, localMinuteOfDay } from '../../platform/time/zoned-time.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** "HH:MM:SS" of an instant in the zone. */
function clockAt(t: number, zone: string): string {
  const { minute } = localMinuteOfDay(t, zone);
  const seconds = Math.floor((((t % 60_000) + 60_000) % 60_000) / 1000);
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:${pad(seconds)}`;
}

/**
 * A closure of `[start, end)` as the closed exceptions of the dates it touches, per counter (null: the whole
 * location): a whole date where it covers the date, else the part of it. The opening plan then offers no time in it.
 */
export function closureExceptions(
  period: { start: number; end: number },
  zone: string,
  counterIds: (number | null)[],
  reason: Words,
): DateException[] {
  const dates = datesBetween(dateInZone(period.start, zone), dateInZone(period.end - 1, zone));
  return dates.flatMap((date) => {
    const day = dayBounds(date, zone);
    const from = Math.max(period.start, day.start);
    const to = Math.min(period.end, day.end);
    const whole = from === day.start && to === day.end;
    // Up to the end of the day: one second short of midnight, which no opening reaches.
    const opens = whole ? null : clockAt(from, zone);
    const closes = whole ? null : to === day.end ? '23:59:59' : clockAt(to, zone);
    return counterIds.map((counterId) => ({ counterId, date, kind: 'closed' as const, opens, closes, reason }));
  });
}
