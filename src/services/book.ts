import { Conflict, Invalid, NotFound, Unprocessable } from '../domain/errors.js';
import type { Item } from '../domain/items.js';
import type { Needs } from '../domain/needs.js';
import { confirmBooking, countLiveFutureByEmail, findById, insertClaim, lockById, lockEmail, lockLocationDay, moveClaim } from '../store/appointments.js';
import type { Executor } from '../store/database.js';
import { isDuplicate } from '../store/errors.js';
import { claimKey, storeAnswer } from '../store/idempotency.js';
import { enqueueMessage } from '../store/outbox.js';
import type { Language } from '../texts/index.js';
import { findAlternatives } from './alternatives.js';
import { appointmentView, type AppointmentView } from './appointment-view.js';
import { requireSnapshot, resolveItems, type ItemRequest } from './availability.js';
import type { Deps } from './deps.js';
import type { LocationSnapshot } from './location-snapshots.js';
import { checkStart, placeClaim, type Wanted } from './placement.js';
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
    const items: Item[] = hold.items.map((i) => ({ service: snapshot.services.find((s) => s.id === i.serviceId)!, persons: i.persons }));
    return { snapshot, items, start: hold.startsAt.toISOString(), holdId: hold.id };
  }
  if (!request.location || !request.items || !request.start) {
    const missing = (['location', 'items', 'start'] as const).filter((f) => !request[f]);
    throw new Invalid(missing.map((field) => ({ field, code: 'required' })), 'missing_time');
  }
  const snapshot = await requireSnapshot(deps, request.location);
  return { snapshot, items: resolveItems(snapshot, request.items, language), start: request.start, holdId: undefined };
}

/** Sets reference, contact details and token on the claim; a reference that exists already is drawn again. */
async function confirm(tx: Executor, deps: Deps, id: string, request: BookRequest, end: number) {
  const { token, hash } = newManageToken();
  for (let attempt = 0; ; attempt++) {
    const reference = newReference();
    try {
      await tx.transaction((sp) => confirmBooking(sp, id, {
        reference, name: request.name.trim(), email: request.email.trim(), phone: request.phone?.trim() || null,
        language: request.language ?? 'nl', needs: request.needs ?? null, channel: 'online', manageTokenHash: hash, end: new Date(end),
      }, deps.clock()));
      return token;
    } catch (error) {
      if (!isDuplicate(error) || attempt >= 5) throw error;
    }
  }
}

/** Secures the time: the live hold itself, or the best free counter. Returns the appointment's id. */
async function secure(tx: Executor, deps: Deps, snapshot: LocationSnapshot, items: Item[], wanted: Wanted, holdId: string | undefined) {
  await lockLocationDay(tx, snapshot.location.id, wanted.date);
  const hold = holdId ? await lockById(tx, holdId) : undefined;
  if (hold && hold.reference !== null) throw new NotFound('hold_not_found');
  if (hold?.status === 'held' && hold.endsAt.getTime() === wanted.end) return hold.id;
  let id: string | undefined;
  const write = hold?.status === 'held'
    // Extra time made it longer: move the hold itself, possibly to another counter.
    ? async (sp: Executor, counterId: number) => {
      await moveClaim(sp, hold.id, { counterId, start: new Date(wanted.start), end: new Date(wanted.end) }, deps.clock());
      id = hold.id;
    }
    // No hold, or it ran out and was released: book the time afresh.
    : async (sp: Executor, counterId: number) => {
      id = await insertClaim(sp, {
        municipalityId: snapshot.location.municipalityId, locationId: snapshot.location.id, counterId,
        start: new Date(wanted.start), end: new Date(wanted.end), status: 'booked',
        items: items.map((i) => ({ serviceId: i.service.id, persons: i.persons })),
      });
    };
  const counter = await placeClaim(tx, deps, snapshot, wanted, write, hold?.status === 'held' ? hold.id : undefined);
  if (counter === undefined) throw new NoCounterLeft();
  return id!;
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

  let booked: Booked;
  try {
    booked = await deps.db.transaction(async (tx) => {
      const earlier = await claimKey(tx, key, fingerprint, now, staleBefore);
      if (earlier !== 'claimed') {
        if (earlier.requestHash !== fingerprint) throw new Unprocessable('idempotency_key_reused');
        return earlier.body as Booked;
      }
      await lockEmail(tx, snapshot.location.municipalityId, request.email);
      const live = await countLiveFutureByEmail(tx, snapshot.location.municipalityId, request.email, now);
      if (live >= deps.config.MAX_LIVE_APPOINTMENTS) throw new Conflict('too_many_appointments', { max: deps.config.MAX_LIVE_APPOINTMENTS });
      const id = await secure(tx, deps, snapshot, items, wanted, holdId);
      const token = await confirm(tx, deps, id, request, wanted.end);
      const appointment = (await findById(tx, id))!;
      await enqueueMessage(tx, { appointmentId: id, kind: 'confirmation', sequence: appointment.sequence });
      const body: Booked = { ...appointmentView(deps, appointment, snapshot, options.language, token), manageToken: token };
      await storeAnswer(tx, key, 201, body);
      return body;
    });
  } catch (error) {
    if (!(error instanceof NoCounterLeft)) throw error;
    throw new Conflict('time_taken', {}, await findAlternatives(deps, snapshot, items, request.needs, wanted.start));
  }
  deps.caches.days.dropClaim(snapshot.location.id, wanted.start, wanted.end);
  return booked;
}
