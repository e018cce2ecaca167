// Live day views: a resident's booking, or a colleague's status change, reaches every open event stream of that
// location within a second, over real HTTP; 200 open streams all hear it; on PostgreSQL a booking through one
// server reaches a stream opened on another (the change feed); a stream of another location hears nothing.
import t from 'tap';
import { stop } from '../bench/measure.js';
import { onEachDatabase } from '../helpers/app.js';
import { startSecondServer } from '../helpers/second-server.js';
import { loginAs } from '../helpers/staff.js';

type Stream = { events: string[]; next: (within: number) => Promise<string | undefined>; close: () => void };

/** Opens an event stream with a session cookie and collects its `event:` blocks. */
async function openStream(base: string, location: string, cookie: string): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/v1/staff/locations/${location}/events`, {
    headers: { cookie },
    signal: controller.signal,
  });
  if (response.status !== 200) throw new Error(`stream: ${response.status} ${await response.text()}`);
  const events: string[] = [];
  const waiting: ((event: string) => void)[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) return;
      buffer += chunk.value;
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop()!;
      for (const block of blocks.filter((b) => b.startsWith('event:'))) {
        events.push(block);
        waiting.shift()?.(block);
      }
    }
  })();
  return {
    events,
    next: (within) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => resolve(undefined), within);
        waiting.push((event) => {
          clearTimeout(timer);
          resolve(event);
        });
      }),
    close: () => controller.abort(),
  };
}

const booking = (start: string, n: number) => ({
  method: 'POST' as const,
  url: '/api/v1/appointments',
  payload: {
    location: 'stadskantoor',
    items: [{ service: 'paspoort', persons: 1 }],
    start,
    name: `Live Inwoner ${n}`,
    email: `live${n}@example.nl`,
  },
});

onEachDatabase(t, async (t, { app, clock, kind, url }) => {
  clock.set('2026-11-30T08:00:00Z');
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const staff = await loginAs(app, 'balie@stadswaard.demo');

  t.test("a resident's booking and a colleague's check-in reach the open day view within a second", async (t) => {
    const stream = await openStream(base, 'stadskantoor', staff.cookie);
    const elsewhere = await openStream(base, 'informatiepunt-noord', staff.cookie);
    t.teardown(() => {
      stream.close();
      elsewhere.close();
    });
    const started = performance.now();
    const heard = stream.next(1000);
    const booked = await app.inject(booking('2026-12-01T09:00:00+01:00', 1));
    t.equal(booked.statusCode, 201);
    const event = await heard;
    const ms = performance.now() - started;
    t.ok(event, `heard within a second (${ms.toFixed(0)} ms)`);
    t.match(event, /^event: change\ndata: \{"location":"stadskantoor","date":"2026-12-01","start":"2026-12-01T09:00/);
    t.notOk(event?.includes('Live Inwoner'), 'the event carries no personal data');

    clock.set('2026-12-01T07:55:00Z');
    const colleague = await loginAs(app, 'balie@stadswaard.demo');
    const again = stream.next(1000);
    const checkedIn = await colleague.inject({
      method: 'POST',
      url: `/api/v1/staff/appointments/${booked.json().reference}/status`,
      payload: { status: 'checked_in' },
    });
    t.equal(checkedIn.statusCode, 200);
    t.ok(await again, 'a status change is heard too');
    await new Promise((r) => setTimeout(r, 300));
    t.same(elsewhere.events, [], 'another location hears nothing');
  });

  t.test('200 open streams all hear one booking', async (t) => {
    clock.set('2026-11-30T08:00:00Z');
    const streams = await Promise.all(
      Array.from({ length: 200 }, () => openStream(base, 'stadskantoor', staff.cookie)),
    );
    t.teardown(() => {
      for (const s of streams) s.close();
    });
    const started = performance.now();
    const heard = Promise.all(streams.map((s) => s.next(1000)));
    t.equal((await app.inject(booking('2026-12-02T10:00:00+01:00', 2))).statusCode, 201);
    const events = await heard;
    const ms = performance.now() - started;
    t.equal(events.filter(Boolean).length, 200, `all 200 heard it within ${ms.toFixed(0)} ms`);
  });

  t.test('a stream needs a session and a location in scope', async (t) => {
    const none = await fetch(`${base}/api/v1/staff/locations/stadskantoor/events`);
    t.equal(none.status, 401);
    await none.body?.cancel();
    const veenhoven = await loginAs(app, 'balie@veenhoven.demo');
    const outside = await fetch(`${base}/api/v1/staff/locations/stadskantoor/events`, {
      headers: { cookie: veenhoven.cookie },
    });
    t.equal(outside.status, 404);
    await outside.body?.cancel();
  });

  if (kind === 'postgres') {
    t.test(
      'a booking through this server reaches a stream opened on another server process (the change feed)',
      async (t) => {
        const other = await startSecondServer(t, url!);
        t.teardown(() => stop(other.child));
        const login = await fetch(`${other.app}/api/v1/staff/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'balie@stadswaard.demo', password: 'balie-demo' }),
        });
        t.equal(login.status, 200);
        const stream = await openStream(other.app, 'stadskantoor', login.headers.get('set-cookie')!.split(';')[0]!);
        t.teardown(() => stream.close());
        const started = performance.now();
        const heard = stream.next(1000);
        t.equal((await app.inject(booking('2026-12-03T11:00:00+01:00', 3))).statusCode, 201);
        const event = await heard;
        t.ok(event, `heard in the other process within ${(performance.now() - started).toFixed(0)} ms`);
      },
    );
  }
});
