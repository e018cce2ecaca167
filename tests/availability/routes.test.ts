import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import t from 'tap';
import { counters, locations, openingExceptions } from '../../db/schema.js';
import { buildApp } from '../../src/app/http-app.js';
import { AvailabilitySchema } from '../../src/availability/schemas.js';
import { openDatabase } from '../../src/platform/database/database.js';
import { onEachDatabase } from '../helpers/app.js';
import { insertClaim } from '../helpers/claims.js';
import { eventually } from '../helpers/eventually.js';

type Day = {
  date: string;
  open: boolean;
  reasonCode?: string;
  reason?: string;
  slots: { start: string; end: string; available: number }[];
};

onEachDatabase(t, async (t, { app, database, clock, config, kind }) => {
  const get = async (query: string, language = 'nl') => {
    const res = await app.inject({ url: `/api/v1/availability?${query}`, headers: { 'accept-language': language } });
    return { status: res.statusCode, body: res.json(), res };
  };
  const days = async (query: string, language = 'nl'): Promise<Day[]> => {
    const { status, body } = await get(query, language);
    if (status !== 200) throw new Error(JSON.stringify(body));
    return body.days;
  };
  const slot = (list: Day[], date: string, start: string) =>
    list.find((d) => d.date === date)!.slots.find((s) => s.start === start);
  /** Polls until `check` holds: the change feed reads it after commit, a moment later. */

  t.test('the answer matches the documented schema and names duration and zone', async (t) => {
    const { status, body, res } = await get(
      'location=stadskantoor&items=paspoort:2,rijbewijs:1&from=2026-12-01&to=2026-12-07',
    );
    t.equal(status, 200);
    t.match(res.headers['content-type'], /application\/json/);
    t.ok(AvailabilitySchema.safeParse(body).success);
    t.equal(body.durationMinutes, 30);
    t.equal(body.timezone, 'Europe/Amsterdam');
    t.equal(body.days.length, 7, 'every day of the range is there');
    const tuesday = body.days[0] as Day;
    t.same(tuesday.slots[0], { start: '2026-12-01T09:00:00+01:00', end: '2026-12-01T09:30:00+01:00', available: 3 });
    t.equal(
      tuesday.slots.at(-1)!.start,
      '2026-12-01T16:30:00+01:00',
      'the last start lets the whole half hour fit before 17:00',
    );
  });

  t.test(
    'a polling widget gets 304 with the ETag while nothing changed, and the new answer after a booking',
    async (t) => {
      clock.set('2026-11-30T08:00:00Z');
      const url = '/api/v1/availability?location=informatiepunt-zuid&items=paspoort&from=2026-12-07&to=2026-12-07';
      const first = await app.inject({ url });
      const etag = first.headers.etag as string;
      t.match(etag, /^"[\w-]+"$/);
      t.equal(first.headers['cache-control'], 'no-cache');
      const again = await app.inject({ url, headers: { 'if-none-match': etag } });
      t.same([again.statusCode, again.body], [304, '']);
      await insertClaim(database.db, {
        location: 'informatiepunt-zuid',
        counter: 'Balie Zuid',
        start: '2026-12-07T12:00:00Z',
        end: '2026-12-07T12:15:00Z',
      });
      t.ok(
        await eventually(
          async () => (await app.inject({ url, headers: { 'if-none-match': etag } })).statusCode === 200,
        ),
        'changed: a full answer again',
      );
    },
  );

  t.test('compressed as the client accepts: br first, else gzip, and the same JSON either way', async (t) => {
    clock.set('2026-11-30T08:00:00Z');
    const url = '/api/v1/availability?location=stadskantoor&items=paspoort&from=2026-12-07&to=2026-12-18';
    const plain = await app.inject({ url });
    t.equal(plain.headers['content-encoding'], undefined);
    const cases: [string, string | undefined][] = [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=0.5, br;q=0.8', 'br'],
      ['identity', undefined],
      ['zstd', undefined],
    ];
    for (const [accept, expected] of cases) {
      const res = await app.inject({ url, headers: { 'accept-encoding': accept } });
      t.equal(res.headers['content-encoding'], expected, accept);
      const body =
        expected === 'br'
          ? brotliDecompressSync(res.rawPayload)
          : expected === 'gzip'
            ? gunzipSync(res.rawPayload)
            : res.rawPayload;
      t.equal(body.toString('utf8'), plain.body, `${accept}: the same answer`);
      t.equal(res.headers.etag, plain.headers.etag);
      if (expected)
        t.ok(
          res.rawPayload.length < plain.rawPayload.length / 5,
          `${accept}: ${res.rawPayload.length} of ${plain.rawPayload.length} bytes`,
        );
    }
  });

  t.test('closed days say why: Christmas, a Sunday, a partial closure on Christmas Eve', async (t) => {
    const list = await days('location=stadskantoor&items=paspoort&from=2026-12-24&to=2026-12-27');
    t.equal(list[0]!.open, true);
    t.equal(list[0]!.slots.at(-1)!.start, '2026-12-24T12:50:00+01:00', 'closed from 13:00');
    t.same([list[1]!.open, list[1]!.reasonCode, list[1]!.reason], [false, 'holiday', 'Kerstmis']);
    t.same([list[2]!.reason, list[3]!.reason], ['Tweede kerstdag', 'Op zondag is de balie hier gesloten.']);
    const en = await days('location=stadskantoor&items=paspoort&from=2026-12-25&to=2026-12-27', 'en');
    t.same(
      en.map((d) => d.reason),
      ['Christmas Day', 'Boxing Day', 'The counter here is closed on Sunday.'],
    );
    const renovation = await days('location=informatiepunt-noord&items=paspoort&from=2027-01-14&to=2027-01-14');
    t.same([renovation[0]!.open, renovation[0]!.reason], [false, 'Gesloten wegens verbouwing']);
  });

  t.test('minimum notice, the past and the horizon are kept', async (t) => {
    clock.set('2026-11-30T08:00:00Z'); // Monday 09:00 in Amsterdam
    const list = await days('location=stadskantoor&items=paspoort&from=2026-11-29&to=2026-11-30');
    t.same([list[0]!.open, list[0]!.reasonCode], [false, 'past']);
    t.equal(list[1]!.slots[0]!.start, '2026-11-30T10:00:00+01:00', 'an hour of notice');
    const far = await days('location=stadskantoor&items=uittreksel-brp&from=2027-01-28&to=2027-02-01');
    t.same(
      far.map((d) => d.reasonCode ?? 'open'),
      ['open', 'open', 'beyond-horizon', 'beyond-horizon', 'beyond-horizon'],
      '60 days ahead at most',
    );
  });

  t.test('only counters that may serve every item count, and claims take their counter out', async (t) => {
    const passport = await days('location=stadskantoor&items=paspoort&from=2026-12-08&to=2026-12-08');
    t.equal(
      slot(passport, '2026-12-08', '2026-12-08T10:00:00+01:00')!.available,
      3,
      'the naturalisation desk does not do passports',
    );
    const before = await days('location=stadskantoor&items=naturalisatie&from=2026-12-08&to=2026-12-08');
    t.equal(
      slot(before, '2026-12-08', '2026-12-08T10:00:00+01:00')!.available,
      4,
      'Balie 1–3 and the naturalisation desk, not the walk-in desk',
    );
    await insertClaim(database.db, {
      location: 'stadskantoor',
      counter: 'Balie 4',
      start: '2026-12-08T09:00:00Z',
      end: '2026-12-08T09:20:00Z',
    });
    t.ok(
      await eventually(
        async () =>
          slot(
            await days('location=stadskantoor&items=naturalisatie&from=2026-12-08&to=2026-12-08'),
            '2026-12-08',
            '2026-12-08T10:00:00+01:00',
          )!.available === 3,
      ),
      'the cached day is dropped when the claim is committed',
    );
    const after = await days('location=stadskantoor&items=naturalisatie&from=2026-12-08&to=2026-12-08');
    t.equal(
      slot(after, '2026-12-08', '2026-12-08T09:00:00+01:00')!.available,
      4,
      'a claim ending at 10:20 does not touch 09:00–09:45',
    );
  });

  t.test('a full time shows 0; a hold counts until it runs out', async (t) => {
    clock.set('2026-11-30T08:00:00Z');
    for (const counter of ['Balie 1', 'Balie 2']) {
      await insertClaim(database.db, {
        location: 'stadskantoor',
        counter,
        start: '2026-12-09T10:00:00Z',
        end: '2026-12-09T10:30:00Z',
      });
    }
    await insertClaim(database.db, {
      location: 'stadskantoor',
      counter: 'Balie 3',
      start: '2026-12-09T10:00:00Z',
      end: '2026-12-09T10:10:00Z',
      status: 'held',
      holdExpiresAt: '2026-11-30T08:10:00Z',
    });
    const at = async () =>
      slot(
        await days('location=stadskantoor&items=paspoort&from=2026-12-09&to=2026-12-09'),
        '2026-12-09',
        '2026-12-09T11:00:00+01:00',
      )!.available;
    t.ok(await eventually(async () => (await at()) === 0));
    clock.set('2026-11-30T08:10:00Z');
    t.equal(await at(), 1, 'the expired hold no longer blocks anyone, without any write');
  });

  t.test('clocks forward on 2026-03-29 and back on 2026-10-25: wall-clock times with the right offset', async (t) => {
    const [office] = await database.db.select().from(locations).where(eq(locations.slug, 'stadskantoor'));
    for (const date of ['2026-03-29', '2026-10-25']) {
      await database.db.insert(openingExceptions).values({
        locationId: office!.id,
        date,
        kind: 'open',
        opens: '09:00',
        closes: '10:00',
        reasonNl: 'Extra open',
        reasonEn: 'Extra opening',
      });
    }
    clock.set('2026-03-20T08:00:00Z');
    // The extra openings reach the catalogue cache by the change feed, as another process's change would (within 2 s).
    const query = 'location=stadskantoor&items=paspoort:2&from=2026-03-28&to=2026-03-30';
    t.ok(await eventually(async () => (await days(query))[1]!.open === true), 'the extra opening is seen');
    const spring = await days(query);
    t.same(spring[0]!.reasonCode, 'not-open');
    t.same(
      spring[1]!.slots.map((s) => s.start),
      ['09:00', '09:10', '09:20', '09:30', '09:40'].map((hm) => `2026-03-29T${hm}:00+02:00`),
    );
    t.equal(spring[2]!.slots[0]!.start, '2026-03-30T09:00:00+02:00');
    clock.set('2026-10-20T08:00:00Z');
    const autumn = await days('location=stadskantoor&items=paspoort:2&from=2026-10-25&to=2026-10-26');
    t.same(
      autumn[0]!.slots.map((s) => s.end),
      ['09:20', '09:30', '09:40', '09:50', '10:00'].map((hm) => `2026-10-25T${hm}:00+01:00`),
    );
    t.equal(autumn[1]!.slots.at(-1)!.end, '2026-10-26T17:00:00+01:00');
  });

  t.test('bad input gets a clear problem, never a 500', async (t) => {
    const cases: [string, number, string, string?][] = [
      ['location=maanbasis&items=paspoort', 404, 'location_not_found'],
      ['location=stadskantoor&items=vergunning-voor-draken', 404, 'service_not_found'],
      ['location=informatiepunt-zuid&items=naturalisatie', 422, 'service_not_offered', 'items.0.service'],
      ['location=stadskantoor&items=rijbewijs:3', 422, 'too_many_persons', 'items.0.persons'],
      ['location=stadskantoor&items=paspoort,naturalisatie', 422, 'not_combinable', 'items.1.service'],
      ['location=stadskantoor&items=paspoort&from=2026-12-10&to=2026-12-01', 400, 'range_reversed', 'to'],
      ['location=stadskantoor&items=paspoort&from=2026-12-01&to=2027-03-05', 400, 'range_too_long', 'to'],
      ['location=stadskantoor&items=paspoort&from=2026-13-01', 400, 'invalid_request', 'from'],
      ['location=stadskantoor&items=paspoort:0', 400, 'invalid_request', 'items'],
      ['location=stadskantoor&items=pas poort', 400, 'invalid_request', 'items'],
      ['location=stadskantoor', 400, 'invalid_request', 'items'],
    ];
    for (const [query, status, code, field] of cases) {
      const { status: actual, body } = await get(query);
      t.equal(actual, status, query);
      t.equal(body.code, code, query);
      if (field)
        t.ok(
          body.errors?.some((e: { field: string }) => e.field === field),
          `${query} names ${field}`,
        );
    }
    const offered = await get('location=informatiepunt-zuid&items=naturalisatie');
    t.match(offered.body.detail, /Stadskantoor Stadswaard/, 'says where it is offered instead');
  });

  t.test('with ten counters or more, counts of two digits are right and the answer stays JSON', async (t) => {
    clock.set('2026-11-30T08:00:00Z');
    const [zuid] = await database.db.select().from(locations).where(eq(locations.slug, 'informatiepunt-zuid'));
    await database.db
      .insert(counters)
      .values(Array.from({ length: 11 }, (_, i) => ({ locationId: zuid!.id, name: `Extra ${i + 1}` })));
    const url = '/api/v1/availability?location=informatiepunt-zuid&items=paspoort&from=2026-12-07&to=2026-12-07';
    const at = async (start: string) =>
      ((await app.inject({ url })).json().days[0] as Day).slots.find((s) => s.start === start)!.available;
    t.ok(
      await eventually(async () => (await at('2026-12-07T14:00:00+01:00')) === 12),
      'the new counters count once the catalogue change is seen',
    );
    const before = await app.inject({ url });
    t.match(before.body, /"available":12\}/);
    await insertClaim(database.db, {
      location: 'informatiepunt-zuid',
      counter: 'Extra 1',
      start: '2026-12-07T13:00:00Z',
      end: '2026-12-07T13:30:00Z',
    });
    t.ok(await eventually(async () => (await at('2026-12-07T14:00:00+01:00')) === 11), 'a claim takes one counter out');
    const after = await app.inject({ url });
    const slots = (after.json().days[0] as Day).slots;
    t.ok(
      slots.every((s) => s.available >= 10 && s.available <= 12),
      'every count is between 10 and 12',
    );
    t.not(after.headers.etag, before.headers.etag, 'a new count is a new ETag');
    for (const counter of ['Balie Zuid', ...Array.from({ length: 10 }, (_, i) => `Extra ${i + 2}`)]) {
      await insertClaim(database.db, {
        location: 'informatiepunt-zuid',
        counter,
        start: '2026-12-07T13:00:00Z',
        end: '2026-12-07T13:30:00Z',
      });
    }
    t.ok(await eventually(async () => (await at('2026-12-07T14:00:00+01:00')) === 0), 'a full time shows 0');
    t.match(
      (await app.inject({ url })).body,
      /"start":"2026-12-07T14:00:00\+01:00","end":"[^"]+","available": 0\}/,
      'one digit in room for two: a space before it, which JSON allows',
    );
  });

  if (kind === 'postgres') {
    t.test('another process on the same PostgreSQL sees a new claim within 2 s', async (t) => {
      const other = await openDatabase({
        url: `${process.env.TEST_DATABASE_URL!.replace(/\/[^/]*$/, '')}/${await currentDatabase(database)}`,
      });
      const otherApp = await buildApp({ config, database: other, clock: clock.now, logger: false });
      t.teardown(async () => {
        await otherApp.close();
        await other.close();
      });
      clock.set('2026-11-30T08:00:00Z');
      const query = '/api/v1/availability?location=gemeentehuis-veenhoven&items=paspoort&from=2026-12-10&to=2026-12-10';
      const availableAt = async () =>
        otherApp.inject({ url: query }).then((r) => (r.json().days[0] as Day).slots[0]!.available);
      t.equal(await availableAt(), 2, 'warm in the other process');
      await insertClaim(database.db, {
        location: 'gemeentehuis-veenhoven',
        counter: 'Balie 1',
        start: '2026-12-10T07:30:00Z',
        end: '2026-12-10T08:00:00Z',
      });
      const started = Date.now();
      t.ok(await eventually(async () => (await availableAt()) === 1, 2000));
      t.ok(Date.now() - started < 2000);
    });
  }
});

async function currentDatabase(database: { db: { execute: (q: never) => Promise<unknown> } }) {
  const { sql } = await import('drizzle-orm');
  const rows = (await database.db.execute(sql`select current_database() as name` as never)) as { name: string }[];
  return rows[0]!.name;
}
