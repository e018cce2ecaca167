// A hold or a booking for a time the claims index shows taken is refused from memory (#17): no transaction, no
// lock, no read. Proved on PostgreSQL by locking the appointments table from another connection: the refusals, with
// their alternatives, still come at once; a hold for a free time waits for the table (PGlite has one connection, so
// it cannot be locked from outside). On both databases: the same request again (a double click) is still answered
// with its booking, as its claim carries the request's tag.
import t from 'tap';
import { onEachDatabase } from '../helpers/app.js';
import { bookOnline } from '../helpers/booking.js';
import { lockAppointments } from '../helpers/table-lock.js';

onEachDatabase(t, async (t, { app, clock, kind, url }) => {
  clock.set('2026-11-30T08:00:00Z');
  const start = '2026-12-02T11:00:00+01:00';
  const question = '/api/v1/availability?location=stadskantoor&items=paspoort&from=2026-12-02&to=2026-12-02';
  const freeAt = async () =>
    ((await app.inject(question)).json().days[0].slots as { start: string; available: number }[]).find(
      (s) => s.start === start,
    )!.available;
  const counters = await freeAt();
  const last = { start, name: 'Dubbel Klik', email: 'dubbel@example.nl' };
  for (let n = 0; n < counters - 1; n++)
    t.equal((await bookOnline(app, { start, name: `Vol ${n}`, email: `vol${n}@example.nl` })).statusCode, 201);
  const first = await bookOnline(app, last);
  t.equal(first.statusCode, 201, 'the last counter');
  // The change feed brings the same changes once more a moment later: the index reads those times again once.
  await new Promise((r) => setTimeout(r, 300));
  t.equal(await freeAt(), 0, 'every counter taken at 11.00, and the index knows');
  const again = await bookOnline(app, last);
  t.equal(again.statusCode, 201, 'the same request again, on a full time: answered again, not refused');
  t.equal(again.json().reference, first.json().reference, 'with the same booking');
  const other = await bookOnline(app, { start, name: 'Ander', email: 'ander@example.nl' });
  t.equal(other.statusCode, 409, 'someone else is refused');
  if (kind !== 'postgres') return;

  const lock = await lockAppointments(t, url!);
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
  const bookings = await Promise.all(
    Array.from({ length: 3 }, (_, n) => bookOnline(app, { start, name: `Laat ${n}`, email: `laat${n}@example.nl` })),
  );
  t.same(
    bookings.map((r) => r.statusCode),
    [409, 409, 409],
    'bookings for the taken time too',
  );
  t.ok(ms < 2000, `while the table is locked (${ms.toFixed(0)} ms for 5 holds)`);
  const free = hold('2026-12-02T14:00:00+01:00');
  const waited = await Promise.race([
    free.then(() => 'answered'),
    new Promise((r) => setTimeout(() => r('waits'), 300)),
  ]);
  t.equal(waited, 'waits', 'a hold for a free time is decided in the database, which waits for the lock');
  await lock.release();
  t.equal((await free).statusCode, 201, 'and made once the table is free');
});
