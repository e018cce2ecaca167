// Crash safety (npm run test:crash; also part of npm test when TEST_DATABASE_URL is set): the real server on
// PostgreSQL books under load and is killed with SIGKILL mid-load three times, then started again. Afterwards
// every acknowledged booking (201) exists exactly once, no counter holds two live claims at once, and every booking
// has its confirmation in the outbox (queued or sent). Clients retry with the same Idempotency-Key, as the widget
// does, so a booking whose answer was lost in a crash is not made twice.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import t from 'tap';
import { queryRows } from '../../src/platform/database/database.js';
import { freshDatabase } from '../helpers/databases.js';

const root = new URL('../../', import.meta.url).pathname;
const CLIENTS = 12;
const KILLS = 3;

const two = (n: number) => String(n).padStart(2, '0');
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      })
      .on('error', reject);
  });

t.test(
  'three SIGKILLs under a booking load',
  { skip: !process.env.TEST_DATABASE_URL && 'PostgreSQL only: TEST_DATABASE_URL is not set' },
  async (t) => {
    const fresh = await freshDatabase('postgres');
    t.teardown(fresh.drop);
    const dataDir = mkdtempSync(join(tmpdir(), 'balie-crash-'));
    t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let server: ChildProcess | undefined;
    const starts: number[] = [];
    // The compiled build, as production runs it (built first when the sources are newer, as npm start does).
    execFileSync(process.execPath, ['src/app/ensure-build.mjs'], { cwd: root, stdio: 'ignore' });
    const start = async () => {
      const started = performance.now();
      server = spawn(process.execPath, ['--enable-source-maps', 'dist/src/app/server.js'], {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: fresh.url!,
          DATA_DIR: dataDir,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'silent',
          CAPTCHA: 'off',
          RATE_LIMIT_PER_MINUTE: '1000000',
          PUBLIC_BASE_URL: base,
          SECRET_KEY: 'crash-test-secret-key-0123456789-abcdef',
        },
        stdio: 'ignore',
      });
      for (let i = 0; i < 300; i++) {
        const ready = await fetch(`${base}/health/ready`).then(
          (r) => r.ok,
          () => false,
        );
        if (ready) return starts.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the server did not start');
    };
    t.teardown(() => {
      server?.kill('SIGKILL');
    });

    // Distinct times over three weeks at the two locations, one per request (a request's key and e-mail are its own).
    const slots: { location: string; start: string }[] = [];
    for (let day = 1; day <= 21; day++)
      for (let minutes = 9 * 60; minutes < 16 * 60; minutes += 10)
        for (const location of ['stadskantoor', 'gemeentehuis-veenhoven'])
          slots.push({
            location,
            start: `2026-12-${two(day)}T${two(Math.floor(minutes / 60))}:${two(minutes % 60)}:00+01:00`,
          });
    let next = 0;
    let stopping = false;
    const acknowledged = new Map<string, string>(); // key → reference
    let attempts = 0;
    const statuses = new Map<string, number>();
    let refused = 0;
    const book = async (n: number) => {
      const slot = slots[n]!;
      const key = `crash-${n}-${Date.now()}`;
      for (;;) {
        attempts++;
        const answer = await fetch(`${base}/api/v1/appointments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({
            location: slot.location,
            items: [{ service: 'paspoort', persons: 1 }],
            start: slot.start,
            name: `Crash ${n}`,
            email: `crash${n}@example.nl`,
          }),
        }).then(
          async (r) => ({ status: r.status, body: await r.json().catch(() => ({})) }),
          () => undefined,
        );
        statuses.set(String(answer?.status ?? 'none'), (statuses.get(String(answer?.status ?? 'none')) ?? 0) + 1);
        if (answer?.status === 201) return acknowledged.set(key, answer.body.reference);
        if (answer && answer.status < 500) return refused++;
        // The server is gone (or answered 5xx while dying): the same request again, with the same key.
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    const client = async () => {
      while (!stopping && next < slots.length) await book(next++);
    };

    await start();
    const load = Promise.all(Array.from({ length: CLIENTS }, client));
    // Each kill comes mid-load: after some bookings were made in this run of the server, while others are in flight.
    const afterBookings = async (more: number) => {
      const until = acknowledged.size + more;
      const deadline = Date.now() + 20_000;
      while (acknowledged.size < until && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    };
    for (let kill = 0; kill < KILLS; kill++) {
      await afterBookings(40 + kill * 20);
      server!.kill('SIGKILL');
      await new Promise((resolve) => server!.once('exit', resolve));
      await start();
    }
    await afterBookings(40);
    stopping = true;
    await load;

    const db = fresh.database.db;
    const references = [...acknowledged.values()];
    const rows = await queryRows<{ reference: string; n: number; confirmations: number }>(
      db,
      sql`select a.reference, count(*) over (partition by a.email)::int as n,
          (select count(*)::int from outbox o
            where o.appointment_id = a.id and o.kind = 'confirmation') as confirmations
        from appointments a where a.status = 'booked' and a.name like 'Crash %'`,
    );
    const byReference = new Map(rows.map((r) => [r.reference, r]));
    const [overlap] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from appointments a join appointments b
          on a.counter_id = b.counter_id and a.id < b.id
          and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')
        where a.status in ('held', 'booked', 'checked_in', 'serving')
          and b.status in ('held', 'booked', 'checked_in', 'serving')`,
    );
    t.comment(
      `${attempts} attempts, ${acknowledged.size} acknowledged, ${refused} refused (4xx), ` +
        `${rows.length} booked found, ${KILLS} kills; answers ${JSON.stringify(Object.fromEntries(statuses))}; ` +
        `ready after ${starts.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}`,
    );
    t.ok(acknowledged.size >= 200, `bookings were made under load (${acknowledged.size})`);
    t.ok(
      references.every((r) => byReference.has(r)),
      'every acknowledged booking exists',
    );
    t.ok(
      rows.every((r) => r.n === 1),
      'none was made twice (one per e-mail address, i.e. per request)',
    );
    t.equal(overlap!.n, 0, 'no counter holds two live claims at once');
    t.ok(
      rows.every((r) => r.confirmations === 1),
      'every booking has its confirmation queued or sent',
    );
  },
);
