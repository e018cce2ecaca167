// A hold for a time the claims index shows taken is refused from memory (#17): no transaction, no lock, no read.
// Proved on PostgreSQL by locking the appointments table from another connection: the refusals, with their
// alternatives, still come at once; a hold for a free time waits for the table (PGlite has one connection, so it
// cannot be locked from outside: this runs on PostgreSQL only).
import postgres from 'postgres';
import t from 'tap';
import { onEachDatabase } from '../helpers/app.js';
import { bookOnline } from '../helpers/booking.js';

onEachDatabase(t, async (t, { app, clock, kind, url }) => {
  if (kind !== 'postgres') return;
  clock.set('2026-11-30T08:00:00Z');
  const start = '2026-12-02T11:00:00+01:00';
  const question = '/api/v1/availability?location=stadskantoor&items=paspoort&from=2026-12-02&to=2026-12-02';
  const freeAt = async () =>
    ((await app.inject(question)).json().days[0].slots as { start: string; available: number }[]).find(
      (s) => s.start === start,
    )!.available;
  const counters = await freeAt();
  for (let n = 0; n < counters; n++)
    t.equal((await bookOnline(app, { start, name: `Vol ${n}`, email: `vol${n}@example.nl` })).statusCode, 201);
  // The change feed brings the same changes once more a moment later: the index reads those times again once.
  await new Promise((r) => setTimeout(r, 300));
  t.equal(await freeAt(), 0, 'every counter taken at 11.00, and the index knows');

  const locker = postgres(url!, { max: 1, onnotice: () => {} });
  t.teardown(() => locker.end());
  let release: () => void = () => {};
  const locked = locker.begin(async (tx) => {
    await tx`lock table appointments in access exclusive mode`;
    await new Promise<void>((resolve) => {
      release = resolve;
    });
  });
  await new Promise((r) => setTimeout(r, 100));
  const hold = (at: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { location: 'stadskantoor', items: [{ service: 'paspoort', persons: 1 }], start: at },
    });
  const started = performance.now();
  const refusals = await Promise.all(Array.from({ length: 5 }, () => hold(start)));
  const ms = performance.now() - started;
  t.same(
    refusals.map((r) => [r.statusCode, r.json().code]),
    refusals.map(() => [409, 'time_taken']),
    'each refused',
  );
  t.ok(refusals[0]!.json().alternatives.length > 0, 'with alternatives, from memory too');
  t.ok(ms < 2000, `while the table is locked (${ms.toFixed(0)} ms for 5)`);
  const free = hold('2026-12-02T14:00:00+01:00');
  const waited = await Promise.race([
    free.then(() => 'answered'),
    new Promise((r) => setTimeout(() => r('waits'), 300)),
  ]);
  t.equal(waited, 'waits', 'a hold for a free time is decided in the database, which waits for the lock');
  release();
  await locked;
  t.equal((await free).statusCode, 201, 'and made once the table is free');
});
