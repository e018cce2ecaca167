import { freeSlots } from '../availability/availability-answer.js';
import type { AvailabilityDeps } from '../availability/availability-deps.js';
import type { LocationSnapshot } from '../catalogue/location-snapshots.js';
import { addDays, dateInZone, datesBetween } from '../platform/time/zoned-time.js';

/** How far ahead a proposed change is weighed: six weeks. */
export const IMPACT_DAYS = 42;

export type DayImpact = {
  date: string;
  /** Start times bookable for at least one service, before and after the change. */
  before: number;
  after: number;
  gained: number;
  lost: number;
  /** Per service (one person), where the change makes a difference. */
  services: { service: string; before: number; after: number; gained: number; lost: number }[];
};

async function startsByDate(
  deps: AvailabilityDeps,
  snapshot: LocationSnapshot,
  slug: string,
  dates: string[],
): Promise<Map<string, Set<number>>> {
  const byDate = new Map<string, Set<number>>(dates.map((d) => [d, new Set()]));
  const service = snapshot.services.find((s) => s.slug === slug);
  if (!service) return byDate;
  for (const slot of await freeSlots(deps, snapshot, [{ service, persons: 1 }], undefined, dates))
    byDate.get(dateInZone(slot.start, snapshot.location.timezone))?.add(slot.start);
  return byDate;
}

const count = (a: Set<number>, without: Set<number>) => [...a].filter((t) => !without.has(t)).length;

/**
 * How many bookable start times residents gain or lose per day over the next six weeks with a proposed change,
 * for each of the location's services at one person: computed by the availability engine itself, from the
 * current claims, for the location as it is and as it would be. Nothing is written.
 */
export async function startTimeImpact(
  deps: AvailabilityDeps,
  current: LocationSnapshot,
  proposed: LocationSnapshot,
): Promise<DayImpact[]> {
  const today = dateInZone(deps.clock(), current.location.timezone);
  const dates = datesBetween(today, addDays(today, IMPACT_DAYS - 1));
  const days = dates.map((date) => ({
    date,
    union: { before: new Set<number>(), after: new Set<number>() },
    services: [] as DayImpact['services'],
  }));
  for (const slug of current.location.services) {
    const before = await startsByDate(deps, current, slug, dates);
    const after = await startsByDate(deps, proposed, slug, dates);
    for (const day of days) {
      const b = before.get(day.date)!;
      const a = after.get(day.date)!;
      for (const t of b) day.union.before.add(t);
      for (const t of a) day.union.after.add(t);
      const gained = count(a, b);
      const lost = count(b, a);
      if (gained || lost) day.services.push({ service: slug, before: b.size, after: a.size, gained, lost });
    }
  }
  return days.map(({ date, union, services }) => ({
    date,
    before: union.before.size,
    after: union.after.size,
    gained: count(union.after, union.before),
    lost: count(union.before, union.after),
    services,
  }));
}
