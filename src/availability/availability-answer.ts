import {
  appointmentMinutes,
  eligibleCounters,
  type ItemRequest,
  resolveItems,
  windowFor,
} from '../catalogue/booking-rules.js';
import type { Item } from '../catalogue/domain/items.js';
import type { Needs } from '../catalogue/domain/needs.js';
import type { LocationSnapshot } from '../catalogue/location-snapshots.js';
import { Invalid } from '../platform/errors.js';
import { addDays, datesBetween, dayBounds } from '../platform/time/zoned-time.js';
import { type Language, textsFor } from '../texts/index.js';
import { type AnswerPart, answerBytes } from './answer-bytes.js';
import type { Answer } from './answer-cache.js';
import type { AvailabilityDeps } from './availability-deps.js';
import type { ComputedDay } from './day-cache.js';
import { closedDayJson, frameFor, openDayStart, type Variant, variantOf } from './day-frames.js';
import { countFree, dayInWindow, firstAfterNotice, type Slot, slotsOf } from './domain/free-slots.js';

export const MAX_DAYS = 92;
export const DEFAULT_DAYS = 28;

/**
 * `cacheKey` names the question (the HTTP layer: the language and the normalised parameters), for
 * `cachedAvailability`; without one the answer is not kept.
 */
export type AvailabilityQuery = {
  location: string;
  items: ItemRequest[];
  needs?: Needs;
  from?: string;
  to?: string;
  language: Language;
  cacheKey: string | undefined;
};

/** The answer to a question asked before, if nothing it shows has changed since: a map lookup, no parsing. */
export function cachedAvailability(deps: AvailabilityDeps, cacheKey: string): Answer | undefined {
  return deps.answers.get(cacheKey, deps.clock().getTime());
}

/**
 * Days from the cache, the missing ones computed with one read of the claims and stored (unless a change came in
 * between).
 */
async function daysFor(
  deps: AvailabilityDeps,
  snapshot: LocationSnapshot,
  dates: string[],
  variant: Variant,
  now: number,
) {
  const locationId = snapshot.location.id;
  const cache = deps.days;
  // Taken before the claims are read; a snapshot that a catalogue change already replaced keeps nothing.
  const current = deps.locations.isCurrent(snapshot);
  const generation = current ? cache.generation(locationId) : undefined;
  const days = new Map<string, ComputedDay>();
  const missing: string[] = [];
  for (const date of dates) {
    // The cached days were computed from the current catalogue: not for an older snapshot or a proposed one.
    const day = current ? cache.get(locationId, date, variant.key, now) : undefined;
    if (day) days.set(date, day);
    else missing.push(date);
  }
  for (const day of await computeDays(deps, snapshot, missing, variant)) {
    cache.set(locationId, day.frame.date, variant.key, day, generation);
    days.set(day.frame.date, day);
  }
  return { days, generation };
}

/** Computes days from the location's live claims (the claims index) over their frames. */
async function computeDays(
  deps: AvailabilityDeps,
  snapshot: LocationSnapshot,
  dates: string[],
  variant: Variant,
): Promise<ComputedDay[]> {
  if (dates.length === 0) return [];
  const frames = dates.map((date) => frameFor(snapshot, date, variant));
  const span = { start: frames[0]!.bounds.start, end: frames[frames.length - 1]!.bounds.end };
  // Per counter, sorted: the count finds its neighbours by binary search, so every day can use the whole list.
  const { busy, holds } = await deps.claimsIndex.claimsFor(snapshot.location.id, span, deps.clock());
  // One array for the counts of all these days: six weeks are a thousand small numbers.
  const counts = new Uint16Array(frames.reduce((n, frame) => n + frame.grid.starts.length, 0));
  let at = 0;
  return frames.map((frame) => {
    let validUntil = Infinity;
    for (const hold of holds)
      if (hold.start < frame.bounds.end && hold.end > frame.bounds.start)
        validUntil = Math.min(validUntil, hold.holdExpiresAt!);
    countFree(frame.grid, busy, counts, at);
    const day = { frame, counts, at, validUntil };
    at += frame.grid.starts.length;
    return day;
  });
}

