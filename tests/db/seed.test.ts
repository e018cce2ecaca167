import { sql } from 'drizzle-orm';
import t from 'tap';
import { counters, locations, municipalities, openingHours, services } from '../../db/schema.js';
import { loadDemoData } from '../../db/seed.js';
import { databaseKinds, freshDatabase } from '../helpers/databases.js';

for (const kind of databaseKinds()) {
  t.test(kind, async (t) => {
    const { database, drop } = await freshDatabase(kind, { seed: false });
    t.teardown(drop);
    const { db } = database;
    const count = async (
      table: typeof municipalities | typeof locations | typeof services | typeof counters | typeof openingHours,
    ) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

    t.test('an empty database gets the demo data, once, even when asked twice at once', async (t) => {
      const loaded = await Promise.all([loadDemoData(db), loadDemoData(db)]);
      t.same(loaded.sort(), [false, true]);
      t.equal(await count(municipalities), 2);
      t.ok((await count(locations)) >= 4);
      t.ok((await count(services)) >= 16, 'eight services in each municipality');
      t.ok((await count(counters)) >= 8);
      t.equal(await loadDemoData(db), false, 'never loaded over existing data');
      t.equal(await count(municipalities), 2);
    });

    t.test('there is an evening opening and a Saturday morning', async (t) => {
      const evening = await db.select().from(openingHours).where(sql`${openingHours.closes} >= '19:00'`);
      const saturday = await db
        .select()
        .from(openingHours)
        .where(sql`${openingHours.weekday} = 6 and ${openingHours.closes} <= '13:00'`);
      t.ok(evening.length >= 1);
      t.ok(saturday.length >= 1);
    });
  });
}
