import { type Claim, listLiveClaims } from '../claims/claims-store.js';
import type { Executor } from '../platform/database/database.js';
import type { Interval } from '../platform/time/interval.js';
import type { DayCache } from './day-cache.js';
import { type BusyMinutes, busyMinutes } from './domain/free-slots.js';

/** A location's live claims over a span, per counter in whole minutes, with the holds among them. */
export type ClaimSet = { busy: Map<number, BusyMinutes>; holds: Claim[] };

type Entry = { span: Interval; generation: number; validUntil: number; claims: ClaimSet };

/** How far ahead the index reads: past the longest window an availability question may ask (92 days). */
const SPAN_DAYS = 100;
const DAY = 24 * 60 * 60_000;

function groupClaims(claims: Claim[]): ClaimSet {
  const busy = new Map<number, Interval[]>();
  for (const claim of claims) {
    const list = busy.get(claim.counterId);
    if (list) list.push(claim);
    else busy.set(claim.counterId, [claim]);
  }
  return { busy: busyMinutes(busy), holds: claims.filter((c) => c.holdExpiresAt !== null) };
}

/**
 * Every live claim of a location from today on, read with one query and kept in memory, so computing a day
 * costs no round trip. An entry dies with its location's generation in the day cache (any claim change there,
 * from this process or, by the change feed, from another) and when its first hold runs out. Only availability reads it;
 * a booking always asks the database, where the exclusion constraint decides.
 */
export class ClaimsIndex {
  private readonly entries = new Map<number, Entry>();
  private readonly loading = new Map<number, Promise<Entry>>();

  constructor(
    private readonly db: Executor,
    private readonly days: DayCache,
    private readonly maxLocations = 1_000,
  ) {}

  /** The live claims of a location that overlap `span`, at `now`. */
  async claimsFor(locationId: number, span: Interval, now: Date): Promise<ClaimSet> {
    const at = now.getTime();
    const fresh = (e: Entry | undefined) =>
      e &&
      e.generation === this.days.generation(locationId) &&
      at < e.validUntil &&
      e.span.start <= span.start &&
      span.end <= e.span.end;
    if (this.maxLocations === 0)
      return groupClaims(await listLiveClaims(this.db, locationId, new Date(span.start), new Date(span.end), now));
    const entry = this.entries.get(locationId);
    if (fresh(entry)) return entry!.claims;
    const pending = this.loading.get(locationId);
    if (pending) {
      const loaded = await pending;
      if (fresh(loaded)) return loaded.claims;
    }
    // A span the index does not cover (a long horizon) is read on its own.
    const wanted = { start: Math.min(span.start, at - DAY), end: Math.max(span.end, at + SPAN_DAYS * DAY) };
    const load = this.load(locationId, wanted, now).finally(() => this.loading.delete(locationId));
    this.loading.set(locationId, load);
    return (await load).claims;
  }

  clear() {
    this.entries.clear();
  }

  private async load(locationId: number, span: Interval, now: Date): Promise<Entry> {
    const generation = this.days.generation(locationId);
    const claims = groupClaims(
      await listLiveClaims(this.db, locationId, new Date(span.start), new Date(span.end), now),
    );
    const entry: Entry = {
      span,
      generation,
      validUntil: Math.min(...claims.holds.map((h) => h.holdExpiresAt!)),
      claims,
    };
    // A change that came in while reading may be missing from what was read: use it once, keep it not.
    if (generation === this.days.generation(locationId)) {
      if (this.entries.size >= this.maxLocations) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(locationId, entry);
    }
    return entry;
  }
}
