import fc from 'fast-check';
import { DateTime } from 'luxon';
import t, { type Test } from 'tap';
import { dayInWindow, firstAfterNotice, type Slot, slotsForDay } from '../../../src/availability/domain/free-slots.js';
import { type DateException, planDay, type WeeklyRule } from '../../../src/catalogue/domain/opening-hours.js';
import type { Interval } from '../../../src/platform/time/interval.js';
import { assertProperty } from '../../helpers/property.js';

const zone = 'Europe/Amsterdam';
const numRuns = Number(process.env.FC_RUNS ?? 1000);
const MINUTE = 60_000;

// Times on five-minute steps between 06:00 and 23:00: away from the 02:00–03:00 DST change, so that a naive
// minute-by-minute reading of the rules is a trustworthy reference.
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const period = fc
  .tuple(fc.integer({ min: 72, max: 275 }), fc.integer({ min: 1, max: 40 }))
  .map(([start, length]) => ({ opens: hhmm(start * 5), closes: hhmm(Math.min(start + length, 276) * 5) }));
const dates = [
  '2026-03-28',
  '2026-03-29',
  '2026-03-30',
  '2026-10-24',
  '2026-10-25',
  '2026-10-26',
  '2026-12-01',
  '2026-12-25',
  '2027-04-27',
  '2027-06-15',
];

const scenario = fc.record({
  date: fc.constantFrom(...dates),
  counters: fc.integer({ min: 1, max: 4 }),
  grid: fc.constantFrom(5, 10, 15, 20, 30),
  duration: fc.integer({ min: 1, max: 24 }).map((n) => n * 5),
  weekly: fc.array(
    fc.record({
      counter: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
      weekday: fc.integer({ min: 1, max: 7 }),
      period,
      valid: fc.constantFrom('always', 'ended', 'future'),
    }),
    { maxLength: 8 },
  ),
  exceptions: fc.array(
    fc.record({
      counter: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
      kind: fc.constantFrom('open' as const, 'closed' as const),
      wholeDay: fc.boolean(),
      period,
    }),
    { maxLength: 3 },
  ),
  holiday: fc.boolean(),
  busy: fc.array(
    fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 60, max: 280 }), fc.integer({ min: 1, max: 30 })),
    { maxLength: 20 },
  ),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

function inputs(s: Scenario) {
  const counterIds = Array.from({ length: s.counters }, (_, i) => i + 1);
  const weekday = DateTime.fromISO(s.date, { zone }).weekday;
  const weekly: WeeklyRule[] = s.weekly.map((w) => ({
    counterId: w.counter,
    weekday: w.weekday % 2 === 0 ? weekday : w.weekday,
    opens: w.period.opens,
    closes: w.period.closes,
    validFrom: w.valid === 'future' ? '2099-01-01' : null,
    validUntil: w.valid === 'ended' ? '2000-01-01' : null,
  }));
  const exceptions: DateException[] = s.exceptions.map((e) => ({
    counterId: e.counter,
    date: s.date,
    kind: e.kind,
    opens: e.kind === 'closed' && e.wholeDay ? null : e.period.opens,
    closes: e.kind === 'closed' && e.wholeDay ? null : e.period.closes,
    reason: { nl: 'uitzondering', en: 'exception' },
  }));
  const holiday = s.holiday ? { nl: 'Feestdag', en: 'Holiday' } : undefined;
  const dayStart = DateTime.fromISO(s.date, { zone }).toMillis();
  // Claims per counter, sorted and not overlapping, as the exclusion constraint guarantees.
  const busy = new Map<number, Interval[]>();
  for (const [counter, startStep, length] of [...s.busy].sort((a, b) => a[1] - b[1])) {
    if (counter > s.counters) continue;
    const list = busy.get(counter) ?? [];
    const start = DateTime.fromISO(`${s.date}T${hhmm(startStep * 5)}`, { zone }).toMillis();
    const last = list[list.length - 1];
    if (last && last.end > start) continue;
    list.push({ start, end: start + length * 5 * MINUTE });
    busy.set(counter, list);
  }
  return { counterIds, weekly, exceptions, holiday, busy, dayStart };
}

