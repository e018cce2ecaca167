import type { Alternative } from '../domain/errors.js';
import type { Item } from '../domain/items.js';
import type { Needs } from '../domain/needs.js';
import { addDays, dateInZone, datesBetween, isoInZone } from '../domain/time.js';
import { freeSlots } from './availability.js';
import type { Deps } from './deps.js';
import type { LocationSnapshot } from './location-snapshots.js';

const DAYS_AROUND = 14;

async function nearestAt(deps: Deps, snapshot: LocationSnapshot, items: Item[], needs: Needs | undefined, around: number, count: number) {
  const date = dateInZone(around, snapshot.location.timezone);
  const slots = await freeSlots(deps, snapshot, items, needs, datesBetween(addDays(date, -DAYS_AROUND), addDays(date, DAYS_AROUND)));
  return slots
    .filter((slot) => slot.start !== around)
    .sort((a, b) => Math.abs(a.start - around) - Math.abs(b.start - around) || a.start - b.start)
    .slice(0, count)
    .map((slot) => ({ distance: Math.abs(slot.start - around), alternative: { start: isoInZone(slot.start, snapshot.location.timezone), end: isoInZone(slot.end, snapshot.location.timezone), location: snapshot.location.slug } }));
}

/**
 * The three free times nearest to the one asked for: at the same location first, then at the municipality's
 * other locations that offer every item ("a no always comes with what is possible").
 */
export async function findAlternatives(deps: Deps, snapshot: LocationSnapshot, items: Item[], needs: Needs | undefined, around: number, count = 3): Promise<Alternative[]> {
  const here = await nearestAt(deps, snapshot, items, needs, around, count);
  if (here.length >= count) return here.map((h) => h.alternative);
  const others: { distance: number; alternative: Alternative }[] = [];
  const elsewhere = snapshot.services.filter((s) => items.some((i) => i.service.id === s.id))
    .map((s) => s.locations)
    .reduce((common, list) => common.filter((slug) => list.includes(slug)))
    .filter((slug) => slug !== snapshot.location.slug);
  for (const slug of elsewhere) {
    const other = await deps.caches.locations.get(slug);
    if (!other) continue;
    const otherItems = items.map((i) => ({ ...i, service: other.services.find((s) => s.id === i.service.id)! }));
    others.push(...(await nearestAt(deps, other, otherItems, needs, around, count - here.length)));
  }
  others.sort((a, b) => a.distance - b.distance);
  return [...here, ...others.slice(0, count - here.length)].map((h) => h.alternative);
}
