import t from 'tap';
import { onEachDatabase } from '../helpers/app.js';

const base = { location: 'stadskantoor', items: [{ service: 'paspoort', persons: 1 }], start: '2026-12-01T09:00:00+01:00' };

onEachDatabase(t, async (t, { app, clock }) => {
  const hold = async () => (await app.inject({ method: 'POST', url: '/api/v1/holds', payload: base })).json();
  const available = async () => (await app.inject({ url: '/api/v1/availability?location=stadskantoor&items=paspoort&from=2026-12-01&to=2026-12-01' }))
    .json().days[0].slots.find((s: { start: string }) => s.start === base.start).available;

  t.test('a resident who needs more time extends the hold, up to three hold lengths in all', async (t) => {
    clock.set('2026-11-30T08:00:00Z');
    const { holdId, expiresAt } = await hold();
    t.equal(expiresAt, '2026-11-30T09:10:00+01:00');
    clock.set('2026-11-30T08:08:00Z');
    const extended = await app.inject({ method: 'POST', url: `/api/v1/holds/${holdId}/extend` });
    t.equal(extended.statusCode, 200);
    t.match(extended.json(), { holdId, start: base.start, expiresAt: '2026-11-30T09:18:00+01:00' }, 'ten minutes from now');
    clock.set('2026-11-30T08:15:00Z');
    t.equal((await app.inject({ method: 'POST', url: `/api/v1/holds/${holdId}/extend` })).json().expiresAt, '2026-11-30T09:25:00+01:00');
    clock.set('2026-11-30T08:24:00Z');
    t.equal((await app.inject({ method: 'POST', url: `/api/v1/holds/${holdId}/extend` })).json().expiresAt, '2026-11-30T09:30:00+01:00',
      'never past three hold lengths after it was made');
    clock.set('2026-11-30T08:30:00Z');
    const late = await app.inject({ method: 'POST', url: `/api/v1/holds/${holdId}/extend`, headers: { 'accept-language': 'en' } });
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
    t.equal((await app.inject({ method: 'POST', url: `/api/v1/holds/${holdId}/extend` })).statusCode, 404, 'a released hold is gone');
    t.equal((await app.inject({ method: 'DELETE', url: '/api/v1/holds/not-a-uuid' })).statusCode, 400);
  });
});
