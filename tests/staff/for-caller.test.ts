// For a caller or a walk-in: staff book (also on a counter closed online, without e-mail, past the limit per address
// with an audited reason), move and cancel without a manage token, block a counter's time, and print the
// confirmation with a QR code of the reference.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { queryRows } from '../../src/platform/database/database.js';
import { onEachDatabase } from '../helpers/app.js';
import { loginAs, type StaffClient } from '../helpers/staff.js';

const call = (staff: StaffClient, url: string, payload: object) => staff.inject({ method: 'POST', url, payload });
const messagesOf = async (app: FastifyInstance, reference: string) =>
  (
    await queryRows<{ kind: string }>(
      app.deps.db,
      sql`select o.kind from outbox o join appointments a on a.id = o.appointment_id where a.reference = ${reference}
        order by o.kind`,
    )
  ).map((r) => r.kind);

onEachDatabase(t, async (t, { app, clock }) => {
  clock.set('2026-12-01T08:05:00Z'); // 09:05 in Amsterdam, a Tuesday
  const staff = await loginAs(app, 'balie@stadswaard.demo');
  const entriesOf = async (date: string) =>
    (await staff.inject({ url: `/api/v1/staff/locations/stadskantoor/day?date=${date}` }))
      .json()
      .counters.flatMap((c: { slug: string; entries: { counter: string }[] }) => c.entries);

  t.test('a caller without e-mail, on the counter closed to online booking, today', async (t) => {
    const response = await call(staff, '/api/v1/staff/appointments', {
      location: 'stadskantoor',
      items: [{ service: 'paspoort', persons: 1 }],
      start: '2026-12-01T11:00:00+01:00',
      counter: 'balie-5-vrije-inloop',
      name: 'Beller Zonder Mail',
      phone: '06 1111 2222',
      language: 'en',
      channel: 'phone',
    });
    t.equal(response.statusCode, 201, response.body);
    const booked = response.json();
    t.match(booked, { reference: /^[A-Z0-9]{3}-[A-Z0-9]{3}$/, email: null, language: 'en' });
    t.equal(booked.printUrl, `http://balie.test/balie/afspraken/${booked.reference}/afdruk`);
    t.same(await messagesOf(app, booked.reference), [], 'no e-mail to send');
    const entry = (await entriesOf('2026-12-01')).find((e: { reference: string }) => e.reference === booked.reference);
    t.match(entry, { counter: 'balie-5-vrije-inloop', channel: 'phone', name: 'Beller Zonder Mail' });

    const print = await staff.inject({ url: new URL(booked.printUrl).pathname });
    t.equal(print.statusCode, 200);
    t.match(print.headers['content-type'], /text\/html/);
    t.equal(print.headers['cache-control'], 'no-store');
    t.match(print.body, new RegExp(`<strong class="balie-reference">${booked.reference}</strong>`));
    t.match(print.body, /<svg/, 'a QR code of the reference');
    t.match(print.body, /Your appointment/, "in the resident's language");
    const anonymous = await app.inject({ url: new URL(booked.printUrl).pathname });
    t.equal(anonymous.statusCode, 401, 'the printout names the resident: only behind a session');
  });

  t.test('a walk-in takes the first free counter now', async (t) => {
    const response = await call(staff, '/api/v1/staff/appointments', {
      location: 'stadskantoor',
      items: [{ service: 'uittreksel-brp', persons: 1 }],
      name: 'Inloop',
      channel: 'counter',
    });
    t.equal(response.statusCode, 201, response.body);
    t.equal(response.json().start, '2026-12-01T09:06:00+01:00', 'from the next whole minute');
    const byPhone = await call(staff, '/api/v1/staff/appointments', {
      location: 'stadskantoor',
      items: [{ service: 'paspoort', persons: 1 }],
      name: 'Beller',
      channel: 'phone',
    });
    t.same([byPhone.statusCode, byPhone.json().code], [422, 'missing_time'], 'a caller needs a time');
  });

  t.test('past the limit per e-mail address only with a reason, which the audit log keeps', async (t) => {
    clock.set('2026-11-30T08:00:00Z');
    for (const day of ['02', '03', '04']) {
      const online = await app.inject({
        method: 'POST',
        url: '/api/v1/appointments',
        payload: {
          location: 'stadskantoor',
          items: [{ service: 'paspoort', persons: 1 }],
          start: `2026-12-${day}T10:00:00+01:00`,
          name: 'Vaak Bezoeker',
          email: 'vaak@example.nl',
        },
      });
      t.equal(online.statusCode, 201);
    }
    const again = await loginAs(app, 'balie@stadswaard.demo');
    const payload = {
      location: 'stadskantoor',
      items: [{ service: 'paspoort', persons: 1 }],
      start: '2026-12-07T10:00:00+01:00',
      name: 'Vaak Bezoeker',
      email: 'vaak@example.nl',
      channel: 'phone',
    };
    const refused = await call(again, '/api/v1/staff/appointments', payload);
    t.same([refused.statusCode, refused.json().code], [409, 'too_many_appointments']);
    const reason = 'Drie kinderen, elk een eigen afspraak';
    const allowed = await call(again, '/api/v1/staff/appointments', { ...payload, overrideReason: reason });
    t.equal(allowed.statusCode, 201, allowed.body);
    // The confirmation is queued with the booking; its reminder and feedback follow when it goes (notify tests).
    t.same(await messagesOf(app, allowed.json().reference), ['confirmation']);
    await app.deps.audit.flush(); // the answer goes out before its audit row is written
    const [row] = await queryRows<{ note: string }>(
      app.deps.db,
      sql`select note from staff_audit where action = 'staffBook' and status = 201 order by id desc limit 1`,
    );
    t.equal(row!.note, reason);
    clock.set('2026-12-01T08:05:00Z');
  });

  t.test('moving and cancelling for a caller need no manage token', async (t) => {
    clock.set('2026-11-30T08:00:00Z');
    const online = await app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      payload: {
        location: 'stadskantoor',
        items: [{ service: 'rijbewijs', persons: 1 }],
        start: '2026-12-08T10:00:00+01:00',
        name: 'Verzetter',
        email: 'verzet@example.nl',
      },
    });
    const reference = online.json().reference;
    const caller = await loginAs(app, 'balie@stadswaard.demo');
    const moved = await call(caller, `/api/v1/staff/appointments/${reference}/reschedule`, {
      start: '2026-12-08T14:00:00+01:00',
    });
    t.equal(moved.statusCode, 200, moved.body);
    t.equal(moved.json().start, '2026-12-08T14:00:00+01:00');
    t.ok((await messagesOf(app, reference)).includes('moved'), 'the resident hears of the move');
    const cancelled = await call(caller, `/api/v1/staff/appointments/${reference}/cancel`, { reason: 'Belde af' });
    t.same([cancelled.statusCode, cancelled.json().status], [200, 'cancelled']);
    t.ok((await messagesOf(app, reference)).includes('cancelled'), 'the resident hears of it');
    const twice = await call(caller, `/api/v1/staff/appointments/${reference}/reschedule`, {
      start: '2026-12-08T15:00:00+01:00',
    });
    t.equal(twice.statusCode, 409, 'a cancelled appointment does not move');
    clock.set('2026-12-01T08:05:00Z');
  });

  t.test('a block keeps a counter free; over a live appointment it names it', async (t) => {
    const block = (start: string, end: string, counter = 'balie-5-vrije-inloop') =>
      call(staff, '/api/v1/staff/blocks', { location: 'stadskantoor', counter, start, end, reason: 'Storing printer' });
    const over = await block('2026-12-01T10:30:00+01:00', '2026-12-01T11:30:00+01:00');
    t.equal(over.statusCode, 409);
    t.equal(over.json().code, 'block_over_appointments');
    t.equal(over.json().appointments.length, 1, 'the caller booked at 11:00 is in the way');
    const made = await block('2026-12-01T13:00:00+01:00', '2026-12-01T14:00:00+01:00');
    t.equal(made.statusCode, 201, made.body);
    t.match(made.json(), { kind: 'block', counter: 'balie-5-vrije-inloop', reason: 'Storing printer' });
    const day = await entriesOf('2026-12-01');
    t.ok(
      day.some((e: { id: string; kind: string }) => e.id === made.json().id && e.kind === 'block'),
      'in the day',
    );
    const booking = await call(staff, '/api/v1/staff/appointments', {
      location: 'stadskantoor',
      items: [{ service: 'paspoort', persons: 1 }],
      start: '2026-12-01T13:20:00+01:00',
      counter: 'balie-5-vrije-inloop',
      name: 'Te Laat',
      channel: 'phone',
    });
    t.same([booking.statusCode, booking.json().code], [409, 'time_taken'], 'the blocked time cannot be booked');
    const reversed = await block('2026-12-01T15:00:00+01:00', '2026-12-01T14:00:00+01:00');
    t.equal(reversed.statusCode, 400, 'an end before the start');
    const lifted = await staff.inject({ method: 'DELETE', url: `/api/v1/staff/blocks/${made.json().id}` });
    t.equal(lifted.statusCode, 204);
    const again = await staff.inject({ method: 'DELETE', url: `/api/v1/staff/blocks/${made.json().id}` });
    t.equal(again.statusCode, 404);
    const now = await call(staff, '/api/v1/staff/appointments', {
      location: 'stadskantoor',
      items: [{ service: 'paspoort', persons: 1 }],
      start: '2026-12-01T13:20:00+01:00',
      counter: 'balie-5-vrije-inloop',
      name: 'Nu Wel',
      channel: 'phone',
    });
    t.equal(now.statusCode, 201, 'free again once lifted');
  });
});
