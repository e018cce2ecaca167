import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import t, { type Test } from 'tap';

const root = new URL('../../', import.meta.url).pathname;

/** Starts the real server as `npm start` does and resolves with its base URL once it listens. */
function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    // Generous: the embedded database's first start (migrations and demo data in WebAssembly) shares the machine's
    // two cores with the rest of the suite. A server that did not start is stopped, so the file ends.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within 90 s:\n${output}`));
    }, 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
  return { url, exited, stop: () => child.kill('SIGTERM'), output: () => output };
}

async function serviceCount(base: string) {
  const res = await fetch(`${base}/api/v1/services?municipality=stadswaard`);
  return { status: res.status, count: ((await res.json()) as unknown[]).length };
}

async function startTwice(t: Test, env: Record<string, string>) {
  const first = startServer(env);
  const base = await first.url;
  const before = await serviceCount(base);
  t.equal(before.status, 200);
  t.ok(before.count >= 8, 'demo services are served');
  first.stop();
  t.equal(await first.exited, 0, 'SIGTERM stops it cleanly');
  t.match(first.output(), /demo data loaded/);
  t.notMatch(first.output(), /"err"/);

  const second = startServer(env);
  const after = await serviceCount(await second.url);
  t.same(after, before, 'data is still there, not loaded twice');
  t.notMatch(second.output(), /demo data loaded/);
  second.stop();
  t.equal(await second.exited, 0);
}

t.test('on the embedded database: data survives a restart and is loaded once', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'balie-data-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  await startTwice(t, { DATA_DIR: dataDir });
});

/** A new, empty PostgreSQL database beside TEST_DATABASE_URL for this test, dropped after it; its URL. */
async function emptyDatabase(t: Test, prefix: string): Promise<string> {
  const base = process.env.TEST_DATABASE_URL!;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  const name = `${prefix}_${process.pid}`;
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  t.teardown(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

// PostgreSQL runs where TEST_DATABASE_URL is set (CI sets it), like every database test.
if (process.env.TEST_DATABASE_URL)
  t.test('on PostgreSQL: an empty database gets migrations and demo data once', async (t) => {
    await startTwice(t, { DATABASE_URL: await emptyDatabase(t, 'balie_server') });
  });

if (process.env.TEST_DATABASE_URL)
  t.test(
    'on PostgreSQL with WORKERS=2: two processes share the port, a dead one is started again, SIGTERM stops all',
    async (t) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'balie-data-'));
      t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
      const server = startServer({
        DATABASE_URL: await emptyDatabase(t, 'balie_workers'),
        WORKERS: '2',
        DATA_DIR: dataDir,
        SECRET_KEY: '',
      });
      const origin = await server.url;
      const listening = () =>
        [...server.output().matchAll(/"pid":(\d+)[^\n]*Server listening at/g)].map((m) => Number(m[1]));
      const until = async (check: () => boolean) => {
        for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 100));
        return check();
      };
      t.ok(await until(() => new Set(listening()).size === 2), 'two worker processes listen');
      t.equal((await serviceCount(origin)).status, 200);
      t.equal(
        (server.output().match(/demo data loaded/g) ?? []).length,
        1,
        'the demo data is loaded once, before the workers start',
      );
      t.equal(
        (server.output().match(/no SECRET_KEY set/g) ?? []).length,
        1,
        'one key is made, and said so once, for all workers',
      );
      process.kill(listening()[0]!, 'SIGKILL');
      t.ok(await until(() => new Set(listening()).size === 3), 'the dead worker is started again');
      t.match(server.output(), /a worker stopped: starting it again/);
      t.equal((await serviceCount(origin)).status, 200, 'and the service answers');
      server.stop();
      t.equal(await server.exited, 0, 'SIGTERM stops the supervisor and its workers cleanly');
      for (const pid of listening().slice(1)) t.throws(() => process.kill(pid, 0), `worker ${pid} is gone`);
    },
  );

t.test('WORKERS over 1 without PostgreSQL stops the start and says why', async (t) => {
  const server = startServer({ WORKERS: '2', DATABASE_URL: '' });
  t.equal(await server.exited, 78);
  t.match(server.output(), /WORKERS="2": more than one process needs PostgreSQL/);
  await t.rejects(server.url);
});

t.test('a wrong variable stops the start with a message that names it', async (t) => {
  const server = startServer({ PORT: 'seventy' });
  t.equal(await server.exited, 78);
  t.match(server.output(), /PORT="seventy"/);
  await t.rejects(server.url);
});
