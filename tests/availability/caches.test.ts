import { eq } from 'drizzle-orm';
import t from 'tap';
import { locations, openingExceptions } from '../../db/schema.js';
import { buildApp } from '../../src/app/http-app.js';
import { freeSlots } from '../../src/availability/availability-answer.js';
import { resolveItems } from '../../src/catalogue/booking-rules.js';
import { onEachDatabase, testConfig } from '../helpers/app.js';

// A catalogue change reaches the caches by the change feed, at any moment: also while an answer is being computed
// from the snapshot read just before. Nothing computed from a snapshot that a change already replaced may be kept.
onEachDatabase(t, async (t, { app, database, clock }) => {
  const deps = app.deps;
  const until = async (check: () => boolean, ms = 2000) => {
    const end = Date.now() + ms;
    while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    return check();
  };
  const url = '/api/v1/availability?location=stadskantoor&items=paspoort&from=2026-12-09&to=2026-12-09';

  t.test('a day computed from a replaced snapshot is not kept: the next answer shows the change', async (t) => {
    clock.set('2026-11-30T08:00:00Z');
    const stale = (await deps.locations.get('stadskantoor'))!;
    const items = resolveItems(stale, [{ service: 'paspoort', persons: 1 }], 'nl');
    const [office] = await database.db.select().from(locations).where(eq(locations.slug, 'stadskantoor'));
    await database.db.insert(openingExceptions).values({
      locationId: office!.id,
      date: '2026-12-09',
      kind: 'closed',
      reasonNl: 'Personeelsdag',
      reasonEn: 'Staff day',
    });
    t.ok(await until(() => !deps.locations.isCurrent(stale)), 'the change has reached this process');
    // What a request that read its snapshot just before the change would still compute and try to keep.
    t.ok(
      (await freeSlots(deps, stale, items, undefined, ['2026-12-09'])).length > 0,
      'the old snapshot still has the day open',
    );
    const day = (await app.inject(url)).json().days[0];
    t.same([day.open, day.reason], [false, 'Personeelsdag'], 'the answer follows the catalogue as it is now');
  });

  t.test('a catalogue change drops kept answers, also of locations with no kept days', async (t) => {
    clock.set('2026-11-30T08:00:00Z');
    // Answers kept, days not: nothing of the location is in the day cache when the change comes.
    const answersOnly = await buildApp({
      config: testConfig({ AVAILABILITY_CACHE_SIZE: '0' }),
      database,
      clock: clock.now,
      logger: false,
    });
    t.teardown(() => answersOnly.close());
    const question = '/api/v1/availability?location=stadskantoor&items=paspoort&from=2026-12-10&to=2026-12-10';
    t.equal((await answersOnly.inject(question)).json().days[0].open, true);
    const stale = (await answersOnly.deps.locations.get('stadskantoor'))!;
    const [office] = await database.db.select().from(locations).where(eq(locations.slug, 'stadskantoor'));
    await database.db.insert(openingExceptions).values({
      locationId: office!.id,
      date: '2026-12-10',
      kind: 'closed',
      reasonNl: 'Verbouwing',
      reasonEn: 'Renovation',
    });
    t.ok(await until(() => !answersOnly.deps.locations.isCurrent(stale)), 'the change has reached that process');
    t.equal((await answersOnly.inject(question)).json().days[0].reason, 'Verbouwing');
  });
});
