import { findAlternatives } from '../availability/alternatives.js';
import { type ItemRequest, resolveItems } from '../catalogue/booking-rules.js';
import type { Item } from '../catalogue/domain/items.js';
import type { Needs } from '../catalogue/domain/needs.js';
import type { LocationSnapshot } from '../catalogue/location-snapshots.js';
import { writeClaims } from '../claims/claim-writes.js';
import { isDuplicate } from '../platform/database/sql-errors.js';
import { Conflict, Invalid, NotFound, Unprocessable } from '../platform/errors.js';
import { dayBounds } from '../platform/time/zoned-time.js';
import type { Language } from '../texts/index.js';
import { findById } from './appointment-store.js';
import { type AppointmentView, appointmentView } from './appointment-view.js';
import { itemsOf } from './appointment-words.js';
import { type BookingDetails, readBeforeBooking, writeBooking } from './book-store.js';
import type { BookingDeps } from './booking-deps.js';
import { CLIENT_KEY_HOURS, DOUBLE_CLICK_SECONDS, type StoredAnswer, type StoredBooking } from './idempotency-store.js';
import { deriveToken, newManageToken, newReference, requestFingerprint, requestTag } from './manage-tokens.js';
import {
  checkStart,
  countersToTry,
  freeCountersAfterWritesAhead,
  rankFreeCounters,
  type StaffPlacement,
  type Wanted,
  writeAt,
} from './placement.js';

export type BookRequest = {
  holdId?: string;
  location?: string;
  items?: ItemRequest[];
  start?: string;
  name: string;
  /** Required online; staff may book for a caller or walk-in without one. */
  email?: string | undefined;
  phone?: string | undefined;
  language?: Language | undefined;
  needs?: Needs | undefined;
};

/** How staff book for a caller or a walk-in (staff/book-for-caller.ts); residents book online without it. */
export type StaffBooking = {
  channel: 'phone' | 'counter';
  placement: StaffPlacement;
  /** The limit of live appointments per e-mail address does not apply (a reason was given and audited). */
  overrideLimit: boolean;
};
export type Booked = AppointmentView & { manageToken: string };

/** What the booking is for: from the hold, or from the request itself. Read before the transaction. */
async function whatToBook(deps: BookingDeps, request: BookRequest, language: Language) {
  if (request.holdId) {
    const hold = await findById(deps.db, request.holdId);
    if (hold?.kind !== 'appointment') throw new NotFound('hold_not_found');
    const snapshot = await deps.locations.require(hold.locationSlug);
    return { snapshot, items: itemsOf(hold, snapshot), start: hold.startsAt.toISOString(), holdId: hold.id };
  }
  if (!request.location || !request.items || !request.start) {
    const missing = (['location', 'items', 'start'] as const).filter((f) => !request[f]);
    throw new Invalid(
      missing.map((field) => ({ field, code: 'required' })),
      'missing_time',
    );
  }
  const snapshot = await deps.locations.require(request.location);
  return { snapshot, items: resolveItems(snapshot, request.items, language), start: request.start, holdId: undefined };
}

/** The resident's details as stored, with a new reference (drawn again in the rare case it exists). */
function detailsFor(
  request: BookRequest,
  channel: BookingDetails['channel'],
  manageTokenHash: string,
  manageNonce: string,
): BookingDetails {
  return {
    reference: newReference(),
    name: request.name.trim(),
    email: request.email?.trim() || null,
    phone: request.phone?.trim() || null,
    language: request.language ?? 'nl',
    needs: request.needs ?? null,
    channel,
    manageTokenHash,
    manageNonce,
  };
}

/**
 * The answer to a booking, built from what is written rather than read back (the statement returns only the
 * sequence, which `balie_book` also sets in the stored copy).
 */
function bookedView(
  deps: BookingDeps,
  snapshot: LocationSnapshot,
  items: Item[],
  wanted: Wanted,
  details: BookingDetails,
  language: Language,
  token: string,
): Booked {
  const view = appointmentView(
    deps,
    {
      ...details,
      status: 'booked',
      startsAt: new Date(wanted.start),
      endsAt: new Date(wanted.end),
      sequence: 0,
      items: items
        .map((i) => {
          const s = snapshot.services.find((service) => service.id === i.service.id)!;
          return {
            serviceId: s.id,
            slug: s.slug,
            nameNl: s.nameNl,
            nameEn: s.nameEn,
            persons: i.persons,
            bringNl: s.bringNl,
            bringEn: s.bringEn,
          };
        })
        .sort((a, b) => a.serviceId - b.serviceId),
    },
    snapshot,
    language,
    token,
  );
  return { ...view, manageToken: token };
}

/**
 * The answer to a request answered before (a retry, a double click), rebuilt from the appointment: the stored
 * answer keeps no personal data, and the token comes again from the appointment's nonce.
 */
