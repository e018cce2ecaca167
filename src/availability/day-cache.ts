import type { DayFrame } from './day-frames.js';

/** One computed day for one kind of request (duration and counters), before notice and horizon are applied. */
export type ComputedDay = {
  frame: DayFrame;
  /** `available` for each start of the frame, from `counts[at]` on (several days share one array). */
  counts: Uint16Array;
  at: number;
  /** The first moment a hold in the day runs out: the day must then be computed again. */
  validUntil: number;
};

const DAY = 24 * 60 * 60_000;
/** Wider than any UTC offset, so a claim's local dates are always among the UTC dates of this span. */
const ZONE_MARGIN = 14 * 60 * 60_000;
const utcDate = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Computed days per location and date, dropped when a claim there changes (`dropClaim`, from the change feed and from
 * the use case itself) and wholesale on a catalogue change. A computation that started before a drop of its
 * location is not stored (generation check), so the cache never keeps what a booking already changed.
 */
export class DayCache {
  private readonly days = new Map<string, ComputedDay>();
  private readonly byLocation = new Map<number, Set<string>>();
  private readonly generations = new Map<number, number>();
  private catalogueChanges = 0;

  constructor(private readonly maxEntries = 50_000) {}

  /** Rises on every claim change at the location and on every catalogue change (clear). */
  generation(locationId: number): number {
    // Both parts only grow, so any change changes the sum.
    return this.catalogueChanges + (this.generations.get(locationId) ?? 0);
  }

  get(locationId: number, date: string, variant: string, now: number): ComputedDay | undefined {
    if (this.maxEntries === 0) return undefined;
    const day = this.days.get(`${locationId}|${date}|${variant}`);
    return day && now < day.validUntil ? day : undefined;
  }

  /** Keeps a day computed at `generation`, unless something changed since (undefined: it was stale from the start). */
  set(locationId: number, date: string, variant: string, day: ComputedDay, generation: number | undefined) {
    if (this.maxEntries === 0 || generation !== this.generation(locationId)) return;
    const key = `${locationId}|${date}|${variant}`;
    if (this.days.size >= this.maxEntries) this.evictOldest();
    this.days.set(key, day);
    let keys = this.byLocation.get(locationId);
    if (!keys) this.byLocation.set(locationId, (keys = new Set()));
    keys.add(key);
  }

  /** Drops the days a claim `[start, end)` at a location may touch. */
  dropClaim(locationId: number, start: number, end: number) {
    this.generations.set(locationId, (this.generations.get(locationId) ?? 0) + 1);
    const keys = this.byLocation.get(locationId);
    if (!keys) return;
    const dates = new Set<string>();
    const last = utcDate(end + ZONE_MARGIN);
    for (let t = start - ZONE_MARGIN, date = utcDate(t); ; t += DAY, date = utcDate(t)) {
      dates.add(date);
      if (date >= last) break;
    }
    for (const key of keys) {
      if (dates.has(key.split('|')[1]!)) {
        keys.delete(key);
        this.days.delete(key);
      }
    }
  }

  /** A catalogue change: every location's generation rises, whether days of it are kept or not. */
  clear() {
    this.catalogueChanges++;
    this.days.clear();
    this.byLocation.clear();
  }

  get size() {
    return this.days.size;
  }

  private evictOldest() {
    const oldest = this.days.keys().next().value;
    if (oldest === undefined) return;
    this.days.delete(oldest);
    this.byLocation.get(Number(oldest.split('|')[0]))?.delete(oldest);
  }
}
