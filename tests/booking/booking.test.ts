import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { queryRows } from '../../src/platform/database/database.js';
import { onEachDatabase } from '../helpers/app.js';

const base = { location: 'stadskantoor', items: [{ service: 'paspoort', persons: 1 }] };
const person = (n: number) => ({ name: `Inwoner ${n}`, email: `inwoner${n}@example.nl` });
/** Two digits, for times written out in a test. */
const two = (n: number) => String(n).padStart(2, '0');

/** A request from its own client address, so that the per-client limit does not get in the way of a race. */
const post = (app: FastifyInstance, url: string, payload: unknown, n = 0, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers,
    remoteAddress: `10.0.${Math.floor(n / 250)}.${n % 250}`,
  });

onEachDatabase(
  t,
  async (t, { app, database, clock }) => {
    clock.set('2026-11-30T08:00:00Z'); // Monday 09:00 in Amsterdam
    const overlaps = async () =>
      (
        await queryRows<{ n: number }>(
          database.db,
          sql`
    select count(*)::int as n from appointments a join appointments b on a.counter_id = b.counter_id and a.id < b.id
    where a.status in ('held','booked','checked_in','serving') and b.status in ('held','booked','checked_in','serving')
      and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')`,
        )
      )[0]!.n;
    const availableAt = async (location: string, items: string, date: string, start: string) => {
      const res = await app.inject({
        url: `/api/v1/availability?location=${location}&items=${items}&from=${date}&to=${date}`,
      });
      return res.json().days[0].slots.find((s: { start: string }) => s.start === start)?.available;
    };
    const book = async (start: string, n: number, extra: object = {}) =>
      post(app, '/api/v1/appointments', { ...base, start, ...person(n), ...extra }, n);

    t.test(
      'hold, then book from the hold: the time is taken once, with a reference and a token returned once',
      async (t) => {
        const hold = await post(app, '/api/v1/holds', {
          ...base,
          items: [{ service: 'paspoort', persons: 2 }],
          start: '2026-12-01T09:00:00+01:00',
        });
        t.equal(hold.statusCode, 201);
        t.match(hold.json(), {
          start: '2026-12-01T09:00:00+01:00',
          end: '2026-12-01T09:20:00+01:00',
          expiresAt: '2026-11-30T09:10:00+01:00',
        });
        t.equal(
          await availableAt('stadskantoor', 'paspoort:2', '2026-12-01', '2026-12-01T09:00:00+01:00'),
          2,
          'the hold takes a counter',
        );
        const booked = await post(app, '/api/v1/appointments', {
          holdId: hold.json().holdId,
          ...person(1),
          phone: '+31 6 12345678',
          language: 'en',
        });
        t.equal(booked.statusCode, 201);
        const body = booked.json();
        t.match(body.reference, /^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
        t.notMatch(body.reference, /[0O1IL]/, 'no characters that look alike');
        t.ok(body.manageToken.length >= 43, '256 bits');
        t.equal(
          body.manageUrl,
          `http://balie.test/afspraak/${body.reference}?gemeente=stadswaard&taal=${body.language}#${body.manageToken}`,
          'the token is in the fragment only; the municipality and the language in the query',
        );
        t.same(
          [body.status, body.start, body.items],
          ['booked', '2026-12-01T09:00:00+01:00', [{ service: 'paspoort', persons: 2, name: 'Paspoort aanvragen' }]],
        );
        const [row] = await queryRows<{ manage_token_hash: string; n: number }>(
          database.db,
          sql`select manage_token_hash, (select count(*)::int from appointments) as n from appointments where
            reference = ${body.reference}`,
        );
        t.not(row!.manage_token_hash, body.manageToken, 'stored only as a hash');
        t.equal(row!.manage_token_hash.length, 64);
        t.equal(
          await availableAt('stadskantoor', 'paspoort:2', '2026-12-01', '2026-12-01T09:00:00+01:00'),
          2,
          'booking the hold takes no second counter',
        );

        const view = await app.inject({
          url: `/api/v1/appointments/${body.reference}`,
          headers: { authorization: `Bearer ${body.manageToken}` },
        });
        t.equal(view.statusCode, 200);
        t.equal(view.json().email, 'inwoner1@example.nl');
        t.equal(view.json().manageToken, undefined, 'never returned again');
        const wrong = await app.inject({
          url: `/api/v1/appointments/${body.reference}`,
          headers: { authorization: 'Bearer nope' },
        });
        const unknown = await app.inject({
          url: '/api/v1/appointments/AAA-AAA',
          headers: { authorization: `Bearer ${body.manageToken}` },
        });
        const malformed = await app.inject({
          url: '/api/v1/appointments/x',
          headers: { authorization: `Bearer ${body.manageToken}` },
        });
        t.same([wrong.statusCode, unknown.statusCode, malformed.statusCode], [404, 404, 404]);
        t.equal(wrong.json().detail, unknown.json().detail, 'a wrong token and an unknown reference look the same');
      },
    );

    t.test(
      '200 residents race for one time at a location with 3 counters: exactly 3 get it, the rest a 409 with ' +
        'alternatives',
      async (t) => {
        const start = '2026-12-02T10:00:00+01:00';
        const results = await Promise.all(Array.from({ length: 200 }, (_, i) => book(start, 1000 + i)));
        const statuses = results.map((r) => r.statusCode);
        t.equal(statuses.filter((s) => s === 201).length, 3);
        t.equal(statuses.filter((s) => s === 409).length, 197);
        t.equal(statuses.filter((s) => s >= 500).length, 0, 'no 5xx');
        t.equal(await overlaps(), 0, 'no overlapping rows (checked in SQL)');
        const conflict = results.find((r) => r.statusCode === 409)!.json();
        t.equal(conflict.code, 'time_taken');
        t.equal(conflict.alternatives.length, 3);
        t.same(
          conflict.alternatives.map((a: { start: string }) => a.start),
          ['2026-12-02T09:50:00+01:00', '2026-12-02T10:10:00+01:00', '2026-12-02T09:40:00+01:00'],
          'nearest first',
        );
      },
    );

    t.test('holds race the same way, and a mix of holds and bookings never gets more than the counters', async (t) => {
      const holds = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          post(app, '/api/v1/holds', { ...base, start: '2026-12-03T11:00:00+01:00' }, 2000 + i),
        ),
      );
      t.equal(holds.filter((r) => r.statusCode === 201).length, 3);
      t.equal(holds.filter((r) => r.statusCode >= 500).length, 0);
      const mixed = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          i % 2
            ? post(app, '/api/v1/holds', { ...base, start: '2026-12-03T14:00:00+01:00' }, 3000 + i)
            : book('2026-12-03T14:00:00+01:00', 3000 + i),
        ),
      );
      t.equal(mixed.filter((r) => r.statusCode === 201).length, 3);
      t.equal(mixed.filter((r) => r.statusCode >= 500).length, 0);
      t.equal(await overlaps(), 0);
    });

    t.test(
      'staggered, overlapping times of different lengths race across quarter hours without a deadlock or an overlap',
      async (t) => {
        // Starts every 10 minutes from 09:00 to 10:50 and 1–3 persons (10–30 minutes): neighbours overlap across the
        // quarter-hour locks, so this is where a wrong lock order would deadlock on PostgreSQL.
        const requests = Array.from({ length: 180 }, (_, i) =>
          post(
            app,
            '/api/v1/appointments',
            {
              location: 'stadskantoor',
              items: [{ service: 'paspoort', persons: 1 + (i % 3) }],
              start: `2026-12-17T${two(9 + Math.floor((i % 12) / 6))}:${two((i % 6) * 10)}:00+01:00`,
              ...person(7000 + i),
            },
            7000 + i,
          ),
        );
        const results = await Promise.all(requests);
        t.equal(results.filter((r) => r.statusCode >= 500).length, 0, 'no 5xx');
        t.same([...new Set(results.map((r) => r.statusCode))].sort(), [201, 409]);
        t.equal(await overlaps(), 0, 'no overlap, checked in SQL');
        const booked = results.filter((r) => r.statusCode === 201).length;
        const [row] = await queryRows<{ n: number }>(
          database.db,
          sql`
      select count(*)::int as n from appointments where status = 'booked' and starts_at >= '2026-12-17T08:00:00Z' and
        starts_at < '2026-12-17T10:00:00Z'`,
        );
        t.equal(row!.n, booked, 'every 201 is one row');
      },
    );

    t.test('an expired hold never blocks anyone', async (t) => {
      const start = '2026-12-03T15:00:00+01:00';
      for (let i = 0; i < 3; i++)
        t.equal((await post(app, '/api/v1/holds', { ...base, start }, 4000 + i)).statusCode, 201);
      t.equal((await book(start, 4010)).statusCode, 409, 'all three counters held');
      clock.set('2026-11-30T08:10:00Z');
      t.equal((await book(start, 4011)).statusCode, 201, 'ten minutes later the holds are gone');
      clock.set('2026-11-30T08:00:00Z');
    });

    t.test('20 requests at once with one Idempotency-Key: one appointment, 20 identical answers', async (t) => {
      const payload = { ...base, start: '2026-12-04T09:30:00+01:00', ...person(5000) };
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          post(app, '/api/v1/appointments', payload, 5000 + i, {
            'idempotency-key': 'b7d1c1f0-0c1e-4b0a-9d44-1a2b3c4d5e6f',
          }),
        ),
      );
      t.same([...new Set(results.map((r) => r.statusCode))], [201]);
      t.equal(new Set(results.map((r) => r.body)).size, 1, 'the same body every time');
      const [row] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from appointments where email = 'inwoner5000@example.nl'`,
      );
      t.equal(row!.n, 1);
      const other = await post(app, '/api/v1/appointments', { ...payload, name: 'Iemand anders' }, 5100, {
        'idempotency-key': 'b7d1c1f0-0c1e-4b0a-9d44-1a2b3c4d5e6f',
      });
      t.equal(other.statusCode, 422);
      t.equal(other.json().code, 'idempotency_key_reused');
    });

    t.test(
      'a double click without a key is answered with the first booking; a minute later it is a new one',
      async (t) => {
        const payload = { ...base, start: '2026-12-04T10:30:00+01:00', ...person(5200) };
        const [first, second] = [
          await post(app, '/api/v1/appointments', payload, 5200),
          await post(app, '/api/v1/appointments', payload, 5201),
        ];
        t.equal(first.statusCode, 201);
        t.equal(second.body, first.body);
        clock.set('2026-11-30T08:01:01Z');
        const later = await post(app, '/api/v1/appointments', payload, 5202);
        t.not(later.json().reference, first.json().reference, 'not a double click any more');
        const again = await post(app, '/api/v1/appointments', payload, 5203);
        t.equal(again.body, later.body, 'and a click right after it has the new answer (the key written again)');
        clock.set('2026-11-30T08:00:00Z');
      },
    );

    t.test(
      'move: the new time is taken, the old one is free, the sequence goes up; a taken time changes nothing',
      async (t) => {
        const booked = (await book('2026-12-07T09:00:00+01:00', 6000)).json();
        const auth = { authorization: `Bearer ${booked.manageToken}` };
        const before = await availableAt('stadskantoor', 'paspoort', '2026-12-07', '2026-12-07T09:00:00+01:00');
        const moved = await app.inject({
          method: 'POST',
          url: `/api/v1/appointments/${booked.reference}/reschedule`,
          headers: auth,
          payload: { start: '2026-12-07T11:00:00+01:00' },
        });
        t.equal(moved.statusCode, 200);
        t.same(
          [moved.json().reference, moved.json().start, moved.json().sequence],
          [booked.reference, '2026-12-07T11:00:00+01:00', 1],
        );
        t.equal(
          await availableAt('stadskantoor', 'paspoort', '2026-12-07', '2026-12-07T09:00:00+01:00'),
          before + 1,
          'the old time is free at once',
        );
        for (let i = 0; i < 3; i++) await book('2026-12-07T12:00:00+01:00', 6100 + i);
        const refused = await app.inject({
          method: 'POST',
          url: `/api/v1/appointments/${booked.reference}/reschedule`,
          headers: auth,
          payload: { start: '2026-12-07T12:00:00+01:00' },
        });
        t.equal(refused.statusCode, 409);
        t.equal(refused.json().alternatives.length, 3);
        const still = await app.inject({ url: `/api/v1/appointments/${booked.reference}`, headers: auth });
        t.same([still.json().start, still.json().sequence], ['2026-12-07T11:00:00+01:00', 1], 'the old time is kept');
        t.equal(await overlaps(), 0);
      },
    );

    t.test('50 moves race into one time with 3 free counters: 3 move, 47 keep their old time', async (t) => {
      const booked = await Promise.all(
        Array.from({ length: 50 }, async (_, i) =>
          (await book(`2026-12-08T${two(9 + Math.floor(i / 9))}:${two((i % 3) * 10)}:00+01:00`, 6500 + i)).json(),
        ),
      );
      const placed = booked.filter((b) => b.reference);
      const results = await Promise.all(
        placed.map((b) =>
          app.inject({
            method: 'POST',
            url: `/api/v1/appointments/${b.reference}/reschedule`,
            headers: { authorization: `Bearer ${b.manageToken}` },
            payload: { start: '2026-12-09T16:00:00+01:00' },
          }),
        ),
      );
      t.equal(results.filter((r) => r.statusCode === 200).length, 3);
      t.equal(results.filter((r) => r.statusCode === 409).length, placed.length - 3);
      t.equal(results.filter((r) => r.statusCode >= 500).length, 0);
      t.equal(await overlaps(), 0);
    });

    t.test(
      'cancel: the time is free at once, the sequence goes up, twice is harmless; each change queues one message',
      async (t) => {
        const booked = (await book('2026-12-10T09:00:00+01:00', 7000)).json();
        const auth = { authorization: `Bearer ${booked.manageToken}` };
        await app.inject({
          method: 'POST',
          url: `/api/v1/appointments/${booked.reference}/reschedule`,
          headers: auth,
          payload: { start: '2026-12-10T09:30:00+01:00' },
        });
        const before = await availableAt('stadskantoor', 'paspoort', '2026-12-10', '2026-12-10T09:30:00+01:00');
        const cancelled = await app.inject({
          method: 'POST',
          url: `/api/v1/appointments/${booked.reference}/cancel`,
          headers: auth,
        });
        t.same([cancelled.statusCode, cancelled.json().status, cancelled.json().sequence], [200, 'cancelled', 2]);
        t.equal(await availableAt('stadskantoor', 'paspoort', '2026-12-10', '2026-12-10T09:30:00+01:00'), before + 1);
        const again = await app.inject({
          method: 'POST',
          url: `/api/v1/appointments/${booked.reference}/cancel`,
          headers: auth,
        });
        t.same([again.statusCode, again.json().sequence], [200, 2]);
        const messages = await queryRows<{ kind: string; sequence: number }>(
          database.db,
          sql`
      select o.kind, o.sequence from outbox o join appointments a on a.id = o.appointment_id where a.reference =
        ${booked.reference} order by o.sequence`,
        );
        t.same(messages, [
          { kind: 'confirmation', sequence: 0 },
          { kind: 'moved', sequence: 1 },
          { kind: 'cancelled', sequence: 2 },
        ]);
        const move = await app.inject({
          method: 'POST',
          url: `/api/v1/appointments/${booked.reference}/reschedule`,
          headers: auth,
          payload: { start: '2026-12-10T10:00:00+01:00' },
        });
        t.same([move.statusCode, move.json().code], [409, 'not_changeable']);
      },
    );

    t.test('at most three live appointments per e-mail address per municipality', async (t) => {
      for (let i = 0; i < 3; i++)
        t.equal(
          (await book(`2026-12-11T${10 + i}:00:00+01:00`, 8000 + i, { email: 'veel@example.nl' })).statusCode,
          201,
        );
      const fourth = await book('2026-12-11T14:00:00+01:00', 8003, { email: 'Veel@Example.nl' });
      t.same([fourth.statusCode, fourth.json().code], [409, 'too_many_appointments']);
    });

    t.test('past, too soon, too far, off-grid and closed starts are 422 with the reason', async (t) => {
      const cases: [string, string][] = [
        ['2026-11-30T08:00:00+01:00', 'in_the_past'],
        ['2026-11-30T09:30:00+01:00', 'too_soon'],
        ['2027-06-01T10:00:00+02:00', 'too_far'],
        ['2026-12-01T10:05:00+01:00', 'off_grid'],
        ['2026-12-06T10:00:00+01:00', 'not_open_then'],
        ['2026-12-01T16:55:00Z', 'off_grid'],
        ['2026-12-01T16:50:00+01:00', 'not_open_then'],
      ];
      for (const [start, code] of cases) {
        const res = await book(start, 8100, { items: [{ service: 'paspoort', persons: 2 }] });
        t.same([res.statusCode, res.json().code], [422, code], start);
        t.equal(res.json().errors[0].field, 'start');
      }
    });

    t.test('extra time lengthens the appointment', async (t) => {
      const res = await book('2026-12-14T09:00:00+01:00', 8200, {
        needs: { extraTime: true, interpreter: 'Arabisch' },
      });
      t.same(
        [res.statusCode, res.json().end, res.json().needs],
        [201, '2026-12-14T09:10:00+01:00'.replace('09:10', '09:20'), { extraTime: true, interpreter: 'Arabisch' }],
      );
    });

    t.test(
      'a step-free need is kept when booking from a hold: the hold moves to a step-free desk, or the time is refused',
      async (t) => {
        const start = '2026-12-14T11:00:00+01:00';
        const hold = (await post(app, '/api/v1/holds', { ...base, start }, 8250)).json();
        const onStepFree = await post(
          app,
          '/api/v1/appointments',
          { holdId: hold.holdId, ...person(8250), needs: { stepFree: true } },
          8250,
        );
        t.equal(onStepFree.statusCode, 201);
        const [row] = await queryRows<{ step_free: boolean }>(
          database.db,
          sql`
      select c.step_free from appointments a join counters c on c.id = a.counter_id where a.reference =
        ${onStepFree.json().reference}`,
        );
        t.equal(row!.step_free, true);
        const taken = (await post(app, '/api/v1/holds', { ...base, start }, 8251)).json();
        const refused = await post(
          app,
          '/api/v1/appointments',
          { holdId: taken.holdId, ...person(8251), needs: { stepFree: true } },
          8251,
        );
        t.same(
          [refused.statusCode, refused.json().code],
          [409, 'time_taken'],
          'the only step-free desk for passports is taken',
        );
      },
    );

    t.test(
      'bad bodies get problems: malformed JSON, wrong type, too large, unknown fields, bad e-mail or phone',
      async (t) => {
        const raw = (payload: string, type = 'application/json') =>
          app.inject({
            method: 'POST',
            url: '/api/v1/appointments',
            payload,
            headers: { 'content-type': type },
            remoteAddress: '10.9.9.9',
          });
        t.equal((await raw('{"name":')).statusCode, 400);
        t.equal((await raw('name=x', 'application/x-www-form-urlencoded')).statusCode, 415);
        t.equal((await raw(JSON.stringify({ name: 'x'.repeat(40_000) }))).statusCode, 413);
        const fields = await book('2026-12-15T09:00:00+01:00', 8300, {
          email: 'niet-goed',
          phone: 'bel me',
          bsn: '123456782',
        });
        t.equal(fields.statusCode, 400);
        t.same(
          fields
            .json()
            .errors.map((e: { field: string }) => e.field)
            .sort(),
          ['body', 'email', 'phone'].sort(),
        );
        const missing = await post(app, '/api/v1/appointments', person(8301), 8301);
        t.same([missing.statusCode, missing.json().code], [400, 'missing_time']);
      },
    );

    t.test('feedback only after the visit', async (t) => {
      const booked = (await book('2026-12-16T09:00:00+01:00', 8400)).json();
      const auth = { authorization: `Bearer ${booked.manageToken}` };
      const early = await app.inject({
        method: 'POST',
        url: `/api/v1/appointments/${booked.reference}/feedback`,
        headers: auth,
        payload: { score: 5 },
      });
      t.same([early.statusCode, early.json().code], [409, 'feedback_too_early']);
      clock.set('2026-12-16T09:00:00Z');
      const given = await app.inject({
        method: 'POST',
        url: `/api/v1/appointments/${booked.reference}/feedback`,
        headers: auth,
        payload: { score: 4, comment: ' Vriendelijk geholpen ' },
      });
      t.same(given.json(), { reference: booked.reference, score: 4, comment: 'Vriendelijk geholpen' });
      const wrong = await app.inject({
        method: 'POST',
        url: `/api/v1/appointments/${booked.reference}/feedback`,
        headers: auth,
        payload: { score: 6 },
      });
      t.equal(wrong.statusCode, 400);
      clock.set('2026-11-30T08:00:00Z');
    });
  },
  { env: { RATE_LIMIT_PER_MINUTE: '1000' } },
);

onEachDatabase(
  t,
  async (t, { app, clock }) => {
    clock.set('2026-11-30T08:00:00Z');
    t.test('holds and bookings are limited per client: the 21st in a minute gets a 429 with Retry-After', async (t) => {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof app.inject>> | undefined;
      for (let i = 0; i < 21; i++) {
        last = await app.inject({
          method: 'POST',
          url: '/api/v1/holds',
          payload: { ...base, start: '2026-12-01T09:00:00+01:00' },
          remoteAddress: '10.1.1.1',
        });
        statuses.push(last.statusCode);
      }
      t.equal(statuses.filter((s) => s === 429).length, 1);
      t.equal(last!.statusCode, 429);
      t.ok(Number(last!.headers['retry-after']) > 0);
      t.equal(last!.json().code, 'too_many_requests');
    });
  },
  { seed: true, env: { RATE_LIMIT_PER_MINUTE: '20' } },
);
