import { type Claim, listLiveClaims } from '../claims/claims-store.js';
import type { Executor } from '../platform/database/database.js';
import type { Interval } from '../platform/time/interval.js';
import { type BusyMinutes, busyMinutes, withBusyRun } from './domain/free-slots.js';

/** A location's live claims over a span, per counter in whole minutes, with the holds among them. */
export type ClaimSet = { busy: Map<number, BusyMinutes>; holds: Claim[] };

type Entry = {
  span: Interval;
  /** Per counter, sorted by start. */
  byCounter: Map<number, Claim[]>;
  set: ClaimSet;
  validUntil: number;
  /** Times a change touched since the claims were read: read again (only those) before the next answer. */
  dirty: Interval[];
  /** Each claim of `byCounter` by its id, to find the one a claim put again replaces. */
  byId: Map<string, Claim>;
};

/** How far ahead the index reads: past the longest window an availability question may ask (92 days). */
const SPAN_DAYS = 100;
const DAY = 24 * 60 * 60_000;

/** `claims` per counter, each counter's in the order given. */
function byCounter(claims: Claim[]): Map<number, Claim[]> {
  const counters = new Map<number, Claim[]>();
  for (const claim of claims) {
    const list = counters.get(claim.counterId);
    if (list) list.push(claim);
    else counters.set(claim.counterId, [claim]);
  }
  return counters;
}

/** `claims` (sorted by counter and start) per counter, and as a ClaimSet. */
function groupClaims(claims: Claim[]): { lists: Map<number, Claim[]>; set: ClaimSet } {
  const lists = byCounter(claims);
  return { lists, set: { busy: busyMinutes(lists), holds: claims.filter((c) => c.holdExpiresAt !== null) } };
}

const firstExpiry = (holds: Claim[]) => Math.min(...holds.map((c) => c.holdExpiresAt!));

