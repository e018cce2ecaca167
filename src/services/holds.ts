import { Conflict } from '../domain/errors.js';
import type { Needs } from '../domain/needs.js';
import { isoInZone } from '../domain/time.js';
import { insertClaim, lockLocationDay } from '../store/appointments.js';
import type { Language } from '../texts/index.js';
import { findAlternatives } from './alternatives.js';
import { requireSnapshot, resolveItems, type ItemRequest } from './availability.js';
import type { Deps } from './deps.js';
import { checkStart, placeClaim } from './placement.js';

export type HoldRequest = { location: string; items: ItemRequest[]; start: string; needs?: Needs; language: Language };

/** Keeps a time for a while (HOLD_MINUTES) while the resident fills in the form; a hold takes a counter. */
export async function createHold(deps: Deps, request: HoldRequest) {
  const snapshot = await requireSnapshot(deps, request.location);
  const items = resolveItems(snapshot, request.items, request.language);
  const wanted = checkStart(deps, snapshot, items, request.needs, request.start);
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + deps.config.HOLD_MINUTES * 60_000);
  let holdId: string | undefined;
  const counter = await deps.db.transaction(async (tx) => {
    await lockLocationDay(tx, snapshot.location.id, wanted.date);
    return placeClaim(tx, deps, snapshot, wanted, async (ex, counterId) => {
      holdId = await insertClaim(ex, {
        municipalityId: snapshot.location.municipalityId, locationId: snapshot.location.id, counterId,
        start: new Date(wanted.start), end: new Date(wanted.end), status: 'held', holdExpiresAt: expiresAt,
        items: items.map((i) => ({ serviceId: i.service.id, persons: i.persons })),
      });
      return holdId !== undefined;
    });
  });
  if (counter === undefined) {
    throw new Conflict('time_taken', {}, await findAlternatives(deps, snapshot, items, request.needs, wanted.start));
  }
  deps.caches.days.dropClaim(snapshot.location.id, wanted.start, wanted.end);
  const zone = snapshot.location.timezone;
  return {
    holdId: holdId!, expiresAt: isoInZone(expiresAt.getTime(), zone), location: snapshot.location.slug,
    start: isoInZone(wanted.start, zone), end: isoInZone(wanted.end, zone),
  };
}
