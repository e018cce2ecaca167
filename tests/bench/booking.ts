// npm run bench:booking — "week opening" on PostgreSQL, every row in one run, timed to the last answer:
//   a. plain single-row INSERTs over the same connections (the baseline the ratios are to);
//   b. the race: 2,000 residents for 300 free times (bookings/s over the whole race and while times were free);
//   c. the same race for holds (what the widget does first);
//   d. sustained: as many residents as free times, each its own, so nothing is refused;
//   e. the booking's statement alone (writeBooking from this process, no HTTP): the database's ceiling.
//   f. the bare route: the same race of requests to a bare Fastify route of the bench server (this machine's gauge).
// b and c run BENCH_RACES times (5), d BENCH_SUSTAINED times (3), taking turns, each on a day of its own: the median
// of each, with every run's figures (one race is one second of a machine whose speed drifts).
// Plus p50/p99, 5xx and double bookings. `npm run bench:booking -- --pgbench` also runs pgbench (32 clients,
// prepared) on balie_book against plain INSERTs (tests/bench/pgbench-*.sql); `-- --cpu` PostgreSQL's CPU per call;
// `-- --instructions` its instructions per call (callgrind, tests/bench/instructions.ts).
// autocannon's amount mode ends on its next sample tick: the tick is 10 ms and each race is timed from its start to
// its last answer, so a race is not rounded up to whole seconds.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import postgres from 'postgres';
import { counters, locationServices, locations, municipalities, openingHours, services } from '../../db/schema.js';
import { loadDemoData } from '../../db/seed.js';
import { writeBooking } from '../../src/booking/book-store.js';
import { holidayOn } from '../../src/catalogue/domain/holidays.js';
import { openDatabase, queryRows } from '../../src/platform/database/database.js';
import { migrateDatabase } from '../../src/platform/database/migrate.js';
import { freshBenchDatabase } from './bench-database.js';
import { type CpuShare, type CpuSnapshot, cpuShare, cpuSnapshot, cpuTicks } from './cpu-share.js';
import { instructionsPerCall } from './instructions.js';
import { startBenchServer, startRealServer, stop } from './measure.js';

const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/**
 * The database connections of the server, of the baseline and of the statement alone: twice the cores, as README
 * ("Configuration", DATABASE_POOL_SIZE) advises; more only queue inside PostgreSQL.
 */
const POOL = Number(process.env.BENCH_POOL ?? 2 * availableParallelism());
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

/**
 * A race lasts about a second, and this machine's speed drifts by a third within minutes: one race is one sample.
 * Each measured row is run RACES times (the sustained row SUSTAINED times), each on a day of its own, the rows
 * taking turns, and the median is reported with the range and every figure (README, "Performance").
 */
const RACES = Number(process.env.BENCH_RACES ?? 5);
const SUSTAINED = Number(process.env.BENCH_SUSTAINED ?? 3);
/** Rounds of warm-up before the first measured race: a race for bookings and one for holds, on days of their own. */
const WARMUPS = Number(process.env.BENCH_WARMUPS ?? 3);

/** The first `count` working days (Monday to Friday, no public holiday) from two days after today: one per row. */
function workingDays(count: number): DateTime[] {
  const days: DateTime[] = [];
  for (let day = DateTime.now().setZone(zone).startOf('day').plus({ days: 2 }); days.length < count; ) {
    if (day.weekday <= 5 && !holidayOn(day.toISODate()!)) days.push(day);
    day = day.plus({ days: 1 });
  }
  return days;
}