/** Bookable times (`available > 0`) on the given dates, after notice and within the horizon. */
export async function freeSlots(
  deps: AvailabilityDeps,
  snapshot: LocationSnapshot,
  items: Item[],
  needs: Needs | undefined,
  dates: string[],
): Promise<Slot[]> {
  const now = deps.clock().getTime();
  const window = windowFor(items, now, snapshot.location.timezone);
  const bookable = dates.filter((d) => dayInWindow(d, window) === 'bookable');
  const { days } = await daysFor(
    deps,
    snapshot,
    bookable,
    variantOf(eligibleCounters(snapshot, items, needs), appointmentMinutes(items, needs)),
    now,
  );
  return bookable.flatMap((date) => {
    const { frame, counts, at } = days.get(date)!;
    return slotsOf(frame.grid, counts.subarray(at, at + frame.grid.starts.length))
      .slice(firstAfterNotice(frame.grid.starts, window))
      .filter((slot) => slot.available > 0);
  });
}

/**
 * Free times per day for the items at a location, as the JSON text of the API's Availability: built from
 * cached days, so that polling costs little. Every day in `[from, to]` is there; a closed day says why.
 */
export async function getAvailability(deps: AvailabilityDeps, query: AvailabilityQuery): Promise<Answer> {
  const snapshot = await deps.locations.require(query.location);
  const zone = snapshot.location.timezone;
  const items = resolveItems(snapshot, query.items, query.language);
  const duration = appointmentMinutes(items, query.needs);
  const now = deps.clock().getTime();
  const window = windowFor(items, now, zone);
  const today = window.today;
  const from = query.from ?? today;
  const to = query.to ?? addDays(from, DEFAULT_DAYS - 1);
  if (from > to) throw new Invalid([{ field: 'to', code: 'range_reversed' }], 'range_reversed');
  const dates = datesBetween(from, to);
  if (dates.length > MAX_DAYS)
    throw new Invalid([{ field: 'to', code: 'range_too_long', params: { max: MAX_DAYS } }], 'range_too_long');

  const locationId = snapshot.location.id;
  const bookable = dates.filter((d) => dayInWindow(d, window) === 'bookable');
  const { days, generation } = await daysFor(
    deps,
    snapshot,
    bookable,
    variantOf(eligibleCounters(snapshot, items, query.needs), duration),
    now,
  );

  let validUntil = dayBounds(today, zone).end;
  let noticeCrossingFound = false;
  const { language } = query;
  const texts = textsFor(language);
  const words = texts.days;
  const parts: AnswerPart[] = [
    `{"location":"${snapshot.location.slug}","timezone":"${zone}","durationMinutes":${duration},"days":[`,
  ];
  for (const [index, date] of dates.entries()) {
    if (index > 0) parts.push(',');
    const state = dayInWindow(date, window);
    if (state === 'past') {
      parts.push(closedDayJson(date, state, words.past()));
      continue;
    }
    if (state === 'beyond-horizon') {
      parts.push(closedDayJson(date, state, words.beyondHorizon({ lastDate: window.lastDate })));
      continue;
    }
    const { frame, counts, at, validUntil: dayValidUntil } = days.get(date)!;
    if (frame.closed) {
      const closed = frame.closed;
      frame.closedJson[language] ??= Buffer.from(
        closedDayJson(
          date,
          closed.kind,
          closed.kind === 'not-open'
            ? words.notOpen({ weekday: texts.weekdays[frame.weekday - 1]! })
            : closed.text[language],
        ),
      );
      parts.push({ bytes: frame.closedJson[language]!, id: `${frame.id}:${language}` });
      continue;
    }
    validUntil = Math.min(validUntil, dayValidUntil);
    const from = firstAfterNotice(frame.grid.starts, window);
    const n = frame.grid.starts.length;
    if (!noticeCrossingFound && from < n) {
      // The answer changes when its first slot falls inside the minimum notice.
      noticeCrossingFound = true;
      validUntil = Math.min(validUntil, frame.grid.starts[from]! - window.noticeMinutes * 60_000);
    }
    let full = true;
    for (let i = at + from; i < at + n && full; i++) full = counts[i] === 0;
    // Today, late: every start is within the notice. The day is over for booking, not full.
    const over = n > 0 && from === n;
    if (over) parts.push({ frame, counts, at, from, prefix: openDayStart(date, words.dayOver(), 'past') });
    else if (full) parts.push({ frame, counts, at, from, prefix: openDayStart(date, words.fullyBooked()) });
    else parts.push(from === 0 ? { frame, counts, at, from } : { frame, counts, at, from, prefix: openDayStart(date) });
  }
  parts.push(']}');
  const answer: Answer = { ...answerBytes(parts), validUntil, locationId, generation };
  if (query.cacheKey !== undefined) deps.answers.set(query.cacheKey, answer);
  return answer;
}
