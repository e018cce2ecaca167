// npm run bench:availability — seeds a busy six weeks on PostgreSQL and measures GET /api/v1/availability against
// a bare Fastify route in the same run, without the day cache ("uncached") and with it ("hot").
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import {
  appointments,
  counters,
  locationServices,
  locations,
  municipalities,
  openingHours,
  services,
} from '../../db/schema.js';
import { loadDemoData } from '../../db/seed.js';
import { loadConfig } from '../../src/app/config.js';
import { buildApp } from '../../src/app/http-app.js';
import { type AvailabilityQuery, getAvailability } from '../../src/availability/availability-answer.js';
import { openDatabase } from '../../src/platform/database/database.js';
import { migrateDatabase } from '../../src/platform/database/migrate.js';
import { freshBenchDatabase } from './bench-database.js';
import { type Figures, measure, printFigures, startBenchServer, startRealServer, stop } from './measure.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const WEEKS = 6;
const zone = 'Europe/Amsterdam';

async function seed(url: string) {
  const database = await openDatabase({ url });
  await migrateDatabase(database);
  await loadDemoData(database.db);
  const db = database.db;
  const [m] = await db
    .insert(municipalities)
    .values({
      slug: 'benchstad',
      name: 'Benchstad',
      emailFrom: 'noreply@benchstad.example',
      phone: '14 0000',
      websiteUrl: 'https://benchstad.example',
    })
    .returning();
  const serviceRows = await db
    .insert(services)
    .values(
      [
        ['paspoort', 10, 0],
        ['rijbewijs', 10, 0],
        ['uittreksel-brp', 5, 0],
        ['verhuizing', 5, 10],
      ].map(([slug, perPerson, fixed], i) => ({
        municipalityId: m!.id,
        slug: slug as string,
        nameNl: slug as string,
        nameEn: slug as string,
        descriptionNl: '-',
        descriptionEn: '-',
        minutesPerPerson: perPerson as number,
        fixedMinutes: fixed as number,
        maxPersons: 4,
        minNoticeMinutes: 60,
        horizonDays: 90,
        combinableWith: ['paspoort', 'rijbewijs', 'uittreksel-brp', 'verhuizing'],
        sortOrder: i,
      })),
    )
    .returning();
  let seeded = 0;
  let bookedMinutes = 0;
  let openMinutes = 0;
  const rows: (typeof appointments.$inferInsert)[] = [];
  let random = 42;
  const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let l = 1; l <= 4; l++) {
    const [location] = await db
      .insert(locations)
      .values({
        municipalityId: m!.id,
        slug: `bench-${l}`,
        name: `Bench ${l}`,
        street: 'Benchweg 1',
        postalCode: '1000 AA',
        city: 'Benchstad',
      })
      .returning();
    await db.insert(locationServices).values(serviceRows.map((s) => ({ locationId: location!.id, serviceId: s.id })));
    await db
      .insert(openingHours)
      .values(
        [1, 2, 3, 4, 5].map((weekday) => ({ locationId: location!.id, weekday, opens: '09:00', closes: '17:00' })),
      );
    const counterRows = await db
      .insert(counters)
      .values(Array.from({ length: 6 }, (_, i) => ({ locationId: location!.id, name: `Balie ${i + 1}` })))
      .returning();
    for (let d = 0; d < WEEKS * 7; d++) {
      const day = DateTime.now().setZone(zone).startOf('day').plus({ days: d });
      if (day.weekday > 5) continue;
      for (const counter of counterRows) {
        openMinutes += 480;
        // Walk through the day: mostly appointments of 10–30 minutes, now and then a gap.
        for (let minute = 0; minute < 480; ) {
          if (next() < 0.54) {
            const length = Math.min(10 * (1 + Math.floor(next() * 3)), 480 - minute);
            const start = day.set({ hour: 9 }).plus({ minutes: minute });
            rows.push({
              municipalityId: m!.id,
              locationId: location!.id,
              counterId: counter.id,
              startsAt: start.toJSDate(),
              endsAt: start.plus({ minutes: length }).toJSDate(),
              status: 'booked',
              reference: `B${(seeded++).toString(36).toUpperCase()}`,
            });
            bookedMinutes += length;
            minute += length;
          } else {
            minute += 10;
          }
        }
      }
    }
  }
  for (let i = 0; i < rows.length; i += 2000) await db.insert(appointments).values(rows.slice(i, i + 2000));
  await db.execute(sql`analyze`);
  await database.close();
  return { appointments: rows.length, occupancy: bookedMinutes / openMinutes };
}

