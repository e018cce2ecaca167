import { localMinuteOfDay, offsetAt } from './time.js';
import { firstEndingAfter, type Interval } from './interval.js';

export type Slot = { start: number; end: number; available: number };

/** Whether an instant lies on the location's grid: its wall-clock minute of the day is a multiple of the step. */
export function onGrid(t: number, gridMinutes: number, zone: string): boolean {
  const { minute, whole } = localMinuteOfDay(t, zone);
  return whole && minute % gridMinutes === 0;
}

/** The first grid instant at or after `t`, stepping in absolute time from the wall-clock grid point before it. */
function firstGridAtOrAfter(t: number, gridMinutes: number, zone: string): number {
  const { minute, whole } = localMinuteOfDay(t, zone);
  const aligned = Math.ceil((minute + (whole ? 0 : 1)) / gridMinutes) * gridMinutes;
  let first = Math.floor(t / 60_000) * 60_000 + (aligned - minute) * 60_000;
  // The wall-clock distance equals the absolute one unless an offset change lies between: then check.
  while (!onGrid(first, gridMinutes, zone) && first < t + 24 * 3_600_000) first += 60_000;
  return first;
}

// Counting space for slotsForDay, reused: it runs to completion, so one set per process is enough, and allocating
// typed arrays for every day of six weeks costs more than the counting itself.
let fittingScratch = new Uint16Array(1500);
let freeScratch = new Uint16Array(1500);
function scratch(size: number) {
  if (fittingScratch.length < size) {
    fittingScratch = new Uint16Array(size);
    freeScratch = new Uint16Array(size);
  }
  fittingScratch.fill(0, 0, size);
  freeScratch.fill(0, 0, size);
  return { fitting: fittingScratch, free: freeScratch };
}

/**
 * Every grid start at which the whole duration fits inside one open period of at least one counter, with
 * `available` = how many of those counters are also free (no live claim overlaps) for the whole duration.
 * `busy` per counter must be sorted by start and not overlap.
 */
export function slotsForDay(input: {
  periods: Map<number, Interval[]>;
  busy: Map<number, Interval[]>;
  durationMinutes: number;
  gridMinutes: number;
  zone: string;
}): Slot[] {
  const duration = input.durationMinutes * 60_000;
  const step = input.gridMinutes * 60_000;
  let base = Infinity;
  let last = -Infinity;
  for (const periods of input.periods.values()) {
    for (const p of periods) {
      base = Math.min(base, p.start);
      last = Math.max(last, p.end);
    }
  }
  if (base === Infinity) return [];
  // Per minute after the first opening: how many counters fit a start there, and how many of those are free. Plain
  // arrays of small integers keep this free of maps and sorting, which matters for six weeks of answers.
  base = Math.floor(base / 60_000) * 60_000;
  const size = Math.ceil((last - base) / 60_000) + 1;
  const { fitting, free } = scratch(size);
  for (const [counterId, periods] of input.periods) {
    const busy = input.busy.get(counterId) ?? [];
    for (const period of periods) {
      // Stepping in absolute time stays on the wall-clock grid unless the UTC offset changes inside the period.
      const steady = offsetAt(period.start, input.zone) === offsetAt(period.end, input.zone);
      const first = firstGridAtOrAfter(period.start, input.gridMinutes, input.zone);
      // Starts only grow, so the first claim ending after a start only moves forward.
      let next = firstEndingAfter(busy, first);
      for (let t = first; t + duration <= period.end; t += step) {
        if (!steady && !onGrid(t, input.gridMinutes, input.zone)) continue;
        while (next < busy.length && busy[next]!.end <= t) next++;
        const minute = (t - base) / 60_000;
        fitting[minute]!++;
        if (next === busy.length || busy[next]!.start >= t + duration) free[minute]!++;
      }
    }
  }
  const slots: Slot[] = [];
  for (let minute = 0; minute < size; minute++) {
    if (fitting[minute]! > 0) {
      const start = base + minute * 60_000;
      slots.push({ start, end: start + duration, available: free[minute]! });
    }
  }
  return slots;
}

export type BookingWindow = { today: string; lastDate: string; earliest: number };

/** Where a day stands against the booking window: before today, past the horizon, or bookable. */
export function dayInWindow(date: string, window: BookingWindow): 'past' | 'beyond-horizon' | 'bookable' {
  return date < window.today ? 'past' : date > window.lastDate ? 'beyond-horizon' : 'bookable';
}

/** The slots of a bookable day that start no earlier than the minimum notice allows. */
export function slotsAfterNotice(slots: Slot[], window: BookingWindow): Slot[] {
  return slots.length === 0 || slots[0]!.start >= window.earliest ? slots : slots.filter((s) => s.start >= window.earliest);
}
