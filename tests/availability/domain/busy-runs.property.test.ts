// One claim more in a counter's busy minutes, joined in place (withBusyRun), is what grouping all of the counter's
// claims again gives (busyMinutes): for any claims, touching, overlapping or apart, on or off whole minutes.
import fc from 'fast-check';
import t from 'tap';
import { busyMinutes, withBusyRun } from '../../../src/availability/domain/free-slots.js';
import type { Interval } from '../../../src/platform/time/interval.js';
import { assertProperty } from '../../helpers/property.js';

const numRuns = Number(process.env.FC_RUNS ?? 1000);
const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

// Claims within one day, mostly on whole five minutes (as bookings are), some on any second.
const claim = fc
  .tuple(
    fc.oneof(
      fc.integer({ min: 0, max: DAY_MINUTES / 5 }).map((n) => n * 5 * MINUTE),
      fc.integer({ min: 0, max: DAY_MINUTES * 60 }).map((n) => n * 1000),
    ),
    fc.integer({ min: 1, max: 120 }).map((n) => n * 5 * MINUTE - (n % 7 === 0 ? 20_000 : 0)),
  )
  .map(([start, length]) => ({ start: 1_800_000_000_000 + start, end: 1_800_000_000_000 + start + length }));
const byStart = (claims: Interval[]) => [...claims].sort((a, b) => a.start - b.start);

t.test('withBusyRun gives what busyMinutes gives with the claim among the others', async (t) => {
  assertProperty(
    t,
    fc.property(fc.array(claim, { maxLength: 40 }), claim, (claims, added) => {
      const before = busyMinutes(new Map([[1, byStart(claims)]])).get(1) ?? new Int32Array(0);
      const expected = busyMinutes(new Map([[1, byStart([...claims, added])]])).get(1)!;
      return Buffer.from(withBusyRun(before, added.start, added.end).buffer).equals(Buffer.from(expected.buffer));
    }),
    { numRuns },
  );
});

t.test('a claim into a gap, over several runs, and touching a run at either end', async (t) => {
  const m = (minute: number) => 1_800_000_000_000 + minute * MINUTE;
  const busy = busyMinutes(
    new Map([
      [
        1,
        [
          { start: m(0), end: m(10) },
          { start: m(20), end: m(30) },
          { start: m(40), end: m(50) },
        ],
      ],
    ]),
  ).get(1)!;
  const base = m(0) / MINUTE;
  const runs = (b: Int32Array) => Array.from(b, (x) => x - base);
  t.same(runs(withBusyRun(busy, m(12), m(15))), [0, 10, 12, 15, 20, 30, 40, 50], 'into a gap');
  t.same(runs(withBusyRun(busy, m(5), m(45))), [0, 50], 'over every run');
  t.same(runs(withBusyRun(busy, m(10), m(20))), [0, 30, 40, 50], 'touching two runs');
  t.same(runs(withBusyRun(busy, m(50), m(55))), [0, 10, 20, 30, 40, 55], 'after the last, touching it');
  t.same(runs(withBusyRun(new Int32Array(0), m(1), m(2))), [1, 2], 'into none');
});
