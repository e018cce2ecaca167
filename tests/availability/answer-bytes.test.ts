import fc from 'fast-check';
import t from 'tap';
import { buildApp } from '../../src/app/http-app.js';
import { type AnswerPart, answerBytes } from '../../src/availability/answer-bytes.js';
import { frameFor, openDayStart, variantOf } from '../../src/availability/day-frames.js';
import { isoInZone } from '../../src/platform/time/zoned-time.js';
import { testConfig } from '../helpers/app.js';
import { freshDatabase } from '../helpers/databases.js';
import { assertProperty } from '../helpers/property.js';

// An answer is written by copying frames and writing digits into them. Whatever the counts and wherever the notice
// cuts a day, the bytes must be the JSON that the plain way (JSON.stringify of the slots) gives, and the ETag must
// follow the bytes.
const numRuns = Number(process.env.FC_RUNS ?? 1000);
const { database, drop } = await freshDatabase('pglite');
const app = await buildApp({ config: testConfig(), database, logger: false });
t.teardown(async () => {
  await app.close();
  await drop();
});
const snapshot = (await app.deps.locations.get('stadskantoor'))!;
const zone = snapshot.location.timezone;
const counters = snapshot.counters.filter((c) => c.onlineBookable).map((c) => c.id);
// A winter and a summer Tuesday (+01:00 and +02:00), the Thursday evening opening, Christmas Eve (closed from 13:00).
const dates = ['2026-12-01', '2026-06-16', '2026-12-03', '2026-12-24'];

const day = fc.record({
  date: fc.constantFrom(...dates),
  duration: fc.constantFrom(10, 20, 30, 45, 70),
  seed: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 200, maxLength: 200 }),
  cut: fc.double({ min: 0, max: 1, noNaN: true }),
  full: fc.boolean(),
});

function build(days: { date: string; duration: number; seed: number[]; cut: number; full: boolean }[]) {
  const parts: AnswerPart[] = ['['];
  const expected: unknown[] = [];
  days.forEach(({ date, duration, seed, cut, full }, index) => {
    const frame = frameFor(snapshot, date, variantOf(counters, duration));
    const n = frame.grid.starts.length;
    const most = frame.grid.fits.length;
    const counts = Uint16Array.from({ length: n + 3 }, (_, i) => (full ? 0 : seed[i % seed.length]! % (most + 1)));
    const at = 3; // the day's counts need not start at 0 in their array
    const from = Math.min(n, Math.floor(cut * (n + 1)));
    if (index > 0) parts.push(',');
    const prefix = full ? openDayStart(date, 'Volgeboekt') : from > 0 ? openDayStart(date) : undefined;
    parts.push(prefix === undefined ? { frame, counts, at, from } : { frame, counts, at, from, prefix });
    expected.push({
      date,
      open: true,
      ...(full && { reasonCode: 'fully-booked', reason: 'Volgeboekt' }),
      slots: frame.grid.starts.slice(from).map((start, i) => ({
        start: isoInZone(start, zone),
        end: isoInZone(start + duration * 60_000, zone),
        available: counts[at + from + i]!,
      })),
    });
  });
  parts.push(']');
  return { parts, expected };
}

t.test('the bytes are the plain JSON of the slots, whatever the counts and the notice', async (t) => {
  assertProperty(
    t,
    fc.property(fc.array(day, { minLength: 1, maxLength: 5 }), (days) => {
      const { parts, expected } = build(days);
      const { bytes } = answerBytes(parts);
      return JSON.stringify(JSON.parse(bytes.toString('utf8'))) === JSON.stringify(expected);
    }),
    { numRuns },
  );
});

t.test('two answers with different bytes have different ETags', async (t) => {
  // The second answer is the first with one thing changed, or nothing: where the notice cuts, fully booked or not,
  // the date, the duration, or one count.
  const change = fc.constantFrom('nothing', 'cut', 'full', 'date', 'duration', 'count');
  assertProperty(
    t,
    fc.property(day, change, fc.double({ min: 0, max: 1, noNaN: true }), (d, what, x) => {
      const other = {
        ...d,
        ...(what === 'cut' && { cut: x }),
        ...(what === 'full' && { full: !d.full }),
        ...(what === 'date' && { date: dates[Math.min(dates.length - 1, Math.floor(x * dates.length))]! }),
        ...(what === 'duration' && { duration: [10, 20, 30, 45, 70][Math.min(4, Math.floor(x * 5))]! }),
      };
      const a = answerBytes(build([d]).parts);
      const second = build([other]);
      if (what === 'count') {
        const part = second.parts[1] as {
          counts: Uint16Array;
          at: number;
          from: number;
          frame: { grid: { starts: number[] } };
        };
        const i = part.at + Math.min(part.from, part.frame.grid.starts.length - 1);
        part.counts[i] = part.counts[i] === 0 ? 1 : part.counts[i]! - 1;
      }
      const b = answerBytes(second.parts);
      // (Equal bytes may still differ in ETag: a frame is named by its whole text, also where no slot of it is sent.)
      return a.bytes.equals(b.bytes) || a.etag !== b.etag;
    }),
    { numRuns },
  );
});

t.test('the same answer, written again, has the same bytes and ETag', async (t) => {
  assertProperty(
    t,
    fc.property(fc.array(day, { minLength: 1, maxLength: 3 }), (days) => {
      const a = answerBytes(build(days).parts);
      const b = answerBytes(build(days).parts);
      return a.bytes.equals(b.bytes) && a.etag === b.etag;
    }),
    { numRuns },
  );
});