/** The first claim of `list` (one counter's, sorted by start) that starts at or after `start`. */
function firstStartingFrom(list: Claim[], start: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]!.start < start) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The claims of `list` (one counter's, sorted by start) that overlap `span`. */
function overlapping(list: Claim[], span: Interval): Claim[] {
  // A counter's live claims never overlap each other (the exclusion constraint): only the one before can reach in.
  let from = firstStartingFrom(list, span.start);
  if (from > 0 && list[from - 1]!.end > span.start) from--;
  let to = from;
  while (to < list.length && list[to]!.start < span.end) to++;
  return list.slice(from, to);
}

/** Where `claim` (the same object) is in `list`, one counter's claims sorted by start, or -1. */
function indexOfClaim(list: Claim[], claim: Claim): number {
  for (let i = firstStartingFrom(list, claim.start); i < list.length && list[i]!.start === claim.start; i++)
    if (list[i] === claim) return i;
  return -1;
}

/**
 * The entry without the claims `removed` (objects of the entry), and without any other claim of the same id as one
 * `added`, with `added`: only the touched counters' lists are copied, each claim is found by a binary search on its
 * start, and a counter that only gained one claim has it joined into its busy minutes (the others are grouped
 * again), so a booking at a location with thousands of claims costs a copy of one counter's list, not a pass over
 * each of its claims (#17).
 */
function replaceClaims(entry: Entry, removed: Claim[], added: Claim[]) {
  const lists = new Map(entry.byCounter);
  const busy = new Map(entry.set.busy);
  const copied = new Map<number, Claim[]>();
  const listOf = (counterId: number) => {
    let list = copied.get(counterId);
    if (!list) copied.set(counterId, (list = [...(lists.get(counterId) ?? [])]));
    return list;
  };
  const gone = new Set<Claim>();
  // Per counter, the claims it gained, and whether it lost one: a counter that only gained one claim has its busy
  // minutes joined in place, the others are grouped again.
  const gained = new Map<number, Claim[]>();
  const lost = new Set<number>();
  const remove = (claim: Claim) => {
    if (gone.has(claim)) return;
    lost.add(claim.counterId);
    const list = listOf(claim.counterId);
    const at = indexOfClaim(list, claim);
    if (at >= 0) list.splice(at, 1);
    gone.add(claim);
    if (entry.byId.get(claim.id) === claim) entry.byId.delete(claim.id);
  };
  for (const claim of removed) remove(claim);
  for (const claim of added) {
    // A claim put again is a hold that became a booking (perhaps on another counter), or the same claim.
    const earlier = entry.byId.get(claim.id);
    if (earlier) remove(earlier);
    const list = listOf(claim.counterId);
    list.splice(firstStartingFrom(list, claim.start), 0, claim);
    entry.byId.set(claim.id, claim);
    const gains = gained.get(claim.counterId);
    if (gains) gains.push(claim);
    else gained.set(claim.counterId, [claim]);
  }
  const regrouped = new Map<number, Claim[]>();
  for (const [counterId, list] of copied) {
    const one = gained.get(counterId);
    const minutes = busy.get(counterId);
    if (list.length > 0) {
      lists.set(counterId, list);
      if (minutes && one?.length === 1 && !lost.has(counterId))
        busy.set(counterId, withBusyRun(minutes, one[0]!.start, one[0]!.end));
      else regrouped.set(counterId, list);
    } else {
      lists.delete(counterId);
      busy.delete(counterId);
    }
  }
  for (const [counterId, minutes] of busyMinutes(regrouped)) busy.set(counterId, minutes);
  const holds = [
    ...(gone.size > 0 ? entry.set.holds.filter((h) => !gone.has(h)) : entry.set.holds),
    ...added.filter((c) => c.holdExpiresAt !== null),
  ];
  entry.byCounter = lists;
  entry.set = { busy, holds };
  entry.validUntil = firstExpiry(holds);
}

const overlaps = (c: Interval, span: Interval) => c.start < span.end && c.end > span.start;

/**
 * Every live claim of a location from today on, read with one query and kept in memory, so computing a day or
 * refusing a taken time costs no round trip. A change (from this process or, by the change feed, from another)
 * marks its time dirty: before the next answer only the claims of the dirty times are read again and put in place,
 * so a rush of bookings does not read the whole location again for each one (#17). An entry goes on a catalogue
 * change and when its first hold runs out. A booking is never decided here: the exclusion constraint decides.
 */
export class ClaimsIndex {
  private readonly entries = new Map<number, Entry>();
  private readonly loading = new Map<number, Promise<Entry>>();
  /** Changes that came while a location's claims were being read in full: they may be missing from what was read. */
  private readonly changedWhileLoading = new Map<number, Interval[]>();
  /** Claims this process put while a location's claims were being read: put in place once the read is in. */
  private readonly putWhileLoading = new Map<number, Claim[]>();

  constructor(
    private readonly db: Executor,
    private readonly maxLocations = 1_000,
  ) {}

  /** The live claims of a location that overlap `span`, at `now`, per counter. */
  async claimsFor(locationId: number, span: Interval, now: Date): Promise<ClaimSet> {
    if (this.maxLocations === 0)
      return groupClaims(await listLiveClaims(this.db, locationId, new Date(span.start), new Date(span.end), now)).set;
    return (await this.entryFor(locationId, span, now)).set;
  }

  /** The live claims of a location that overlap `span`, at `now`, sorted by counter and start. */
  async liveClaims(locationId: number, span: Interval, now: Date): Promise<Claim[]> {
    if (this.maxLocations === 0)
      return listLiveClaims(this.db, locationId, new Date(span.start), new Date(span.end), now);
    const lists = (await this.entryFor(locationId, span, now)).byCounter;
    return [...lists.keys()].sort((a, b) => a - b).flatMap((counterId) => overlapping(lists.get(counterId)!, span));
  }

  /** A claim changed at `[start, end)` of a location (the change signal). */
  dropClaim(locationId: number, start: number, end: number) {
    this.entries.get(locationId)?.dirty.push({ start, end });
    this.changedWhileLoading.get(locationId)?.push({ start, end });
  }

  /**
   * A claim a writer of this process put, as it now is (a new booking or hold): put in place, no read. While the
   * location's claims are being read, that read may have missed it: it is put in place once the read is in (marking
   * its time dirty instead made a rush read the location again and again, and requests queue behind each read).
   */
  putClaim(locationId: number, claim: Claim) {
    const waiting = this.putWhileLoading.get(locationId);
    if (waiting) return waiting.push(claim);
    const entry = this.entries.get(locationId);
    if (!entry || !overlaps(claim, entry.span)) return this.dropClaim(locationId, claim.start, claim.end);
    replaceClaims(entry, [], [claim]);
  }

  clear() {
    this.entries.clear();
    for (const changed of this.changedWhileLoading.values()) changed.push({ start: -Infinity, end: Infinity });
  }

  private async entryFor(locationId: number, span: Interval, now: Date): Promise<Entry> {
    const at = now.getTime();
    const covers = (e: Entry | undefined): e is Entry =>
      !!e && at < e.validUntil && e.span.start <= span.start && span.end <= e.span.end;
    for (;;) {
      const pending = this.loading.get(locationId);
      if (pending) await pending.catch(() => undefined);
      else break;
    }
    const entry = this.entries.get(locationId);
    if (covers(entry) && entry.dirty.length === 0) return entry;
    const work = covers(entry) ? this.patch(entry, locationId, now) : this.load(locationId, span, now);
    this.loading.set(locationId, work);
    const puts: Claim[] = [];
    this.putWhileLoading.set(locationId, puts);
    try {
      const read = await work;
      this.putWhileLoading.delete(locationId);
      for (const claim of puts) this.putClaim(locationId, claim);
      return read;
    } catch (error) {
      this.putWhileLoading.delete(locationId);
      for (const claim of puts) this.dropClaim(locationId, claim.start, claim.end);
      throw error;
    } finally {
      this.loading.delete(locationId);
    }
  }

  /** Reads again the claims of the entry's dirty times, and puts them in place. */
  private async patch(entry: Entry, locationId: number, now: Date): Promise<Entry> {
    // A change outside the span the entry keeps concerns it not (and would make an empty range).
    const dirty = entry.dirty.splice(0).filter((d) => overlaps(d, entry.span));
    if (dirty.length === 0) return entry;
    const hull = {
      start: Math.max(entry.span.start, Math.min(...dirty.map((d) => d.start))),
      end: Math.min(entry.span.end, Math.max(...dirty.map((d) => d.end))),
    };
    try {
      const fresh = await listLiveClaims(this.db, locationId, new Date(hull.start), new Date(hull.end), now);
      replaceClaims(
        entry,
        [...entry.byCounter.values()].flatMap((list) => overlapping(list, hull)),
        fresh,
      );
    } catch (error) {
      entry.dirty.push(...dirty);
      throw error;
    }
    return entry;
  }

  private async load(locationId: number, span: Interval, now: Date): Promise<Entry> {
    const at = now.getTime();
    // A span the index does not cover (a long horizon) is read on its own.
    const wanted = { start: Math.min(span.start, at - DAY), end: Math.max(span.end, at + SPAN_DAYS * DAY) };
    const changed: Interval[] = [];
    this.changedWhileLoading.set(locationId, changed);
    try {
      const claims = await listLiveClaims(this.db, locationId, new Date(wanted.start), new Date(wanted.end), now);
      const { lists, set } = groupClaims(claims);
      const entry: Entry = {
        span: wanted,
        byCounter: lists,
        set,
        validUntil: firstExpiry(set.holds),
        dirty: changed,
        byId: new Map(claims.map((c) => [c.id, c])),
      };
      if (this.entries.size >= this.maxLocations && !this.entries.has(locationId))
        this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(locationId, entry);
      return entry;
    } finally {
      this.changedWhileLoading.delete(locationId);
    }
  }
}