const url = await freshBenchDatabase('balie_bench_availability');
const seeded = await seed(url);
console.log(
  `seeded ${seeded.appointments} appointments on 4 locations × 6 counters over ${WEEKS} weeks: ` +
    `${(seeded.occupancy * 100).toFixed(0)} % booked`,
);

const today = DateTime.now().setZone(zone);
const itemSets = [
  'paspoort:1',
  'paspoort:2',
  'rijbewijs:1',
  'paspoort:1,rijbewijs:1',
  'uittreksel-brp:2',
  'verhuizing:3',
];
const paths: string[] = [];
for (let offset = 0; offset < 7; offset++) {
  for (let l = 1; l <= 4; l++) {
    for (const items of itemSets) {
      const from = today.plus({ days: offset }).toISODate();
      const to = today.plus({ days: offset + WEEKS * 7 - 1 }).toISODate();
      paths.push(`/api/v1/availability?location=bench-${l}&items=${items}&from=${from}&to=${to}`);
    }
  }
}

const results: Figures[] = [];
// Uncached: no computed day and no answer is kept; every request computes its six weeks. First with the claims
// read from PostgreSQL for every request, then from the claims index (live claims kept in memory per location).
const cold = await startBenchServer({
  DATABASE_URL: url,
  AVAILABILITY_CACHE_SIZE: '0',
  AVAILABILITY_ANSWER_CACHE_MB: '0',
  CLAIMS_INDEX_LOCATIONS: '0',
  DEMO_DATA: 'false',
});
const sample = (await (await fetch(`${cold.app}${paths[0]}`)).json()) as { days: { slots: unknown[] }[] };
console.log(
  `one answer: ${sample.days.length} days, ${sample.days.reduce((n, d) => n + d.slots.length, 0)} slots, ` +
    `${JSON.stringify(sample).length} bytes`,
);
const bare = await measure('a. bare Fastify route', cold.bare, {
  paths: ['/'],
  connections: CONNECTIONS,
  seconds: SECONDS,
});
results.push(bare);
results.push(
  await measure('b. 6 weeks, uncached, claims from PG', cold.app, {
    paths,
    connections: CONNECTIONS,
    seconds: SECONDS,
  }),
);
await stop(cold.child);

const indexed = await startBenchServer({
  DATABASE_URL: url,
  AVAILABILITY_CACHE_SIZE: '0',
  AVAILABILITY_ANSWER_CACHE_MB: '0',
  DEMO_DATA: 'false',
});
// A short run first, as for every server below: code compiled, claims index and day frames made.
await measure('warm-up', indexed.app, { paths, connections: CONNECTIONS, seconds: 2 });
results.push(
  await measure('b. 6 weeks, uncached, claims index', indexed.app, {
    paths,
    connections: CONNECTIONS,
    seconds: SECONDS,
  }),
);
// What a browser asks for: the answer compressed (brotli, quality 1) on top of computing it.
results.push(
  await measure('b. 6 weeks, uncached, br', indexed.app, {
    paths,
    connections: CONNECTIONS,
    seconds: SECONDS,
    headers: { 'accept-encoding': 'gzip, deflate, br' },
  }),
);
await stop(indexed.child);

// Days cached, answers not: every request assembles its answer from cached days (many different questions).
const days = await startBenchServer({ DATABASE_URL: url, AVAILABILITY_ANSWER_CACHE_MB: '0', DEMO_DATA: 'false' });
for (const path of paths) await fetch(`${days.app}${path}`);
results.push(await measure('b. 6 weeks, days cached', days.app, { paths, connections: CONNECTIONS, seconds: SECONDS }));
await stop(days.child);

