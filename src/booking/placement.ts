import { onGrid } from '../availability/domain/free-slots.js';
import { appointmentMinutes, eligibleCounters, windowFor } from '../catalogue/booking-rules.js';
import type { Item } from '../catalogue/domain/items.js';
import type { Needs } from '../catalogue/domain/needs.js';
import { type LocationSnapshot, planFor } from '../catalogue/location-snapshots.js';
import type { WriteAt } from '../claims/change-signal.js';
import type { ClaimWriter } from '../claims/claim-writes.js';
import { type Claim, listLiveClaims } from '../claims/claims-store.js';
import type { Executor } from '../platform/database/database.js';
import { isOverlap } from '../platform/database/sql-errors.js';
import { Unprocessable } from '../platform/errors.js';
import { dateInZone, dayBounds, isoInZone } from '../platform/time/zoned-time.js';
import type { BookingDeps } from './booking-deps.js';
import { rankCounters } from './domain/counter-choice.js';

export type Wanted = { start: number; end: number; date: string; counters: number[] };

/**
 * Staff place a claim with fewer rules: at any notice, also on counters closed to online booking, on one counter
 * when they name it, and off the grid for a walk-in (who starts now).
 */
export type StaffPlacement = { counter?: number | undefined; walkIn?: boolean };

/**
 * Checks a requested start against the rules before anything is written: not in the past, after the minimum
 * notice, within the horizon, on the grid, and inside opening hours of a counter that may serve it.
 */
export function checkStart(
  deps: Pick<BookingDeps, 'clock'>,
  snapshot: LocationSnapshot,
  items: Item[],
  needs: Needs | undefined,
  startIso: string,
  options: { held?: boolean; staff?: StaffPlacement } = {},
): Wanted {
  const zone = snapshot.location.timezone;
  const start = Date.parse(startIso);
  const now = deps.clock().getTime();
  const window = windowFor(items, now, zone);
  const field = (
    code: 'in_the_past' | 'too_soon' | 'too_far' | 'off_grid' | 'not_open_then',
    params: Record<string, string | number> = {},
  ) => new Unprocessable(code, params, [{ field: 'start', code, params }]);
  if (start < now) throw field('in_the_past');
  // A live hold keeps its time even when the notice has run out while the resident was typing; staff book at
  // any notice (a caller for this afternoon, a walk-in now).
  if (start < window.earliest && !options.held && !options.staff)
    throw field('too_soon', { minutes: window.noticeMinutes, earliest: isoInZone(window.earliest, zone) });
  const date = dateInZone(start, zone);
  if (date > window.lastDate) throw field('too_far', { lastDate: window.lastDate });
  if (!options.staff?.walkIn && !onGrid(start, snapshot.location.gridMinutes, zone))
    throw field('off_grid', { grid: snapshot.location.gridMinutes });
  const end = start + appointmentMinutes(items, needs) * 60_000;
  const plan = planFor(snapshot, date, eligibleCounters(snapshot, items, needs, { offline: !!options.staff }));
  const counters = [...plan.periods]
    .filter(([, periods]) => periods.some((p) => p.start <= start && end <= p.end))
    .map(([id]) => id)
    .filter((id) => options.staff?.counter === undefined || id === options.staff.counter);
  if (counters.length === 0) throw field('not_open_then');
  return { start, end, date, counters };
}

/**
 * The counters free for the wanted time as the database has it now, best first, inside the transaction that puts a
 * claim there: the holds that ran out in the wanted time are cancelled in the same statement.
 */
async function freeCounters(
  tx: Executor,
  deps: Pick<BookingDeps, 'clock'>,
  snapshot: LocationSnapshot,
  wanted: Wanted,
  ignore?: string,
): Promise<number[]> {
  const day = dayBounds(wanted.date, snapshot.location.timezone);
  const claims = await listLiveClaims(tx, snapshot.location.id, new Date(day.start), new Date(day.end), deps.clock(), {
    releaseExpiredIn: wanted,
  });
  return rankFreeCounters(
    snapshot,
    wanted,
    claims.filter((c) => c.id !== ignore),
  );
}

/**
 * The counters the claims index leaves free for the wanted time, best first, with the day's claims it knows; no round
 * trip (#17). The index may lag another process by the change feed's interval: what it shows taken is refused from
 * it, what it shows free is decided in the database. `ignore` is a hold being turned into the booking.
 */
