// The one rule for holds that ran out (src/claims/balie-release-expired-holds.sql): where a claim is wanted they are
// cancelled, in the wanting transaction, whoever wants the time: a booking, a hold, a move or a staff placement
// (listLiveClaims with releaseExpiredIn). Holds elsewhere, holds still running and the hold a booking keeps stay.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { listLiveClaims } from '../../src/claims/claims-store.js';
import { queryRows } from '../../src/platform/database/database.js';
import { onEachDatabase } from '../helpers/app.js';

const base = { location: 'stadskantoor', items: [{ service: 'paspoort', persons: 1 }] };
const hold = (app: FastifyInstance, start: string, n: number) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/holds',
    payload: { ...base, start },
    remoteAddress: `10.9.0.${n}`,
    headers: { 'x-balie-client': `release-test-client-${n}` },
  });

onEachDatabase(t, async (t, { app, database, clock }) => {
  const statusOf = async (ids: string[]) =>
    (
      await queryRows<{ id: string; status: string }>(
        database.db,
        sql`select id, status from appointments where id in ${ids} order by id`,
      )
    ).map((r) => r.status);
  const holdAll = async (start: string, from: number) => {
    const ids: string[] = [];
    for (let n = from; n < from + 3; n++) {
      const response = await hold(app, start, n);
      t.equal(response.statusCode, 201, response.body);
      ids.push(response.json().holdId);
    }
    return ids;
  };

  t.test('a new hold where three ran out: they are cancelled, and it takes a counter', async (t) => {
    clock.set('2026-11-30T08:00:00Z');
    const start = '2026-12-03T14:00:00+01:00';
    const old = await holdAll(start, 1);
    t.equal((await hold(app, start, 9)).statusCode, 409, 'every counter held');
    clock.set('2026-11-30T08:10:00Z');
    t.equal((await hold(app, start, 10)).statusCode, 201, 'ten minutes later');
    t.same(await statusOf(old), ['cancelled', 'cancelled', 'cancelled']);
  });

  t.test('a booking where every counter is held by holds that ran out: they are released, it takes one', async (t) => {
    clock.set('2026-11-30T08:30:00Z');
    const start = '2026-12-03T14:30:00+01:00';
    const old = await holdAll(start, 80);
    clock.set('2026-11-30T08:40:00Z');
    const booked = await app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      payload: { ...base, start, name: 'Inwoner Vrijgegeven', email: 'vrijgegeven@example.nl' },
      remoteAddress: '10.9.1.1',
    });
    t.equal(booked.statusCode, 201, booked.body);
    t.same(await statusOf(old), ['cancelled', 'cancelled', 'cancelled']);
  });

  t.test('a hold that grows (extra time) into holds that ran out on every counter: they go, it grows', async (t) => {
    clock.set('2026-11-30T09:30:00Z');
    const old = await holdAll('2026-12-04T10:10:00+01:00', 90);
    clock.set('2026-11-30T09:45:00Z');
    const own = await hold(app, '2026-12-04T10:00:00+01:00', 95);
    t.equal(own.statusCode, 201, own.body);
    const booked = await app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      payload: {
        holdId: own.json().holdId,
        name: 'Inwoner Langer',
        email: 'langer@example.nl',
        needs: { extraTime: true },
      },
      remoteAddress: '10.9.1.2',
    });
    t.equal(booked.statusCode, 201, booked.body);
    t.match(booked.json(), { start: '2026-12-04T10:00:00+01:00', end: '2026-12-04T10:20:00+01:00' });
    t.same(await statusOf(old), ['cancelled', 'cancelled', 'cancelled']);
  });

  t.test("a staff placement's read of the day releases what ran out in its span, and only that", async (t) => {
    clock.set('2026-11-30T09:00:00Z');
    const inSpan = await holdAll('2026-12-03T10:00:00+01:00', 20);
    const outside = await holdAll('2026-12-03T11:00:00+01:00', 30);
    clock.set('2026-11-30T09:10:00Z');
    const running = await holdAll('2026-12-03T10:30:00+01:00', 40);
    const [location] = await queryRows<{ id: number }>(
      database.db,
      sql`select id from locations where slug = 'stadskantoor'`,
    );
    const span = { start: Date.parse('2026-12-03T09:00:00Z'), end: Date.parse('2026-12-03T09:45:00Z') };
    const claims = await listLiveClaims(
      database.db,
      location!.id,
      new Date('2026-12-02T23:00:00Z'),
      new Date('2026-12-03T23:00:00Z'),
      clock.now(),
      { releaseExpiredIn: span },
    );
    t.same(await statusOf(inSpan), ['cancelled', 'cancelled', 'cancelled'], 'ran out, in the span');
    t.same(await statusOf(outside), ['held', 'held', 'held'], 'ran out, outside the span: left for the sweep');
    t.same(await statusOf(running), ['held', 'held', 'held'], 'still running');
    const listed = new Set(claims.map((c) => c.id));
    t.ok(
      running.every((id) => listed.has(id)) && ![...inSpan, ...outside].some((id) => listed.has(id)),
      'only running holds are listed',
    );
  });

  t.test(
    'holds that ran out are released by a span that starts inside them, not by one that touches them',
    async (t) => {
      clock.set('2026-11-30T11:00:00Z');
      const ids = await holdAll('2026-12-03T12:00:00+01:00', 60);
      const [held] = await queryRows<{ location_id: number; starts_at: string; ends_at: string }>(
        database.db,
        sql`select location_id, starts_at::text, ends_at::text from appointments where id = ${ids[0]}::uuid`,
      );
      const release = async (start: string, end: string) =>
        (
          await queryRows<{ released: number }>(
            database.db,
            sql`select balie_release_expired_holds(${held!.location_id}, ${start}::timestamptz, ${end}::timestamptz,
                '2026-11-30T11:20:00Z'::timestamptz) as released`,
          )
        )[0]!.released;
      const [span] = await queryRows<{ before: string; inside: string; after: string }>(
        database.db,
        sql`select (${held!.starts_at}::timestamptz - interval '20 minutes')::text as before,
            (${held!.ends_at}::timestamptz - interval '1 minute')::text as inside,
            (${held!.ends_at}::timestamptz + interval '1 hour')::text as after`,
      );
      t.equal(await release(held!.ends_at, span!.after), 0, 'a span that starts where the holds end');
      t.equal(await release(span!.before, held!.starts_at), 0, 'a span that ends where they start');
      t.same(await statusOf(ids), ['held', 'held', 'held']);
      t.equal(await release(span!.inside, span!.after), 3, 'a span that starts inside them');
      t.same(await statusOf(ids), ['cancelled', 'cancelled', 'cancelled']);
    },
  );

  t.test('the hold a booking turns into an appointment is kept; the count of released ones comes back', async (t) => {
    clock.set('2026-11-30T10:00:00Z');
    const ids = await holdAll('2026-12-03T15:00:00+01:00', 50);
    const [location] = await queryRows<{ id: number }>(
      database.db,
      sql`select id from locations where slug = 'stadskantoor'`,
    );
    const [row] = await queryRows<{ released: number }>(
      database.db,
      sql`select balie_release_expired_holds(${location!.id}, '2026-12-03T14:00:00Z'::timestamptz,
            '2026-12-03T14:10:00Z'::timestamptz, '2026-11-30T10:20:00Z'::timestamptz, ${ids[0]}::uuid) as released`,
    );
    t.equal(row!.released, 2);
    const statuses = await statusOf(ids);
    t.equal(statuses.filter((s) => s === 'cancelled').length, 2);
    const [kept] = await queryRows<{ status: string }>(
      database.db,
      sql`select status from appointments where id = ${ids[0]}::uuid`,
    );
    t.equal(kept!.status, 'held');
  });
});
