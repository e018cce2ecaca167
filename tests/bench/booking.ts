// npm run bench:booking — "week opening": 2,000 virtual residents race for 300 free times on PostgreSQL. Prints
// bookings/s, p50/p99, 5xx and double bookings, and a baseline measured in the same run: plain single-row INSERTs
// per second over the same number of connections.
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import postgres from 'postgres';
import { counters, locationServices, locations, municipalities, openingHours, services } from '../../db/schema.js';
import { loadDemoData } from '../../db/seed.js';
import { writeBooking } from '../../src/booking/book-store.js';
import { openDatabase, queryRows } from '../../src/platform/database/database.js';
import { migrateDatabase } from '../../src/platform/database/migrate.js';
import { freshBenchDatabase } from './bench-database.js';
import { startBenchServer, stop } from './measure.js';

const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const LOCATIONS = 10;
const COUNTERS = 3;
const STARTS = 10; // 10 locations × 3 counters × 10 starts = 300 free times
const zone = 'Europe/Amsterdam';

const url = await freshBenchDatabase('balie_bench_booking');
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
const [service] = await db
  .insert(services)
  .values({
    municipalityId: m!.id,
    slug: 'paspoort',
    nameNl: 'Paspoort',
    nameEn: 'Passport',
    descriptionNl: '-',
    descriptionEn: '-',
    minutesPerPerson: 10,
    maxPersons: 5,
    minNoticeMinutes: 60,
    horizonDays: 90,
  })
  .returning();
for (let l = 1; l <= LOCATIONS; l++) {
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
  await db.insert(locationServices).values({ locationId: location!.id, serviceId: service!.id });
  await db
    .insert(openingHours)
    .values([1, 2, 3, 4, 5].map((weekday) => ({ locationId: location!.id, weekday, opens: '09:00', closes: '17:00' })));
  await db
    .insert(counters)
    .values(Array.from({ length: COUNTERS }, (_, i) => ({ locationId: location!.id, name: `Balie ${i + 1}` })));
}
await database.close();

// The first weekday at least two days ahead: the week that just opened.
let day = DateTime.now().setZone(zone).startOf('day').plus({ days: 2 });
while (day.weekday > 5) day = day.plus({ days: 1 });
const timesOn = (date: DateTime) =>
  Array.from({ length: LOCATIONS * STARTS }, (_, i) => ({
    location: `bench-${1 + (i % LOCATIONS)}`,
    start: date
      .set({ hour: 9 })
      .plus({ minutes: 10 * Math.floor(i / LOCATIONS) })
      .toISO({ suppressMilliseconds: true })!,
  }));
const times = timesOn(day);
let warmDay = day.plus({ days: 1 });
while (warmDay.weekday > 5) warmDay = warmDay.plus({ days: 1 });

const server = await startBenchServer({
  DATABASE_URL: url,
  DEMO_DATA: 'false',
  RATE_LIMIT_PER_MINUTE: '1000000',
  BENCH_POOL: String(CONNECTIONS),
});
let n = 0;
let random = 7;
const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
/** `amount` residents, each booking one of `choices` at random (a new e-mail address each). */
const race = (choices: { location: string; start: string }[], amount: number) =>
  autocannon({
    url: server.app,
    connections: CONNECTIONS,
    amount,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/appointments',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          const time = choices[Math.floor(next() * choices.length)]!;
          const resident = n++;
          return {
            ...request,
            body: JSON.stringify({
              ...time,
              items: [{ service: 'paspoort', persons: 1 }],
              name: `Inwoner ${resident}`,
              email: `inwoner${resident}@example.nl`,
            }),
          };
        },
      },
    ],
  });
// A server that has been running: the same race on the next day, smaller, warms up the code paths first.
await race(timesOn(warmDay), RESIDENTS / 4);
const started = performance.now();
const result = await race(times, RESIDENTS);
const seconds = (performance.now() - started) / 1000;
await stop(server.child);

const check = await openDatabase({ url });
const [counts] = await queryRows<{ booked: number; filling: number; overlaps: number }>(
  check.db,
  sql`
  select (select count(*)::int from appointments
           where status = 'booked' and starts_at::date = ${day.toISODate()}::date) as booked,
         (select extract(epoch from max(created_at) - min(created_at))::float8 from appointments
           where status = 'booked' and starts_at::date = ${day.toISODate()}::date) as filling,
         (select count(*)::int from appointments a join appointments b on a.counter_id = b.counter_id and a.id < b.id
           where a.status in ('held','booked','checked_in','serving')
             and b.status in ('held','booked','checked_in','serving')
             and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')) as overlaps`,
);
await check.close();