export async function knownFreeCounters(
  deps: Pick<BookingDeps, 'claimsIndex'>,
  snapshot: LocationSnapshot,
  wanted: Wanted,
  now: Date,
  ignore?: string,
): Promise<{ claims: Claim[]; free: number[] }> {
  const day = dayBounds(wanted.date, snapshot.location.timezone);
  const claims = await deps.claimsIndex.liveClaims(snapshot.location.id, day, now);
  return { claims, free: rankFreeCounters(snapshot, wanted, ignore ? claims.filter((c) => c.id !== ignore) : claims) };
}

/** Where a claim for the wanted time goes, as the change signal keeps the writes under way (writeClaims' `at`). */
export const writeAt = (snapshot: LocationSnapshot, wanted: Wanted): WriteAt => ({
  locationId: snapshot.location.id,
  start: wanted.start,
  end: wanted.end,
});

/**
 * knownFreeCounters, once the claim writes of this process under way at the wanted time leave a free counter for
 * this request too: while they are as many as the counters the index shows free, the request waits for the first of
 * them to end and looks again. In a rush, a request that is bound to be refused then is refused from memory, and
 * does not hold one of the pool's connections while it waits for the time's locks behind the writes that take the
 * time (#17). The database still decides: this only orders the requests of one process.
 */
export async function freeCountersAfterWritesAhead(
  deps: Pick<BookingDeps, 'claimsIndex' | 'changes'>,
  snapshot: LocationSnapshot,
  wanted: Wanted,
  now: Date,
  ignore?: string,
): Promise<{ claims: Claim[]; free: number[] }> {
  const at = writeAt(snapshot, wanted);
  for (;;) {
    const known = await knownFreeCounters(deps, snapshot, wanted, now, ignore);
    if (known.free.length === 0) return known;
    const ahead = deps.changes.writesAt(at);
    if (ahead.length < known.free.length) return known;
    await Promise.race(ahead);
  }
}

/**
 * The order a claim tries the counters in: those the claims index leaves free, best first, then those taken a moment
 * ago (they may be free by the time the statement holds the time's locks). The exclusion constraint decides.
 */
export function countersToTry(wanted: Wanted, free: number[]): number[] {
  return [...free, ...wanted.counters.filter((c) => !free.includes(c))];
}

/** The counters that `claims` (of the wanted day) leave free for the wanted time, best first. */
export function rankFreeCounters(snapshot: LocationSnapshot, wanted: Wanted, claims: Claim[]): number[] {
  const plan = planFor(snapshot, wanted.date, wanted.counters);
  return rankCounters(
    wanted.counters.map((counterId) => ({
      counterId,
      periods: plan.periods.get(counterId) ?? [],
      busy: claims.filter((c) => c.counterId === counterId),
    })),
    wanted.start,
    wanted.end,
  );
}

/**
 * Puts a claim on the best free counter inside the caller's transaction, which must hold the locks on the wanted time
 * (lockLocationTime, taken before any row lock): expired holds in the way are released, counters are ranked from
 * the claims as they are now, and `write` is tried on each until the exclusion constraint lets one through
 * (`write` says false when it did not). Returns the counter, or undefined when every counter is taken.
 * `ignore` is the claim being moved, which must not count as being in its own way.
 */
export async function placeClaim(
  writer: ClaimWriter,
  deps: Pick<BookingDeps, 'clock'>,
  snapshot: LocationSnapshot,
  wanted: Wanted,
  write: (writer: ClaimWriter, counterId: number) => Promise<boolean>,
  ignore?: string,
): Promise<number | undefined> {
  for (const counterId of await freeCounters(writer.ex, deps, snapshot, wanted, ignore)) {
    if (await write(writer, counterId)) return counterId;
  }
  return undefined;
}

/** Runs a change that the exclusion constraint may refuse in a savepoint: false when it did. */
export async function unlessOverlapping(
  writer: ClaimWriter,
  change: (sp: ClaimWriter) => Promise<unknown>,
): Promise<boolean> {
  try {
    await writer.ex.transaction((sp) => change({ ex: sp, touched: writer.touched }));
    return true;
  } catch (error) {
    if (!isOverlap(error)) throw error;
    return false;
  }
}
