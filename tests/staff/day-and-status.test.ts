// The day at the counter: per counter its appointments in time order with what staff must know first (needs,
// interpreter, an e-mail that did not arrive), counts per status; every allowed status step succeeds, every other is
// a 409, the database refuses a wrong step from any writer, two colleagues checking one resident in at once get one
// 200 and one 409; finding an appointment by reference, name, e-mail or phone.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { queryRows } from '../../src/platform/database/database.js';
import { onEachDatabase } from '../helpers/app.js';
import { loginAs } from '../helpers/staff.js';

type Booking = { reference: string; manageToken: string };

async function book(app: FastifyInstance, start: string, n: number, extra: object = {}): Promise<Booking> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/appointments',
    payload: {
      location: 'stadskantoor',
      items: [{ service: 'paspoort', persons: 2 }],
      start,
      name: `Dag Inwoner ${n}`,
      email: `dag${n}@example.nl`,
      phone: `06 5555 00${String(n).padStart(2, '0')}`,
      ...extra,
    },
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json();
}

const STEPS: [string, string][] = [
  ['booked', 'checked_in'],
  ['checked_in', 'serving'],
  ['serving', 'done'],
  ['done', 'serving'],
  ['serving', 'checked_in'],
  ['checked_in', 'booked'],
  ['booked', 'no_show'],
  ['no_show', 'booked'],
  ['booked', 'checked_in'],
  ['checked_in', 'no_show'],
];
const ALL = ['booked', 'checked_in', 'serving', 'done', 'no_show'];
/** The contract's steps (DESIGN, "Staff API": status), forward and one back, from each status. */
const ALLOWED: Record<string, string[]> = {
  booked: ['checked_in', 'no_show'],
  checked_in: ['serving', 'no_show', 'booked'],
  serving: ['done', 'checked_in'],
  done: ['serving'],
  no_show: ['booked'],
};

