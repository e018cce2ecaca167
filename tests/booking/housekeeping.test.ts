import { sql } from 'drizzle-orm';
import t from 'tap';
import { sweep } from '../../src/booking/housekeeping.js';
import { queryRows } from '../../src/platform/database/database.js';
import { onEachDatabase } from '../helpers/app.js';

onEachDatabase(t, async (t, { app, database, clock }) => {
  const { deps } = app;
  clock.set('2026-11-30T08:00:00Z');

  t.test(
    'holds that ran out are released, double-click answers forgotten after a minute and those of a key after a day',
    async (t) => {
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
      const clicked = await app.inject({
        method: 'POST',
        url: '/api/v1/appointments',
        payload: {
          location: 'stadskantoor',
          items: [{ service: 'paspoort', persons: 1 }],
          start: '2026-12-01T11:00:00+01:00',
          name: 'B',
          email: 'b@example.nl',
        },
      });
      t.same([hold.statusCode, booked.statusCode, clicked.statusCode], [201, 201, 201]);
      const none = { holdsReleased: 0, answersForgotten: 0, erased: 0 };
      t.same(await sweep(deps), none, 'too early for any');
      clock.set('2026-11-30T08:01:01Z');
      t.same(await sweep(deps), { ...none, answersForgotten: 1 }, "the double click's answer after its minute");
      clock.set('2026-11-30T08:10:00Z');
      t.same(await sweep(deps), { ...none, holdsReleased: 1 });
      clock.set('2026-12-01T08:01:00Z');
      t.same(await sweep(deps), { ...none, answersForgotten: 1 }, "the key's answer after a day");
      const [row] = await queryRows<{ status: string }>(
        database.db,
        sql`select status from appointments where reference = ${booked.json().reference}`,
      );
      t.equal(row!.status, 'booked', 'the booking stays');
    },
  );
});
