import type { BookingWindow } from '../../catalogue/booking-rules.js';
import type { Interval } from '../../platform/time/interval.js';
import { localMinuteOfDay, offsetAt } from '../../platform/time/zoned-time.js';

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

const MINUTE = 60_000;

/**
 * The starts of a day for one duration, before any claim is looked at: it depends on opening hours alone, so it can
 * be worked out once per catalogue snapshot. `starts` are the grid instants at which at least one counter fits the
 * whole duration inside one of its open periods, ascending (`startMinutes` the same in whole minutes since the
 * epoch); `fits` says per counter at which of them, as `[from, to, step]` triples: the indices `[from, to)` into
 * `starts`, and the minutes between those starts when they are evenly spaced (every day but the DST days), else 0.
 */
export type DayGrid = {
  durationMinutes: number;
  starts: number[];
  startMinutes: Int32Array;
  fits: { counterId: number; ranges: number[] }[];
};

export function dayGrid(input: {
  periods: Map<number, Interval[]>;
  durationMinutes: number;
  gridMinutes: number;
  zone: string;
}): DayGrid {
  const { gridMinutes, zone } = input;
  const duration = input.durationMinutes * MINUTE;
  const step = gridMinutes * MINUTE;
  const own: { counterId: number; starts: number[] }[] = [];
  for (const [counterId, periods] of input.periods) {
    const starts: number[] = [];
    for (const period of periods) {
      // Stepping in absolute time stays on the wall-clock grid unless the UTC offset changes inside the period.
      const steady = offsetAt(period.start, zone) === offsetAt(period.end, zone);
      for (let t = firstGridAtOrAfter(period.start, gridMinutes, zone); t + duration <= period.end; t += step) {
        if (steady || onGrid(t, gridMinutes, zone)) starts.push(t);
      }
    }
    if (starts.length > 0) own.push({ counterId, starts });
  }
  const starts = [...new Set(own.flatMap((o) => o.starts))].sort((a, b) => a - b);
  const index = new Map(starts.map((t, i) => [t, i]));
  const fits = own.map(({ counterId, starts: mine }) => {
    const ranges: number[] = [];
    for (const t of mine) {
      const i = index.get(t)!;
      const last = ranges.length - 3;
      if (last >= 0 && ranges[last + 1] === i) {
        ranges[last + 1] = i + 1;
        if (t - starts[i - 1]! !== step) ranges[last + 2] = 0;
      } else {
        ranges.push(i, i + 1, gridMinutes);
      }
    }
    return { counterId, ranges };
  });
  return {
    durationMinutes: input.durationMinutes,
    starts,
    startMinutes: Int32Array.from(starts, (t) => t / MINUTE),
    fits,
  };
}

/**
 * A counter's busy time as `[start, end)` pairs of whole minutes since the epoch, sorted: each claim's start rounded
 * down and its end up, and claims that touch joined (back-to-back appointments are one busy run, so there are fewer
 * to walk). For a whole-minute slot that is exact: it overlaps the busy time only if it overlaps a claim.
 */
export type BusyMinutes = Int32Array;

/** `busy` per counter (sorted by start, not overlapping) as BusyMinutes. */
export function busyMinutes(busy: Map<number, Interval[]>): Map<number, BusyMinutes> {
  const packed = new Map<number, BusyMinutes>();
  for (const [counterId, claims] of busy) {
    const minutes = new Int32Array(claims.length * 2);
    let length = 0;
    for (const claim of claims) {
      const start = Math.floor(claim.start / MINUTE);
      const end = Math.ceil(claim.end / MINUTE);
      if (length > 0 && start <= minutes[length - 1]!) {
        minutes[length - 1] = Math.max(minutes[length - 1]!, end);
      } else {
        minutes[length++] = start;
        minutes[length++] = end;
      }
    }
    packed.set(counterId, minutes.slice(0, length));
  }
  return packed;
}

/**
 * `busy` with one claim `[start, end)` (ms) more, as `busyMinutes` would give it for the claims and that one: the
 * runs it touches are joined into one, by two binary searches and a copy instead of a pass over every claim, so
 * putting a booking in place at a counter with thousands of claims costs little (claims-index.ts).
 */
