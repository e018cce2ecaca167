import { type FieldError, NotFound, Unprocessable } from '../platform/errors.js';
import { addDays, dateInZone } from '../platform/time/zoned-time.js';
import type { Language } from '../texts/index.js';
import { durationMinutes, type Item, itemProblems, noticeAndHorizon } from './domain/items.js';
import { extraMinutes, type Needs } from './domain/needs.js';
import type { LocationSnapshot } from './location-snapshots.js';

// The rules of the catalogue that availability, holds, bookings and moves all apply to a request.

export type ItemRequest = { service: string; persons: number };

/** Which dates may be booked at a moment, and from when on: the items' minimum notice and horizon. */
export type BookingWindow = { today: string; lastDate: string; earliest: number };

/** Resolves `items` against the location: unknown → 404, not offered here or against the rules → 422. */
export function resolveItems(snapshot: LocationSnapshot, requested: ItemRequest[], language: Language): Item[] {
  const items: Item[] = [];
  const offeredElsewhere: FieldError[] = [];
  requested.forEach(({ service: slug, persons }, index) => {
    const service = snapshot.services.find((s) => s.slug === slug);
    if (!service) throw new NotFound('service_not_found', { slug });
    const name = language === 'en' ? service.nameEn : service.nameNl;
    if (!snapshot.location.services.includes(slug)) {
      const elsewhere = service.locations.map((l) => snapshot.locationNames.get(l) ?? l).join(', ');
      offeredElsewhere.push({
        field: `items.${index}.service`,
        code: 'service_not_offered',
        params: { service: name, location: snapshot.location.name, elsewhere },
      });
    }
    items.push({ service, persons });
  });
  const [first] = offeredElsewhere;
  if (first) throw new Unprocessable('service_not_offered', first.params, offeredElsewhere);
  const problems = itemProblems(items);
  if (problems.length > 0) {
    const named = problems.map((p) => ({
      ...p,
      params: { ...p.params, ...serviceNames(snapshot, p.params, language) },
    }));
    throw new Unprocessable(named[0]!.code as 'too_many_persons', named[0]!.params, named);
  }
  return items;
}

function serviceNames(snapshot: LocationSnapshot, params: FieldError['params'], language: Language) {
  const name = (slug: unknown) => {
    const service = snapshot.services.find((s) => s.slug === slug);
    return service ? (language === 'en' ? service.nameEn : service.nameNl) : String(slug);
  };
  return { service: name(params?.service), ...(params?.other !== undefined && { other: name(params.other) }) };
}

/**
 * Counters that take online bookings (or, for staff, `offline` too), may serve every item and, when asked, have a
 * step-free desk.
 */
export function eligibleCounters(
  snapshot: LocationSnapshot,
  items: Item[],
  needs?: Needs,
  options: { offline?: boolean } = {},
): number[] {
  return snapshot.counters
    .filter(
      (c) =>
        (c.onlineBookable || options.offline) &&
        (!needs?.stepFree || c.stepFree) &&
        (c.serviceIds.length === 0 || items.every((i) => c.serviceIds.includes(i.service.id))),
    )
    .map((c) => c.id);
}

/** The appointment's length: the items' minutes plus extra time when asked for. */
export function appointmentMinutes(items: Item[], needs?: Needs): number {
  const base = durationMinutes(items);
  return base + extraMinutes(base, needs);
}

/** The booking window for these items at this moment. */
export function windowFor(items: Item[], now: number, zone: string): BookingWindow & { noticeMinutes: number } {
  const rules = noticeAndHorizon(items);
  const today = dateInZone(now, zone);
  return {
    today,
    lastDate: addDays(today, rules.horizonDays),
    earliest: now + rules.minNoticeMinutes * 60_000,
    noticeMinutes: rules.minNoticeMinutes,
  };
}
