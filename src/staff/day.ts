import { dateInZone, dayBounds } from '../platform/time/zoned-time.js';
import { scopedLocation } from './access.js';
import { entriesOfLocation } from './entry-store.js';
import { entryView } from './entry-view.js';
import type { Staff } from './sessions.js';
import type { StaffDeps } from './staff-deps.js';

const COUNTED = ['booked', 'checked_in', 'serving', 'done', 'no_show', 'cancelled'] as const;

/**
 * The day of a location at the counter: per counter its appointments and blocks in time order, with everything
 * staff must know before the resident arrives (needs, interpreter, channel, an e-mail that did not arrive), and
 * the counts per status. Today when no date is given, in the location's zone.
 */
export async function locationDay(
  deps: Pick<StaffDeps, 'db' | 'clock' | 'locations'>,
  staff: Staff,
  slug: string,
  date?: string,
) {
  const snapshot = await scopedLocation(deps, staff, slug);
  const zone = snapshot.location.timezone;
  const day = date ?? dateInZone(deps.clock(), zone);
  const { start, end } = dayBounds(day, zone);
  const rows = await entriesOfLocation(deps.db, snapshot.location.id, start, end);
  const entries = rows.map((row) => entryView(snapshot, row));
  const counts = Object.fromEntries(COUNTED.map((s) => [s, 0])) as Record<(typeof COUNTED)[number], number>;
  for (const row of rows) if (row.kind === 'appointment' && row.status in counts) counts[row.status as 'booked']++;
  return {
    location: snapshot.location.slug,
    name: snapshot.location.name,
    date: day,
    timezone: zone,
    counters: snapshot.counters.map((counter) => ({
      slug: counter.slug,
      name: counter.name,
      online: counter.onlineBookable,
      stepFree: counter.stepFree,
      entries: entries.filter((e) => e.counter === counter.slug),
    })),
    counts,
  };
}