export function withBusyRun(busy: BusyMinutes, start: number, end: number): BusyMinutes {
  const s = Math.floor(start / MINUTE);
  const e = Math.ceil(end / MINUTE);
  const runs = busy.length >> 1;
  // The first run that ends at or after s, and the first that starts after e: those between touch the claim.
  let lo = 0;
  for (let high = runs; lo < high; ) {
    const mid = (lo + high) >>> 1;
    if (busy[2 * mid + 1]! < s) lo = mid + 1;
    else high = mid;
  }
  let after = lo;
  for (let high = runs; after < high; ) {
    const mid = (after + high) >>> 1;
    if (busy[2 * mid]! <= e) after = mid + 1;
    else high = mid;
  }
  const joined = new Int32Array(busy.length - 2 * (after - lo) + 2);
  joined.set(busy.subarray(0, 2 * lo));
  joined[2 * lo] = after > lo ? Math.min(s, busy[2 * lo]!) : s;
  joined[2 * lo + 1] = after > lo ? Math.max(e, busy[2 * after - 1]!) : e;
  joined.set(busy.subarray(2 * after), 2 * lo + 2);
  return joined;
}

/** Index of the first claim in `busy` that ends after minute `t`. */
function firstEndingAfterMinute(busy: BusyMinutes, t: number): number {
  let low = 0;
  let high = busy.length >> 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (busy[2 * mid + 1]! <= t) low = mid + 1;
    else high = mid;
  }
  return low;
}

// Per start: +1 where a counter's fitting run begins, −1 where it or a blocked run ends, and so on; the counts are the
// running sum. Reused: countFree runs to completion, so one array per process is enough.
let changes = new Int32Array(512);

/**
 * Writes to `counts[at + i]`, for every start i of the grid, how many of the counters that fit there have no claim
 * overlapping the whole duration. `busy` may hold claims of other days too. Six weeks of answers run this for every
 * day: on evenly spaced starts each claim blocks a run of starts found by arithmetic, so the work grows with the
 * claims rather than with starts × counters.
 */
export function countFree(grid: DayGrid, busy: Map<number, BusyMinutes>, counts: Uint16Array, at = 0): void {
  const n = grid.starts.length;
  if (changes.length < n + 1) changes = new Int32Array(2 * n + 1);
  const change = changes;
  change.fill(0, 0, n + 1);
  const duration = grid.durationMinutes;
  const starts = grid.startMinutes;
  for (const { counterId, ranges } of grid.fits) {
    const claims = busy.get(counterId);
    const claimCount = claims ? claims.length >> 1 : 0;
    for (let r = 0; r < ranges.length; r += 3) {
      const from = ranges[r]!;
      const to = ranges[r + 1]!;
      const step = ranges[r + 2]!;
      change[from]!++;
      change[to]!--;
      if (claimCount === 0) continue;
      const first = starts[from]!;
      const last = starts[to - 1]!;
      // A claim [a, b) blocks the starts t with a − duration < t < b.
      let k = firstEndingAfterMinute(claims!, first);
      if (step > 0) {
        let blockedTo = from;
        for (; k < claimCount; k++) {
          const a = claims![2 * k]! - duration;
          if (a >= last) break;
          // Whole minutes, both differences ≥ 0 here: `| 0` is the floor of the division.
          let lo = a < first ? from : from + (((a - first) / step) | 0) + 1;
          const hi = Math.min(to, from + (((claims![2 * k + 1]! - first + step - 1) / step) | 0));
          if (lo < blockedTo) lo = blockedTo;
          if (lo < hi) {
            change[lo]!--;
            change[hi]!++;
            blockedTo = hi;
          }
        }
      } else {
        // Unevenly spaced starts (a DST change inside the period): start by start.
        for (let i = from; i < to; i++) {
          const t = starts[i]!;
          while (k < claimCount && claims![2 * k + 1]! <= t) k++;
          if (k < claimCount && claims![2 * k]! < t + duration) {
            change[i]!--;
            change[i + 1]!++;
          }
        }
      }
    }
  }
  let running = 0;
  for (let i = 0; i < n; i++) counts[at + i] = running += change[i]!;
}

/** The grid's starts as slots with their counts. */
export function slotsOf(grid: DayGrid, counts: Uint16Array): Slot[] {
  const duration = grid.durationMinutes * MINUTE;
  return grid.starts.map((start, i) => ({ start, end: start + duration, available: counts[i]! }));
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
  const grid = dayGrid(input);
  const counts = new Uint16Array(grid.starts.length);
  countFree(grid, busyMinutes(input.busy), counts);
  return slotsOf(grid, counts);
}

/** Where a day stands against the booking window: before today, past the horizon, or bookable. */
export function dayInWindow(date: string, window: BookingWindow): 'past' | 'beyond-horizon' | 'bookable' {
  return date < window.today ? 'past' : date > window.lastDate ? 'beyond-horizon' : 'bookable';
}

/**
 * Index of the first of a bookable day's starts (ascending) that the minimum notice allows: later ones are all allowed.
 */
export function firstAfterNotice(starts: number[], window: BookingWindow): number {
  let i = 0;
  while (i < starts.length && starts[i]! < window.earliest) i++;
  return i;
}
