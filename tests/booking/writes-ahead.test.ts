// A booking or hold waits for the claim writes of its own process already under way at its time when they are as
// many as the counters the claims index shows free there (#17): then it is refused from memory once they have taken
// the time, instead of holding a database connection while it waits for the time's locks behind them.
// On both databases: writes the test keeps under way hold a request back until one of them ends, while a request
// for another time goes on. On PostgreSQL, with the appointments table locked from outside: of more residents than
// counters for one time, only as many as there are counters wait in the database; once the table is free, those
// are booked and the others refused.
import postgres from 'postgres';
import t from 'tap';
import { onEachDatabase } from '../helpers/app.js';
import { bookOnline } from '../helpers/booking.js';
import { lockAppointments } from '../helpers/table-lock.js';

const question = '/api/v1/availability?location=stadskantoor&items=paspoort&from=2026-12-02&to=2026-12-02';
const settled = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => true), new Promise((r) => setTimeout(() => r(false), ms))]);

onEachDatabase(t, async (t, { app, clock, kind, url }) => {
  clock.set('2026-11-30T08:00:00Z');
  const slots = (await app.inject(question)).json().days[0].slots as { start: string; available: number }[];
  const freeAt = (start: string) => slots.find((s) => s.start === start)!.available;
  const snapshot = await app.deps.locations.require('stadskantoor');
  const at = (start: string) => ({
    locationId: snapshot.location.id,
    start: Date.parse(start),
    end: Date.parse(start) + 10 * 60_000,
  });

  t.test('a request waits while as many writes are under way at its time as it has free counters', async (t) => {
    const start = '2026-12-02T10:00:00+01:00';
    const counters = freeAt(start);
    t.ok(counters > 0);
    const ends: (() => void)[] = [];
    const writes = Array.from({ length: counters }, () =>
      app.deps.changes.during(() => new Promise<void>((resolve) => ends.push(resolve)), at(start)),
    );
    t.equal(app.deps.changes.writesAt(at(start)).length, counters, 'the writes are under way at 10.00');
    const booking = bookOnline(app, { start, name: 'Wacht Even', email: 'wacht@example.nl' });
    const hold = app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { location: 'stadskantoor', items: [{ service: 'paspoort', persons: 1 }], start },
    });
    const elsewhere = await bookOnline(app, {
      start: '2026-12-02T13:00:00+01:00',
      name: 'Ander Uur',
      email: 'ander-uur@example.nl',
    });
    t.equal(elsewhere.statusCode, 201, 'a booking for another time does not wait');
    t.notOk(await settled(booking, 300), 'the booking for 10.00 waits');
    t.notOk(await settled(hold, 0), 'and so does the hold');
    ends.shift()!();
    ends.shift()?.();
    const [booked, held] = await Promise.all([booking, hold]);
    t.equal(booked.statusCode, 201, 'once two writes ended without a claim, the booking goes on');
    t.equal(held.statusCode, 201, 'and the hold too');
    for (const end of ends) end();
    await Promise.all(writes);
    t.same(app.deps.changes.writesAt(at(start)), [], 'no write is under way any more');
  });

  if (kind !== 'postgres') return;
  t.test('only as many residents as counters wait in the database for one time', async (t) => {
    const start = '2026-12-02T11:00:00+01:00';
    const counters = freeAt(start);
    const residents = counters + 4;
    const lock = await lockAppointments(t, url!);
    const answers = Promise.all(
      Array.from({ length: residents }, (_, n) =>
        bookOnline(app, { start, name: `Inwoner ${n}`, email: `inwoner${n}@example.nl` }),
      ),
    );
    await new Promise((r) => setTimeout(r, 300));
    const look = postgres(url!, { max: 1, onnotice: () => {} });
    t.teardown(() => look.end());
    const [waiting] = await look<{ count: number }[]>`
      select count(*)::int as count from pg_stat_activity
      where datname = current_database() and state = 'active' and wait_event_type = 'Lock'`;
    t.equal(waiting!.count, counters, `${counters} bookings wait in the database, not ${residents}`);
    await lock.release();
    const codes = (await answers).map((r) => r.statusCode).sort();
    t.same(codes, [...Array(counters).fill(201), ...Array(4).fill(409)], 'the counters booked, the others refused');
  });
});
