// npm run bench:staff — the day at the counter under a busy morning: 50 staff clients read the day of a location
// with 6 counters and 200 appointments (names, needs, items) on PostgreSQL, each with its own session. Prints req/s,
// p50/p99 and the ratio to a bare Fastify route measured in the same run; the bound is p99 ≤ 20 ms.
import { DateTime } from 'luxon';
import {
  appointmentItems,
  appointments,
  counters,
  locations,
  municipalities,
  openingHours,
  services,
} from '../../db/schema.js';
import { loadDemoData } from '../../db/seed.js';
import { openDatabase } from '../../src/platform/database/database.js';
import { migrateDatabase } from '../../src/platform/database/migrate.js';
import { freshBenchDatabase } from './bench-database.js';
import { type Figures, measure, printFigures, startBenchServer, stop } from './measure.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const APPOINTMENTS = 200;
const zone = 'Europe/Amsterdam';

const url = await freshBenchDatabase('balie_bench_staff');
const database = await openDatabase({ url });
await migrateDatabase(database);
await loadDemoData(database.db);
const db = database.db;
const [stadswaard] = await db.select().from(municipalities);
const serviceRows = await db.select().from(services);
const [location] = await db
  .insert(locations)
  .values({
    municipalityId: stadswaard!.id,
    slug: 'bench-dag',
    name: 'Bench Dag',
    street: 'Benchweg 1',
    postalCode: '1000 AA',
    city: 'Stadswaard',
  })
  .returning();
await db
  .insert(openingHours)
  .values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ locationId: location!.id, weekday, opens: '08:00', closes: '20:00' })),
  );
const counterRows = await db
  .insert(counters)
  .values(Array.from({ length: 6 }, (_, i) => ({ locationId: location!.id, name: `Balie ${i + 1}` })))
  .returning();
const date = DateTime.now().setZone(zone).plus({ days: 1 }).toISODate()!;
const dayStart = DateTime.fromISO(`${date}T08:00`, { zone });
const rows = Array.from({ length: APPOINTMENTS }, (_, i) => {
  const start = dayStart.plus({ minutes: Math.floor(i / 6) * 20 });
  return {
    municipalityId: stadswaard!.id,
    locationId: location!.id,
    counterId: counterRows[i % 6]!.id,
    startsAt: start.toJSDate(),
    endsAt: start.plus({ minutes: 20 }).toJSDate(),
    status: 'booked' as const,
    reference: `BN${i.toString(36).toUpperCase().padStart(2, '0')}-X${i % 10}Q`,
    name: `Inwoner ${i}`,
    email: `inwoner${i}@example.nl`,
    phone: '06 1234 5678',
    needs: i % 7 === 0 ? { extraTime: true, interpreter: 'Arabisch' } : {},
  };
});
const inserted = await db.insert(appointments).values(rows).returning({ id: appointments.id });
await db
  .insert(appointmentItems)
  .values(inserted.map((a, i) => ({ appointmentId: a.id, serviceId: serviceRows[i % 3]!.id, persons: 1 + (i % 2) })));
await database.close();

const server = await startBenchServer({ DATABASE_URL: url, DEMO_DATA: 'false' });
/** One session per staff client, as 50 counter PCs would have. */
const cookies: string[] = [];
for (let i = 0; i < CONNECTIONS; i++) {
  const response = await fetch(`${server.app}/api/v1/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'balie@stadswaard.demo', password: 'balie-demo' }),
  });
  if (response.status !== 200) throw new Error(`login: ${response.status} ${await response.text()}`);
  cookies.push(response.headers.get('set-cookie')!.split(';')[0]!);
}
const dayPath = `/api/v1/staff/locations/bench-dag/day?date=${date}`;
const sample = (await (await fetch(`${server.app}${dayPath}`, { headers: { cookie: cookies[0]! } })).json()) as {
  counters: { entries: unknown[] }[];
};
const entries = sample.counters.reduce((n, c) => n + c.entries.length, 0);
console.log(
  `the day: ${sample.counters.length} counters, ${entries} appointments, ${JSON.stringify(sample).length} bytes`,
);

let next = 0;
const results: Figures[] = [];
const bare = await measure('a. bare Fastify route', server.bare, {
  paths: ['/'],
  connections: CONNECTIONS,
  seconds: SECONDS,
});
results.push(bare);
await measure('warm-up', server.app, {
  paths: [dayPath],
  connections: CONNECTIONS,
  seconds: 2,
  headersFor: () => ({ cookie: cookies[next++ % cookies.length]! }),
});
const day = await measure('b. staff day (6 counters, 200 appointments)', server.app, {
  paths: [dayPath],
  connections: CONNECTIONS,
  seconds: SECONDS,
  headersFor: () => ({ cookie: cookies[next++ % cookies.length]! }),
});
results.push(day);

// c. A counter of the full day closes (illness): 34 appointments moved to the nearest free times, each resident
// one message; the dry run first, as the staff page does.
const login = await fetch(`${server.app}/api/v1/staff/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'beheer@stadswaard.demo', password: 'balie-demo' }),
});
const manager = {
  cookie: login.headers.get('set-cookie')!.split(';')[0]!,
  csrf: ((await login.json()) as { csrfToken: string }).csrfToken,
};
const closure = {
  location: 'bench-dag',
  counters: ['balie-1'],
  start: dayStart.toISO(),
  end: dayStart.set({ hour: 20 }).toISO(),
  reason: 'Een collega is ziek',
};
const close = async (dryRun: boolean) => {
  const started = performance.now();
  const response = await fetch(`${server.app}/api/v1/staff/closures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: manager.cookie, 'x-csrf-token': manager.csrf },
    body: JSON.stringify({ ...closure, dryRun }),
  });
  const ms = performance.now() - started;
  const body = (await response.json()) as { affected: { outcome: string }[]; reassigned: unknown[] };
  if (response.status >= 300) throw new Error(`closure: ${response.status} ${JSON.stringify(body)}`);
  const moved = body.affected.filter((a) => a.outcome === 'moved').length;
  const cancelled = body.affected.length - moved;
  return `${ms.toFixed(0)} ms (${moved} moved, ${cancelled} cancelled, ${body.reassigned.length} kept)`;
};
const dryRun = await close(true);
const applied = await close(false);
await stop(server.child);

console.log(`\n${CONNECTIONS} staff clients, ${SECONDS} s each, PostgreSQL`);
printFigures(results, bare);
console.log(`\np99 of the day: ${day.p99} ms (bound: 20 ms) ${day.p99 <= 20 ? 'within' : 'OVER'}`);
console.log(`c. closing Balie 1 of the full day: dry run ${dryRun}; applied ${applied}`);
