import t from 'tap';
import { rankCounters } from '../../../src/booking/domain/counter-choice.js';

const m = (minutes: number) => minutes * 60_000;
const day = [{ start: m(540), end: m(1020) }]; // 09:00–17:00

t.test('the counter whose free window fits the appointment most tightly comes first', async (t) => {
  const counters = [
    { counterId: 1, periods: day, busy: [] }, // whole day free
    {
      counterId: 2,
      periods: day,
      busy: [
        { start: m(540), end: m(600) },
        { start: m(620), end: m(700) },
      ],
    }, // 10:00–10:20 gap
    { counterId: 3, periods: day, busy: [{ start: m(540), end: m(600) }] }, // free from 10:00
  ];
  t.same(rankCounters(counters, m(600), m(620)), [2, 3, 1]);
});

t.test('a long free window is kept for long appointments: a short one goes next to a neighbour', async (t) => {
  const counters = [
    { counterId: 1, periods: day, busy: [] },
    { counterId: 2, periods: day, busy: [{ start: m(540), end: m(600) }] },
  ];
  // Both have the window until 17:00 open after 10:00, but counter 2's window is shorter.
  t.same(rankCounters(counters, m(600), m(610))[0], 2);
});

t.test('ties go to the counter where the appointment touches a neighbour, then to the lowest id', async (t) => {
  const a = {
    counterId: 5,
    periods: day,
    busy: [
      { start: m(540), end: m(600) },
      { start: m(660), end: m(700) },
    ],
  };
  const b = {
    counterId: 4,
    periods: day,
    busy: [
      { start: m(540), end: m(600) },
      { start: m(660), end: m(700) },
    ],
  };
  t.same(rankCounters([a, b], m(600), m(620)), [4, 5]);
  t.same(rankCounters([a, b], m(620), m(640)), [4, 5], 'both leave 20 minutes before and after');
});

t.test('counters that are busy or closed at that time are left out', async (t) => {
  const counters = [
    { counterId: 1, periods: day, busy: [{ start: m(590), end: m(610) }] },
    { counterId: 2, periods: [{ start: m(780), end: m(1020) }], busy: [] },
    { counterId: 3, periods: day, busy: [{ start: m(620), end: m(630) }] },
  ];
  t.same(rankCounters(counters, m(600), m(620)), [3]);
  t.same(rankCounters(counters, m(1010), m(1030)), [], 'past closing time on every counter');
});
