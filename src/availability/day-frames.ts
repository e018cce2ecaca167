import { createHash } from 'node:crypto';
import type { ClosedReason } from '../catalogue/domain/opening-hours.js';
import { type LocationSnapshot, planFor } from '../catalogue/location-snapshots.js';
import type { Interval } from '../platform/time/interval.js';
import { dayBounds, isoOnDate, weekdayOf } from '../platform/time/zoned-time.js';
import type { Language } from '../texts/index.js';
import { type DayGrid, dayGrid } from './domain/free-slots.js';

/**
 * One date of a location for one kind of request (duration and counters), as far as the catalogue decides it: whether
 * it is open, which starts fit, and the JSON of the day with the counts left blank. Only the counts depend on
 * claims, so an answer is this text with digits written in (see answer-bytes.ts).
 */
export type DayFrame = {
  date: string;
  weekday: number;
  bounds: Interval;
  closed?: ClosedReason;
  grid: DayGrid;
  /**
   * The open day as JSON, `{"date":…,"open":true,"slots":[…]}`; each `available` is spaces and a 0 as wide as the
   * largest count.
   */
  json: Buffer;
  /** Where slot i begins in `json`, and one more entry: where the slots end (`]}` follows). */
  slotAt: Uint32Array;
  /** Where slot i's count ends (exclusive) in `json`. */
  countEnd: Uint32Array;
  /** The closed day as JSON, per language, made on first use. */
  closedJson: Partial<Record<Language, Buffer>>;
  /** A digest of the date, the closure and `json`: names this frame in an answer's ETag. */
  id: string;
};

/**
 * The opening of an open day's JSON object up to its slots; `reason` when the day has no free time (fully booked,
 * or `past` for today once every start is within the notice).
 */
export function openDayStart(date: string, reason?: string, code = 'fully-booked'): string {
  const full = reason === undefined ? '' : `,"reasonCode":"${code}","reason":${JSON.stringify(reason)}`;
  return `{"date":"${date}","open":true${full},"slots":[`;
}

/** A closed day as JSON: no slots, and why. */
export function closedDayJson(date: string, code: string, reason: string): string {
  return `{"date":"${date}","open":false,"reasonCode":"${code}","reason":${JSON.stringify(reason)},"slots":[]}`;
}

// Kept per snapshot: kinds of request (durations and counter sets) and dates of each, each map cleared when full.
const MAX_VARIANTS = 100;
const MAX_DATES = 400;

function buildFrame(snapshot: LocationSnapshot, date: string, counterIds: number[], durationMinutes: number): DayFrame {
  const zone = snapshot.location.timezone;
  const plan = planFor(snapshot, date, counterIds);
  const grid = plan.closed
    ? { durationMinutes, starts: [], startMinutes: new Int32Array(0), fits: [] }
    : dayGrid({ periods: plan.periods, durationMinutes, gridMinutes: snapshot.location.gridMinutes, zone });
  // JSON allows spaces before a number: `"available":  7` is the same as 7, so every count has room for the largest.
  const width = String(grid.fits.length).length;
  const blank = `${' '.repeat(width - 1)}0`;
  const iso = isoOnDate(date, zone);
  const duration = durationMinutes * 60_000;
  const slotAt = new Uint32Array(grid.starts.length + 1);
  const countEnd = new Uint32Array(grid.starts.length);
  let text = openDayStart(date);
  grid.starts.forEach((start, i) => {
    if (i > 0) text += ',';
    slotAt[i] = text.length;
    text += `{"start":"${iso(start)}","end":"${iso(start + duration)}","available":${blank}`;
    countEnd[i] = text.length;
    text += '}';
  });
  slotAt[grid.starts.length] = text.length;
  text += ']}';
  // The text is ASCII, so string offsets are byte offsets.
  const json = Buffer.from(text, 'latin1');
  return {
    date,
    weekday: weekdayOf(date),
    bounds: dayBounds(date, zone),
    ...(plan.closed && { closed: plan.closed }),
    grid,
    json,
    slotAt,
    countEnd,
    closedJson: {},
    id: createHash('sha1')
      .update(`${date}|${JSON.stringify(plan.closed ?? null)}|`)
      .update(json)
      .digest('base64url'),
  };
}

/** One kind of request: the counters that may take it and its duration; `key` names it in caches. */
export type Variant = { counters: number[]; durationMinutes: number; key: string };

export function variantOf(counters: number[], durationMinutes: number): Variant {
  return { counters, durationMinutes, key: `${durationMinutes}|${counters.join(',')}` };
}

/** Day frames by snapshot, kind of request and date: they go with the snapshot, as its opening plans do. */
const framesOf = new WeakMap<LocationSnapshot, Map<string, Map<string, DayFrame>>>();

/** The frame of a date, worked out once per snapshot (it depends on the catalogue alone, like the opening plan). */
export function frameFor(snapshot: LocationSnapshot, date: string, variant: Variant): DayFrame {
  let frames = framesOf.get(snapshot);
  if (!frames) framesOf.set(snapshot, (frames = new Map()));
  let byDate = frames.get(variant.key);
  if (!byDate) {
    if (frames.size >= MAX_VARIANTS) frames.clear();
    frames.set(variant.key, (byDate = new Map()));
  }
  let frame = byDate.get(date);
  if (!frame) {
    frame = buildFrame(snapshot, date, variant.counters, variant.durationMinutes);
    if (byDate.size >= MAX_DATES) byDate.clear();
    byDate.set(date, frame);
  }
  return frame;
}
