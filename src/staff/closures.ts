import { findById } from '../booking/appointment-store.js';
import { relocateOrCancel } from '../booking/relocate-appointment.js';
import type { Words } from '../catalogue/domain/opening-hours.js';
import { type LocationSnapshot, proposedSnapshot } from '../catalogue/location-snapshots.js';
import { type ClaimWriter, writeClaims } from '../claims/claim-writes.js';
import { listLiveClaims } from '../claims/claims-store.js';
import { lockLocationTime } from '../claims/time-locks.js';
import { isDeadlock } from '../platform/database/sql-errors.js';
import { type FieldError, Unprocessable } from '../platform/errors.js';
import { subtractIntervals } from '../platform/time/interval.js';
import { isoInZone } from '../platform/time/zoned-time.js';
import { scopedLocation } from './access.js';
import { insertBlock } from './block-store.js';
import {
  type ClosureKey,
  type ClosureOutcome,
  type ClosureResult,
  cancelHoldsIn,
  findClosure,
  insertClosure,
  type Reassigned,
  saveResult,
} from './closure-store.js';
import { closureExceptions } from './domain/closure-days.js';
import type { CallerDeps } from './for-caller.js';
import type { Staff } from './staff.js';
import { listUpcoming } from './upcoming-store.js';

export const MAX_CLOSURE_DAYS = 31;
const DAY = 86_400_000;

export type ClosureRequest = {
  location: string;
  counters?: string[] | undefined;
  start: string;
  end: string;
  reason: string;
  reasonEn?: string | undefined;
  dryRun?: boolean | undefined;
};

type Plan = {
  snapshot: LocationSnapshot;
  /** The location as the closure leaves it: no time inside it is offered. */
  closed: LocationSnapshot;
  counterIds: number[];
  key: ClosureKey;
  reason: Words;
};

/** A dry run's answer, carried out of the transaction that it rolls back. */
class DryRun extends Error {
  constructor(readonly result: ClosureResult) {
    super('dry run');
  }
}

function planClosure(deps: Pick<CallerDeps, 'clock'>, snapshot: LocationSnapshot, request: ClosureRequest): Plan {
  const errors: FieldError[] = [];
  const chosen = (request.counters ?? []).map((slug, index) => {
    const counter = snapshot.counters.find((c) => c.slug === slug);
    if (!counter) errors.push({ field: `counters.${index}`, code: 'counter_unknown', params: { counter: slug } });
    return counter?.id ?? 0;
  });
  const start = new Date(request.start);
  const end = new Date(request.end);
  if (end.getTime() <= deps.clock().getTime()) errors.push({ field: 'end', code: 'closure_in_the_past' });
  if (end.getTime() - start.getTime() > MAX_CLOSURE_DAYS * DAY)
    errors.push({ field: 'end', code: 'closure_too_long', params: { max: MAX_CLOSURE_DAYS } });
  if (errors.length > 0) throw new Unprocessable('closure_invalid', {}, errors);
  const whole = request.counters === undefined;
  const counterIds = whole ? snapshot.counters.map((c) => c.id) : [...new Set(chosen)].sort((a, b) => a - b);
  const reason = { nl: request.reason.trim(), en: request.reasonEn?.trim() || request.reason.trim() };
  const period = { start: start.getTime(), end: end.getTime() };
  const exceptions = closureExceptions(period, snapshot.location.timezone, whole ? [null] : counterIds, reason);
  return {
    snapshot,
    closed: proposedSnapshot(snapshot, { exceptions: [...snapshot.exceptions, ...exceptions] }),
    counterIds,
    key: { locationId: snapshot.location.id, counterKey: whole ? '' : counterIds.join(','), start, end },
    reason,
  };
}

/** Blocks the closed counters' time around what is still there (residents who are checked in, earlier blocks). */
async function blockClosedTime(writer: ClaimWriter, deps: Pick<CallerDeps, 'clock'>, plan: Plan): Promise<string[]> {
  const { key } = plan;
  const claims = await listLiveClaims(writer.ex, key.locationId, key.start, key.end, deps.clock());
  const ids: string[] = [];
  for (const counterId of plan.counterIds) {
    const taken = claims.filter((c) => c.counterId === counterId);
    for (const gap of subtractIntervals([{ start: key.start.getTime(), end: key.end.getTime() }], taken)) {
      const block = await insertBlock(writer, {
        municipalityId: plan.snapshot.location.municipalityId,
        locationId: key.locationId,
        counterId,
        start: new Date(gap.start),
        end: new Date(gap.end),
        reason: plan.reason.nl,
        now: deps.clock(),
      });
      if ('id' in block) ids.push(block.id);
    }
  }
  return ids;
}