// Baseline: plain single-row INSERTs (autocommit) over the same number of connections, for the same time budget.
const baselineClient = postgres(url, { max: CONNECTIONS, onnotice: () => {} });
await baselineClient`create table baseline_inserts (id bigserial primary key, payload text not null)`;
let inserts = 0;
const until = performance.now() + 5000;
await Promise.all(
  Array.from({ length: CONNECTIONS }, async () => {
    while (performance.now() < until) {
      await baselineClient`insert into baseline_inserts (payload) values (${'x'.repeat(64)})`;
      inserts++;
    }
  }),
);
await baselineClient.end();
const baselinePerSecond = inserts / 5;

// Ceiling: the booking's own statement (writeBooking) straight from this process, without the HTTP server, for
// different free times on a later day over the same connections: the database's work for a booking (key, locks,
// claim, items, messages, answer, NOTIFY, commit) with nothing else on the machine competing for it.
const direct = await openDatabase({ url, poolSize: CONNECTIONS });
const benchLocations = await queryRows<{ id: number; municipality_id: number; counters: number[] }>(
  direct.db,
  sql`
  select l.id, l.municipality_id, array_agg(c.id order by c.id) as counters
  from locations l join counters c on c.location_id = l.id
  where l.slug like 'bench-%' group by l.id, l.municipality_id`,
);
let directDay = warmDay.plus({ days: 7 });
while (directDay.weekday > 5) directDay = directDay.plus({ days: 1 });
const writes = benchLocations.flatMap((location) =>
  Array.from({ length: 45 * COUNTERS }, (_, i) => {
    const start = directDay.set({ hour: 9 }).plus({ minutes: 10 * Math.floor(i / COUNTERS) });
    const key = `${location.id}-${i}`;
    return {
      key: `auto:direct-${key}`,
      requestHash: key,
      now: new Date(),
      staleBefore: new Date(Date.now() - 60_000),
      municipalityId: location.municipality_id,
      locationId: location.id,
      maxLive: 3,
      counters: location.counters,
      start: start.toJSDate(),
      end: start.plus({ minutes: 10 }).toJSDate(),
      details: {
        reference: `D${key}`,
        name: 'Inwoner',
        email: `direct-${key}@example.nl`,
        phone: null,
        language: 'nl' as const,
        needs: null,
        channel: 'online' as const,
        manageTokenHash: 'h',
        manageNonce: 'n',
      },
      items: [{ serviceId: service!.id, persons: 1 }],
      messages: [
        { kind: 'confirmation' as const, at: new Date() },
        { kind: 'reminder' as const, at: start.toJSDate() },
        { kind: 'feedback' as const, at: start.toJSDate() },
      ],
      body: { language: 'nl' as const },
    };
  }),
);
let nextWrite = 0;
let directBooked = 0;
const directStarted = performance.now();
await Promise.all(
  Array.from({ length: CONNECTIONS }, async () => {
    while (nextWrite < writes.length) {
      if ((await writeBooking({ ex: direct.db, touched: () => {} }, writes[nextWrite++]!)).outcome === 'booked')
        directBooked++;
    }
  }),
);
const directPerSecond = directBooked / ((performance.now() - directStarted) / 1000);
await direct.close();

const status = result.statusCodeStats as Record<string, { count: number }>;
const created = status['201']?.count ?? 0;
const fivexx = Object.entries(status)
  .filter(([code]) => code.startsWith('5'))
  .reduce((sum, [, s]) => sum + s.count, 0);
const bookingsPerSecond = created / seconds;
console.log(
  `${RESIDENTS} residents, ${CONNECTIONS} connections, ${times.length * COUNTERS} free times (${LOCATIONS} locations ` +
    `× ${COUNTERS} counters × ${STARTS} starts), PostgreSQL`,
);
console.log(
  `answers: ${Object.entries(status)
    .map(([code, s]) => `${code}×${s.count}`)
    .join(', ')} in ${seconds.toFixed(2)} s`,
);
console.log(`successful bookings/s   ${bookingsPerSecond.toFixed(0)} (bookings made ÷ the whole run)`);
console.log(
  `while times were free   ${(counts!.booked / counts!.filling).toFixed(0)}/s (${counts!.booked} bookings in ` +
    `${counts!.filling.toFixed(2)} s, first to last)`,
);
console.log(`requests answered/s    ${(RESIDENTS / seconds).toFixed(0)} (201 and 409 with alternatives)`);
console.log(`latency p50 / p99 ms    ${result.latency.p50} / ${result.latency.p99}`);
console.log(`5xx                     ${fivexx}`);
console.log(`booked rows             ${counts!.booked}`);
console.log(`double bookings         ${counts!.overlaps}`);
console.log(`baseline INSERTs/s      ${baselinePerSecond.toFixed(0)}`);
console.log(`ratio bookings/INSERTs  ${(bookingsPerSecond / baselinePerSecond).toFixed(3)}`);
console.log(
  `ceiling: booking statement alone, no HTTP  ${directPerSecond.toFixed(0)}/s (${directBooked} of ${writes.length} ` +
    `different times; ratio to INSERTs ${(directPerSecond / baselinePerSecond).toFixed(3)})`,
);
