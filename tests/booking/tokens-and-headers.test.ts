// Headers and tokens: security headers on every answer, no-store on personal data, no token in any address the
// service hands out, and the manage link sent again to a resident who lost the e-mail.
import { sql } from 'drizzle-orm';
import t from 'tap';
import { createMailer } from '../../src/notify/mailer.js';
import { processOutbox } from '../../src/notify/outbox-worker.js';
import { queryRows } from '../../src/platform/database/database.js';
import { onEachDatabase, testConfig } from '../helpers/app.js';
import { parseCalendar } from '../helpers/ical.js';
import { startSmtp } from '../helpers/smtp.js';

const booking = {
  location: 'stadskantoor',
  items: [{ service: 'paspoort', persons: 1 }],
  start: '2026-12-01T09:00:00+01:00',
  name: 'Sanne Token',
  email: 'Sanne.Token@example.nl',
};

onEachDatabase(t, async (t, { app, database, clock }) => {
  clock.set('2026-11-30T08:00:00Z');
  const booked = await app.inject({ method: 'POST', url: '/api/v1/appointments', payload: booking });
  const { reference, manageToken, calendarUrl, manageUrl } = booked.json();
  const auth = { authorization: `Bearer ${manageToken}` };

  t.test('security headers on API answers, pages and /docs', async (t) => {
    for (const url of ['/api/v1/municipalities', '/health/live', '/widget/balie.js', '/docs', '/afspraak/K7M-4QX']) {
      const response = await app.inject({ url });
      t.ok(response.statusCode < 400, `${url} ${response.statusCode}`);
      t.equal(response.headers['x-content-type-options'], 'nosniff', `${url} nosniff`);
      t.equal(response.headers['referrer-policy'], 'no-referrer', `${url} no-referrer`);
      t.match(response.headers['content-security-policy'], /default-src 'none'|default-src 'self'/, `${url} CSP`);
      t.equal(response.headers['cross-origin-resource-policy'], 'cross-origin', `${url} usable by municipal sites`);
    }
    t.match(
      (await app.inject({ url: '/api/v1/municipalities' })).headers['content-security-policy'],
      /frame-ancestors 'none'/,
    );
    t.notOk(
      (await app.inject({ url: '/api/v1/municipalities' })).headers['strict-transport-security'],
      'no HSTS over plain http',
    );
  });

  t.test('every answer with personal data says no-store', async (t) => {
    t.equal(booked.headers['cache-control'], 'no-store', 'the booking');
    const read = await app.inject({ url: `/api/v1/appointments/${reference}`, headers: auth });
    t.equal(read.headers['cache-control'], 'no-store', 'the appointment');
    const wrong = await app.inject({
      url: `/api/v1/appointments/${reference}`,
      headers: { authorization: 'Bearer x' },
    });
    t.equal(wrong.headers['cache-control'], 'no-store', 'and its refusal');
  });

  t.test(
    'no token in any address: the calendar comes with the header; the file names the page, not the token',
    async (t) => {
      t.notOk(String(calendarUrl).includes(manageToken), 'calendarUrl carries no token');
      t.notOk(String(calendarUrl).includes('?'), 'nor any query');
      t.ok(String(manageUrl).endsWith(`#${manageToken}`), 'the manage link has it in the fragment only');
      const path = new URL(calendarUrl).pathname;
      t.equal((await app.inject({ url: path })).statusCode, 404, 'without the token: 404');
      const file = await app.inject({ url: path, headers: auth });
      t.equal(file.statusCode, 200);
      t.match(file.headers['content-type'], /text\/calendar/);
      t.notOk(file.body.includes(manageToken), 'the calendar file holds no token');
      const { event } = parseCalendar(file.body);
      t.match(event.description, `http://balie.test/afspraak/${reference}`);
      const legacy = await app.inject({ url: `${path}?token=${encodeURIComponent(manageToken)}` });
      t.equal(legacy.statusCode, 200, 'links made before with ?token= still work (deprecated)');
    },
  );

  t.test('send-link: always 202, one e-mail to the own address only, at most one in ten minutes', async (t) => {
    const ask = (ref: string, email: string, language = 'nl') =>
      app.inject({
        method: 'POST',
        url: `/api/v1/appointments/${ref}/send-link`,
        headers: { 'accept-language': language },
        payload: { email },
      });
    const links = async () =>
      (
        await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from outbox o join appointments a on a.id = o.appointment_id
            where a.reference = ${reference} and o.kind = 'link'`,
        )
      )[0]!.n;
    const wrongAddress = await ask(reference, 'iemand.anders@example.nl');
    const unknown = await ask('AAA-AAA', booking.email);
    const right = await ask(reference.toLowerCase(), 'sanne.token@EXAMPLE.nl');
    t.same([wrongAddress.statusCode, unknown.statusCode, right.statusCode], [202, 202, 202]);
    t.equal(wrongAddress.body, right.body, 'the same answer whether the address fits or not');
    t.match(right.json().message, /e-mail/);
    t.match((await ask(reference, booking.email, 'en')).json().message, /If this e-mail address belongs/);
    t.equal(await links(), 1, 'one link e-mail queued, for the right address only');
    clock.set('2026-11-30T08:11:00Z');
    t.equal((await ask(reference, booking.email)).statusCode, 202);
    t.equal(await links(), 2, 'ten minutes on, another');
    const bad = await ask(reference, 'not an address');
    t.equal(bad.statusCode, 400);

    const smtp = await startSmtp();
    t.teardown(smtp.close);
    const mailer = createMailer(testConfig({ SMTP_URL: smtp.url }), { info: () => {} });
    t.teardown(() => mailer.close());
    await processOutbox(app.deps, mailer, { limit: 50 });
    const sent = smtp.mails.filter((m) => m.subject?.startsWith('Je link voor de afspraak'));
    t.equal(sent.length, 2, 'both link e-mails went out');
    t.match(JSON.stringify(sent[0]!.to), booking.email, 'to the address of the appointment');
    t.ok(sent[0]!.text?.includes(manageUrl), 'with the manage link of the confirmation');
  });
});
