// No personal data in the logs: the log of bookings, of bad input and of a database that fails under a booking
// holds none of the resident's name, e-mail address, phone number or manage token.
import { Writable } from 'node:stream';
import t from 'tap';
import { buildApp } from '../../src/app/http-app.js';
import { safeError, safeMessage } from '../../src/platform/logging.js';
import { TestClock, testConfig } from '../helpers/app.js';
import { databaseKinds, freshDatabase } from '../helpers/databases.js';

const person = { name: 'Logregel Ünal-Jansen', email: 'logregel.persoon@example.nl', phone: '06 9876 5432' };
const booking = {
  location: 'stadskantoor',
  items: [{ service: 'paspoort', persons: 1 }],
  start: '2026-12-01T09:00:00+01:00',
  ...person,
  needs: { interpreter: 'Tigrinya' },
};

for (const kind of databaseKinds()) {
  t.test(kind, async (t) => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const { database, drop } = await freshDatabase(kind, { seed: true });
    const clock = new TestClock();
    const app = await buildApp({
      config: testConfig(),
      database,
      clock: clock.now,
      logger: { level: 'trace', stream },
    });
    t.teardown(async () => {
      await app.close().catch(() => {});
      await drop().catch(() => {});
    });
    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url, payload: payload as object, headers });

    const booked = await post('/api/v1/appointments', booking);
    t.equal(booked.statusCode, 201);
    const { reference, manageToken } = booked.json();
    const auth = { authorization: `Bearer ${manageToken}` };
    t.equal((await app.inject({ url: `/api/v1/appointments/${reference}`, headers: auth })).statusCode, 200);
    await app.inject({ url: `/api/v1/appointments/${reference}/calendar.ics?token=${manageToken}` });
    await post('/api/v1/appointments', booking, { 'idempotency-key': 'log-test' });

    // Bad input that carries the details: broken JSON, a NUL byte, a lone surrogate, a wrong token.
    await app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: { 'content-type': 'application/json' },
      payload: `{"name":"${person.name}","email":"${person.email}","phone":"${person.phone}",`,
    });
    await post('/api/v1/appointments', {
      ...booking,
      start: '2026-12-01T10:00:00+01:00',
      name: `${person.name}\u0000`,
    });
    await post('/api/v1/appointments', {
      ...booking,
      start: '2026-12-01T10:20:00+01:00',
      name: `${person.name}\ud800`,
    });
    await app.inject({
      url: `/api/v1/appointments/${reference}`,
      headers: { authorization: `Bearer x${manageToken}` },
    });

    // The database goes away under a booking and a readiness check.
    await database.close();
    const failed = await post('/api/v1/appointments', { ...booking, start: '2026-12-01T11:00:00+01:00' });
    t.ok(failed.statusCode >= 500, `a booking without a database fails (${failed.statusCode})`);
    await app.inject({ url: '/health/ready' });
    if (kind === 'postgres') {
      // The health check notices by itself; its 503s may answer requests before they reach the error handler,
      // so the outage is logged once by itself, with its cause.
      const deadline = Date.now() + 5000;
      while (!lines.some((l) => l.includes('"msg":"database unavailable"')) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const outage = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'database unavailable' && !l.reqId);
      t.ok(outage?.err?.stack, 'the health check logs the outage with its cause');
    }

    const log = lines.join('\n');
    const errors = lines.map((l) => JSON.parse(l)).filter((l) => l.level >= 40 && l.err);
    t.ok(errors.length >= 1, `the failures are logged (${errors.length} lines with an error, ${lines.length} in all)`);
    t.ok(
      errors.some((l) => l.err.type && l.err.stack.includes('    at ')),
      'with the kind of error and where it happened',
    );
    for (const [what, value] of Object.entries({ ...person, token: manageToken, interpreter: 'Tigrinya' })) {
      t.notOk(log.includes(value), `no ${what} in the log`);
    }
    t.notOk(log.toLowerCase().includes(person.email.toLowerCase()), 'not even in lower case');
    t.notOk(log.includes('params:'), "no query's parameters");
  });
}

t.test('safeMessage and safeError keep the kind of failure and drop the values', async (t) => {
  t.equal(
    safeMessage(`Failed query: select * from balie_book($1, $2)\nparams: Jan,jan@example.nl`),
    'Failed query: select * from balie_book($1, $2)',
  );
  t.equal(safeMessage(`Unexpected token 'x', "{"name":"Jan de Vries"}" is not valid JSON`), "Unexpected token 'x',");
  t.equal(
    safeMessage("Can't send mail - all recipients were rejected: 550 <jan@example.nl> unknown"),
    "Can't send mail - all recipients were rejected: 550 <[e-mail]> unknown",
  );
  const wrapped = new Error('Failed query: insert\nparams: Jan', {
    cause: Object.assign(new Error('invalid input syntax for type uuid: "Jan"'), { code: '22P02', query: 'x' }),
  });
  const logged = safeError(wrapped);
  t.match(logged, { type: 'Error', message: 'Failed query: insert', code: '22P02' });
  t.equal(logged.cause?.message, 'invalid input syntax for type uuid:');
  t.notOk(JSON.stringify(logged).includes('Jan'));
});
