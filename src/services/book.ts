import { Conflict, Invalid, NotFound, Unprocessable } from '../domain/errors.js';
import type { Item } from '../domain/items.js';
import type { Needs } from '../domain/needs.js';
import { dayBounds } from '../domain/time.js';
import { confirmBooking, countLiveFutureByEmail, findById, insertClaim, lockById, lockForBooking, moveClaim, type BookingDetails } from '../store/appointments.js';
import type { Executor } from '../store/database.js';
import { isDuplicate } from '../store/errors.js';
import { readBeforeBooking } from '../store/booking-check.js';
import { claimKey, storeAnswer } from '../store/idempotency.js';
import type { Language } from '../texts/index.js';
import { findAlternatives } from './alternatives.js';
import { itemsOf } from './appointment-words.js';
import { queueWithFollowUps } from './follow-ups.js';
import { appointmentView, type AppointmentView } from './appointment-view.js';
import { requireSnapshot, resolveItems, type ItemRequest } from './availability.js';
import type { Deps } from './deps.js';
import type { LocationSnapshot } from './location-snapshots.js';
import { checkStart, placeClaim, rankFreeCounters, unlessOverlapping, type Wanted } from './placement.js';
import { newManageToken, newReference, requestFingerprint } from './secrets.js';

export type BookRequest = {
  holdId?: string;
  location?: string;
  items?: ItemRequest[];
  start?: string;
  name: string;
  email: string;
  phone?: string;
  language?: Language;
  needs?: Needs;
};
export type Booked = AppointmentView & { manageToken: string };

const CLIENT_KEY_HOURS = 24;
const DOUBLE_CLICK_SECONDS = 60;

/** Thrown inside the transaction to roll it back when every counter is taken; answered with alternatives. */
class NoCounterLeft extends Error {}

/** What the booking is for: from the hold, or from the request itself. Read before the transaction. */
async function whatToBook(deps: Deps, request: BookRequest, language: Language) {
  if (request.holdId) {
    const hold = await findById(deps.db, request.holdId);
    if (!hold || hold.kind !== 'appointment') throw new NotFound('hold_not_found');
    const snapshot = await requireSnapshot(deps, hold.locationSlug);
    return { snapshot, items: itemsOf(hold, snapshot), start: hold.startsAt.toISOString(), holdId: hold.id };
  }
  if (!request.location || !request.items || !request.start) {
    const missing = (['location', 'items', 'start'] as const).filter((f) => !request[f]);
    throw new Invalid(missing.map((field) => ({ field, code: 'required' })), 'missing_time');
  }
  const snapshot = await requireSnapshot(deps, request.location);
  return { snapshot, items: resolveItems(snapshot, request.items, language), start: request.start, holdId: undefined };
}

/** The resident's details as stored, with a new reference (drawn again in the rare case it exists). */
function detailsFor(request: BookRequest, manageTokenHash: string, manageNonce: string): BookingDetails {
  return {
    reference: newReference(), name: request.name.trim(), email: request.email.trim(), phone: request.phone?.trim() || null,
    language: request.language ?? 'nl', needs: request.needs ?? null, channel: 'online', manageTokenHash, manageNonce,
  };
}

/**
 * Secures the time and writes the booking: the live hold itself, or the best free counter. The caller holds the
 * locks on its time (lockForBooking). Returns the appointment's id, its details and its calendar sequence.
 */
async function secure(tx: Executor, deps: Deps, snapshot: LocationSnapshot, items: Item[], wanted: Wanted, holdId: string | undefined, request: BookRequest, secret: { hash: string; nonce: string }) {
  const hold = holdId ? await lockById(tx, holdId) : undefined;
  if (hold && hold.reference !== null) throw new NotFound('hold_not_found');
  const details = detailsFor(request, secret.hash, secret.nonce);
  if (hold?.status === 'held') {
    const fits = hold.endsAt.getTime() === wanted.end && wanted.counters.includes(hold.counterId);
    if (!fits) {
      // The needs made it longer, or ask for another desk: move the hold itself, possibly to another counter.
      const counter = await placeClaim(tx, deps, snapshot, wanted, (ex, counterId) => unlessOverlapping(ex, (sp) =>
        moveClaim(sp, hold.id, { counterId, start: new Date(wanted.start), end: new Date(wanted.end) }, deps.clock())), hold.id);
      if (counter === undefined) throw new NoCounterLeft();
    }
    await confirmBooking(tx, hold.id, { ...details, end: new Date(wanted.end) }, deps.clock());
    return { id: hold.id, details, sequence: hold.sequence + (fits ? 0 : 1) };
  }
  // No hold, or it ran out and was released: book the time afresh, details and all, in one statement.
  let id: string | undefined;
  const counter = await placeClaim(tx, deps, snapshot, wanted, async (ex, counterId) => {
    id = await insertClaim(ex, {
      municipalityId: snapshot.location.municipalityId, locationId: snapshot.location.id, counterId,
      start: new Date(wanted.start), end: new Date(wanted.end), status: 'booked', details, createdAt: deps.clock(),
      items: items.map((i) => ({ serviceId: i.service.id, persons: i.persons })),
    });
    return id !== undefined;
  });
  if (counter === undefined) throw new NoCounterLeft();
  return { id: id!, details, sequence: 0 };
}

