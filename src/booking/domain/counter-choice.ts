import { firstEndingAfter, type Interval } from '../../platform/time/interval.js';

export type CounterDay = { counterId: number; periods: Interval[]; busy: Interval[] };

/**
 * Orders the counters that can take `[start, end)`, best first: the one whose free window around it is
 * smallest, so that the day stays compact and long free windows stay free for long appointments. Ties go to
 * the counter where the appointment touches a neighbour, then to the lowest id. Counters that cannot take it
 * are left out.
 */
export function rankCounters(counters: CounterDay[], start: number, end: number): number[] {
  const scored: { counterId: number; window: number; touch: number }[] = [];
  for (const counter of counters) {
    const period = counter.periods.find((p) => p.start <= start && end <= p.end);
    if (!period) continue;
    const i = firstEndingAfter(counter.busy, start);
    const next = counter.busy[i];
    if (next && next.start < end) continue;
    const previous = i > 0 ? counter.busy[i - 1] : undefined;
    const windowStart = Math.max(period.start, previous?.end ?? -Infinity);
    const windowEnd = Math.min(period.end, next?.start ?? Infinity);
    scored.push({
      counterId: counter.counterId,
      window: windowEnd - windowStart,
      touch: Math.min(start - windowStart, windowEnd - end),
    });
  }
  return scored
    .sort((a, b) => a.window - b.window || a.touch - b.touch || a.counterId - b.counterId)
    .map((s) => s.counterId);
}