const hot = await startBenchServer({ DATABASE_URL: url, DEMO_DATA: 'false' });
const etags = new Map<string, string>();
for (const path of paths) etags.set(path, (await fetch(`${hot.app}${path}`)).headers.get('etag')!); // fill the cache
results.push(await measure('b. 6 weeks, hot', hot.app, { paths, connections: CONNECTIONS, seconds: SECONDS }));
// A polling widget sends the ETag back: 304 without a body while nothing changed.
results.push(
  await measure('b. 6 weeks, hot, 304', hot.app, {
    paths,
    connections: CONNECTIONS,
    seconds: SECONDS,
    headersFor: (path) => ({ 'if-none-match': etags.get(path)! }),
  }),
);
// What browsers do: ask for gzip (autocannon then inflates every answer itself, which slows the client).
results.push(
  await measure('b. 6 weeks, hot, gzip', hot.app, {
    paths,
    connections: CONNECTIONS,
    seconds: SECONDS,
    headers: { 'accept-encoding': 'gzip' },
  }),
);
await stop(hot.child);

// The real server with WORKERS=2: one process per core, sharing the port (PostgreSQL only). Its answer caches are
// per process, so a short run first fills both.
const workers = Number(process.env.BENCH_WORKERS ?? 2);
const twoCold = await startRealServer(
  {
    DATABASE_URL: url,
    WORKERS: String(workers),
    AVAILABILITY_CACHE_SIZE: '0',
    AVAILABILITY_ANSWER_CACHE_MB: '0',
    DEMO_DATA: 'false',
    OUTBOX_WORKER: 'false',
  },
  true,
);
await measure('warm-up', twoCold.app, { paths, connections: CONNECTIONS, seconds: 2 });
results.push(
  await measure(`b. 6 weeks, uncached, ${workers} processes`, twoCold.app, {
    paths,
    connections: CONNECTIONS,
    seconds: SECONDS,
  }),
);
await stop(twoCold.child);
const twoHot = await startRealServer(
  {
    DATABASE_URL: url,
    WORKERS: String(workers),
    DEMO_DATA: 'false',
    OUTBOX_WORKER: 'false',
  },
  true,
);
await measure('warm-up', twoHot.app, { paths, connections: CONNECTIONS, seconds: 3 });
results.push(
  await measure(`b. 6 weeks, hot, ${workers} processes`, twoHot.app, {
    paths,
    connections: CONNECTIONS,
    seconds: SECONDS,
  }),
);
await stop(twoHot.child);

console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each, ${paths.length} different queries, PostgreSQL`);
printFigures(results, bare);

// Ceiling of the uncached rows: the same six-week questions answered by the availability use case itself, in this
// process, one at a time, without HTTP (claims index on, no day or answer cache): what one core can compute.
const config = loadConfig({
  ...process.env,
  DATABASE_URL: url,
  LOG_LEVEL: 'silent',
  DEMO_DATA: 'false',
  AVAILABILITY_CACHE_SIZE: '0',
  AVAILABILITY_ANSWER_CACHE_MB: '0',
});
const database = await openDatabase({ url });
const app = await buildApp({ config, database, logger: false });
const queries: AvailabilityQuery[] = paths.map((path) => {
  const query = new URL(path, 'http://bench').searchParams;
  return {
    location: query.get('location')!,
    from: query.get('from')!,
    to: query.get('to')!,
    language: 'nl',
    cacheKey: path,
    items: query
      .get('items')!
      .split(',')
      .map((item) => ({ service: item.split(':')[0]!, persons: Number(item.split(':')[1]) })),
  };
});
for (const query of queries) await getAvailability(app.deps, query); // warm up: claims index, code
let answers = 0;
const computeStarted = performance.now();
while (performance.now() - computeStarted < 5000) await getAvailability(app.deps, queries[answers++ % queries.length]!);
const perAnswer = (performance.now() - computeStarted) / answers;
console.log(
  `\nceiling: six weeks computed in-process, no HTTP, one core  ${(1000 / perAnswer).toFixed(0)} answers/s ` +
    `(${perAnswer.toFixed(2)} ms each)`,
);
await app.close();
await database.close();
