import type { AvailabilityDeps } from '../availability/availability-deps.js';
import { replaceSchedule } from '../catalogue/admin/schedule-writes.js';
import type { DateException, WeeklyRule } from '../catalogue/domain/opening-hours.js';
import { type ExceptionInput, scheduleProblems, type WeeklyInput } from '../catalogue/domain/schedule-check.js';
import { type LocationSnapshot, proposedSnapshot } from '../catalogue/location-snapshots.js';
import { InTheWay, Unprocessable } from '../platform/errors.js';
import { isoInZone } from '../platform/time/zoned-time.js';
import { scopedLocation } from './access.js';
import { startTimeImpact } from './schedule-impact.js';
import type { Staff } from './staff.js';
import type { StaffDeps } from './staff-deps.js';
import { strandedBy } from './stranded.js';
import { listUpcoming, type Upcoming } from './upcoming-store.js';

const hhmm = (time: string) => time.slice(0, 5);

type Counted = { counterId: number | null };

/** Rows that differ only in their counter, shown as one with the list of counters (as they were written). */
function grouped<T extends Counted, V>(snapshot: LocationSnapshot, rows: T[], view: (row: T) => V) {
  const slugOf = (id: number) => snapshot.counters.find((c) => c.id === id)?.slug ?? String(id);
  const byKey = new Map<string, { view: V; counters: string[] }>();
  for (const row of rows) {
    const shown = view(row);
    const key = `${row.counterId === null ? 'all' : 'some'}|${JSON.stringify(shown)}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { view: shown, counters: row.counterId === null ? [] : [slugOf(row.counterId)] });
    else if (row.counterId !== null) seen.counters.push(slugOf(row.counterId));
  }
  return [...byKey.values()].map((g) => ({ ...g.view, ...(g.counters.length > 0 && { counters: g.counters }) }));
}

/** A location's opening hours in the staff contract's shape (DESIGN, "Staff API": opening hours). */
export function openingHoursView(snapshot: LocationSnapshot) {
  return {
    location: snapshot.location.slug,
    gridMinutes: snapshot.location.gridMinutes,
    weekly: grouped(snapshot, snapshot.weekly, (rule: WeeklyRule) => ({
      weekday: rule.weekday,
      opens: hhmm(rule.opens),
      closes: hhmm(rule.closes),
      ...(rule.validFrom && { validFrom: rule.validFrom }),
      ...(rule.validUntil && { validUntil: rule.validUntil }),
    })),
    exceptions: grouped(snapshot, snapshot.exceptions, (exception: DateException) => ({
      date: exception.date,
      kind: exception.kind,
      ...(exception.opens && { opens: hhmm(exception.opens) }),
      ...(exception.closes && { closes: hhmm(exception.closes) }),
      ...(exception.reason.nl && { reason: exception.reason.nl }),
      ...(exception.reason.en && { reasonEn: exception.reason.en }),
    })),
  };
}

export async function readOpeningHours(deps: Pick<StaffDeps, 'locations'>, staff: Staff, slug: string) {
  return openingHoursView(await scopedLocation(deps, staff, slug));
}

export type OpeningHoursChange = { weekly: WeeklyInput[]; exceptions: ExceptionInput[]; confirm?: boolean | undefined };

/** The counters a row is for: each of the named ones, or (left out) the whole location. */
function counterIds(snapshot: LocationSnapshot, slugs: string[] | undefined): (number | null)[] {
  if (!slugs?.length) return [null];
  return [...new Set(slugs)].map((slug) => snapshot.counters.find((c) => c.slug === slug)!.id);
}

function scheduleOf(snapshot: LocationSnapshot, change: OpeningHoursChange) {
  const weekly: WeeklyRule[] = change.weekly.flatMap((rule) =>
    counterIds(snapshot, rule.counters).map((counterId) => ({
      counterId,
      weekday: rule.weekday,
      opens: rule.opens,
      closes: rule.closes,
      validFrom: rule.validFrom ?? null,
      validUntil: rule.validUntil ?? null,
    })),
  );
  const exceptions: DateException[] = change.exceptions.flatMap((exception) =>
    counterIds(snapshot, exception.counters).map((counterId) => {
      const nl = exception.reason?.trim() ?? '';
      return {
        counterId,
        date: exception.date,
        kind: exception.kind,
        opens: exception.opens ?? null,
        closes: exception.closes ?? null,
        // An English reason left out: residents reading English see the Dutch one rather than none.
        reason: { nl, en: exception.reasonEn?.trim() || nl },
      };
    }),
  );
  return { weekly, exceptions };
}

/** The appointments in the answer: reference, time and counter. */
export function strandedView(snapshot: LocationSnapshot, stranded: Upcoming[]) {
  const zone = snapshot.location.timezone;
  return stranded.map((a) => ({
    reference: a.reference,
    start: isoInZone(a.start, zone),
    end: isoInZone(a.end, zone),
    counter: snapshot.counters.find((c) => c.id === a.counterId)?.slug ?? String(a.counterId),
  }));
}

/**
 * Replaces a location's weekly hours and exceptions, checked field by field. Impact first: the booked appointments
 * the new hours would leave outside are a 409 that lists them until the change is confirmed (they stay booked:
 * afspraak is afspraak); a dry run shows them and the start times residents gain and lose per day, and writes
 * nothing. Saved, the change reaches every process's availability and day views through the change signal.
 */
export async function writeOpeningHours(
  deps: StaffDeps & AvailabilityDeps,
  staff: Staff,
  slug: string,
  change: OpeningHoursChange,
  options: { dryRun: boolean },
) {
  const snapshot = await scopedLocation(deps, staff, slug);
  const problems = scheduleProblems(change, {
    gridMinutes: snapshot.location.gridMinutes,
    counters: snapshot.counters.map((c) => c.slug),
  });
  if (problems.length > 0) throw new Unprocessable('schedule_invalid', {}, problems);
  const schedule = scheduleOf(snapshot, change);
  const proposed = proposedSnapshot(snapshot, schedule);
  const stranded = strandedBy(snapshot, proposed, await listUpcoming(deps.db, snapshot.location.id, deps.clock()));
  if (options.dryRun)
    return {
      ...openingHoursView(proposed),
      dryRun: true,
      stranded: strandedView(snapshot, stranded),
      impact: await startTimeImpact(deps, snapshot, proposed),
    };
  if (stranded.length > 0 && !change.confirm)
    throw new InTheWay(
      'hours_strand_appointments',
      stranded.map((a) => a.reference),
      { count: stranded.length },
    );
  await deps.db.transaction((tx) => replaceSchedule(tx, snapshot.location.id, schedule));
  deps.changes.raise({ kind: 'catalogue' });
  return { ...openingHoursView(await deps.locations.require(slug)), stranded: strandedView(snapshot, stranded) };
}