async function answerAgain(deps: BookingDeps, stored: StoredBooking): Promise<Booked> {
  const appointment = await findById(deps.db, stored.appointmentId);
  if (!appointment?.manageNonce) throw new NotFound('appointment_not_found');
  const snapshot = await deps.locations.require(appointment.locationSlug);
  const token = deriveToken(deps.secretKey, appointment.manageNonce);
  return { ...appointmentView(deps, appointment, snapshot, stored.language, token), manageToken: token };
}

/**
 * Books an appointment (DESIGN contract `POST /api/v1/appointments`). The same Idempotency-Key with the same body
 * returns the first answer, also when both requests run at once; without a key, the same body within a minute
 * (a double click) does the same. Time, appointment, answer and messages are one statement (store/book.ts).
 */
export async function bookAppointment(
  deps: BookingDeps,
  request: BookRequest,
  options: { idempotencyKey?: string | undefined; language: Language; staff?: StaffBooking },
): Promise<Booked> {
  const { snapshot, items, start, holdId } = await whatToBook(deps, request, options.language);
  const wanted = checkStart(deps, snapshot, items, request.needs, start, {
    held: holdId !== undefined,
    ...(options.staff && { staff: options.staff.placement }),
  });
  const fingerprint = requestFingerprint(deps.secretKey, request);
  const now = deps.clock();
  const key = options.idempotencyKey ? `key:${options.idempotencyKey}` : `auto:${fingerprint}`;
  const staleBefore = new Date(
    now.getTime() - (options.idempotencyKey ? CLIENT_KEY_HOURS * 3_600_000 : DOUBLE_CLICK_SECONDS * 1000),
  );

  const refuse = async () =>
    new Conflict('time_taken', {}, await findAlternatives(deps, snapshot, items, request.needs, wanted.start));
  const replay = (earlier: StoredAnswer) => {
    if (earlier.requestHash !== fingerprint) throw new Unprocessable('idempotency_key_reused');
    return answerAgain(deps, earlier.body);
  };
  // The day's claims as the claims index knows them rank the counters (the counter-choice function), with no round
  // trip, once this process's writes under way at the time leave room for this one (placement.ts). Where they leave
  // no counter free, the time is refused from memory, unless one of the claims there is this very request's (its
  // tag: a double click or a retry that already succeeded); then a plain read finds the answer to give again (and
  // confirms the time is taken), without queueing for the time's locks.
  const known = await freeCountersAfterWritesAhead(deps, snapshot, wanted, now, holdId);
  let free = known.free;
  if (!holdId && free.length === 0) {
    const tag = requestTag(key);
    if (!known.claims.some((c) => c.tag === tag && c.start < wanted.end && c.end > wanted.start)) throw await refuse();
    const day = dayBounds(wanted.date, snapshot.location.timezone);
    const { claims, earlier } = await readBeforeBooking(deps.db, {
      locationId: snapshot.location.id,
      from: new Date(day.start),
      to: new Date(day.end),
      now,
      key,
    });
    free = rankFreeCounters(snapshot, wanted, claims);
    if (free.length === 0) {
      if (earlier && earlier.createdAt >= staleBefore) return replay(earlier);
      throw await refuse();
    }
  }
  const counters = countersToTry(wanted, free);

  // A reference that exists already (about one in 244 million) is drawn again.
  for (let attempt = 0; ; attempt++) {
    const { token, hash, nonce } = newManageToken(deps.secretKey);
    const details = detailsFor(request, options.staff?.channel ?? 'online', hash, nonce);
    const body = bookedView(deps, snapshot, items, wanted, details, options.language, token);
    let written: Awaited<ReturnType<typeof writeBooking>>;
    try {
      written = await writeClaims(
        deps,
        (writer) =>
          writeBooking(writer, {
            key,
            requestHash: fingerprint,
            now,
            staleBefore,
            municipalityId: snapshot.location.municipalityId,
            locationId: snapshot.location.id,
            maxLive: options.staff?.overrideLimit ? 2 ** 31 - 1 : deps.config.MAX_LIVE_APPOINTMENTS,
            holdId,
            counters,
            start: new Date(wanted.start),
            end: new Date(wanted.end),
            details,
            items: items.map((i) => ({ serviceId: i.service.id, persons: i.persons })),
            // The confirmation only: its reminder and feedback request follow when the worker takes it up.
            messages: details.email ? [{ kind: 'confirmation' as const, at: now }] : [],
            body: { language: options.language },
          }),
        { transaction: false, at: writeAt(snapshot, wanted) },
      );
    } catch (error) {
      if (isDuplicate(error) && attempt < 3) continue;
      throw error;
    }
    switch (written.outcome) {
      case 'earlier':
        return replay(written.answer);
      case 'too_many':
        throw new Conflict('too_many_appointments', { max: deps.config.MAX_LIVE_APPOINTMENTS });
      case 'hold_not_found':
        throw new NotFound('hold_not_found');
      case 'taken':
        throw await refuse();
    }
    return { ...body, sequence: written.sequence };
  }
}
