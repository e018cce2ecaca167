import { sql } from 'drizzle-orm';
import t from 'tap';
import { sweep } from '../../src/booking/housekeeping.js';
import { queryRows } from '../../src/platform/database/database.js';
import { onEachDatabase } from '../helpers/app.js';

onEachDatabase(t, async (t, { app, database, clock }) => {
  const { deps } = app;
  clock.set('2026-11-30T08:00:00Z');

  t.test('expired holds are released and day-old idempotency answers forgotten; nothing else is touched', async (t) => {
    const hold = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: {
        location: 'stadskantoor',
        items: [{ service: 'paspoort', persons: 1 }],
        start: '2026-12-01T09:00:00+01:00',
      },
    });
    const booked = await app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: { 'idempotency-key': 'housekeeping-key-1' },
      payload: {
        location: 'stadskantoor',
        items: [{ service: 'paspoort', persons: 1 }],
        start: '2026-12-01T10:00:00+01:00',
        name: 'A',
        email: 'a@example.nl',
      },
    });
    t.same([hold.statusCode, booked.statusCode], [201, 201]);
    t.same(await sweep(deps), { holdsReleased: 0, answersForgotten: 0 }, 'too early for either');
    clock.set('2026-11-30T08:10:00Z');
    t.same(await sweep(deps), { holdsReleased: 1, answersForgotten: 0 });
    clock.set('2026-12-01T08:01:00Z');
    t.same(await sweep(deps), { holdsReleased: 0, answersForgotten: 1 });
    const [row] = await queryRows<{ status: string }>(
      database.db,
      sql`select status from appointments where reference = ${booked.json().reference}`,
    );
    t.equal(row!.status, 'booked', 'the booking stays');
  });
});