// The week that just opened: the warm-up, each race, each holds race, each sustained row and the statement alone
// have a day of their own.
const laterDays = workingDays(2 * WARMUPS + 2 * RACES + SUSTAINED + 1);
const warmDays = laterDays.splice(0, 2 * WARMUPS);
const raceDays = laterDays.splice(0, RACES);
const holdDays = laterDays.splice(0, RACES);
const sustainedDays = laterDays.splice(0, SUSTAINED);
const directDay = laterDays[0]!;
/** The day's free times of all locations: `starts` start times from 9.00, each with COUNTERS counters. */
const timesOn = (date: DateTime, starts = STARTS) =>
  Array.from({ length: LOCATIONS * starts }, (_, i) => ({
    location: `bench-${1 + (i % LOCATIONS)}`,
    start: date
      .set({ hour: 9 })
      .plus({ minutes: 10 * Math.floor(i / LOCATIONS) })
      .toISO({ suppressMilliseconds: true })!,
  }));

type Row = { name: string; perSecond: number; detail: string; p50?: number; p99?: number; fivexx?: number };
const rows: Row[] = [];

// a. Baseline: plain single-row INSERTs (autocommit) from as many callers over as many connections, 5 s.
const baselineClient = postgres(url, { max: POOL, onnotice: () => {} });
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
const baseline = inserts / 5;
rows.push({ name: 'a. plain INSERTs (baseline)', perSecond: baseline, detail: `${inserts} in 5 s` });

// BENCH_WORKERS=<n>: the real server (src/app/server.ts, as `npm start`) with WORKERS=n, the pool shared out among
// them, instead of the one-process bench server: what a second process on the same cores does (README,
// "Running on PostgreSQL").
const workers = process.env.BENCH_WORKERS ? Number(process.env.BENCH_WORKERS) : undefined;
const serverEnv = { DATABASE_URL: url, DEMO_DATA: 'false', RATE_LIMIT_PER_MINUTE: '1000000' };
const server =
  workers === undefined
    ? await startBenchServer({ ...serverEnv, DATABASE_POOL_SIZE: String(POOL) })
    : await startRealServer(
        {
          ...serverEnv,
          WORKERS: String(workers),
          DATABASE_POOL_SIZE: String(Math.max(1, Math.round(POOL / workers))),
        },
        true,
      );
/** The bench server's bare route (not with BENCH_WORKERS: the real server has none). */
const bareUrl: string | undefined = 'bare' in server ? (server.bare as string) : undefined;
let n = 0;
let random = 7;
const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
type Race = {
  seconds: number;
  status: Record<string, number>;
  p50: number;
  p99: number;
  fivexx: number;
  /** Who had the cores in the race (the one-process server only). */
  cpu?: CpuShare;
};
/** The one-process server's pid: its threads are read from /proc during each race (not with BENCH_WORKERS). */
const serverPid = workers === undefined ? server.child.pid : undefined;
/** PostgreSQL on this machine: its backends' CPU is read from /proc too. */
const localDatabase = ['localhost', '127.0.0.1', '::1', ''].includes(new URL(url).hostname);
/** The backends of the benchmark's database but the asking one: the server's connections, and this process's. */
async function backends(): Promise<number[]> {
  if (!localDatabase) return [];
  const rows = await queryRows<{ pid: number }>(
    check.db,
    sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
  );
  return rows.map((r) => r.pid);
}
/**
 * `amount` residents, each asking for one of `choices` (at random, or in turn with `inTurn`), a new e-mail address
 * each; timed from the first request to the last answer.
 */