async function applyOnce(deps: CallerDeps, staff: Staff, plan: Plan, dryRun: boolean) {
  const { key, snapshot } = plan;
  const zone = snapshot.location.timezone;
  return writeClaims(deps, async (writer) => {
    const now = deps.clock();
    await lockLocationTime(writer.ex, key.locationId, key.start, key.end);
    const id = await insertClosure(writer.ex, key, {
      reasonNl: plan.reason.nl,
      reasonEn: plan.reason.en,
      createdBy: staff.user.id,
      now,
    });
    if (!id) {
      const replay = (await findClosure(writer.ex, key))!;
      return { ...replay, blocks: [] as string[], replayed: true };
    }
    await cancelHoldsIn(writer, key.locationId, plan.counterIds, key, now);
    const affected: ClosureOutcome[] = [];
    const reassigned: Reassigned[] = [];
    const upcoming = await listUpcoming(writer.ex, key.locationId, now, {
      from: key.start,
      to: key.end,
      counterIds: plan.counterIds,
    });
    const counterSlug = (id: number) => snapshot.counters.find((c) => c.id === id)?.slug ?? String(id);
    for (const appointment of upcoming) {
      const full = await findById(writer.ex, appointment.id);
      const result = full && (await relocateOrCancel(writer, deps, plan.closed, full, plan.reason));
      if (!result) continue;
      const { reference } = appointment;
      const start = isoInZone(appointment.start, zone);
      if (result.outcome === 'reassigned') reassigned.push({ reference, start, counter: counterSlug(result.counter) });
      else if (result.outcome === 'cancelled') affected.push({ reference, start, outcome: 'cancelled' });
      else
        affected.push({
          reference,
          start,
          outcome: 'moved',
          newStart: isoInZone(result.start, zone),
          ...(result.location !== snapshot.location.slug && { newLocation: result.location }),
        });
    }
    const blocks = await blockClosedTime(writer, deps, plan);
    if (dryRun) throw new DryRun({ affected, reassigned });
    await saveResult(writer.ex, id, { affected, reassigned });
    return { id, affected, reassigned, blocks, replayed: false };
  });
}

/**
 * Closes counters (or the whole location) for a period, at short notice: each booked appointment in it keeps its
 * time at a free counter (`reassigned`, the resident need not hear of it), or is moved to the nearest free time
 * that fits, or else cancelled (`affected`: its resident gets exactly one message); the closed time is blocked.
 * All in one transaction: a dry run is the same work rolled back. Applying the same closure again changes nothing
 * and answers as the first time (`replayed`).
 */
export async function closeCounters(deps: CallerDeps, staff: Staff, request: ClosureRequest) {
  const snapshot = await scopedLocation(deps, staff, request.location);
  const plan = planClosure(deps, snapshot, request);
  const zone = snapshot.location.timezone;
  const answer = (fields: ClosureResult & { id?: string; dryRun: boolean }) => ({
    ...fields,
    location: snapshot.location.slug,
    counters: snapshot.counters.filter((c) => plan.counterIds.includes(c.id)).map((c) => c.slug),
    start: isoInZone(plan.key.start.getTime(), zone),
    end: isoInZone(plan.key.end.getTime(), zone),
    reason: plan.reason.nl,
  });
  for (let attempt = 1; ; attempt++) {
    try {
      const { replayed, blocks, ...result } = await applyOnce(deps, staff, plan, request.dryRun === true);
      return { replayed, blocks, ...answer({ ...result, dryRun: false }) };
    } catch (error) {
      if (error instanceof DryRun)
        return { replayed: false, blocks: [] as string[], ...answer({ ...error.result, dryRun: true }) };
      // Moving takes the locks of other times after the closure's own: a booking that spans both may meet it the
      // other way round. The server breaks that deadlock; the closure starts again.
      if (!isDeadlock(error) || attempt >= 3) throw error;
    }
  }
}
