/** A half-open span of time `[start, end)` in epoch milliseconds. */
export type Interval = { start: number; end: number };

/** Sorts and joins overlapping or touching intervals. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.start < i.end).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** `from` without the parts covered by `cut`. */
export function subtractIntervals(from: Interval[], cut: Interval[]): Interval[] {
  let rest = from;
  for (const c of cut) {
    rest = rest.flatMap((i) => {
      if (c.end <= i.start || c.start >= i.end) return [i];
      const parts: Interval[] = [];
      if (c.start > i.start) parts.push({ start: i.start, end: c.start });
      if (c.end < i.end) parts.push({ start: c.end, end: i.end });
      return parts;
    });
  }
  return rest;
}

/** Index of the first interval in `sorted` (by start, not overlapping each other) whose end is after `t`. */
export function firstEndingAfter(sorted: Interval[], t: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]!.end <= t) low = mid + 1;
    else high = mid;
  }
  return low;
}
