import t from 'tap';
import { buildApp } from '../../src/app/http-app.js';
import type { Change } from '../../src/claims/change-signal.js';
import { onEachDatabase } from '../helpers/app.js';

// Every writer of claims raises the one change signal itself, after commit: with the feed of the changes table
// switched off (CHANGE_FEED_MS=0), the next availability answer of the same process must still show each change.
const start = '2026-12-01T09:00:00+01:00';
const later = '2026-12-01T10:00:00+01:00';
const item = { location: 'stadskantoor', items: [{ service: 'paspoort', persons: 1 }] };
const question = '/api/v1/availability?location=stadskantoor&items=paspoort&from=2026-12-01&to=2026-12-01';

onEachDatabase(t, async (t, { database, clock, config }) => {
  clock.set('2026-11-30T08:00:00Z');
  const app = await buildApp({ config: { ...config, CHANGE_FEED_MS: 0 }, database, clock: clock.now, logger: false });
  t.teardown(() => app.close());
  const raised: Change[] = [];
  app.deps.changes.listen((change) => raised.push(change));
  const free = async (at: string) => {
    const slots = (await app.inject(question)).json().days[0].slots as { start: string; available: number }[];
    return slots.find((s) => s.start === at)!.available;
  };
  /** Runs a writer between two answers (the first one kept in the caches) and returns both counts at `at`. */
  const around = async (at: string, write: () => Promise<{ statusCode: number }>, status: number) => {
    const before = await free(at);
    t.equal(await free(at), before, 'the answer is kept while nothing changes');
    const count = raised.length;
    const response = await write();
    t.equal(response.statusCode, status);
    t.ok(raised.length > count, 'the writer raised the change signal');
    return { before, after: await free(at) };
  };

  const post = (url: string, payload?: object, token?: string) =>
    app.inject({
      method: 'POST',
      url,
      ...(payload && { payload }),
      ...(token && { headers: { authorization: `Bearer ${token}` } }),
    });

  let holdId = '';
  t.test('a hold takes a counter', async (t) => {
    const { before, after } = await around(
      start,
      async () => {
        const response = await post('/api/v1/holds', { ...item, start });
        holdId = response.json().holdId;
        return response;
      },
      201,
    );
    t.equal(after, before - 1);
  });

  t.test('extending a hold is announced (its end moves)', async (t) => {
    const { before, after } = await around(start, () => post(`/api/v1/holds/${holdId}/extend`), 200);
    t.equal(after, before);
  });

  t.test('letting a hold go frees its counter', async (t) => {
    const { before, after } = await around(
      start,
      () => app.inject({ method: 'DELETE', url: `/api/v1/holds/${holdId}` }),
      204,
    );
    t.equal(after, before + 1);
  });

  let booked = { reference: '', manageToken: '' };
  t.test('a booking takes a counter', async (t) => {
    const { before, after } = await around(
      start,
      async () => {
        const response = await post('/api/v1/appointments', {
          ...item,
          start,
          name: 'Signaal Test',
          email: 'signaal@example.nl',
        });
        booked = response.json();
        return response;
      },
      201,
    );
    t.equal(after, before - 1);
  });

  t.test('a booking from a hold keeps the counter it held', async (t) => {
    const hold = (await post('/api/v1/holds', { ...item, start: later })).json();
    const { before, after } = await around(
      later,
      () => post('/api/v1/appointments', { holdId: hold.holdId, name: 'Signaal Twee', email: 'signaal2@example.nl' }),
      201,
    );
    t.equal(after, before, 'held and booked take the same one counter');
  });

  t.test('a move frees the old time and takes the new one', async (t) => {
    const moveTo = '2026-12-01T11:00:00+01:00';
    const oldBefore = await free(start);
    const { before, after } = await around(
      moveTo,
      () => post(`/api/v1/appointments/${booked.reference}/reschedule`, { start: moveTo }, booked.manageToken),
      200,
    );
    t.equal(after, before - 1, 'the new time has one counter less');
    t.equal(await free(start), oldBefore + 1, 'the old time has one counter more');
    // Back again, so that the cancellation below frees `start`.
    t.equal(
      (await post(`/api/v1/appointments/${booked.reference}/reschedule`, { start }, booked.manageToken)).statusCode,
      200,
    );
  });

  t.test('a cancellation frees the counter', async (t) => {
    const { before, after } = await around(
      start,
      () => post(`/api/v1/appointments/${booked.reference}/cancel`, undefined, booked.manageToken),
      200,
    );
    t.equal(after, before + 1);
  });
});
