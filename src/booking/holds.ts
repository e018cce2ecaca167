import { findAlternatives } from '../availability/alternatives.js';
import { type ItemRequest, resolveItems } from '../catalogue/booking-rules.js';
import type { Needs } from '../catalogue/domain/needs.js';
import type { LocationSnapshot } from '../catalogue/location-snapshots.js';
import { writeClaims } from '../claims/claim-writes.js';
import { Conflict, NotFound } from '../platform/errors.js';
import { isoInZone } from '../platform/time/zoned-time.js';
import type { Language } from '../texts/index.js';
import type { BookingDeps } from './booking-deps.js';
import { extendLiveHold, releaseLiveHold, writeHold } from './hold-store.js';
import { checkStart, countersToTry, freeCountersAfterWritesAhead, writeAt } from './placement.js';

export type HoldRequest = {
  location: string;
  items: ItemRequest[];
  start: string;
  needs?: Needs;
  language: Language;
  /** holdClientKey(): who asks. */
  client: string;
};

/**
 * Keeps a time for a while (HOLD_MINUTES) while the resident fills in the form; a hold takes a counter, for exactly
 * the length the booking will have (the same rules as a booking: items, persons, extra time). One client keeps at
 * most MAX_HOLDS_PER_CLIENT times at once (the widget lets its hold go before it takes another).
 */
export async function createHold(deps: BookingDeps, request: HoldRequest) {
  const snapshot = await deps.locations.require(request.location);
  const items = resolveItems(snapshot, request.items, request.language);
  const wanted = checkStart(deps, snapshot, items, request.needs, request.start);
  const now = deps.clock();
  const refuse = async () =>
    new Conflict('time_taken', {}, await findAlternatives(deps, snapshot, items, request.needs, wanted.start));
  // A time the claims index shows taken is refused from memory: no transaction, no locks (#17). Otherwise one
  // statement tries the counters (countersToTry).
  const { free } = await freeCountersAfterWritesAhead(deps, snapshot, wanted, now);
  if (free.length === 0) throw await refuse();
  const expiresAt = new Date(now.getTime() + deps.config.HOLD_MINUTES * 60_000);
  const written = await writeClaims(
    deps,
    (writer) =>
      writeHold(writer, {
        municipalityId: snapshot.location.municipalityId,
        locationId: snapshot.location.id,
        counters: countersToTry(wanted, free),
        start: new Date(wanted.start),
        end: new Date(wanted.end),
        expiresAt,
        createdAt: now,
        client: request.client,
        maxHolds: deps.config.MAX_HOLDS_PER_CLIENT,
        items: items.map((i) => ({ serviceId: i.service.id, persons: i.persons })),
      }),
    { transaction: false, at: writeAt(snapshot, wanted) },
  );
  if (written.outcome !== 'held')
    throw written.outcome === 'taken'
      ? await refuse()
      : new Conflict('too_many_holds', { max: deps.config.MAX_HOLDS_PER_CLIENT });
  return holdView(snapshot, {
    id: written.holdId,
    start: wanted.start,
    end: wanted.end,
    expiresAt: expiresAt.getTime(),
  });
}

/** A hold as the API shows it, in the location's zone. */
function holdView(snapshot: LocationSnapshot, hold: { id: string; start: number; end: number; expiresAt: number }) {
  const zone = snapshot.location.timezone;
  return {
    holdId: hold.id,
    expiresAt: isoInZone(hold.expiresAt, zone),
    location: snapshot.location.slug,
    start: isoInZone(hold.start, zone),
    end: isoInZone(hold.end, zone),
  };
}

/** A hold may be extended until it has lasted this many times HOLD_MINUTES in all. */
export const HOLD_LENGTHS = 3;

/**
 * Gives a live hold HOLD_MINUTES more from now (the resident needs more time to type), up to HOLD_LENGTHS times
 * its first length in all, so that a time cannot be kept from others for long.
 */
export async function extendHold(deps: BookingDeps, holdId: string) {
  const now = deps.clock();
  const hold = await writeClaims(
    deps,
    (w) =>
      extendLiveHold(
        w,
        holdId,
        new Date(now.getTime() + deps.config.HOLD_MINUTES * 60_000),
        HOLD_LENGTHS * deps.config.HOLD_MINUTES,
        now,
      ),
    { transaction: false },
  );
  if (!hold) throw new NotFound('hold_not_found');
  const snapshot = await deps.locations.require(hold.locationSlug);
  return holdView(snapshot, {
    id: hold.id,
    start: hold.start.getTime(),
    end: hold.end.getTime(),
    expiresAt: hold.expiresAt.getTime(),
  });
}

/** Lets a hold go at once, so the time is free for others (the resident chose another). Harmless when it is gone. */
export async function releaseHold(deps: BookingDeps, holdId: string): Promise<void> {
  await writeClaims(deps, (w) => releaseLiveHold(w, holdId, deps.clock()), { transaction: false });
}
