import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import t from 'tap';
import { queryRows } from '../../src/platform/database/database.js';
import { sqlState } from '../../src/platform/database/sql-errors.js';
import { onEachDatabase, uncachedApp } from '../helpers/app.js';
import { insertClaim } from '../helpers/claims.js';

// The claims index keeps a location's live claims in memory for availability. Whatever is claimed, an app that
// reads them from the database for every answer (no index, no caches) must give the very same answers.
onEachDatabase(t, async (t, { app, database, clock }) => {
  const plain = await uncachedApp(t, database, clock);
  const url = '/api/v1/availability?location=stadskantoor&items=paspoort&from=2026-12-07&to=2026-12-11';
  const answer = async (which: typeof app) => (await which.inject(url)).body;
  /** Another process's writes reach the index by the change feed, a moment after commit. */
  const sameAnswer = async () => {
    const until = Date.now() + 2000;
    let indexed = '';
    while (Date.now() < until) {
      indexed = await answer(app);
      if (indexed === (await answer(plain))) return true;
      await new Promise((r) => setTimeout(r, 20));
    }
    return false;
  };

  t.ok(await sameAnswer(), 'before any claim');
  const claim = fc.record({
    counter: fc.constantFrom('Balie 1', 'Balie 2', 'Balie 3'),
    day: fc.integer({ min: 7, max: 11 }),
    quarter: fc.integer({ min: 32, max: 64 }),
    quarters: fc.integer({ min: 1, max: 4 }),
    hold: fc.boolean(),
  });
  const samples = fc.sample(claim, { numRuns: 12, seed: 7 });
  let inserted = 0;
  for (const [index, c] of samples.entries()) {
    const start = new Date(Date.UTC(2026, 11, c.day, 0, c.quarter * 15 - 60));
    const end = new Date(start.getTime() + c.quarters * 15 * 60_000);
    await insertClaim(database.db, {
      location: 'stadskantoor',
      counter: c.counter,
      start: start.toISOString(),
      end: end.toISOString(),
      ...(c.hold && {
        status: 'held' as const,
        holdExpiresAt: new Date(clock.now().getTime() + (index + 1) * 60_000).toISOString(),
      }),
    }).then(
      () => inserted++,
      (error: unknown) => {
        // An overlap on the same counter is refused by the constraint, and then nothing changed; anything else fails.
        if (sqlState(error) !== '23P01') throw error;
      },
    );
    t.ok(await sameAnswer(), `after claim ${index + 1}`);
  }
  t.ok(inserted >= 6, `most of the sampled claims were written (${inserted} of ${samples.length})`);
  // Cancelled and moved claims are put in place too (the index reads only the times a change touched, #17).
  const written = await queryRows<{ id: string }>(
    database.db,
    sql`select id from appointments where status in ('held', 'booked') and starts_at >= '2026-12-07' order by id`,
  );
  for (const [index, { id }] of written.entries()) {
    if (index % 2 === 0) await database.db.execute(sql`update appointments set status = 'cancelled' where id = ${id}`);
    else
      await database.db
        .execute(
          sql`update appointments set starts_at = starts_at + interval '30 minutes',
                ends_at = ends_at + interval '30 minutes' where id = ${id}`,
        )
        .catch((error: unknown) => {
          if (sqlState(error) !== '23P01') throw error; // moved into another claim: refused, nothing changed
        });
    t.ok(await sameAnswer(), `after ${index % 2 === 0 ? 'cancelling' : 'moving'} claim ${index + 1}`);
  }
  clock.set(new Date(clock.now().getTime() + 6 * 60_000).toISOString());
  t.ok(await sameAnswer(), 'after some holds ran out, without any write');
});