async function race(
  path: '/api/v1/appointments' | '/api/v1/holds' | '/',
  choices: { location: string; start: string }[],
  amount: number,
  inTurn = false,
): Promise<Race> {
  let turn = 0;
  let last = 0;
  const pids = serverPid ? await backends() : [];
  const cpuBefore: CpuSnapshot | undefined = serverPid ? cpuSnapshot(serverPid, pids) : undefined;
  const started = performance.now();
  const result = await autocannon({
    // `/` is the bare Fastify route of the bench server, the same bodies from the same connections.
    url: path === '/' ? bareUrl! : server.app,
    connections: CONNECTIONS,
    amount,
    timeout: 30,
    sampleInt: 10,
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          const time = choices[inTurn ? turn++ % choices.length : Math.floor(next() * choices.length)]!;
          const resident = n++;
          const hold = { ...time, items: [{ service: 'paspoort', persons: 1 }] };
          return {
            ...request,
            // Each resident's widget names its own visit (X-Balie-Client), as in a real rush; without it every hold
            // of the load generator counts against one address, and they queue on that client's lock.
            headers: { ...request.headers, 'x-balie-client': `bench-resident-${String(resident).padStart(8, '0')}` },
            body: JSON.stringify(
              path === '/api/v1/holds'
                ? hold
                : { ...hold, name: `Inwoner ${resident}`, email: `inwoner${resident}@example.nl` },
            ),
          };
        },
        onResponse: () => {
          last = performance.now();
        },
      },
    ],
  });
  const status = Object.fromEntries(
    Object.entries(result.statusCodeStats as Record<string, { count: number }>).map(([code, s]) => [code, s.count]),
  );
  const fivexx = Object.entries(status)
    .filter(([code]) => code.startsWith('5'))
    .reduce((sum, [, count]) => sum + count, 0);
  const cpu = cpuBefore && cpuShare(cpuBefore, cpuSnapshot(serverPid!, pids), availableParallelism());
  return { seconds: (last - started) / 1000, status, p50: result.latency.p50, p99: result.latency.p99, fivexx, cpu };
}

const check = await openDatabase({ url });
/** What the database holds for a day: claims of `status`, the time from the first to the last, and overlaps. */
async function dayFigures(date: DateTime, status: 'booked' | 'held') {
  const [counts] = await queryRows<{ claims: number; filling: number; overlaps: number }>(
    check.db,
    sql`
    select (select count(*)::int from appointments
             where status = ${status} and starts_at::date = ${date.toISODate()}::date) as claims,
           (select extract(epoch from max(created_at) - min(created_at))::float8 from appointments
             where status = ${status} and starts_at::date = ${date.toISODate()}::date) as filling,
           (select count(*)::int from appointments a join appointments b on a.counter_id = b.counter_id and a.id < b.id
             where a.status in ('held','booked','checked_in','serving')
               and b.status in ('held','booked','checked_in','serving')
               and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')) as overlaps`,
  );
  return counts!;
}
const answers = (r: Race) =>
  Object.entries(r.status)
    .map(([code, count]) => `${code}×${count}`)
    .join(', ');

// A server that has been running: the same races on other days warm up the code paths first. One race of bookings
// left a quarter of the code unoptimised, which the measured race then paid for in its slowest answers. After one
// race alone, the measured races of one run still rose from the first to the fourth (300, 335, 387, 389, then 428,
// 449, 448, 419 a second), and the holds' race had had no warm-up of its own.
for (let round = 0; round < WARMUPS; round++) {
  await race('/api/v1/appointments', timesOn(warmDays[2 * round]!), RESIDENTS);
  await race('/api/v1/holds', timesOn(warmDays[2 * round + 1]!), RESIDENTS);
}

type Measured = { perSecond: number; whileFree: number; race: Race; detail: string };
/** A race for bookings or holds on `day`, with the rate while its times were free (the database's own times). */
async function measuredRace(path: '/api/v1/appointments' | '/api/v1/holds', day: DateTime): Promise<Measured> {
  const result = await race(path, timesOn(day), RESIDENTS);
  const figures = await dayFigures(day, path === '/api/v1/holds' ? 'held' : 'booked');
  return {
    perSecond: (result.status['201'] ?? 0) / result.seconds,
    whileFree: figures.claims / figures.filling,
    race: result,
    detail: `${RESIDENTS} residents in ${result.seconds.toFixed(2)} s: ${answers(result)}`,
  };
}

