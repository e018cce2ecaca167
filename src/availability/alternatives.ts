import type { Item } from '../catalogue/domain/items.js';
import type { Needs } from '../catalogue/domain/needs.js';
import type { LocationSnapshot } from '../catalogue/location-snapshots.js';
import type { Alternative } from '../platform/errors.js';
import { addDays, dateInZone, datesBetween, isoInZone } from '../platform/time/zoned-time.js';
import { freeSlots } from './availability-answer.js';
import type { AvailabilityDeps } from './availability-deps.js';

const DAYS_AROUND = 14;
const DAY = 86_400_000;
/** Days searched, widening: most refused times have free neighbours on the same day. */
const WIDTHS = [0, 1, 3, 7, DAYS_AROUND];

async function nearestAt(
  deps: AvailabilityDeps,
  snapshot: LocationSnapshot,
  items: Item[],
  needs: Needs | undefined,
  around: number,
  count: number,
) {
  const zone = snapshot.location.timezone;
  const date = dateInZone(around, zone);
  const found: { distance: number; start: number; end: number }[] = [];
  let searched = -1;
  for (const width of WIDTHS) {
    // The days not searched yet: [date − width, date − searched − 1] and [date + searched + 1, date + width].
    const dates = [
      ...new Set([
        ...datesBetween(addDays(date, -width), addDays(date, -searched - 1)),
        ...datesBetween(addDays(date, searched + 1), addDays(date, width)),
      ]),
    ];
    for (const slot of await freeSlots(deps, snapshot, items, needs, dates.sort())) {
      if (slot.start !== around)
        found.push({ distance: Math.abs(slot.start - around), start: slot.start, end: slot.end });
    }
    searched = width;
    found.sort((a, b) => a.distance - b.distance || a.start - b.start);
    // Anything outside the days searched lies about `width` days away or more (an hour less across DST).
    if (found.length >= count && found[count - 1]!.distance < width * DAY - 3_600_000) break;
  }
  return found.slice(0, count).map((f) => ({
    distance: f.distance,
    alternative: { start: isoInZone(f.start, zone), end: isoInZone(f.end, zone), location: snapshot.location.slug },
  }));
}

/**
 * The three free times nearest to the one asked for: at the same location first, then at the municipality's
 * other locations that offer every item ("a no always comes with what is possible"). The same refusal within a
 * second, with nothing changed since, gets the same list (alternatives-memo.ts).
 */
export async function findAlternatives(
  deps: AvailabilityDeps,
  snapshot: LocationSnapshot,
  items: Item[],
  needs: Needs | undefined,
  around: number,
  count = 3,
): Promise<readonly Alternative[]> {
  const key = [snapshot.location.id, memoKeyOf(items, needs), around, count].join('|');
  const now = deps.clock().getTime();
  const generation = (locationId: number) => deps.days.generation(locationId);
  const kept = deps.alternatives.get(key, now, generation);
  if (kept) return kept;

  const stamp: [number, number][] = [[snapshot.location.id, generation(snapshot.location.id)]];
  let found: Alternative[];
  const here = await nearestAt(deps, snapshot, items, needs, around, count);
  if (here.length >= count) found = here.map((h) => h.alternative);
  else {
    const others: { distance: number; alternative: Alternative }[] = [];
    const elsewhere = snapshot.services
      .filter((s) => items.some((i) => i.service.id === s.id))
      .map((s) => s.locations)
      .reduce((common, list) => common.filter((slug) => list.includes(slug)))
      .filter((slug) => slug !== snapshot.location.slug);
    for (const slug of elsewhere) {
      const other = await deps.locations.get(slug);
      if (!other) continue;
      stamp.push([other.location.id, generation(other.location.id)]);
      const otherItems = items.map((i) => ({ ...i, service: other.services.find((s) => s.id === i.service.id)! }));
      others.push(...(await nearestAt(deps, other, otherItems, needs, around, count - here.length)));
    }
    others.sort((a, b) => a.distance - b.distance);
    found = [...here, ...others.slice(0, count - here.length)].map((h) => h.alternative);
  }
  deps.alternatives.set(key, now, stamp, found);
  return found;
}

/** What makes two refusals' searches the same, besides place, time and count: the items and the needs. */
function memoKeyOf(items: Item[], needs: Needs | undefined): string {
  const what = items.map((i) => `${i.service.id}*${i.persons}`).join(',');
  return `${what}|${needs?.extraTime ? 1 : 0}${needs?.stepFree ? 1 : 0}|${needs?.interpreter ?? ''}`;
}
