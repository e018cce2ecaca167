// Retention (AVG): the resident's details go `retention_days` after the appointment ended or was cancelled, per
// municipality, in batches, idempotently; the anonymous statistics stay exactly as they were.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { housekeep } from '../../src/app/jobs.js';
import { eraseDuePersonalData } from '../../src/booking/retention.js';
import { type Executor, queryRows } from '../../src/platform/database/database.js';
import { onEachDatabase } from '../helpers/app.js';

const resident = (n: number) => ({
  name: `Retentie Inwoner ${n}`,
  email: `retentie${n}@example.nl`,
  phone: `06 1234 56${String(n).padStart(2, '0')}`,
  needs: { extraTime: true, interpreter: 'Tigrinya' },
});

/** Books, from a hold when `fromHold` (the hold remembers its client's digest, which goes too). */
async function book(
  app: FastifyInstance,
  location: string,
  service: string,
  start: string,
  n: number,
  fromHold = false,
) {
  const items = [{ service, persons: 1 }];
  const hold = fromHold
    ? (await app.inject({ method: 'POST', url: '/api/v1/holds', payload: { location, items, start } })).json()
    : {};
  return app.inject({
    method: 'POST',
    url: '/api/v1/appointments',
    headers: { 'idempotency-key': `retention-${n}` },
    payload: { location, items, start, holdId: hold.holdId, ...resident(n) },
  });
}

/** Rows that still hold something of a resident, by table. */
async function personalData(ex: Executor) {
  const [row] = await queryRows<{ appointments: number; comments: number; messages: number; answers: number }>(
    ex,
    sql`select
      (select count(*) from appointments where name is not null or email is not null or phone is not null
        or needs is not null or manage_token_hash is not null or manage_nonce is not null
        or email_key is not null or hold_client is not null)::int as appointments,
      (select count(*) from feedback where comment is not null)::int as comments,
      (select count(*) from outbox)::int as messages,
      (select count(*) from idempotency_keys where body::text ~ '@|Retentie|token')::int as answers`,
  );
  return row!;
}