/** The reference: reads the rules minute by minute, the slow and obvious way. */
function reference(s: Scenario) {
  const { counterIds, weekly, exceptions, holiday, busy } = inputs(s);
  const weekday = DateTime.fromISO(s.date, { zone }).weekday;
  const dayStart = DateTime.fromISO(s.date, { zone }).toMillis();
  const dayEnd = DateTime.fromISO(s.date, { zone }).plus({ days: 1 }).toMillis();
  const minutes = (dayEnd - dayStart) / MINUTE;
  // Wall-clock "HH:mm" and minute of the day for every minute of the (23, 24 or 25 hour) day.
  const hourOffsets = new Map<number, number>();
  const wall = Array.from({ length: minutes }, (_, i) => {
    const t = dayStart + i * MINUTE;
    const hour = Math.floor(t / 3_600_000);
    if (!hourOffsets.has(hour)) hourOffsets.set(hour, DateTime.fromMillis(hour * 3_600_000, { zone }).offset);
    const minuteOfDay = (((Math.floor(t / MINUTE) + hourOffsets.get(hour)!) % 1440) + 1440) % 1440;
    return { time: hhmm(minuteOfDay), minuteOfDay };
  });
  const inside = (time: string, p: { opens: string | null; closes: string | null }) =>
    p.opens === null || (p.opens <= time && time < p.closes!);
  const valid = weekly.filter(
    (w) => w.weekday === weekday && (w.validFrom ?? '') <= s.date && s.date <= (w.validUntil ?? '9999'),
  );
  const open = new Map(
    counterIds.map((counter) => {
      const own = valid.filter((w) => w.counterId === counter);
      const rules = holiday ? [] : own.length ? own : valid.filter((w) => w.counterId === null);
      const applies = exceptions.filter((e) => e.counterId === null || e.counterId === counter);
      return [
        counter,
        wall.map(
          ({ time }) =>
            (rules.some((r) => inside(time, r)) || applies.some((e) => e.kind === 'open' && inside(time, e))) &&
            !applies.some((e) => e.kind === 'closed' && inside(time, e)),
        ),
      ];
    }),
  );
  const free = (counter: number, start: number, end: number) =>
    !(busy.get(counter) ?? []).some((b) => b.start < end && start < b.end);
  const slots: Slot[] = [];
  for (let i = 0; i < minutes; i++) {
    if (wall[i]!.minuteOfDay % s.grid !== 0) continue;
    const start = dayStart + i * MINUTE;
    const end = start + s.duration * MINUTE;
    const fits = counterIds.filter((c) => {
      for (let m = i; m < i + s.duration; m++) if (!open.get(c)![m]) return false;
      return true;
    });
    if (fits.length > 0) slots.push({ start, end, available: fits.filter((c) => free(c, start, end)).length });
  }
  return slots;
}

function compute(s: Scenario) {
  const { counterIds, weekly, exceptions, holiday, busy } = inputs(s);
  const plan = planDay({ date: s.date, zone, counterIds, weekly, exceptions, holiday });
  return {
    plan,
    slots: plan.closed
      ? []
      : slotsForDay({ periods: plan.periods, busy, durationMinutes: s.duration, gridMinutes: s.grid, zone }),
    busy,
  };
}

const check = (t: Test, predicate: (s: Scenario) => boolean) =>
  assertProperty(t, fc.property(scenario, predicate), { numRuns });

t.test('every offered slot lies inside opening hours of some counter and on the grid', async (t) => {
  check(t, (s) => {
    const { plan, slots } = compute(s);
    return slots.every((slot) => {
      const local = DateTime.fromMillis(slot.start, { zone });
      const onGrid = local.second === 0 && (local.hour * 60 + local.minute) % s.grid === 0;
      const inside = [...plan.periods.values()].some((ps) =>
        ps.some((p) => p.start <= slot.start && slot.end <= p.end),
      );
      return onGrid && inside;
    });
  });
});

t.test('the whole duration of every slot fits: end − start is the duration', async (t) => {
  check(t, (s) => compute(s).slots.every((slot) => slot.end - slot.start === s.duration * MINUTE));
});

t.test('a slot never overlaps a live claim on at least `available` counters', async (t) => {
  check(t, (s) => {
    const { plan, slots, busy } = compute(s);
    return slots.every((slot) => {
      const free = [...plan.periods.entries()].filter(
        ([c, ps]) =>
          ps.some((p) => p.start <= slot.start && slot.end <= p.end) &&
          !(busy.get(c) ?? []).some((b) => b.start < slot.end && slot.start < b.end),
      );
      return free.length >= slot.available;
    });
  });
});

t.test(
  'no bookable start is missing, and each has exactly the free counters as `available` (against a minute-by-minute ' +
    'reference)',
  async (t) => {
    check(t, (s) => {
      const expected = reference(s);
      const actual = compute(s).slots;
      return JSON.stringify(actual) === JSON.stringify(expected);
    });
  },
);

t.test('nothing before the minimum notice or past the horizon is offered', async (t) => {
  assertProperty(
    t,
    fc.property(
      scenario,
      fc.integer({ min: 0, max: 24 * 60 }),
      fc.integer({ min: 0, max: 3 }),
      (s, noticeMinutes, horizonShift) => {
        const { slots } = compute(s);
        const now = DateTime.fromISO(`${s.date}T08:00`, { zone }).toMillis();
        const window = {
          today: s.date,
          lastDate: DateTime.fromISO(s.date).plus({ days: horizonShift }).toISODate()!,
          earliest: now + noticeMinutes * MINUTE,
        };
        const offered = slots.slice(
          firstAfterNotice(
            slots.map((slot) => slot.start),
            window,
          ),
        );
        const beyond = DateTime.fromISO(window.lastDate).plus({ days: 1 }).toISODate()!;
        const yesterday = DateTime.fromISO(s.date).minus({ days: 1 }).toISODate()!;
        return (
          offered.every((slot) => slot.start >= window.earliest) &&
          offered.length === slots.filter((slot) => slot.start >= window.earliest).length &&
          dayInWindow(beyond, window) === 'beyond-horizon' &&
          dayInWindow(yesterday, window) === 'past' &&
          dayInWindow(s.date, window) === 'bookable'
        );
      },
    ),
    { numRuns },
  );
});
