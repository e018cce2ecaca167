// The alternatives of a refused time are kept for a second while nothing changed (#17): the same refusal again gets
// the same list; a booking at a location it searched or a catalogue change makes the next refusal search again, and
// so does the passing second; a booking at a location it did not search leaves the list. Through the real app on
// both databases, and the memo's own rules.
import t from 'tap';
import { AlternativesMemo } from '../../src/availability/alternatives-memo.js';
import { onEachDatabase } from '../helpers/app.js';
import { bookOnline } from '../helpers/booking.js';

t.test(
  'the memo keeps a list for its second, while the locations searched stay, never across a clock set back',
  async (t) => {
    const memo = new AlternativesMemo(2, 1000);
    const list = [{ start: '2026-12-02T11:10:00+01:00', end: '2026-12-02T11:20:00+01:00', location: 'stadskantoor' }];
    const generations = new Map([
      [1, 5],
      [2, 7],
      [3, 9],
    ]);
    const generation = (id: number) => generations.get(id)!;
    const searched = [
      [1, 5],
      [2, 7],
    ] as const;
    memo.set('a', 10_000, searched, list);
    t.equal(memo.get('a', 10_999, generation), list, 'within the second, nothing changed');
    t.equal(memo.get('a', 11_000, generation), undefined, 'a second later: search again');
    memo.set('a', 10_000, searched, list);
    generations.set(3, 10);
    t.equal(memo.get('a', 10_001, generation), list, 'a claim changed at a location not searched');
    generations.set(2, 8);
    t.equal(memo.get('a', 10_001, generation), undefined, 'a claim changed at a location searched');
    memo.set('a', 10_000, [[1, 5]], list);
    generations.set(1, 6);
    t.equal(memo.get('a', 10_001, generation), undefined, 'a claim changed where the time was refused');
    memo.set('a', 10_000, [[1, 6]], list);
    t.equal(memo.get('a', 9_999, generation), undefined, 'the clock set back');
    memo.set('a', 10_000, [[1, 6]], list);
    memo.set('b', 10_000, [[1, 6]], list);
    memo.set('c', 10_000, [[1, 6]], list);
    t.equal(memo.get('a', 10_001, generation), undefined, 'the oldest gives way to a third');
    t.equal(memo.get('c', 10_001, generation), list);
    const off = new AlternativesMemo(0);
    off.set('a', 10_000, [[1, 6]], list);
    t.equal(off.get('a', 10_001, generation), undefined, 'size 0 keeps nothing');
  },
);

onEachDatabase(t, async (t, { app, clock }) => {
  clock.set('2026-11-30T08:00:00Z');
  const start = '2026-12-02T11:00:00+01:00';
  const question = '/api/v1/availability?location=stadskantoor&items=paspoort&from=2026-12-02&to=2026-12-02';
  const slots = async () => (await app.inject(question)).json().days[0].slots as { start: string; available: number }[];
  const counters = (await slots()).find((s) => s.start === start)!.available;
  for (let n = 0; n < counters; n++)
    t.equal((await bookOnline(app, { start, name: `Vol ${n}`, email: `vol${n}@example.nl` })).statusCode, 201);
  const refused = async () => {
    const answer = await bookOnline(app, { start, name: 'Te Laat', email: `laat${Math.random()}@example.nl` });
    t.equal(answer.statusCode, 409);
    return answer.json().alternatives as { start: string; location: string }[];
  };
  const first = await refused();
  t.ok(first.length > 0, 'a refusal comes with alternatives');
  t.same(await refused(), first, 'the same refusal again: the same list');

  // The nearest alternative fills up: the next refusal must not offer it, although its second is not over.
  const nearest = first[0]!;
  const free = (await slots()).find((s) => s.start === nearest.start)?.available ?? 1;
  for (let n = 0; n < free; n++) {
    const booked = await bookOnline(app, { start: nearest.start, name: `Buur ${n}`, email: `buur${n}@example.nl` });
    t.equal(booked.statusCode, 201);
  }
  const after = await refused();
  t.notOk(
    after.some((a) => a.start === nearest.start && a.location === nearest.location),
    'a time booked since is not offered again',
  );
  clock.set('2026-11-30T08:00:02Z');
  t.same(await refused(), after, 'a second later it is searched again (and finds the same)');
});
