// A database outage is survived: with the connection to PostgreSQL cut (a TCP proxy in this process drops every
// connection and refuses new ones), every request answers within 3 s with a 503 problem and Retry-After,
// /health/ready says 503 within 1 s, and when the connection is back the service goes on without a restart.
// PostgreSQL only: the embedded database lives in the process and cannot be cut off from it.
import { sql } from 'drizzle-orm';
import t from 'tap';
import { composeServices } from '../../src/app/compose.js';
import { buildApp } from '../../src/app/http-app.js';
import { openDatabase, queryRows } from '../../src/platform/database/database.js';
import { testConfig } from '../helpers/app.js';
import { freshDatabase } from '../helpers/databases.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';

t.test(
  'postgres: cut and restored',
  { skip: !process.env.TEST_DATABASE_URL && 'PostgreSQL only: TEST_DATABASE_URL is not set' },
  async (t) => {
    const fresh = await freshDatabase('postgres');
    t.teardown(fresh.drop);
    const target = new URL(fresh.url!);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    t.teardown(proxy.close);
    const proxied = new URL(fresh.url!);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const database = await openDatabase({ url: proxied.toString(), poolSize: 10 });
    const config = testConfig();
    const services = await composeServices({ config, database, clock: () => new Date('2026-11-30T08:00:00Z') });
    const app = await buildApp({ services, logger: false });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    t.teardown(async () => {
      await app.close();
      await services.close();
      await database.close().catch(() => {});
    });

    const timed = async (path: string, init: RequestInit = {}) => {
      const started = performance.now();
      const response = await fetch(`${base}${path}`, {
        ...init,
        headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
      });
      const body = await response.text();
      return { status: response.status, headers: response.headers, body, ms: performance.now() - started };
    };
    let n = 0;
    const book = () =>
      timed('/api/v1/appointments', {
        method: 'POST',
        headers: { 'idempotency-key': `outage-${++n}` },
        body: JSON.stringify({
          location: 'stadskantoor',
          items: [{ service: 'paspoort', persons: 1 }],
          start: `2026-12-0${1 + (n % 4)}T${String(9 + (Math.floor(n / 4) % 6)).padStart(2, '0')}:00:00+01:00`,
          name: `Storing ${n}`,
          email: `storing${n}@example.nl`,
        }),
      });
    const acknowledged: string[] = [];
    const note = (r: { status: number; body: string }) => {
      if (r.status === 201) acknowledged.push(JSON.parse(r.body).reference);
    };

    const first = await book();
    t.equal(first.status, 201, 'before the cut, a booking');
    note(first);

    // Bookings in flight when the connection goes.
    const inFlight = Array.from({ length: 5 }, () => book());
    proxy.cut();
    const cutAt = performance.now();
    const during = await Promise.all(inFlight);
    for (const r of during) note(r);
    t.ok(
      during.every((r) => r.status === 201 || r.status === 503),
      `in flight: ${during.map((r) => r.status).join(', ')}`,
    );

    const ready = await timed('/health/ready');
    t.equal(ready.status, 503, '/health/ready says 503');
    t.ok(ready.ms < 1000, `within 1 s (${ready.ms.toFixed(0)} ms)`);

    const paths: [string, RequestInit?][] = [
      ['/api/v1/availability?location=stadskantoor&items=paspoort&from=2026-12-07&to=2026-12-07'],
      ['/api/v1/services?municipality=stadswaard'],
      [`/api/v1/appointments/${acknowledged[0]}`, { headers: { authorization: 'Bearer x' } }],
      [
        '/api/v1/holds',
        {
          method: 'POST',
          body: JSON.stringify({
            location: 'stadskantoor',
            items: [{ service: 'paspoort', persons: 1 }],
            start: '2026-12-08T10:00:00+01:00',
          }),
        },
      ],
    ];
    const down = [...(await Promise.all(paths.map(([path, init]) => timed(path, init)))), await book()];
    let slowest = Math.max(...during.map((r) => r.ms));
    for (const r of down) {
      slowest = Math.max(slowest, r.ms);
      t.equal(r.status, 503, `while away: 503 (${r.ms.toFixed(0)} ms)`);
      t.match(r.headers.get('content-type'), /application\/problem\+json/);
      t.equal(r.headers.get('retry-after'), '5');
      t.equal(JSON.parse(r.body).code, 'database_unavailable');
    }
    t.ok(slowest < 3000, `every answer within 3 s while the database was away (slowest ${slowest.toFixed(0)} ms)`);
    t.ok(performance.now() - cutAt > 0);

    proxy.restore();
    const restoredAt = performance.now();
    let back = await timed('/health/ready');
    while (back.status !== 200 && performance.now() - restoredAt < 15_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      back = await timed('/health/ready');
    }
    const recovery = performance.now() - restoredAt;
    t.equal(back.status, 200, `ready again ${recovery.toFixed(0)} ms after the connection came back`);
    const after = await book();
    t.equal(after.status, 201, 'and bookings go on, without a restart');
    note(after);

    const rows = await queryRows<{ reference: string }>(
      fresh.database.db,
      sql`select reference from appointments where status = 'booked' and name like 'Storing %'`,
    );
    const found = new Set(rows.map((r) => r.reference));
    t.ok(
      acknowledged.every((reference) => found.has(reference)),
      `every acknowledged booking is there (${acknowledged.length} acknowledged, ${found.size} found)`,
    );
  },
);
