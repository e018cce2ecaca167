import { scopedLocation } from './access.js';
import type { Staff } from './staff.js';
import type { StaffDeps } from './staff-deps.js';

const hhmm = (time: string) => time.slice(0, 5);

/**
 * A location's opening hours as the staff contract shows them (DESIGN, "Staff API": opening hours): the weekly rules
 * (per counter where a rule is for some counters only) and the exceptions by date, from the catalogue snapshot.
 */
export async function readOpeningHours(deps: Pick<StaffDeps, 'locations'>, staff: Staff, slug: string) {
  const snapshot = await scopedLocation(deps, staff, slug);
  const counterSlug = (id: number | null) =>
    id === null ? undefined : [snapshot.counters.find((c) => c.id === id)?.slug ?? String(id)];
  return {
    location: snapshot.location.slug,
    weekly: snapshot.weekly.map((rule) => ({
      weekday: rule.weekday,
      opens: hhmm(rule.opens),
      closes: hhmm(rule.closes),
      ...(rule.counterId !== null && { counters: counterSlug(rule.counterId) }),
      ...(rule.validFrom && { validFrom: rule.validFrom }),
      ...(rule.validUntil && { validUntil: rule.validUntil }),
    })),
    exceptions: snapshot.exceptions.map((exception) => ({
      date: exception.date,
      kind: exception.kind,
      ...(exception.opens && { opens: hhmm(exception.opens) }),
      ...(exception.closes && { closes: hhmm(exception.closes) }),
      ...(exception.counterId !== null && { counters: counterSlug(exception.counterId) }),
      reason: exception.reason.nl,
    })),
  };
}
