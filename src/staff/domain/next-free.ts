import { type Interval, subtractIntervals } from '../../platform/time/interval.js';

/**
 * The first `count` starts of one grid step at a counter that are free from `from` on: inside its open periods,
 * outside its live claims, on the grid counted from each period's opening (for a caller on the phone: "the next
 * free time at counter 3 is 10:40").
 */
export function nextFreeStarts(
  periods: Interval[],
  claims: Interval[],
  from: number,
  gridMs: number,
  count = 3,
): number[] {
  const starts: number[] = [];
  for (const free of subtractIntervals(periods, claims)) {
    const period = periods.find((p) => p.start <= free.start && free.end <= p.end) ?? free;
    const earliest = Math.max(from, free.start);
    let t = period.start + Math.ceil((earliest - period.start) / gridMs) * gridMs;
    for (; t + gridMs <= free.end && starts.length < count; t += gridMs) starts.push(t);
    if (starts.length >= count) break;
  }
  return starts;
}