onEachDatabase(t, async (t, { app, clock, database }) => {
  clock.set('2026-11-30T08:00:00Z');
  const first = await book(app, '2026-12-01T09:00:00+01:00', 1, {
    needs: { extraTime: true, stepFree: true, interpreter: 'Tigrinya' },
  });
  const second = await book(app, '2026-12-01T09:00:00+01:00', 2);
  const third = await book(app, '2026-12-01T11:00:00+01:00', 3);
  await database.db.execute(
    sql`update outbox set status = 'failed'
      where appointment_id = (select id from appointments where reference = ${third.reference})`,
  );
  clock.set('2026-12-01T06:00:00Z');
  let staff = await loginAs(app, 'balie@stadswaard.demo');
  const status = (reference: string, to: string) =>
    staff.inject({ method: 'POST', url: `/api/v1/staff/appointments/${reference}/status`, payload: { status: to } });

  t.test('the day per counter, with needs and a failed e-mail flagged', async (t) => {
    const response = await staff.inject({ url: '/api/v1/staff/locations/stadskantoor/day?date=2026-12-01' });
    t.equal(response.statusCode, 200, response.body);
    t.equal(response.headers['cache-control'], 'no-store');
    const day = response.json();
    t.match(day, { location: 'stadskantoor', date: '2026-12-01', timezone: 'Europe/Amsterdam' });
    t.ok(day.counters.length >= 2);
    t.match(day.counters[0], { slug: /^[a-z0-9-]+$/, name: String, online: Boolean });
    const entries = day.counters.flatMap((c: { entries: object[] }) => c.entries);
    t.equal(entries.length, 3);
    const withNeeds = entries.find((e: { reference: string }) => e.reference === first.reference);
    t.match(withNeeds, {
      kind: 'appointment',
      status: 'booked',
      start: '2026-12-01T09:00:00+01:00',
      items: [{ service: 'paspoort', name: 'Paspoort', persons: 2 }],
      name: 'Dag Inwoner 1',
      email: 'dag1@example.nl',
      needs: { extraTime: true, stepFree: true, interpreter: 'Tigrinya' },
      channel: 'online',
      mailFailed: false,
      next: ['checked_in', 'no_show'],
    });
    const counterOfFirst = day.counters.find((c: { entries: { reference: string }[] }) =>
      c.entries.some((e) => e.reference === first.reference),
    );
    t.ok(counterOfFirst.stepFree, 'the resident who needs a step-free desk has one');
    t.equal(counterOfFirst.nextFree[0], withNeeds.end, 'the next free time is when the 09:00 visit ends');
    t.equal(counterOfFirst.nextFree.length, 3);
    t.equal(entries.find((e: { reference: string }) => e.reference === third.reference).mailFailed, true);
    t.same(day.counts, { booked: 3, checked_in: 0, serving: 0, done: 0, no_show: 0, cancelled: 0 });
    const empty = await staff.inject({ url: '/api/v1/staff/locations/stadskantoor/day?date=2026-12-06' });
    t.same(empty.json().counts.booked, 0, 'another day');
  });

  t.test('every allowed step succeeds at its time; every other is a 409', async (t) => {
    clock.set('2026-12-01T06:30:00Z'); // 07:30 in Amsterdam: an hour and a half before the start
    const tooEarly = await status(first.reference, 'checked_in');
    t.same([tooEarly.statusCode, tooEarly.json().code], [409, 'status_too_early'], 'check-in from an hour before');
    clock.set('2026-12-01T07:30:00Z');
    const early = await status(first.reference, 'no_show');
    t.same([early.statusCode, early.json().code], [409, 'status_not_yet_no_show'], 'no no-show before the start');
    clock.set('2026-12-01T08:05:00Z');
    for (const [from, to] of STEPS) {
      for (const wrong of ALL.filter((s) => !ALLOWED[from]!.includes(s))) {
        const refused = await status(first.reference, wrong);
        if (refused.statusCode !== 409) t.fail(`${from} → ${wrong}: ${refused.statusCode}`);
      }
      const response = await status(first.reference, to);
      t.same([response.statusCode, response.json().status], [200, to], `${from} → ${to}`);
    }
    const same = await status(first.reference, 'no_show');
    t.same([same.statusCode, same.json().code], [409, 'status_not_a_step'], 'to the same status');
    t.match(same.json().detail, /niet gekomen|niet doorgegaan/);
    clock.set('2026-12-02T08:00:00Z');
    staff = await loginAs(app, 'balie@stadswaard.demo');
    const back = await status(first.reference, 'booked');
    t.same([back.statusCode, back.json().code], [409, 'status_back_same_day'], 'a step back only on the day');
  });

  t.test('the database refuses a step that is not one, whoever writes it', async (t) => {
    await t.rejects(
      database.db.execute(sql`update appointments set status = 'done' where reference = ${third.reference}`),
      'booked → done directly',
    );
    const [row] = await queryRows<{ status: string }>(
      database.db,
      sql`select status from appointments where reference = ${third.reference}`,
    );
    t.equal(row!.status, 'booked', 'unchanged');
    const gone = await book(app, '2026-12-04T13:00:00+01:00', 4);
    await database.db.execute(sql`update appointments set status = 'cancelled' where reference = ${gone.reference}`);
    await t.rejects(
      database.db.execute(sql`update appointments set status = 'booked' where reference = ${gone.reference}`),
      'cancelled → booked',
    );
  });

  t.test('two colleagues check one resident in at once: one 200, one 409', async (t) => {
    clock.set('2026-12-01T08:10:00Z');
    const colleague = await loginAs(app, 'balie@stadswaard.demo');
    const answers = await Promise.all([
      status(second.reference, 'checked_in'),
      colleague.inject({
        method: 'POST',
        url: `/api/v1/staff/appointments/${second.reference}/status`,
        payload: { status: 'checked_in' },
      }),
    ]);
    t.same(answers.map((a) => a.statusCode).sort(), [200, 409]);
  });

  t.test('a caller is found by reference, name, e-mail address or phone', async (t) => {
    const find = async (q: string) =>
      (await staff.inject({ url: `/api/v1/staff/appointments?q=${encodeURIComponent(q)}` }))
        .json()
        .appointments.map((a: { reference: string }) => a.reference);
    t.same(await find(third.reference.toLowerCase()), [third.reference], 'the reference, in any case');
    t.same((await find('dag inwoner')).length, 4, 'a part of the name (the cancelled one too)');
    t.same(await find('DAG2@example'), [second.reference], 'a part of the e-mail address');
    t.same(await find('0655550003'), [third.reference], 'the phone number, however written');
    t.same(await find('niemand'), [], 'nothing');
    const short = await staff.inject({ url: '/api/v1/staff/appointments?q=a' });
    t.equal(short.statusCode, 400, 'at least two characters');
    const veenhoven = await loginAs(app, 'balie@veenhoven.demo');
    const outside = await veenhoven.inject({ url: `/api/v1/staff/appointments?q=${third.reference}` });
    t.same(outside.json().appointments, [], "another municipality's staff find nothing here");
  });
});