/**
 * Books an appointment (DESIGN contract `POST /api/v1/appointments`). The same Idempotency-Key with the same body
 * returns the first answer, also when both requests run at once; without a key, the same body within a minute
 * (a double click) does the same. Time, appointment, answer and confirmation message are one transaction.
 */
export async function bookAppointment(deps: Deps, request: BookRequest, options: { idempotencyKey?: string; language: Language }): Promise<Booked> {
  const { snapshot, items, start, holdId } = await whatToBook(deps, request, options.language);
  const wanted = checkStart(deps, snapshot, items, request.needs, start, { held: holdId !== undefined });
  const fingerprint = requestFingerprint(request);
  const now = deps.clock();
  const key = options.idempotencyKey ? `key:${options.idempotencyKey}` : `auto:${fingerprint}`;
  const staleBefore = new Date(now.getTime() - (options.idempotencyKey ? CLIENT_KEY_HOURS * 3_600_000 : DOUBLE_CLICK_SECONDS * 1000));

  const refuse = async () => new Conflict('time_taken', {}, await findAlternatives(deps, snapshot, items, request.needs, wanted.start));
  const replay = (earlier: { requestHash: string; body: unknown }) => {
    if (earlier.requestHash !== fingerprint) throw new Unprocessable('idempotency_key_reused');
    return earlier.body as Booked;
  };
  // A time that is taken right now is refused with a plain read, without queueing for the time's lock; the answer
  // of an identical request that already succeeded (a double click, a retry) is checked after that read.
  if (!holdId) {
    const day = dayBounds(wanted.date, snapshot.location.timezone);
    const { claims, earlier } = await readBeforeBooking(deps.db, { locationId: snapshot.location.id, from: new Date(day.start), to: new Date(day.end), now, key });
    if (rankFreeCounters(snapshot, wanted, claims).length === 0) {
      if (earlier && earlier.createdAt >= staleBefore) return replay(earlier);
      throw await refuse();
    }
  }

  let booked: Booked | undefined;
  // A reference that exists already (about one in 244 million) fails the transaction: it is run again.
  for (let attempt = 0; booked === undefined; attempt++) try {
    booked = await deps.db.transaction(async (tx) => {
      const earlier = await claimKey(tx, key, fingerprint, now, staleBefore);
      if (earlier !== 'claimed') return replay(earlier);
      await lockForBooking(tx, snapshot.location.municipalityId, request.email, snapshot.location.id, new Date(wanted.start), new Date(wanted.end));
      const live = await countLiveFutureByEmail(tx, snapshot.location.municipalityId, request.email, now);
      if (live >= deps.config.MAX_LIVE_APPOINTMENTS) throw new Conflict('too_many_appointments', { max: deps.config.MAX_LIVE_APPOINTMENTS });
      const { token, hash, nonce } = newManageToken(deps.secretKey);
      const { id, details, sequence } = await secure(tx, deps, snapshot, items, wanted, holdId, request, { hash, nonce });
      await queueWithFollowUps(tx, deps, 'confirmation', { id, sequence, start: wanted.start, end: wanted.end }, { replace: false });
      // Built from what was written, not read back: one round trip less while the day is locked.
      const view = appointmentView(deps, {
        ...details, status: 'booked', startsAt: new Date(wanted.start), endsAt: new Date(wanted.end), sequence,
        items: items.map((i) => {
          const s = snapshot.services.find((service) => service.id === i.service.id)!;
          return { serviceId: s.id, slug: s.slug, nameNl: s.nameNl, nameEn: s.nameEn, persons: i.persons, bringNl: s.bringNl, bringEn: s.bringEn };
        }).sort((a, b) => a.serviceId - b.serviceId),
      }, snapshot, options.language, token);
      const body: Booked = { ...view, manageToken: token };
      await storeAnswer(tx, key, 201, body);
      return body;
    });
  } catch (error) {
    if (isDuplicate(error) && attempt < 3) continue;
    if (!(error instanceof NoCounterLeft)) throw error;
    throw await refuse();
  }
  deps.caches.days.dropClaim(snapshot.location.id, wanted.start, wanted.end);
  return booked;
}
