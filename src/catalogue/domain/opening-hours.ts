import { type Interval, mergeIntervals, subtractIntervals } from '../../platform/time/interval.js';
import { dayBounds, wallClock, weekdayOf } from '../../platform/time/zoned-time.js';

/** A weekly period in wall-clock time; `counterId` null means the whole location. Dates are inclusive. */
export type WeeklyRule = {
  counterId: number | null;
  weekday: number; // 1 = Monday … 7 = Sunday
  opens: string; // HH:MM or HH:MM:SS
  closes: string;
  validFrom: string | null;
  validUntil: string | null;
};

/** Resident-facing words in both languages, as they come from the municipality's data. */
export type Words = { nl: string; en: string };

/** A closure (whole day when it has no times) or an extra opening on one date. */
export type DateException = {
  counterId: number | null;
  date: string;
  kind: 'closed' | 'open';
  opens: string | null;
  closes: string | null;
  reason: Words;
};

export type ClosedReason = { kind: 'holiday'; text: Words } | { kind: 'closure'; text: Words } | { kind: 'not-open' };

export type DayPlan = {
  date: string;
  /** Open periods per counter, as instants, merged and sorted. */
  periods: Map<number, Interval[]>;
  /** Set when no counter is open at all that day. */
  closed?: ClosedReason;
};

const validOn = (rule: WeeklyRule, date: string) =>
  (rule.validFrom === null || rule.validFrom <= date) && (rule.validUntil === null || date <= rule.validUntil);

/**
 * Which counters are open when on one date. A counter with weekly rules of its own that are valid on the date
 * uses those instead of the location's. A public holiday voids the weekly rules; extra openings still count.
 * Closures are taken out last.
 */
export function planDay(input: {
  date: string;
  zone: string;
  counterIds: number[];
  weekly: WeeklyRule[];
  exceptions: DateException[];
  holiday?: Words;
}): DayPlan {
  const { date, zone } = input;
  const weekday = weekdayOf(date);
  const todays = input.exceptions.filter((e) => e.date === date);
  const rulesToday = input.weekly.filter((r) => r.weekday === weekday && validOn(r, date));
  const toInterval = (opens: string, closes: string): Interval => ({
    start: wallClock(date, opens, zone),
    end: wallClock(date, closes, zone),
  });
  const dayInterval: Interval = dayBounds(date, zone);

  const periods = new Map<number, Interval[]>();
  for (const counterId of input.counterIds) {
    const own = rulesToday.filter((r) => r.counterId === counterId);
    const weekly = input.holiday ? [] : own.length > 0 ? own : rulesToday.filter((r) => r.counterId === null);
    const applies = (e: DateException) => e.counterId === null || e.counterId === counterId;
    const open = [
      ...weekly.map((r) => toInterval(r.opens, r.closes)),
      ...todays.filter((e) => e.kind === 'open' && applies(e)).map((e) => toInterval(e.opens!, e.closes!)),
    ];
    const closed = todays
      .filter((e) => e.kind === 'closed' && applies(e))
      .map((e) => (e.opens && e.closes ? toInterval(e.opens, e.closes) : dayInterval));
    const result = subtractIntervals(mergeIntervals(open), closed);
    if (result.length > 0) periods.set(counterId, result);
  }
  if (periods.size > 0) return { date, periods };

  const wholeDayClosure = todays.find((e) => e.kind === 'closed' && e.counterId === null && !e.opens);
  const anyClosure = todays.find((e) => e.kind === 'closed');
  const closed: ClosedReason = wholeDayClosure
    ? { kind: 'closure', text: wholeDayClosure.reason }
    : input.holiday
      ? { kind: 'holiday', text: input.holiday }
      : anyClosure
        ? { kind: 'closure', text: anyClosure.reason }
        : { kind: 'not-open' };
  return { date, periods, closed };
}
