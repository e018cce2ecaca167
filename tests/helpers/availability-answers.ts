// Prints the availability answers for fixed questions; tests/timezones.test.ts runs it under several TZ values.
import { eq } from 'drizzle-orm';
import { locations, openingExceptions } from '../../db/schema.js';
import { buildApp } from '../../src/app/http-app.js';
import { TestClock, testConfig } from './app.js';
import { insertClaim } from './claims.js';
import { freshDatabase } from './databases.js';

const { database, drop } = await freshDatabase('pglite');
const [office] = await database.db.select().from(locations).where(eq(locations.slug, 'stadskantoor'));
for (const date of ['2026-03-29', '2026-10-25']) {
  await database.db.insert(openingExceptions).values({
    locationId: office!.id,
    date,
    kind: 'open',
    opens: '09:00',
    closes: '10:00',
    reasonNl: 'Extra',
    reasonEn: 'Extra',
  });
}
await insertClaim(database.db, {
  location: 'stadskantoor',
  counter: 'Balie 1',
  start: '2026-03-30T07:00:00Z',
  end: '2026-03-30T07:30:00Z',
});
const clock = new TestClock();
const app = await buildApp({ config: testConfig(), database, clock: clock.now, logger: false });
const answers: unknown[] = [];
for (const [now, query] of [
  ['2026-03-20T08:00:00Z', 'location=stadskantoor&items=paspoort:2&from=2026-03-28&to=2026-04-01'],
  ['2026-10-20T08:00:00Z', 'location=stadskantoor&items=paspoort:2,rijbewijs:1&from=2026-10-24&to=2026-10-27'],
  ['2026-11-30T22:30:00Z', 'location=gemeentehuis-veenhoven&items=naturalisatie'],
  ['2026-12-01T07:59:00Z', 'location=informatiepunt-noord&items=uittreksel-brp:2&to=2026-12-12'],
]) {
  clock.set(now!);
  answers.push((await app.inject({ url: `/api/v1/availability?${query}` })).json());
}
await app.close();
await drop();
process.stdout.write(JSON.stringify(answers));
