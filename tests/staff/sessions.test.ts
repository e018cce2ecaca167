// Staff sessions: argon2id passwords, a session kept on the server behind an HttpOnly, SameSite=Strict cookie,
// logout and idle and absolute expiry, one answer for an unknown e-mail and a wrong password, a growing pause after
// ten failures, and the second factor (TOTP, recovery codes) that admins must set up.
import { sql } from 'drizzle-orm';
import t from 'tap';
import { buildApp } from '../../src/app/http-app.js';
import { queryRows } from '../../src/platform/database/database.js';
import { onEachDatabase, TestClock, testConfig } from '../helpers/app.js';
import { freshDatabase } from '../helpers/databases.js';
import { codeAt, DEMO_PASSWORD, loginAs, loginWithSecondFactorSetUp } from '../helpers/staff.js';

const login = (payload: object, remoteAddress = '10.8.0.1') => ({
  method: 'POST' as const,
  url: '/api/v1/staff/session',
  payload,
  remoteAddress,
});

onEachDatabase(t, async (t, { app, clock, database }) => {
  clock.set('2026-12-01T07:30:00Z');

  t.test('a front-office login: the session, its cookie, and logout ending it on the server', async (t) => {
    const response = await app.inject(login({ email: 'Balie@Stadswaard.demo', password: DEMO_PASSWORD }));
    t.equal(response.statusCode, 200, response.body);
    t.match(response.json(), {
      user: {
        email: 'balie@stadswaard.demo',
        role: 'front_office',
        municipalities: ['stadswaard'],
        locations: ['informatiepunt-noord', 'informatiepunt-zuid', 'stadskantoor'].sort(),
      },
      csrfToken: /^[\w-]{40,}$/,
      secondFactor: 'off',
    });
    const cookie = String(response.headers['set-cookie']);
    t.match(cookie, /^balie_staff=[\w-]{40,};/);
    t.match(cookie, /HttpOnly/);
    t.match(cookie, /SameSite=Strict/);
    t.match(cookie, /Path=\//);
    t.notMatch(cookie, /Secure/, 'not Secure over plain http (the test service)');
    t.equal(response.headers['cache-control'], 'no-store');
    const [stored] = await queryRows<{ id: string }>(database.db, sql`select id from staff_sessions`);
    t.notOk(cookie.includes(stored!.id), 'the table keeps a digest of the token, not the token');

    const headers = { cookie: cookie.split(';')[0]! };
    const again = await app.inject({ url: '/api/v1/staff/session', headers });
    t.same([again.statusCode, again.json().csrfToken], [200, response.json().csrfToken], 'a reload finds the session');
    const noCsrf = await app.inject({ method: 'DELETE', url: '/api/v1/staff/session', headers });
    t.same([noCsrf.statusCode, noCsrf.json().code], [403, 'csrf_required'], 'logout without the CSRF token');
    const out = await app.inject({
      method: 'DELETE',
      url: '/api/v1/staff/session',
      headers: { ...headers, 'x-csrf-token': response.json().csrfToken },
    });
    t.equal(out.statusCode, 204);
    t.match(String(out.headers['set-cookie']), /balie_staff=;/, 'the cookie is cleared');
    const after = await app.inject({ url: '/api/v1/staff/session', headers });
    t.same([after.statusCode, after.json().code], [401, 'session_required'], 'the old cookie opens nothing');
  });

  t.test('an unknown e-mail and a wrong password get the same answer', async (t) => {
    const unknown = await app.inject(login({ email: 'niemand@stadswaard.demo', password: DEMO_PASSWORD }));
    const wrong = await app.inject(login({ email: 'balie@stadswaard.demo', password: 'not the password' }));
    t.same([unknown.statusCode, wrong.statusCode], [401, 401]);
    const strip = (body: { requestId?: string }) => ({ ...body, requestId: undefined });
    t.same(strip(unknown.json()), strip(wrong.json()));
    t.equal(wrong.json().code, 'login_failed');
    t.match(wrong.headers['content-type'], /problem\+json/);
    t.match(wrong.json().detail, /e-mailadres of het wachtwoord klopt niet/);
  });

  t.test('the 11th wrong password in a minute pauses the account; the right one after the pause works', async (t) => {
    clock.set('2026-12-01T08:00:00Z');
    for (let i = 1; i <= 10; i++) {
      const response = await app.inject(login({ email: 'beheer@stadswaard.demo', password: `wrong ${i}` }, '10.8.1.1'));
      t.equal(response.statusCode, 401, `wrong password ${i}`);
    }
    clock.set('2026-12-01T08:00:30Z');
    const paused = await app.inject(login({ email: 'beheer@stadswaard.demo', password: DEMO_PASSWORD }, '10.8.1.2'));
    t.equal(paused.statusCode, 429, 'paused, even with the right password, from another address');
    t.equal(paused.json().code, 'login_paused');
    t.equal(paused.headers['retry-after'], '30');
    clock.set('2026-12-01T08:01:01Z');
    const late = await app.inject(login({ email: 'beheer@stadswaard.demo', password: 'wrong 11' }, '10.8.1.1'));
    t.equal(late.statusCode, 401, 'after the pause a try is checked again');
    const longer = await app.inject(login({ email: 'beheer@stadswaard.demo', password: DEMO_PASSWORD }, '10.8.1.1'));
    t.same([longer.statusCode, longer.headers['retry-after']], [429, '120'], 'and the next pause is twice as long');
    clock.set('2026-12-01T08:03:02Z');
    const right = await app.inject(login({ email: 'beheer@stadswaard.demo', password: DEMO_PASSWORD }, '10.8.1.1'));
    t.equal(right.statusCode, 200, 'the right password after the pause');
    const wrongAgain = await app.inject(login({ email: 'beheer@stadswaard.demo', password: 'x' }, '10.8.1.1'));
    t.equal(wrongAgain.statusCode, 401, 'a good login starts the count again');
    const others = await app.inject(login({ email: 'balie@stadswaard.demo', password: DEMO_PASSWORD }, '10.8.1.1'));
    t.equal(others.statusCode, 200, 'another account from the same address is not paused');
  });

  t.test('idle for a shift, or past the absolute end: the session is over', async (t) => {
    clock.set('2026-12-02T07:00:00Z');
    const client = await loginAs(app, 'balie@stadswaard.demo');
    const check = () => client.inject({ url: '/api/v1/staff/session' });
    for (let hour = 1; hour <= 11; hour++) {
      clock.set(new Date(Date.parse('2026-12-02T07:00:00Z') + hour * 3_600_000).toISOString());
      t.equal((await check()).statusCode, 200, `working, hour ${hour}`);
    }
    clock.set('2026-12-02T19:00:01Z');
    t.equal((await check()).statusCode, 401, 'twelve hours after logging in');

    clock.set('2026-12-03T07:00:00Z');
    const idle = await loginAs(app, 'balie@stadswaard.demo');
    const seen = () => idle.inject({ url: '/api/v1/staff/session' }).then((r) => r.statusCode);
    clock.set('2026-12-03T14:59:00Z');
    t.equal(await seen(), 200, 'seven hours 59 without a request');
    clock.set('2026-12-03T18:58:00Z');
    t.equal(await seen(), 200, 'a request resets the idle clock');
    clock.set('2026-12-04T07:00:00Z');
    const away = await loginAs(app, 'balie@stadswaard.demo');
    clock.set('2026-12-04T15:00:30Z');
    t.equal((await away.inject({ url: '/api/v1/staff/session' })).statusCode, 401, 'eight hours without a request');
  });

  t.test('an admin sets up the second factor first, then logs in with a code that works once', async (t) => {
    clock.set('2026-12-05T09:00:00Z');
    const first = await loginAs(app, 'admin@stadswaard.demo');
    t.equal(first.body.secondFactor, 'setup_required');
    const blocked = await first.inject({ url: '/api/v1/staff/users' });
    t.same([blocked.statusCode, blocked.json().code], [403, 'second_factor_setup_required']);
    const { client, secret, recoveryCodes } = await loginWithSecondFactorSetUp(app, 'admin@stadswaard.demo', clock);
    t.equal(recoveryCodes.length, 10);
    t.match(recoveryCodes[0], /^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);
    t.equal((await client.inject({ url: '/api/v1/staff/users' })).statusCode, 200, 'now the admin may work');
    t.equal((await first.inject({ url: '/api/v1/staff/users' })).statusCode, 200, 'so may the first session');
    const [row] = await queryRows<{ totp_secret: string; recovery_codes: string[] }>(
      database.db,
      sql`select totp_secret, recovery_codes from staff_users where email = 'admin@stadswaard.demo'`,
    );
    t.notOk(row!.totp_secret.includes(secret), 'the secret is sealed in the database');
    t.notOk(row!.recovery_codes.includes(recoveryCodes[0]!), 'recovery codes are kept as digests');

    clock.set('2026-12-05T09:01:00Z');
    const without = await app.inject(login({ email: 'admin@stadswaard.demo', password: DEMO_PASSWORD }, '10.8.2.1'));
    t.same([without.statusCode, without.json().code], [401, 'second_factor_required']);
    const code = codeAt(secret, clock);
    const withCode = await app.inject(login({ email: 'admin@stadswaard.demo', password: DEMO_PASSWORD, code }));
    t.same([withCode.statusCode, withCode.json().secondFactor], [200, 'on']);
    const reused = await app.inject(login({ email: 'admin@stadswaard.demo', password: DEMO_PASSWORD, code }));
    t.same([reused.statusCode, reused.json().code], [401, 'second_factor_wrong'], 'the same code twice');
    const recovery = { email: 'admin@stadswaard.demo', password: DEMO_PASSWORD, code: recoveryCodes[3] };
    t.equal((await app.inject(login(recovery))).statusCode, 200, 'a recovery code');
    t.equal((await app.inject(login(recovery))).statusCode, 401, 'works once');
  });
});

t.test('over https the cookie is Secure', async (t) => {
  const { database, drop } = await freshDatabase('pglite');
  const app = await buildApp({
    config: testConfig({ PUBLIC_BASE_URL: 'https://afspraken.stadswaard.nl' }),
    database,
    clock: new TestClock().now,
    logger: false,
  });
  t.teardown(async () => {
    await app.close();
    await drop();
  });
  const response = await app.inject(login({ email: 'balie@stadswaard.demo', password: DEMO_PASSWORD }));
  t.match(String(response.headers['set-cookie']), /; Secure/);
});
