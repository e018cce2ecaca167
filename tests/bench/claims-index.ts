// npm run bench:claims-index — what the claims index costs per booking it puts in place, at a busy location: every
// counter of the demo's Stadskantoor booked every 10 minutes for eight hours a day, DAYS days (default 60: 14,400
// claims), on the embedded database. The baseline, in the same run, is what putClaim did before #17's mend: sort all
// of the location's claims and group every counter again. Prints µs per claim for both, and their ratio.
import { sql } from 'drizzle-orm';
import { loadDemoData } from '../../db/seed.js';
import { ClaimsIndex } from '../../src/availability/claims-index.js';
import { busyMinutes } from '../../src/availability/domain/free-slots.js';
import type { Claim } from '../../src/claims/claims-store.js';
import { openDatabase, queryRows } from '../../src/platform/database/database.js';
import { migrateDatabase } from '../../src/platform/database/migrate.js';

const DAYS = Number(process.env.DAYS ?? 60);
const PUTS = 2000;
const database = await openDatabase({});
await migrateDatabase(database);
await loadDemoData(database.db);
const [location] = await queryRows<{ id: number; municipality_id: number }>(
  database.db,
  sql`select id, municipality_id from locations where slug = 'stadskantoor'`,
);
const counters = (
  await queryRows<{ id: number }>(
    database.db,
    sql`select id from counters where location_id = ${location!.id} order by id`,
  )
).map((c) => c.id);
await database.db.execute(sql`
  insert into appointments (municipality_id, location_id, counter_id, starts_at, ends_at, status, created_at,
    updated_at)
  select ${location!.municipality_id}, ${location!.id}, c, t, t + interval '10 minutes', 'booked', now(), now()
  from unnest(${`{${counters.join(',')}}`}::int[]) as c, generate_series(1, ${DAYS}) as d,
    generate_series(date_trunc('day', now()) + d * interval '1 day' + interval '8 hours',
      date_trunc('day', now()) + d * interval '1 day' + interval '15 hours 50 minutes', interval '10 minutes') as t`);
const index = new ClaimsIndex(database.db);
const now = new Date();
const span = { start: now.getTime(), end: now.getTime() + (DAYS + 5) * 86_400_000 };
const loaded = await index.liveClaims(location!.id, span, now);
// New claims in the evenings (free), so that each is a real booking of a free time.
const claimsToPut = (round: number): Claim[] =>
  Array.from({ length: PUTS }, (_, i) => {
    const start = Date.parse(new Date(now).toISOString().slice(0, 10)) + (1 + (i % DAYS)) * 86_400_000 + 18 * 3600_000;
    const at = start + Math.floor(i / DAYS) * 60_000 + round * 20 * 60_000;
    return {
      id: `p${round}-${i}`,
      counterId: counters[i % counters.length]!,
      start: at,
      end: at + 50_000,
      holdExpiresAt: null,
      tag: null,
    };
  });

/** Before: every claim of the location sorted and every counter grouped again, for each claim put. */
function regroupAll(claims: Claim[], claim: Claim): Claim[] {
  const all = [...claims.filter((c) => c.id !== claim.id), claim].sort(
    (a, b) => a.counterId - b.counterId || a.start - b.start,
  );
  const lists = new Map<number, Claim[]>();
  for (const c of all) {
    const list = lists.get(c.counterId);
    if (list) list.push(c);
    else lists.set(c.counterId, [c]);
  }
  busyMinutes(lists);
  all.filter((c) => c.holdExpiresAt !== null);
  return all;
}

console.log(`claims index at ${location!.id}: ${loaded.length} claims on ${counters.length} counters, ${PUTS} puts`);
for (let round = 0; round < 3; round++) {
  let claims = loaded;
  const t0 = performance.now();
  for (const claim of claimsToPut(round)) claims = regroupAll(claims, claim);
  const before = ((performance.now() - t0) * 1000) / PUTS;
  const t1 = performance.now();
  for (const claim of claimsToPut(round + 10)) index.putClaim(location!.id, claim);
  const after = ((performance.now() - t1) * 1000) / PUTS;
  console.log(
    `round ${round + 1}: regroup all (before) ${before.toFixed(1)} µs per claim, putClaim ${after.toFixed(1)} µs ` +
      `per claim, ratio ${(after / before).toFixed(3)}`,
  );
}
await database.close();