// b, c and d take turns, so that each row meets the machine's drift alike.
const bookingRaces: Measured[] = [];
const holdRaces: Measured[] = [];
const sustainedRuns: Measured[] = [];
const bareRaces: Measured[] = [];
for (let turn = 0; turn < Math.max(RACES, SUSTAINED); turn++) {
  if (turn < RACES) bookingRaces.push(await measuredRace('/api/v1/appointments', raceDays[turn]!));
  if (turn < RACES) holdRaces.push(await measuredRace('/api/v1/holds', holdDays[turn]!));
  if (turn < RACES && bareUrl) {
    // f. The same race to the bare route: what this machine gives Node and Fastify alone in this turn.
    const result = await race('/', timesOn(raceDays[turn]!), RESIDENTS);
    bareRaces.push({
      perSecond: RESIDENTS / result.seconds,
      whileFree: 0,
      race: result,
      detail: `${RESIDENTS} requests in ${result.seconds.toFixed(2)} s: ${answers(result)}`,
    });
  }
  if (turn < SUSTAINED) {
    // d. Sustained: each free time (45 starts × 10 locations × 3 counters) asked by exactly as many residents as it
    // has counters, in turn, so no one is refused.
    const times = timesOn(sustainedDays[turn]!, 45);
    const residents = times.length * COUNTERS;
    const result = await race('/api/v1/appointments', times, residents, true);
    sustainedRuns.push({
      perSecond: (result.status['201'] ?? 0) / result.seconds,
      whileFree: 0,
      race: result,
      detail: `${residents} residents in ${result.seconds.toFixed(2)} s: ${answers(result)}`,
    });
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const range = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
const each = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
/**
 * The median of `runs` as a row: per second, p50 and p99 are each the median of the runs' own; the detail names
 * the median run (by its rate) and every run's rate and p99, in the order they ran.
 */
function medianRow(name: string, runs: Measured[]): Row {
  const rates = runs.map((r) => r.perSecond);
  const p99s = runs.map((r) => r.race.p99);
  const middle = [...runs].sort((a, b) => a.perSecond - b.perSecond)[(runs.length - 1) >> 1]!;
  return {
    name: `${name}${runs.length > 1 ? `, median of ${runs.length}` : ''}`,
    perSecond: median(rates),
    p50: median(runs.map((r) => r.race.p50)),
    p99: median(p99s),
    fivexx: runs.reduce((sum, r) => sum + r.race.fivexx, 0),
    detail: runs.length > 1 ? `${middle.detail}; per s ${each(rates)}; p99 ${each(p99s)} ms` : middle.detail,
  };
}
const whileFreeRow = (what: string, runs: Measured[]): Row => ({
  name: '   while times were free',
  perSecond: median(runs.map((r) => r.whileFree)),
  detail: `${what} from the first to the last, per s ${range(runs.map((r) => r.whileFree))}`,
});
rows.push(medianRow('b. race: bookings', bookingRaces), whileFreeRow('300 bookings', bookingRaces));
rows.push(medianRow('c. race: holds', holdRaces), whileFreeRow('300 holds', holdRaces));
rows.push(medianRow('d. sustained, none refused', sustainedRuns));
const bareRow = bareRaces.length > 0 ? medianRow('f. bare route, same race', bareRaces) : undefined;
if (bareRow) {
  // The race's answers (bookings and refusals) a second against the bare route's: the app's own cost, whatever the
  // machine's speed.
  const raceAnswers = median(bookingRaces.map((r) => RESIDENTS / r.race.seconds));
  const share = (raceAnswers / bareRow.perSecond).toFixed(3);
  bareRow.detail += `; the booking race answered ${raceAnswers.toFixed(0)} a second, ${share} of it`;
}
await stop(server.child);
const overlaps = (await dayFigures(raceDays[0]!, 'booked')).overlaps;
await check.close();

// Ceiling: the booking's own statement (writeBooking) straight from this process, without the HTTP server, for
// different free times on a later day over the same connections: the database's work for a booking (key, locks,
// claim, items, messages, answer, change row, commit) with nothing else on the machine competing for it.
const direct = await openDatabase({ url, poolSize: POOL });
const benchLocations = await queryRows<{ id: number; municipality_id: number; counters: number[] }>(
  direct.db,
  sql`
  select l.id, l.municipality_id, array_agg(c.id order by c.id) as counters
  from locations l join counters c on c.location_id = l.id
  where l.slug like 'bench-%' group by l.id, l.municipality_id`,
);
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
      messages: [{ kind: 'confirmation' as const, at: new Date() }],
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
const directSeconds = (performance.now() - directStarted) / 1000;
await direct.close();
rows.push({
  name: 'e. the booking statement alone',
  perSecond: directBooked / directSeconds,
  detail: `${directBooked} of ${writes.length} different times in ${directSeconds.toFixed(2)} s, no HTTP`,
});
if (bareRow) rows.push(bareRow);

console.log(
  `${RESIDENTS} residents, ${CONNECTIONS} connections (${POOL} to the database), ` +
    `${LOCATIONS * STARTS * COUNTERS} free times in the race ` +
    `(${LOCATIONS} locations × ${COUNTERS} counters × ${STARTS} starts), PostgreSQL`,
);
console.log(
  `${'row'.padEnd(40)} ${'per s'.padStart(7)} ${'ratio'.padStart(6)} ${'p50'.padStart(5)} ${'p99'.padStart(5)}  5xx`,
);
const cell = (value: number | undefined, width: number) => (value === undefined ? '' : String(value)).padStart(width);
for (const row of rows) {
  const figures = `${row.perSecond.toFixed(0).padStart(7)} ${(row.perSecond / baseline).toFixed(3).padStart(6)}`;
  const latency = `${cell(row.p50, 5)} ${cell(row.p99, 5)}  ${cell(row.fivexx, 3)}`;
  console.log(`${row.name.padEnd(40)} ${figures} ${latency}  ${row.detail}`);
}
console.log(`double bookings in the race: ${overlaps}`);
// Who had the two cores in each race, read from /proc: a server thread near all of a core is bound by its own work;
// one below it, with every core busy, shares them with PostgreSQL and the load generator; with cores idle, it waits.
for (const [name, runs] of [
  ['b. race: bookings', bookingRaces],
  ['c. race: holds', holdRaces],
  ['d. sustained', sustainedRuns],
] as const) {
  const shares = runs.flatMap((r) => (r.race.cpu ? [r.race.cpu] : []));
  if (shares.length === 0) continue;
  const part = (pick: (c: CpuShare) => number) => median(shares.map(pick)).toFixed(2);
  console.log(
    `cores in ${name} (median of ${shares.length}): the server's main thread ${part((c) => c.main)}, its other ` +
      `threads ${part((c) => c.serverOther)}, PostgreSQL ${localDatabase ? part((c) => c.postgres) : '-'}, ` +
      `the load generator ${part((c) => c.generator)}; busy ${part((c) => c.busy)} of ${availableParallelism()}`,
  );
}

// pgbench: the statement and plain INSERTs by PostgreSQL's own load generator (32 clients, prepared). This machine's
// speed drifts by a third within minutes, so the two take turns, three rounds of 5 s each, and the ratio is each
// round's (the median and the range are printed). With each the WAL written per transaction (the server's WAL
// position before and after, over the transactions done): what a change to the statement writes shows there at
// once, whatever the machine's speed (README, "What bounds the statement under pgbench"). Each round also reads
// its last three seconds alone (pgbench's progress lines): pgbench opens new connections, and a new backend's first
// calls of balie_book compile it and plan each of its statements five times (PostgreSQL's custom plans), which at 32
// clients on two cores left the first second at about 100 bookings against 2,200 later (README, "Warm-up").
if (process.argv.includes('--pgbench')) {
  const psql = (query: string) => execFileSync('psql', ['-Atc', query, url], { encoding: 'utf8' }).trim();
  const walAt = () => psql('select pg_current_wal_lsn()');
  const pgbench = (clients: number, script: string, variables: Record<string, number> = {}) => {
    const defines = Object.entries(variables).flatMap(([name, value]) => ['-D', `${name}=${value}`]);
    const file = new URL(script, import.meta.url).pathname;
    const before = walAt();
    const run = spawnSync(
      'pgbench',
      ['-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-T', '5', '-P', '1', ...defines, '-f', file, url],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`pgbench failed: ${run.stderr}`);
    const done = Number(/transactions actually processed: (\d+)/.exec(run.stdout)?.[1] ?? 0);
    const bytes = Number(psql(`select pg_wal_lsn_diff('${walAt()}', '${before}')`));
    const seconds = [...run.stderr.matchAll(/progress: [\d.]+ s, ([\d.]+) tps/g)].map((m) => Number(m[1]));
    const late = seconds.slice(2);
    return {
      tps: Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1] ?? 0),
      warm: late.length > 0 ? late.reduce((a, b) => a + b, 0) / late.length : 0,
      wal: done > 0 ? bytes / done : 0,
    };
  };
  const location = benchLocations[0]!;
  const bookVariables = {
    mid: location.municipality_id,
    lid: location.id,
    c1: location.counters[0]!,
    c2: location.counters[1]!,
    c3: location.counters[2]!,
    sid: service!.id,
  };
  const rounds = (clients = 32) =>
    Array.from({ length: 3 }, () => {
      const insert = pgbench(clients, './pgbench-insert.sql');
      const book = pgbench(clients, './pgbench-book.sql', bookVariables);
      return { insert, book, ratio: book.tps / insert.tps, warmRatio: book.warm / insert.warm };
    }).sort((a, b) => a.ratio - b.ratio);
  type Rounds = ReturnType<typeof rounds>;
  // (in the rounds' order of ratio)
  const wal = (r: Rounds, of: 'insert' | 'book') => r.map((round) => round[of].wal.toFixed(0)).join('/');
  const warm = (r: Rounds) => {
    const w = [...r].sort((a, b) => a.warmRatio - b.warmRatio);
    return (
      `last 3 s of each round: INSERT ${w[1]!.insert.warm.toFixed(0)}, balie_book ${w[1]!.book.warm.toFixed(0)}, ` +
      `ratio ${w[1]!.warmRatio.toFixed(3)} (${w[0]!.warmRatio.toFixed(3)}–${w[2]!.warmRatio.toFixed(3)})`
    );
  };
  const line = (r: Rounds) =>
    `INSERT ${r[1]!.insert.tps.toFixed(0)} TPS, balie_book ${r[1]!.book.tps.toFixed(0)} TPS, ` +
    `ratio ${r[1]!.ratio.toFixed(3)} (median of 3 rounds; ${r[0]!.ratio.toFixed(3)}–${r[2]!.ratio.toFixed(3)}); ` +
    `${warm(r)}; WAL bytes per transaction INSERT ${wal(r, 'insert')}, balie_book ${wal(r, 'book')}`;
  console.log(`pgbench, 32 clients: ${line(rounds())}`);
  // The same with as many clients as the benchmark's pool: past the cores, clients only wait for each other.
  console.log(`pgbench, ${POOL} clients: ${line(rounds(POOL))}`);
  // What the foreign keys of the booking's rows cost: the same statement once they are dropped (this database only).
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const foreignKeys = await admin<{ table: string; name: string }[]>`
    select conrelid::regclass::text as table, conname as name from pg_constraint
    where contype = 'f' and conrelid::regclass::text in ('appointments', 'appointment_items', 'outbox')`;
  for (const key of foreignKeys) await admin.unsafe(`alter table ${key.table} drop constraint "${key.name}"`);
  await admin.end();
  console.log(`without the ${foreignKeys.length} foreign keys of appointments, items and outbox: ${line(rounds())}`);
}

