// Hold hoarding: one client (the widget's X-Balie-Client id, or else the address) keeps at most
// MAX_HOLDS_PER_CLIENT (2) times at once, also when its requests race; residents behind one shared address each
// keep their own; a hold is exactly as long as the booking it is for and lasts at most three hold lengths.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { queryRows } from '../../src/platform/database/database.js';
import { onEachDatabase } from '../helpers/app.js';

/** Distinct open times on the weekdays of 1 to 7 December (Tuesday to Monday, no weekend). */
const at = (n: number) =>
  `2026-12-0${[1, 2, 3, 4, 7][n % 5]}T${String(9 + (Math.floor(n / 5) % 6)).padStart(2, '0')}:` +
  `${n >= 30 ? '30' : '00'}:00+01:00`;
const hold = (n: number, items = [{ service: 'paspoort', persons: 1 }], needs?: object) => ({
  location: 'stadskantoor',
  items,
  start: at(n),
  ...(needs && { needs }),
});
const clientId = (n: number) => `resident-visit-${String(n).padStart(4, '0')}`;

const postHold = (app: FastifyInstance, payload: object, client?: string, remoteAddress = '10.2.2.2') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/holds',
    payload,
    remoteAddress,
    headers: client ? { 'x-balie-client': client } : {},
  });

onEachDatabase(
  t,
  async (t, { app, clock, database }) => {
    clock.set('2026-11-30T08:00:00Z');

    t.test('a third live hold of one client is refused, kindly; letting one go makes room', async (t) => {
      const first = await postHold(app, hold(0), clientId(1));
      const second = await postHold(app, hold(1), clientId(1));
      t.same([first.statusCode, second.statusCode], [201, 201]);
      const third = await postHold(app, hold(2), clientId(1));
      t.equal(third.statusCode, 409);
      t.match(third.headers['content-type'], /problem\+json/);
      t.match(third.json(), { code: 'too_many_holds', title: 'Je hebt al tijden gekozen', detail: /2 tijden/ });
      const english = await app.inject({
        method: 'POST',
        url: '/api/v1/holds',
        payload: hold(2),
        remoteAddress: '10.2.2.2',
        headers: { 'x-balie-client': clientId(1), 'accept-language': 'en' },
      });
      t.match(english.json().detail, /already keeping 2 times/);
      const released = await app.inject({ method: 'DELETE', url: `/api/v1/holds/${first.json().holdId}` });
      t.equal(released.statusCode, 204);
      t.equal((await postHold(app, hold(2), clientId(1))).statusCode, 201, 'after letting one go: held');
      t.equal((await postHold(app, hold(3), clientId(2))).statusCode, 201, 'another visit from the same address');
    });

    t.test('without a client id the address is the client', async (t) => {
      t.equal((await postHold(app, hold(5), undefined, '10.3.3.3')).statusCode, 201);
      t.equal((await postHold(app, hold(6), undefined, '10.3.3.3')).statusCode, 201);
      t.equal((await postHold(app, hold(7), undefined, '10.3.3.3')).json().code, 'too_many_holds');
      t.equal((await postHold(app, hold(7), undefined, '10.3.3.4')).statusCode, 201, 'another address');
    });

    t.test('a client id that is not one is a 400 problem', async (t) => {
      const response = await postHold(app, hold(8), 'short');
      t.equal(response.statusCode, 400);
      t.match(response.headers['content-type'], /problem\+json/);
    });

    t.test('thirty residents behind one shared address each keep a time', async (t) => {
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => postHold(app, hold(10 + (i % 25)), clientId(100 + i), '10.4.4.4')),
      );
      const held = answers.filter((a) => a.statusCode === 201).length;
      const taken = answers.filter((a) => a.json().code === 'time_taken').length;
      t.equal(held + taken, 30, 'every answer is a hold, or a time someone else just took');
      t.equal(
        answers.filter((a) => a.json().code === 'too_many_holds').length,
        0,
        'nobody is turned away as a hoarder',
      );
    });

    t.test('racing holds of one client: exactly two are kept', async (t) => {
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => postHold(app, hold(35 + i), clientId(7))));
      t.same(
        answers.map((a) => a.statusCode).sort(),
        [201, 201, ...Array(10).fill(409)],
        answers.map((a) => a.json().code).join(','),
      );
      const heldId = answers.find((a) => a.statusCode === 201)!.json().holdId;
      const [row] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from appointments where status = 'held' and hold_client is not null
          and hold_client = (select hold_client from appointments where id = ${heldId})`,
      );
      t.equal(row!.n, 2, 'two live holds in the database');
    });

    t.test('a hold that ran out no longer counts', async (t) => {
      clock.set('2026-11-30T08:11:00Z');
      t.equal((await postHold(app, hold(0), clientId(1))).statusCode, 201);
      t.equal((await postHold(app, hold(1), clientId(1))).statusCode, 201);
      t.equal((await postHold(app, hold(2), clientId(1))).statusCode, 409);
    });

    t.test("a hold is as long as its booking: the booking's rules bound it", async (t) => {
      clock.set('2026-11-30T09:00:00Z');
      const long = await postHold(
        app,
        hold(20, [{ service: 'paspoort', persons: 3 }], { extraTime: true }),
        clientId(20),
      );
      t.equal(long.statusCode, 201, long.body);
      const availability = await app.inject({
        url: '/api/v1/availability?location=stadskantoor&items=paspoort:3&needs=extra-time&from=2026-12-01',
      });
      const minutes = availability.json().durationMinutes;
      t.ok(minutes > 0);
      const { start, end } = long.json();
      t.equal((Date.parse(end) - Date.parse(start)) / 60_000, minutes, 'the hold takes what the booking will take');
      const tooMany = await postHold(app, hold(21, [{ service: 'paspoort', persons: 20 }]), clientId(21));
      t.same([tooMany.statusCode, tooMany.json().code], [422, 'too_many_persons'], 'no longer than one booking may be');
    });
  },
  { env: { MAX_HOLDS_PER_CLIENT: '2' } },
);
