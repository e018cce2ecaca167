import { eq, sql } from 'drizzle-orm';
import t from 'tap';
import { appointments, counters, locations } from '../../../db/schema.js';
import { migrateDatabase } from '../../../src/platform/database/migrate.js';
import { databaseKinds, freshDatabase } from '../../helpers/databases.js';

for (const kind of databaseKinds()) {
  t.test(kind, async (t) => {
    const { database, drop } = await freshDatabase(kind);
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
  });
}
