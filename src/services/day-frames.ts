import { createHash } from 'node:crypto';
import { dayGrid, type DayGrid } from '../domain/availability.js';
import type { Interval } from '../domain/interval.js';
import type { ClosedReason } from '../domain/opening-hours.js';
import { dayBounds, isoOnDate, weekdayOf } from '../domain/time.js';
import { planFor, type LocationSnapshot } from './location-snapshots.js';

/**
 * One date of a location for one kind of request (duration and counters), as far as the catalogue decides it: whether
 * it is open, which starts fit, and the JSON of its slots with the counts left blank. Only the counts depend on
 * claims, so an answer is this text with digits written in (see answer-bytes.ts).
 */
export type DayFrame = {
  date: string;
  weekday: number;
  bounds: Interval;
  closed?: ClosedReason;
  grid: DayGrid;
  /** The slots as JSON objects joined by commas; each `available` is spaces and a 0, `width` bytes wide. */
  slotsJson: Buffer;
  /** Where slot i begins in `slotsJson`, and one more entry: its length. */
  slotAt: Uint32Array;
  /** Where slot i's count ends (exclusive) in `slotsJson`. */
  countEnd: Uint32Array;
  width: number;
  /** A digest of `slotsJson`: names this text in an answer's ETag. */
  id: string;
};

const MAX_FRAMES = 20_000;

function buildFrame(snapshot: LocationSnapshot, date: string, counterIds: number[], durationMinutes: number): DayFrame {
  const zone = snapshot.location.timezone;
  const plan = planFor(snapshot, date, counterIds);
  const grid = plan.closed ? { durationMinutes, starts: [], startMinutes: new Int32Array(0), fits: [] } : dayGrid({ periods: plan.periods, durationMinutes, gridMinutes: snapshot.location.gridMinutes, zone });
  // JSON allows spaces before a number: `"available":  7` is the same as 7, so every count has room for the largest.
  const width = String(grid.fits.length).length;
  const blank = `${' '.repeat(width - 1)}0`;
  const iso = isoOnDate(date, zone);
  const duration = durationMinutes * 60_000;
  const slotAt = new Uint32Array(grid.starts.length + 1);
  const countEnd = new Uint32Array(grid.starts.length);
  let text = '';
  grid.starts.forEach((start, i) => {
    if (i > 0) text += ',';
    slotAt[i] = text.length;
    text += `{"start":"${iso(start)}","end":"${iso(start + duration)}","available":${blank}`;
    countEnd[i] = text.length;
    text += '}';
  });
  slotAt[grid.starts.length] = text.length;
  // The text is ASCII, so string offsets are byte offsets.
  const slotsJson = Buffer.from(text, 'latin1');
  return {
    date, weekday: weekdayOf(date), bounds: dayBounds(date, zone), ...(plan.closed && { closed: plan.closed }), grid, slotsJson, slotAt, countEnd, width,
    id: createHash('sha1').update(slotsJson).digest('base64url'),
  };
}

/** One kind of request: the counters that may take it and its duration; `key` names it in caches. */
export type Variant = { counters: number[]; durationMinutes: number; key: string };

export function variantOf(counters: number[], durationMinutes: number): Variant {
  return { counters, durationMinutes, key: `${durationMinutes}|${counters.join(',')}` };
}

/** The frame of a date, worked out once per snapshot (it depends on the catalogue alone, like the opening plan). */
export function frameFor(snapshot: LocationSnapshot, date: string, variant: Variant): DayFrame {
  const key = `${date}|${variant.key}`;
  let frame = snapshot.frames.get(key);
  if (!frame) {
    frame = buildFrame(snapshot, date, variant.counters, variant.durationMinutes);
    if (snapshot.frames.size >= MAX_FRAMES) snapshot.frames.clear();
    snapshot.frames.set(key, frame);
  }
  return frame;
}
