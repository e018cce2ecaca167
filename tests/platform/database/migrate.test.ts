import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import t from 'tap';
import { appointments, counters, locations } from '../../../db/schema.js';
import { migrateDatabase } from '../../../src/platform/database/migrate.js';
import { databaseKinds, freshDatabase } from '../../helpers/databases.js';

for (const kind of databaseKinds()) {
  t.test(kind, async (t) => {
    const { database, drop, url } = await freshDatabase(kind);
    t.teardown(drop);
    const { db } = database;

    t.test('migrating again changes nothing and does not fail, also twice at once', async (t) => {
      await Promise.all([migrateDatabase(database), migrateDatabase(database)]);
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(locations);
      t.equal(row!.n, 4);
    });

    t.test('the database refuses two live claims on one counter whose times overlap (23P01)', async (t) => {
      const [location] = await db.select().from(locations).where(eq(locations.slug, 'stadskantoor'));
      const [counter] = await db.select().from(counters).where(eq(counters.locationId, location!.id)).limit(1);
      const claim = (start: string, end: string, status: 'booked' | 'cancelled' | 'held' = 'booked') =>
        db.insert(appointments).values({
          municipalityId: location!.municipalityId,
          locationId: location!.id,
          counterId: counter!.id,
          startsAt: new Date(start),
          endsAt: new Date(end),
          status,
        });
      await claim('2026-12-01T09:00:00Z', '2026-12-01T09:20:00Z');
      const error = await claim('2026-12-01T09:10:00Z', '2026-12-01T09:30:00Z', 'held').then(
        () => undefined,
        (e: { cause?: { code?: string } }) => e,
      );
      t.equal(error?.cause?.code, '23P01');
      await t.resolves(claim('2026-12-01T09:20:00Z', '2026-12-01T09:30:00Z'), 'touching ranges are fine: [start, end)');
      await t.resolves(
        claim('2026-12-01T09:00:00Z', '2026-12-01T09:20:00Z', 'cancelled'),
        'a cancelled row does not count',
      );
    });
    // The SQL function files call each other (balie_book → balie_release_expired_holds), so a process still serving
    // while another starts must never see the one without the other. The start is held up half-way, at the trigger
    // on counters (catalogue/counter-slug.sql, applied after booking/balie-book.sql and before
    // claims/balie-release-expired-holds.sql), on a database whose balie_book is the one before that function.
    if (kind === 'postgres')
      t.test(
        'a start applies the SQL functions all at once: no one sees balie_book before what it calls',
        async (t) => {
          const old = postgres(url!, { max: 1, onnotice: () => {} });
          const locker = postgres(url!, { max: 1, onnotice: () => {} });
          t.teardown(async () => {
            await old.end();
            await locker.end();
          });
          const bookText = readFileSync(new URL('../../../src/booking/balie-book.sql', import.meta.url), 'utf8');
          // (balie_book as it was before the release function: each call of it is "none released")
          const call = /balie_release_expired_holds\([^)]*\)/g;
          t.match(bookText, call, 'balie_book calls the release');
          await old.unsafe(bookText.replace(call, '0'));
          await old.unsafe('drop function balie_release_expired_holds');
          const seen = async () => {
            const [row] = await old<{ calls: boolean; exists: boolean }[]>`
            select (select prosrc like '%balie_release_expired_holds%' from pg_proc where proname = 'balie_book')
                     as calls,
                   exists (select from pg_proc where proname = 'balie_release_expired_holds') as exists`;
            return row!;
          };
          t.same(await seen(), { calls: false, exists: false }, 'as before the release function');
          let release!: () => void;
          let locked!: () => void;
          const lockTaken = new Promise<void>((resolve) => {
            locked = resolve;
          });
          const held = locker.begin(async (tx) => {
            await tx`lock table counters in access exclusive mode`;
            locked();
            await new Promise<void>((resolve) => {
              release = resolve;
            });
          });
          // The start begins once the lock is held (a fixed pause was too short on a busy machine: the start then
          // ran through before the lock, and the test saw it finished "half-way").
          await lockTaken;
          const migrating = migrateDatabase(database);
          for (let i = 0; i < 100; i++) {
            const [row] = await old<{ waiting: number }[]>`
            select count(*)::int as waiting from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`;
            if (row!.waiting > 0) break;
            await new Promise((r) => setTimeout(r, 50));
          }
          t.same(await seen(), { calls: false, exists: false }, 'half-way: still all as before');
          release();
          await held;
          await migrating;
          t.same(await seen(), { calls: true, exists: true }, 'after: all as now');
        },
      );
  });
}
