// Proof of work (ALTCHA): a hold, or a booking without a hold, needs a solved challenge where the municipality asks
// for it; a missing, wrong, expired or reused solution is a 403 captcha_required; with REDIS_URL a solution used in
// one process is refused by another.

import { sql } from 'drizzle-orm';
import t from 'tap';
import { buildApp } from '../../src/app/http-app.js';
import { onEachDatabase, testConfig } from '../helpers/app.js';
import { solvedChallenge } from '../helpers/captcha.js';

const hold = (n: number) => ({
  location: 'stadskantoor',
  items: [{ service: 'paspoort', persons: 1 }],
  start: `2026-12-0${1 + (n % 5)}T${String(9 + Math.floor(n / 5)).padStart(2, '0')}:00:00+01:00`,
});

const solved = solvedChallenge;

const redisUrl = process.env.TEST_REDIS_URL;

onEachDatabase(
  t,
  async (t, { app, database, clock }) => {
    clock.set('2026-11-30T08:00:00Z');
    const post = (url: string, payload: object, altcha?: string) =>
      app.inject({ method: 'POST', url, payload, headers: altcha ? { 'x-altcha': altcha } : {} });

    t.test('a challenge: signed, expiring, not cached', async (t) => {
      const response = await app.inject({ url: '/api/v1/captcha' });
      t.equal(response.statusCode, 200);
      t.equal(response.headers['cache-control'], 'no-store');
      t.match(response.json(), {
        algorithm: 'SHA-256',
        challenge: /^[0-9a-f]{64}$/,
        salt: /expires=/,
        signature: String,
      });
    });

    t.test('a hold needs a solution; each solution is good once', async (t) => {
      const none = await post('/api/v1/holds', hold(1));
      t.same([none.statusCode, none.json().code], [403, 'captcha_required']);
      t.match(none.headers['content-type'], /problem\+json/);
      t.match(none.json().detail, /mens/);
      const solution = await solved(app);
      t.equal((await post('/api/v1/holds', hold(1), solution)).statusCode, 201, 'with a solution: held');
      const again = await post('/api/v1/holds', hold(2), solution);
      t.same([again.statusCode, again.json().code], [403, 'captcha_required'], 'the same solution again: refused');
      const wrong = await solved(app, (p) => {
        p.number = Number(p.number) + 1;
      });
      t.equal((await post('/api/v1/holds', hold(3), wrong)).statusCode, 403, 'a wrong number');
      const forged = await solved(app, (p) => {
        p.signature = 'f'.repeat(64);
      });
      t.equal((await post('/api/v1/holds', hold(4), forged)).statusCode, 403, 'a forged signature');
      t.equal((await post('/api/v1/holds', hold(5), 'not base64 at all')).statusCode, 403, 'rubbish');
    });

    t.test('a booking without a hold needs one; a booking from a hold does not', async (t) => {
      const person = { name: 'Puzzel Persoon', email: 'puzzel@example.nl' };
      const direct = await post('/api/v1/appointments', { ...hold(6), ...person });
      t.same([direct.statusCode, direct.json().code], [403, 'captcha_required']);
      t.equal((await post('/api/v1/appointments', { ...hold(6), ...person }, await solved(app))).statusCode, 201);
      const held = await post('/api/v1/holds', hold(7), await solved(app));
      const fromHold = await post('/api/v1/appointments', { holdId: held.json().holdId, ...person });
      t.equal(fromHold.statusCode, 201, 'from a hold: no second puzzle');
    });

    t.test('a municipality that does not ask for it', async (t) => {
      await database.db.execute(sql`update municipalities set captcha = false where slug = 'stadswaard'`);
      app.deps.locations.clear();
      t.equal((await post('/api/v1/holds', hold(8))).statusCode, 201);
      await database.db.execute(sql`update municipalities set captcha = true where slug = 'stadswaard'`);
      app.deps.locations.clear();
    });

    t.test('an expired challenge', async (t) => {
      const brief = await buildApp({
        config: testConfig({ CAPTCHA: 'on', CAPTCHA_EXPIRES_SECONDS: '1', CAPTCHA_MAX_NUMBER: '5000' }),
        database,
        clock: clock.now,
        logger: false,
      });
      t.teardown(() => brief.close());
      const solution = await solved(brief);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const late = await brief.inject({
        method: 'POST',
        url: '/api/v1/holds',
        payload: hold(9),
        headers: { 'x-altcha': solution },
      });
      t.same([late.statusCode, late.json().code], [403, 'captcha_required']);
    });

    t.test(
      'with REDIS_URL, a solution used in one process is refused in another',
      { skip: !redisUrl && 'no Redis' },
      async (t) => {
        const shared = testConfig({ CAPTCHA: 'on', REDIS_URL: redisUrl!, CAPTCHA_EXPIRES_SECONDS: '60' });
        const one = await buildApp({ config: shared, database, clock: clock.now, logger: false });
        const two = await buildApp({ config: shared, database, clock: clock.now, logger: false });
        t.teardown(async () => {
          await one.close();
          await two.close();
        });
        const solution = await solved(one);
        const first = await one.inject({
          method: 'POST',
          url: '/api/v1/holds',
          payload: hold(10),
          headers: { 'x-altcha': solution },
        });
        const second = await two.inject({
          method: 'POST',
          url: '/api/v1/holds',
          payload: hold(11),
          headers: { 'x-altcha': solution },
        });
        t.same([first.statusCode, second.statusCode], [201, 403]);
      },
    );
  },
  { env: { CAPTCHA: 'on', CAPTCHA_MAX_NUMBER: '5000' } },
);
