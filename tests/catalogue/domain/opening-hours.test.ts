import t from 'tap';
import { slotsForDay } from '../../../src/availability/domain/free-slots.js';
import { holidayOn } from '../../../src/catalogue/domain/holidays.js';
import { type DateException, planDay, type WeeklyRule } from '../../../src/catalogue/domain/opening-hours.js';
import { isoInZone } from '../../../src/platform/time/zoned-time.js';

const zone = 'Europe/Amsterdam';
const everyDay = (opens: string, closes: string, counterId: number | null = null): WeeklyRule[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ counterId, weekday, opens, closes, validFrom: null, validUntil: null }));
const words = (nl: string) => ({ nl, en: nl });
const iso = (t: number) => isoInZone(t, zone);

t.test("a counter with its own hours uses those instead of the location's", async (t) => {
  const plan = planDay({
    date: '2026-12-01',
    zone,
    counterIds: [1, 2],
    weekly: [...everyDay('09:00', '17:00'), ...everyDay('13:00', '15:00', 2)],
    exceptions: [],
  });
  t.same(
    plan.periods.get(1)!.map((p) => [iso(p.start), iso(p.end)]),
    [['2026-12-01T09:00:00+01:00', '2026-12-01T17:00:00+01:00']],
  );
  t.same(
    plan.periods.get(2)!.map((p) => [iso(p.start), iso(p.end)]),
    [['2026-12-01T13:00:00+01:00', '2026-12-01T15:00:00+01:00']],
  );
});

t.test('rules count only between their valid dates', async (t) => {
  const weekly = everyDay('09:00', '12:00').map((r) => ({ ...r, validFrom: '2027-01-01' }));
  t.same(planDay({ date: '2026-12-31', zone, counterIds: [1], weekly, exceptions: [] }).closed, { kind: 'not-open' });
  t.equal(planDay({ date: '2027-01-04', zone, counterIds: [1], weekly, exceptions: [] }).periods.size, 1);
});

t.test('a public holiday closes the location and says which; an extra opening still opens it', async (t) => {
  t.same(holidayOn('2027-04-27'), { nl: 'Koningsdag', en: "King's Day" });
  const closed = planDay({
    date: '2027-04-27',
    zone,
    counterIds: [1],
    weekly: everyDay('09:00', '17:00'),
    exceptions: [],
    holiday: holidayOn('2027-04-27'),
  });
  t.same(closed.closed, { kind: 'holiday', text: { nl: 'Koningsdag', en: "King's Day" } });
  const extra: DateException = {
    counterId: null,
    date: '2027-04-27',
    kind: 'open',
    opens: '10:00',
    closes: '12:00',
    reason: words('Extra open'),
  };
  const opened = planDay({
    date: '2027-04-27',
    zone,
    counterIds: [1],
    weekly: everyDay('09:00', '17:00'),
    exceptions: [extra],
    holiday: holidayOn('2027-04-27'),
  });
  t.same(
    opened.periods.get(1)!.map((p) => iso(p.start)),
    ['2027-04-27T10:00:00+02:00'],
  );
});

t.test('a closure takes out its period; a whole-day closure gives its reason', async (t) => {
  const part: DateException = {
    counterId: null,
    date: '2026-12-24',
    kind: 'closed',
    opens: '13:00',
    closes: '20:00',
    reason: words('Kerstavond'),
  };
  const afternoonOff = planDay({
    date: '2026-12-24',
    zone,
    counterIds: [1],
    weekly: everyDay('09:00', '17:00'),
    exceptions: [part],
  });
  t.same(
    afternoonOff.periods.get(1)!.map((p) => [iso(p.start), iso(p.end)]),
    [['2026-12-24T09:00:00+01:00', '2026-12-24T13:00:00+01:00']],
  );
  const whole: DateException = {
    counterId: null,
    date: '2027-01-14',
    kind: 'closed',
    opens: null,
    closes: null,
    reason: words('Gesloten wegens verbouwing'),
  };
  t.same(
    planDay({ date: '2027-01-14', zone, counterIds: [1, 2], weekly: everyDay('09:00', '17:00'), exceptions: [whole] })
      .closed,
    { kind: 'closure', text: words('Gesloten wegens verbouwing') },
  );
});

t.test('on 2026-03-29 (clocks forward) and 2026-10-25 (clocks back) the wall-clock hours and grid hold', async (t) => {
  for (const [date, offset] of [
    ['2026-03-29', '+02:00'],
    ['2026-10-25', '+01:00'],
    ['2026-03-30', '+02:00'],
    ['2026-10-26', '+01:00'],
  ] as const) {
    const plan = planDay({ date, zone, counterIds: [1], weekly: everyDay('09:00', '10:00'), exceptions: [] });
    const slots = slotsForDay({ periods: plan.periods, busy: new Map(), durationMinutes: 20, gridMinutes: 10, zone });
    t.same(
      slots.map((s) => iso(s.start)),
      ['09:00', '09:10', '09:20', '09:30', '09:40'].map((hm) => `${date}T${hm}:00${offset}`),
      date,
    );
  }
});

t.test('a night opening across the DST change keeps to the wall-clock grid', async (t) => {
  const night = planDay({
    date: '2026-10-25',
    zone,
    counterIds: [1],
    weekly: everyDay('01:00', '04:00'),
    exceptions: [],
  });
  const slots = slotsForDay({ periods: night.periods, busy: new Map(), durationMinutes: 30, gridMinutes: 30, zone });
  // 01:00–04:00 wall clock is four hours long on this day: 02:00–03:00 happens twice.
  t.same(
    slots.map((s) => iso(s.start)),
    [
      '2026-10-25T01:00:00+02:00',
      '2026-10-25T01:30:00+02:00',
      '2026-10-25T02:00:00+02:00',
      '2026-10-25T02:30:00+02:00',
      '2026-10-25T02:00:00+01:00',
      '2026-10-25T02:30:00+01:00',
      '2026-10-25T03:00:00+01:00',
      '2026-10-25T03:30:00+01:00',
    ],
  );
});
