// The claims index keeps a location's claims per counter and, for a claim put in place or a time read again, copies
// and groups again only the counters that changed (#17: a booking at a location with thousands of claims cost a sort
// and a regrouping of all of them, about 1 ms). What it answers must stay exactly what the database holds: after
// each step here (claims put, a hold booked onto another counter, rows changed behind its back and their times marked
// dirty, a claim put while its location was being read, a hold that runs out) its claims and their busy minutes
// equal a fresh read of the database.
import { sql } from 'drizzle-orm';
import t from 'tap';
import { ClaimsIndex } from '../../src/availability/claims-index.js';
import { busyMinutes } from '../../src/availability/domain/free-slots.js';
import { type Claim, listLiveClaims } from '../../src/claims/claims-store.js';
import { queryRows } from '../../src/platform/database/database.js';
import { onEachDatabase } from '../helpers/app.js';

const MINUTE = 60_000;

onEachDatabase(t, async (t, { database }) => {
  const db = database.db;
  const [location] = await queryRows<{ id: number; municipality_id: number }>(
    db,
    sql`select id, municipality_id from locations where slug = 'stadskantoor'`,
  );
  const counters = (
    await queryRows<{ id: number }>(db, sql`select id from counters where location_id = ${location!.id} order by id`)
  ).map((c) => c.id);
  t.ok(counters.length >= 2, 'a location with counters to move between');
  const now = new Date('2026-12-01T07:00:00Z');
  const at = (day: number, minutes: number) => Date.UTC(2026, 11, 1 + day, 8) + minutes * MINUTE;
  // Forty days of every counter booked every 20 minutes for 10 minutes: a few thousand claims.
  await db.execute(sql`
    insert into appointments (municipality_id, location_id, counter_id, starts_at, ends_at, status, created_at,
      updated_at)
    select ${location!.municipality_id}, ${location!.id}, c, t, t + interval '10 minutes', 'booked', now(), now()
    from unnest(${`{${counters.join(',')}}`}::int[]) as c, generate_series(1, 40) as d,
      generate_series(timestamptz '2026-12-01 08:00Z' + d * interval '1 day',
        timestamptz '2026-12-01 15:40Z' + d * interval '1 day', interval '20 minutes') as t`);
  const insert = async (counterId: number, start: number, end: number, holdUntil?: number) => {
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`insert into appointments (municipality_id, location_id, counter_id, starts_at, ends_at, status,
            hold_expires_at, created_at, updated_at)
          values (${location!.municipality_id}, ${location!.id}, ${counterId}, ${new Date(start).toISOString()},
            ${new Date(end).toISOString()}, ${holdUntil ? 'held' : 'booked'},
            ${holdUntil ? new Date(holdUntil).toISOString() : null}, now(), now())
          returning id`,
    );
    return { id: row!.id, counterId, start, end, holdExpiresAt: holdUntil ?? null, tag: null } satisfies Claim;
  };

  const index = new ClaimsIndex(db);
  const span = { start: at(0, 0), end: at(45, 0) };
  const grouped = (claims: Claim[]) => {
    const lists = new Map<number, Claim[]>();
    for (const c of claims) lists.set(c.counterId, [...(lists.get(c.counterId) ?? []), c]);
    return busyMinutes(lists);
  };
  const same = async (when: Date, what: string) => {
    const read = await listLiveClaims(db, location!.id, new Date(span.start), new Date(span.end), when);
    const kept = await index.liveClaims(location!.id, span, when);
    t.same(kept, read, `${what}: the same claims as the database`);
    const set = await index.claimsFor(location!.id, span, when);
    t.same(set.busy, grouped(read), `${what}: the same busy minutes per counter`);
    t.same(
      set.holds.map((h) => h.id).sort(),
      read
        .filter((c) => c.holdExpiresAt !== null)
        .map((c) => c.id)
        .sort(),
      `${what}: the same holds`,
    );
    // A day's window in the middle of the span: what the booking and refusal paths ask for.
    const day = { start: at(10, -60), end: at(11, -60) };
    t.same(
      await index.liveClaims(location!.id, day, when),
      read.filter((c) => c.start < day.end && c.end > day.start),
      `${what}: one day's claims`,
    );
  };
  await same(now, 'loaded');
  t.ok((await index.liveClaims(location!.id, span, now)).length > 2000, 'thousands of claims');

  // Claims this process wrote, put in place: a booking between two others, a hold.
  const booked = await insert(counters[0]!, at(10, 10), at(10, 20));
  index.putClaim(location!.id, booked);
  const holdUntil = now.getTime() + 15 * MINUTE;
  const hold = await insert(counters[0]!, at(12, 10), at(12, 20), Math.ceil(holdUntil / 1000) * 1000);
  index.putClaim(location!.id, hold);
  await same(now, 'a booking and a hold put in place');

  // The hold is booked onto another counter (the resident asked for another desk): the same id, put again.
  await db.execute(
    sql`update appointments set status = 'booked', hold_expires_at = null, counter_id = ${counters[1]!}
        where id = ${hold.id}`,
  );
  index.putClaim(location!.id, { ...hold, counterId: counters[1]!, holdExpiresAt: null });
  await same(now, 'the hold booked on another counter');

  // Another process changed rows (cancelled one, booked a time on each counter): their times are marked dirty.
  await db.execute(sql`update appointments set status = 'cancelled' where id = ${booked.id}`);
  for (const counterId of counters) await insert(counterId, at(20, 10), at(20, 20));
  index.dropClaim(location!.id, at(10, 10), at(10, 20));
  index.dropClaim(location!.id, at(20, 10), at(20, 20));
  await same(now, 'changes read again for the dirty times');

  // A claim put while the location's times are being read again: the read may have missed it, so it goes in once
  // the read is in, without another read (the database does not have it yet here: the index must show it anyway).
  index.dropClaim(location!.id, at(25, 10), at(25, 20));
  const reading = index.liveClaims(location!.id, span, now);
  const late = {
    id: '00000000-0000-4000-8000-000000000001',
    counterId: counters[0]!,
    start: at(25, 30),
    end: at(25, 40),
  };
  index.putClaim(location!.id, { ...late, holdExpiresAt: null, tag: null });
  await reading;
  t.ok(
    (await index.liveClaims(location!.id, span, now)).some((c) => c.id === late.id),
    'a claim put during a read is in place after it, with no read again',
  );
  await db.execute(
    sql`insert into appointments (id, municipality_id, location_id, counter_id, starts_at, ends_at, status, created_at,
          updated_at)
        values (${late.id}, ${location!.municipality_id}, ${location!.id}, ${late.counterId},
          ${new Date(late.start).toISOString()}, ${new Date(late.end).toISOString()}, 'booked', now(), now())`,
  );
  await same(now, 'a claim put during a read');

  // A second hold, which runs out: after its end the index leaves it out, as the database does.
  const later = await insert(counters[1]!, at(30, 10), at(30, 20), now.getTime() + 5 * MINUTE);
  index.putClaim(location!.id, { ...later, holdExpiresAt: Math.ceil(later.holdExpiresAt! / 1000) * 1000 });
  await same(now, 'a second hold');
  await same(new Date(now.getTime() + 6 * MINUTE), 'after the hold ran out');
});
