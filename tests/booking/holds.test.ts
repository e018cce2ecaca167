import { and, eq, ne } from 'drizzle-orm';
import t from 'tap';
import { appointments, counters, locations } from '../../db/schema.js';
import { onEachDatabase } from '../helpers/app.js';

const base = {
  location: 'stadskantoor',
  items: [{ service: 'paspoort', persons: 1 }],
  start: '2026-12-01T09:00:00+01:00',
};

onEachDatabase(t, async (t, { app, clock, database }) => {
  const hold = async () => (await app.inject({ method: 'POST', url: '/api/v1/holds', payload: base })).json();
  const available = async () =>
    (
      await app.inject({
        url: '/api/v1/availability?location=stadskantoor&items=paspoort&from=2026-12-01&to=2026-12-01',
      })
    )
      .json()
      .days[0].slots.find((s: { start: string }) => s.start === base.start).available;

  t.test('a resident who needs more time extends the hold, up to three hold lengths in all', async (t) => {
    clock.set('2026-11-30T08:00:00Z');
    const { holdId, expiresAt } = await hold();
    t.equal(expiresAt, '2026-11-30T09:10:00+01:00');
    clock.set('2026-11-30T08:08:00Z');
    const extended = await app.inject({ method: 'POST', url: `/api/v1/holds/${holdId}/extend` });
    t.equal(extended.statusCode, 200);
    t.match(
      extended.json(),
      { holdId, start: base.start, expiresAt: '2026-11-30T09:18:00+01:00' },
      'ten minutes from now',
    );
    clock.set('2026-11-30T08:15:00Z');
    t.equal(
      (await app.inject({ method: 'POST', url: `/api/v1/holds/${holdId}/extend` })).json().expiresAt,
      '2026-11-30T09:25:00+01:00',
    );
    clock.set('2026-11-30T08:24:00Z');
    t.equal(
      (await app.inject({ method: 'POST', url: `/api/v1/holds/${holdId}/extend` })).json().expiresAt,
      '2026-11-30T09:30:00+01:00',
      'never past three hold lengths after it was made',
    );
    clock.set('2026-11-30T08:30:00Z');
    const late = await app.inject({
      method: 'POST',
      url: `/api/v1/holds/${holdId}/extend`,
      headers: { 'accept-language': 'en' },
    });
    t.equal(late.statusCode, 404, 'a hold that ran out cannot be extended');
    t.match(late.json(), { code: 'hold_not_found', detail: /choose a time again/i });
  });

  t.test('letting a hold go frees the time at once; twice is harmless', async (t) => {
    clock.set('2026-11-30T08:00:00Z');
    const before = await available();
    const { holdId } = await hold();
    t.equal(await available(), before - 1);
    const released = await app.inject({ method: 'DELETE', url: `/api/v1/holds/${holdId}` });
    t.equal(released.statusCode, 204);
    t.equal(await available(), before, 'free again in the next answer');
    t.equal((await app.inject({ method: 'DELETE', url: `/api/v1/holds/${holdId}` })).statusCode, 204);
    t.equal(
      (await app.inject({ method: 'POST', url: `/api/v1/holds/${holdId}/extend` })).statusCode,
      404,
      'a released hold is gone',
    );
    t.equal((await app.inject({ method: 'DELETE', url: '/api/v1/holds/not-a-uuid' })).statusCode, 400);
  });

  t.test(
    'a hold booked with a need for extra time grows where it is, or moves to a counter where it fits, or keeps its ' +
      'time',
    async (t) => {
      clock.set('2026-11-30T08:00:00Z');
      const details = { name: 'Fatma Yılmaz', email: 'fatma@example.nl', needs: { extraTime: true } };
      const book = (holdId: string) =>
        app.inject({ method: 'POST', url: '/api/v1/appointments', payload: { holdId, ...details } });
      const row = async (id: string) =>
        (await database.db.select().from(appointments).where(eq(appointments.id, id)))[0]!;

      const grown = (
        await app.inject({
          method: 'POST',
          url: '/api/v1/holds',
          payload: { ...base, start: '2026-12-02T09:00:00+01:00' },
        })
      ).json();
      const booked = await book(grown.holdId);
      t.equal(booked.statusCode, 201);
      t.match(booked.json(), {
        start: '2026-12-02T09:00:00+01:00',
        end: '2026-12-02T09:20:00+01:00',
        sequence: 1,
        needs: { extraTime: true },
      });
      t.match(
        await row(grown.holdId),
        { status: 'booked', reference: booked.json().reference },
        'the hold itself became the appointment',
      );

      // Every counter is taken from 09:10: the longer time fits nowhere, and the hold keeps its own time.
      const hold = (
        await app.inject({
          method: 'POST',
          url: '/api/v1/holds',
          payload: { ...base, start: '2026-12-03T09:00:00+01:00' },
        })
      ).json();
      const held = await row(hold.holdId);
      const [location] = await database.db.select().from(locations).where(eq(locations.slug, 'stadskantoor'));
      const all = await database.db.select().from(counters).where(eq(counters.locationId, location!.id));
      const blocks = await database.db
        .insert(appointments)
        .values(
          all.map((c) => ({
            municipalityId: location!.municipalityId,
            locationId: location!.id,
            counterId: c.id,
            kind: 'block' as const,
            status: 'booked' as const,
            startsAt: new Date('2026-12-03T08:10:00Z'),
            endsAt: new Date('2026-12-03T08:30:00Z'),
          })),
        )
        .returning({ id: appointments.id, counterId: appointments.counterId });
      const refused = await book(hold.holdId);
      t.equal(refused.statusCode, 409);
      t.equal(refused.json().code, 'time_taken');
      t.match(
        await row(hold.holdId),
        { status: 'held', counterId: held.counterId, endsAt: held.endsAt, reference: null },
        'the hold is as it was',
      );

      // Another counter frees up: the appointment moves there, in one piece.
      const other = blocks.find((b) => b.counterId !== held.counterId)!;
      await database.db
        .delete(appointments)
        .where(and(eq(appointments.id, other.id), ne(appointments.counterId, held.counterId)));
      const moved = await book(hold.holdId);
      t.equal(moved.statusCode, 201);
      t.match(moved.json(), { end: '2026-12-03T09:20:00+01:00', sequence: 1 });
      t.match(await row(hold.holdId), { status: 'booked', counterId: other.counterId });
    },
  );
});