/**
 * The statement of tests/bench/pgbench-book.sql on the first bench location, without its comments and pgbench's
 * own lines; its key, e-mail address and time (`:client_id`, `:k`, `:r`) are left to the caller.
 */
function pgbenchBookOnBenchLocation(): string {
  const location = benchLocations[0]!;
  return readFileSync(new URL('./pgbench-book.sql', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('--') && !l.startsWith('\\'))
    .join('\n')
    .replace(/:mid::/g, `${location.municipality_id}::`)
    .replace(/:lid::/g, `${location.id}::`)
    .replace(/:c1::/, `${location.counters[0]}::`)
    .replace(/:c2::/, `${location.counters[1]}::`)
    .replace(/:c3::/, `${location.counters[2]}::`)
    .replace(/:sid::/g, `${service!.id}::`);
}

// --cpu: PostgreSQL's own CPU per statement, one connection, each call its own transaction, read from the backend's
// /proc/<pid>/stat (a local server only). Steadier than throughput on a machine whose speed drifts: the baseline is
// a plain INSERT on the same connection in the same run, and the two take turns.
if (process.argv.includes('--cpu')) {
  const one = postgres(url, { max: 1, onnotice: () => {} });
  const [{ pid }] = (await one`select pg_backend_pid() as pid`) as unknown as [{ pid: number }];
  const ticks = () => cpuTicks(pid);
  const bookText = pgbenchBookOnBenchLocation()
    .replace(/:client_id \|\| ':' \|\| :k|'pgbench-' \|\| :client_id \|\| '-' \|\| :k/g, (m) =>
      m.startsWith(':') ? '$1' : '$2',
    )
    .replace(/:r::/g, '$3::');
  const insertText = "INSERT INTO baseline_inserts (payload) VALUES (repeat('x', 64))";
  const calls = 2000;
  const cpuPerCall = async (call: () => Promise<unknown>) => {
    const before = ticks();
    for (let i = 0; i < calls; i++) await call();
    return ((ticks() - before) * 10_000) / calls; // clock ticks of 10 ms, in µs per call
  };
  const seed = Math.floor(Math.random() * 1e9);
  let made = 0; // every call a new key, e-mail address and time, as in pgbench
  const book = () => {
    const n = made++;
    return one.unsafe(bookText, [`cpu:${seed}:${n}`, `cpu-${seed}-${n}`, (seed + n * 7919) % 100_000_000], {
      prepare: true,
    });
  };
  const insert = () => one.unsafe(insertText, [], { prepare: true });
  await cpuPerCall(book); // warm: plans cached, pages read
  for (let round = 1; round <= 3; round++) {
    const plain = await cpuPerCall(insert);
    const booking = await cpuPerCall(book);
    console.log(
      `PostgreSQL CPU per call, round ${round}: INSERT ${plain.toFixed(0)} µs, balie_book ${booking.toFixed(0)} µs, ` +
        `ratio ${(plain / booking).toFixed(3)} (${calls} calls each, one connection)`,
    );
  }
  await one.end();
}

// --instructions: what PostgreSQL executes per call of balie_book and of a plain INSERT, counted by callgrind in a
// backend of its own on a copy of this database (tests/bench/instructions.ts): steady whatever the machine's speed.
if (process.argv.includes('--instructions')) {
  const seed = Math.floor(Math.random() * 1e9);
  const bookText = pgbenchBookOnBenchLocation();
  const counted = instructionsPerCall(url, {
    balie_book: (n) =>
      bookText
        .replace(/:client_id \|\| ':' \|\| :k/, `'i:${seed}:${n}'`)
        .replace(/'pgbench-' \|\| :client_id \|\| '-' \|\| :k/, `'i-${seed}-${n}'`)
        .replace(/:r::/g, `${(seed + n * 7919) % 100_000_000}::`)
        .replace(/;\s*$/, ''),
    INSERT: () => "INSERT INTO baseline_inserts (payload) VALUES (repeat('x', 64))",
  });
  console.log(
    `instructions per call (callgrind, a single-user backend on a copy): INSERT ${counted.INSERT!.toFixed(0)}, ` +
      `balie_book ${counted.balie_book!.toFixed(0)}, ratio ${(counted.INSERT! / counted.balie_book!).toFixed(3)}`,
  );
}
