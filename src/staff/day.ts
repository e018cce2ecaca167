import { type LocationSnapshot, planFor } from '../catalogue/location-snapshots.js';
import { listLiveClaims } from '../claims/claims-store.js';
import { dateInZone, dayBounds, isoInZone } from '../platform/time/zoned-time.js';
import { scopedLocation } from './access.js';
import { nextFreeStarts } from './domain/next-free.js';
import { entriesOfLocation } from './entry-store.js';
import { entryView } from './entry-view.js';
import type { Staff } from './sessions.js';
import type { StaffDeps } from './staff-deps.js';

const COUNTED = ['booked', 'checked_in', 'serving', 'done', 'no_show', 'cancelled'] as const;

/**
 * The day of a location at the counter, as JSON (the same for every staff member who may see it): per counter its
 * appointments and blocks in time order, with everything staff must know before the resident arrives (needs,
 * interpreter, channel, an e-mail that did not arrive), the next free times, and the counts per status. Today when
 * no date is given, in the location's zone. Kept in StaffDayCache until a change touches it.
 */
export async function locationDay(
  deps: Pick<StaffDeps, 'db' | 'clock' | 'locations' | 'staffDays'>,
  staff: Staff,
  slug: string,
  date?: string,
): Promise<Buffer> {
  const snapshot = await scopedLocation(deps, staff, slug);
  const zone = snapshot.location.timezone;
  const now = deps.clock();
  const day = date ?? dateInZone(now, zone);
  const cached = deps.staffDays.get(snapshot.location.id, day, now.getTime());
  if (cached) return cached;
  const bounds = dayBounds(day, zone);
  const json = Buffer.from(JSON.stringify(await readDay(deps, snapshot, day, bounds, now)));
  deps.staffDays.set(snapshot.location.id, day, bounds, json, now.getTime());
  return json;
}

async function readDay(
  deps: Pick<StaffDeps, 'db'>,
  snapshot: LocationSnapshot,
  day: string,
  { start, end }: { start: number; end: number },
  now: Date,
) {
  const zone = snapshot.location.timezone;
  const [rows, claims] = await Promise.all([
    entriesOfLocation(deps.db, snapshot.location.id, start, end),
    listLiveClaims(deps.db, snapshot.location.id, new Date(start), new Date(end), now),
  ]);
  const plan = planFor(
    snapshot,
    day,
    snapshot.counters.map((c) => c.id),
  );
  const gridMs = snapshot.location.gridMinutes * 60_000;
  const nextFree = (counterId: number) =>
    nextFreeStarts(
      plan.periods.get(counterId) ?? [],
      claims.filter((c) => c.counterId === counterId),
      Math.max(now.getTime(), start),
      gridMs,
    ).map((t) => isoInZone(t, zone));
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
      nextFree: nextFree(counter.id),
    })),
    counts,
  };
}