/** The statistics that must survive: appointments per service, location, day and status; the feedback scores. */
async function statistics(ex: Executor) {
  return queryRows<{ service: string; location: string; day: string; status: string; n: number; scores: string }>(
    ex,
    sql`select s.slug as service, l.slug as location, to_char(a.starts_at, 'YYYY-MM-DD') as day, a.status,
        count(*)::int as n, coalesce(string_agg(f.score::text, ',' order by f.score), '') as scores
      from appointments a join appointment_items i on i.appointment_id = a.id join services s on s.id = i.service_id
        join locations l on l.id = a.location_id left join feedback f on f.appointment_id = a.id
      where a.kind = 'appointment' and a.status <> 'held'
      group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  );
}

const dataDir = mkdtempSync(join(tmpdir(), 'balie-retention-'));
t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));

onEachDatabase(
  t,
  async (t, { app, database, clock, config }) => {
    const { db } = database;
    clock.set('2026-11-30T08:00:00Z');

    t.test(
      'after the period nothing personal is left, the statistics are unchanged, and again changes nothing',
      async (t) => {
        const booked = [
          await book(app, 'stadskantoor', 'paspoort', '2026-12-01T09:00:00+01:00', 1),
          await book(app, 'stadskantoor', 'rijbewijs', '2026-12-02T10:00:00+01:00', 2),
          await book(app, 'stadskantoor', 'paspoort', '2026-12-03T11:00:00+01:00', 3),
          await book(app, 'gemeentehuis-veenhoven', 'paspoort', '2026-12-01T09:00:00+01:00', 4, true),
        ].map((r) => {
          t.equal(r.statusCode, 201, r.body);
          return r.json();
        });
        const auth = (i: number) => ({ authorization: `Bearer ${booked[i].manageToken}` });
        const cancelled = await app.inject({
          method: 'POST',
          url: `/api/v1/appointments/${booked[2].reference}/cancel`,
          headers: auth(2),
        });
        t.equal(cancelled.statusCode, 200, 'one is cancelled (on 30 November)');
        clock.set('2026-12-01T10:00:00Z');
        const feedback = await app.inject({
          method: 'POST',
          url: `/api/v1/appointments/${booked[0].reference}/feedback`,
          headers: auth(0),
          payload: { score: 4, comment: 'De medewerker Retentie was vriendelijk; bel me op 06 1234 5601' },
        });
        t.equal(feedback.statusCode, 200, 'one gives feedback with a comment');

        const before = await statistics(db);
        t.ok(before.length >= 3, 'statistics to compare');
        const kept = await personalData(db);
        t.same(
          { ...kept, messages: kept.messages > 0 },
          { appointments: 4, comments: 1, messages: true, answers: 0 },
          'kept',
        );

        clock.set('2026-12-29T12:00:00Z');
        t.same((await housekeep(app.deps)).erased, 0, 'within 30 days of the end or the cancellation nothing goes');
        clock.set('2026-12-30T09:00:00Z');
        t.same((await housekeep(app.deps)).erased, 1, 'the one cancelled on 30 November goes 30 days later');
        clock.set('2028-12-01T08:00:00Z');
        t.same((await housekeep(app.deps)).erased, 3, 'two years on, the rest');
        t.same(await personalData(db), { appointments: 0, comments: 0, messages: 0, answers: 0 }, 'nothing personal');
        t.same(await statistics(db), before, 'the statistics are what they were');
        t.same(await eraseDuePersonalData(app.deps), { erased: 0, comments: 0, messages: 0 }, 'again: nothing to do');

        const manage = await app.inject({ url: `/api/v1/appointments/${booked[1].reference}`, headers: auth(1) });
        t.equal(manage.statusCode, 404, 'the old manage link no longer opens the appointment');
        const [row] = await queryRows<{ erased: number }>(
          db,
          sql`select count(*)::int as erased from appointments where erased_at is not null`,
        );
        t.equal(row!.erased, 4, 'each erased appointment says when');
      },
    );

    t.test("each municipality's own period; thousands of appointments in batches", async (t) => {
      await db.execute(sql`update municipalities set retention_days = 7 where slug = 'veenhoven'`);
      // 1,250 finished appointments a year ago in each municipality, written directly (as years of use would).
      await db.execute(sql`
      insert into appointments (municipality_id, location_id, counter_id, starts_at, ends_at, status, reference, name,
        email, email_key, phone, manage_token_hash, manage_nonce)
      select l.municipality_id, l.id, c.id, ${'2027-06-01T08:00:00Z'}::timestamptz + make_interval(days => g % 300),
        ${'2027-06-01T08:10:00Z'}::timestamptz + make_interval(days => g % 300),
        'done', 'R' || l.id || '-' || g, 'Oud ' || g, 'oud' || g || '@example.nl', 'oud' || g || '@example.nl',
        '0612345678', md5(g::text), md5(g::text)
      from generate_series(1, 1250) g,
        (select distinct on (municipality_id) id, municipality_id from locations order by municipality_id, id) l,
        lateral (select id from counters where location_id = l.id order by id limit 1) c`);
      const veenhovenDue = '2027-06-01T08:10:00Z';
      clock.set(new Date(new Date(veenhovenDue).getTime() + 8 * 86_400_000).toISOString());
      const first = await eraseDuePersonalData(app.deps);
      const [left] = await queryRows<{ stadswaard: number; veenhoven: number }>(
        db,
        sql`select count(*) filter (where m.slug = 'stadswaard')::int as stadswaard,
          count(*) filter (where m.slug = 'veenhoven')::int as veenhoven
        from appointments a join municipalities m on m.id = a.municipality_id where a.name like 'Oud %'`,
      );
      t.equal(first.erased, 4, "Veenhoven's first day (4 of them) is past its 7 days; Stadswaard's 30 are not");
      t.same(left, { stadswaard: 1250, veenhoven: 1246 });
      clock.set('2029-01-01T00:00:00Z');
      t.equal((await eraseDuePersonalData(app.deps)).erased, 2496, 'the rest, in batches of 500');
      t.equal((await personalData(db)).appointments, 0);
    });

    t.test('the .eml mailbox keeps a week of messages', async (t) => {
      const folder = join(config.DATA_DIR, 'mail');
      mkdirSync(folder, { recursive: true });
      const now = new Date('2029-01-01T00:00:00Z');
      clock.set(now.toISOString());
      for (const [name, daysAgo] of [
        ['old.eml', 8],
        ['recent.eml', 6],
        ['notes.txt', 30],
      ] as const) {
        const file = join(folder, `retention-${name}`);
        writeFileSync(file, 'To: someone@example.nl\n');
        const at = new Date(now.getTime() - daysAgo * 86_400_000);
        utimesSync(file, at, at);
      }
      const { mailFilesPruned } = await housekeep(app.deps);
      t.equal(mailFilesPruned, 1);
      const left = readdirSync(folder).filter((n) => n.startsWith('retention-'));
      t.same(left.sort(), ['retention-notes.txt', 'retention-recent.eml'], 'only .eml files, only the old one');
    });
  },
  { env: { DATA_DIR: dataDir } },
);
