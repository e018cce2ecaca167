// A booking or hold this process wrote is put in its claims index as it now is (#17): no read of that time again,
// neither at once nor when the change feed brings the same change (its rows name the transaction). Proved on
// PostgreSQL by locking the appointments table from another connection right after the writes: availability still
// answers, at once, with both times taken. On both databases the answers equal those of an app without index or
// caches, so what was put in place is the claim as the database has it (counter, times, the hold's end).
import t from 'tap';
import { onEachDatabase, uncachedApp } from '../helpers/app.js';
import { bookOnline } from '../helpers/booking.js';
import { lockAppointments } from '../helpers/table-lock.js';

onEachDatabase(t, async (t, { app, database, clock, kind, url }) => {
  clock.set('2026-11-30T08:00:00Z');
  const plain = await uncachedApp(t, database, clock);
  const question = '/api/v1/availability?location=stadskantoor&items=paspoort&from=2026-12-02&to=2026-12-02';
  const slotsOf = async (which: typeof app) =>
    (await which.inject(question)).json().days[0].slots as { start: string; available: number }[];
  const freeAt = async (start: string) => (await slotsOf(app)).find((s) => s.start === start)?.available ?? 0;
  const booked = '2026-12-02T09:20:00+01:00';
  const held = '2026-12-02T13:40:00+01:00';
  const before = { booked: await freeAt(booked), held: await freeAt(held) }; // the index has the location now

  t.equal((await bookOnline(app, { start: booked, name: 'In Plaats', email: 'inplaats@example.nl' })).statusCode, 201);
  const hold = await app.inject({
    method: 'POST',
    url: '/api/v1/holds',
    payload: { location: 'stadskantoor', items: [{ service: 'paspoort', persons: 1 }], start: held },
  });
  t.equal(hold.statusCode, 201);
  if (kind === 'postgres') {
    const lock = await lockAppointments(t, url!);
    const ask = async () =>
      Promise.race([
        slotsOf(app).then((slots) =>
          slots.filter((s) => s.start === booked || s.start === held).map((s) => s.available),
        ),
        new Promise((r) => setTimeout(() => r('waits for the table'), 1000)),
      ]);
    const expected = [before.booked - 1, before.held - 1];
    t.same(await ask(), expected, 'right after the writes: answered from memory while the table is locked');
    // Long enough for the change feed (50 ms) to have brought this process's own rows: still no read.
    await new Promise((r) => setTimeout(r, 300));
    t.same(await ask(), expected, 'and after the change feed brought the same changes');
    await lock.release();
  }
  t.same(await slotsOf(app), await slotsOf(plain), 'the same answer as read from the database');
  t.same(
    { booked: await freeAt(booked), held: await freeAt(held) },
    { booked: before.booked - 1, held: before.held - 1 },
    'one counter fewer at each time',
  );
});
