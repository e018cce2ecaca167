// The change feed (#17): changes reach every process through the `changes` table, written in the changing
// transaction itself, not by NOTIFY (which orders all commits behind one lock). On both databases a change row is
// read once and raised; on PostgreSQL an id that commits after a higher one is still read (ids are handed out before
// commit), and a server killed (SIGKILL) right after its booking's commit cannot keep it from another process: the
// change is in the database with the booking.
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import t from 'tap';
import { ChangeFeed, forgetOldChanges, parseChange } from '../../src/claims/change-feed.js';
import { type Change, ChangeSignal } from '../../src/claims/change-signal.js';
import { queryRows } from '../../src/platform/database/database.js';
import { onEachDatabase } from '../helpers/app.js';
import { bookOnline } from '../helpers/booking.js';
import { eventually } from '../helpers/eventually.js';
import { startSecondServer } from '../helpers/second-server.js';

onEachDatabase(t, async (t, { app, database, clock, kind, url }) => {
  clock.set('2026-11-30T08:00:00Z');
  const signal = new ChangeSignal();
  const heard: Change[] = [];
  signal.listen((change) => heard.push(change));
  const feed = new ChangeFeed(database.db, signal, 60_000); // read by hand below
  await feed.start();
  t.teardown(() => feed.stop());

  t.test('a booking writes one change row; the feed raises it once', async (t) => {
    const response = await bookOnline(app, {
      start: '2026-12-02T10:00:00+01:00',
      name: 'Feed Inwoner',
      email: 'feed@example.nl',
    });
    t.equal(response.statusCode, 201, response.body);
    await feed.read();
    const start = Date.parse('2026-12-02T10:00:00+01:00');
    const claims = heard.filter((c) => c.kind === 'claims' && c.start === start);
    t.equal(claims.length, 1, 'the new claim, once');
    heard.length = 0;
    await feed.read();
    t.same(heard, [], 'read again: nothing new');
  });

  t.test("a row names its transaction; this process's own, raised with the claim, is not raised again", async (t) => {
    heard.length = 0;
    const response = await bookOnline(app, {
      start: '2026-12-02T11:00:00+01:00',
      name: 'Eigen Transactie',
      email: 'eigen@example.nl',
    });
    t.equal(response.statusCode, 201);
    const [row] = await queryRows<{ payload: string }>(
      database.db,
      sql`select payload from changes order by id desc limit 1`,
    );
    const parsed = parseChange(row!.payload);
    t.match(parsed, { kind: 'claims', start: Date.parse('2026-12-02T11:00:00+01:00'), transaction: /^\d+$/ });
    const transaction = (parsed as { transaction: string }).transaction;
    // As a writer of this process raises it (book-store.ts): the claim as it now is, and its transaction.
    const claim = { id: 'x', counterId: 1, start: 1000, end: 2000, holdExpiresAt: null, tag: null };
    signal.raise({ kind: 'claims', locationId: 1, start: 1000, end: 2000, claim, transaction });
    heard.length = 0;
    await feed.read();
    t.same(heard, [], 'the rows of that transaction change nothing here');
    await database.db.execute(sql`insert into changes (payload) values ('claims:1:5000:6000:1')`);
    await database.db.execute(sql`insert into changes (payload) values ('claims:1:7000:8000')`);
    await feed.read();
    t.same(
      heard,
      [
        { kind: 'claims', locationId: 1, start: 5000, end: 6000, transaction: '1' },
        { kind: 'claims', locationId: 1, start: 7000, end: 8000 },
      ],
      "another transaction's rows are raised, and rows written before 0015 still read",
    );
  });

  t.test('while this process writes claims, a row of a transaction not told waits one read', async (t) => {
    // A write under way (its answer not taken up yet), as writeClaims counts it.
    let finish = () => {};
    const writing = signal.during(() => new Promise<void>((resolve) => (finish = resolve)));
    heard.length = 0;
    await database.db.execute(sql`insert into changes (payload) values ('claims:1:9000:9500:77')`);
    await database.db.execute(sql`insert into changes (payload) values ('claims:1:9500:9900:78')`);
    await feed.read();
    t.same(heard, [], 'not raised at the read that found them');
    // The writer of transaction 78 raises its claim meanwhile: that row was its own.
    const claim = { id: 'y', counterId: 1, start: 9500, end: 9900, holdExpiresAt: null, tag: null };
    signal.raise({ kind: 'claims', locationId: 1, start: 9500, end: 9900, claim, transaction: '78' });
    heard.length = 0;
    await feed.read();
    t.same(
      heard,
      [{ kind: 'claims', locationId: 1, start: 9000, end: 9500, transaction: '77' }],
      "at the next read: another's raised, the one its writer told not",
    );
    finish();
    await writing;
    heard.length = 0;
    await database.db.execute(sql`insert into changes (payload) values ('claims:1:9900:9950:79')`);
    await feed.read();
    t.same(
      heard,
      [{ kind: 'claims', locationId: 1, start: 9900, end: 9950, transaction: '79' }],
      'with no write under way, at once',
    );
  });

  t.test('no NOTIFY is left in the triggers', async (t) => {
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from pg_proc
          where prolang = (select oid from pg_language where lanname = 'plpgsql') and prosrc ilike '%pg_notify%'`,
    );
    t.equal(row!.n, 0);
  });

  t.test('rows every process has read are dropped by housekeeping', async (t) => {
    await database.db.execute(sql`update changes set created_at = now() - interval '11 minutes'`);
    t.ok((await forgetOldChanges(database.db)) > 0);
    const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from changes`);
    t.equal(row!.n, 0);
  });

  if (kind !== 'postgres') return;

  t.test('an id that commits after a higher one is still read', async (t) => {
    const other = postgres(url!, { max: 2, onnotice: () => {} });
    t.teardown(() => other.end());
    heard.length = 0;
    let commitFirst: () => void = () => {};
    const first = other.begin(async (tx) => {
      await tx`insert into changes (payload) values ('claims:1:1000:2000')`;
      await new Promise<void>((resolve) => {
        commitFirst = resolve;
      });
    });
    await eventually(async () => {
      const [row] = await other`select count(*)::int as n from pg_stat_activity where state = 'idle in transaction'`;
      return row!.n > 0;
    });
    await other`insert into changes (payload) values ('claims:1:3000:4000')`;
    await feed.read();
    t.same(heard, [{ kind: 'claims', locationId: 1, start: 3000, end: 4000 }], 'the later id, committed first');
    commitFirst();
    await first;
    await feed.read();
    t.same(
      heard.slice(1),
      [{ kind: 'claims', locationId: 1, start: 1000, end: 2000 }],
      'the earlier id, once its transaction commits',
    );
  });

  t.test('a server killed right after its commit cannot keep the booking from another process', async (t) => {
    const server = await startSecondServer(t, url!);
    // The real server has the real clock: the first open weekday from two weeks on, at 10.00 (local).
    clock.set(new Date().toISOString());
    const slotAt = async (date: string) => {
      const question = `/api/v1/availability?location=stadskantoor&items=paspoort&from=${date}&to=${date}`;
      const slots = (await app.inject(question)).json().days[0].slots as { start: string; available: number }[];
      return slots.find((s) => s.start.startsWith(`${date}T10:00`));
    };
    let date = '';
    let slot: { start: string; available: number } | undefined;
    for (let d = 14; !slot?.available && d < 30; d++) {
      date = new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
      slot = await slotAt(date);
    }
    const before = slot!.available; // and this process has the day cached now
    t.ok(before > 0, `free at ${slot!.start} (${before})`);
    const booked = await Promise.all(
      Array.from({ length: before }, (_, i) =>
        fetch(`${server.app}/api/v1/appointments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            location: 'stadskantoor',
            items: [{ service: 'paspoort', persons: 1 }],
            start: slot!.start,
            name: `Gekilled ${i}`,
            email: `killed${i}@example.nl`,
          }),
        }).then((r) => r.status),
      ),
    );
    server.child.kill('SIGKILL');
    t.same(
      booked,
      booked.map(() => 201),
      'every counter taken at 10.00 through the other server',
    );
    const started = Date.now();
    t.ok(await eventually(async () => (await slotAt(date))!.available === 0), 'this process no longer offers it');
    t.ok(Date.now() - started < 1000, `within ${Date.now() - started} ms of the kill`);
  });
});
