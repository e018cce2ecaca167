import t from 'tap';
import { nextFreeStarts } from '../../../src/staff/domain/next-free.js';

const m = (hhmm: string) => Date.parse(`2026-12-01T${hhmm}:00Z`);
const grid = 10 * 60_000;

t.test('the next free starts skip claims and keep to the grid from the opening', async (t) => {
  const periods = [{ start: m('09:00'), end: m('12:00') }];
  const claims = [
    { start: m('09:00'), end: m('09:30') },
    { start: m('09:40'), end: m('10:05') },
  ];
  t.same(nextFreeStarts(periods, claims, m('09:00'), grid), [m('09:30'), m('10:10'), m('10:20')]);
  t.same(nextFreeStarts(periods, claims, m('09:31'), grid), [m('10:10'), m('10:20'), m('10:30')], 'from now on');
});

t.test('a closed counter, or a full one, has none; periods follow each other', async (t) => {
  t.same(nextFreeStarts([], [], m('09:00'), grid), []);
  const periods = [
    { start: m('09:00'), end: m('09:20') },
    { start: m('13:00'), end: m('17:00') },
  ];
  t.same(nextFreeStarts(periods, [{ start: m('09:00'), end: m('09:20') }], m('08:00'), grid), [
    m('13:00'),
    m('13:10'),
    m('13:20'),
  ]);
  t.same(nextFreeStarts(periods, [], m('17:00'), grid), [], 'after closing');
});
