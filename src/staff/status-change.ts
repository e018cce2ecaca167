import { writeClaims } from '../claims/claim-writes.js';
import { Conflict, NotFound } from '../platform/errors.js';
import { dateInZone } from '../platform/time/zoned-time.js';
import { type Language, textsFor } from '../texts/index.js';
import { scopedLocation } from './access.js';
import { type StaffStatus, type StepRefusal, stepRefusal } from './domain/status-steps.js';
import { entryByReference } from './entry-store.js';
import { entryView } from './entry-view.js';
import type { Staff } from './sessions.js';
import type { StaffDeps } from './staff-deps.js';
import { updateStatus } from './status-store.js';

const REFUSALS: Record<
  StepRefusal,
  'status_not_a_step' | 'status_too_early' | 'status_not_yet_no_show' | 'status_back_same_day'
> = {
  not_a_step: 'status_not_a_step',
  too_early_to_check_in: 'status_too_early',
  not_yet_no_show: 'status_not_yet_no_show',
  back_only_same_day: 'status_back_same_day',
};

/**
 * Checks a resident in, starts, finishes, marks a no-show, or takes one step back (DESIGN, "Staff API": status).
 * A step that is not allowed now, or that a colleague made first, is a 409 that says so.
 */
export async function changeStatus(
  deps: StaffDeps,
  staff: Staff,
  request: { reference: string; status: StaffStatus; language: Language },
) {
  const to = request.status;
  const row = await entryByReference(deps.db, request.reference.toUpperCase());
  if (row?.kind !== 'appointment') throw new NotFound('appointment_not_found');
  const snapshot = await scopedLocation(deps, staff, row.location_slug).catch(() => {
    throw new NotFound('appointment_not_found');
  });
  const now = deps.clock();
  const zone = snapshot.location.timezone;
  const start = Number(row.start_ms);
  const words = textsFor(request.language).statuses;
  const params = { status: words[row.status] ?? row.status, to: words[to] ?? to };
  const refusal = stepRefusal(row.status, to, {
    now: now.getTime(),
    start,
    sameDay: dateInZone(now, zone) === dateInZone(start, zone),
  });
  if (refusal) throw new Conflict(REFUSALS[refusal], params);
  const moved = await writeClaims(
    deps,
    (w) =>
      updateStatus(w, { id: row.id, locationId: row.location_id, start, end: Number(row.end_ms) }, row.status, to, now),
    { transaction: false },
  );
  if (!moved) throw new Conflict('status_not_a_step', params);
  return entryView(snapshot, { ...row, status: to });
}
