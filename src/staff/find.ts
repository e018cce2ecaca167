import { addDays } from '../platform/time/dates.js';
import { dateInZone, dayBounds } from '../platform/time/zoned-time.js';
import { scopedLocation } from './access.js';
import { findEntries } from './entry-store.js';
import { entryView } from './entry-view.js';
import type { Staff } from './sessions.js';
import type { StaffDeps } from './staff-deps.js';
import { locationSlugsOf } from './user-store.js';

const FOUND_AT_MOST = 50;

/**
 * Finds appointments by what a caller says (reference, name, e-mail address or phone), at one location or at all
 * of the staff member's, from `from` (default: a month ago) up to `to` (default: a year on).
 */
export async function findAppointments(
  deps: Pick<StaffDeps, 'db' | 'clock' | 'locations'>,
  staff: Staff,
  search: { q: string; location?: string | undefined; from?: string | undefined; to?: string | undefined },
) {
  const slugs = search.location
    ? [search.location]
    : staff.user.locations.length > 0
      ? staff.user.locations
      : await locationSlugsOf(deps.db, staff.user.municipalityId);
  const snapshots = await Promise.all(slugs.map((slug) => scopedLocation(deps, staff, slug)));
  const zone = snapshots[0]?.location.timezone ?? 'Europe/Amsterdam';
  const today = dateInZone(deps.clock(), zone);
  const rows = await findEntries(deps.db, {
    locationIds: snapshots.map((s) => s.location.id),
    text: search.q.trim(),
    from: dayBounds(search.from ?? addDays(today, -31), zone).start,
    to: dayBounds(search.to ?? addDays(today, 366), zone).end,
    limit: FOUND_AT_MOST,
  });
  const bySlug = new Map(snapshots.map((s) => [s.location.slug, s]));
  return { appointments: rows.map((row) => entryView(bySlug.get(row.location_slug)!, row)) };
}
