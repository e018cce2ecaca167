import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import autocannon from 'autocannon';

export type Figures = {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
};

/** Runs autocannon against `url`; `paths` are visited in turn, so the requests vary. */
export async function measure(
  name: string,
  url: string,
  options: {
    paths: string[];
    connections: number;
    seconds: number;
    headers?: Record<string, string>;
    headersFor?: (path: string) => Record<string, string>;
  },
): Promise<Figures> {
  let next = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers,
    requests: [
      {
        setupRequest: (request) => {
          const path = options.paths[next++ % options.paths.length]!;
          return {
            ...request,
            path,
            ...(options.headersFor && { headers: { ...request.headers, ...options.headersFor(path) } }),
          };
        },
      },
    ],
  });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // A 304 is the answer a polling client wants, not a failure.
    non2xx: result.non2xx - ((result.statusCodeStats as Record<string, { count: number }>)['304']?.count ?? 0),
    errors: result.errors + result.timeouts,
  };
}

/** One load generator is one client of many residents' times: no limits per client, no proof of work. */
export const LOAD_GENERATOR_ENV = {
  RATE_LIMIT_READS_PER_MINUTE: '1000000000',
  CAPTCHA: 'off',
  MAX_HOLDS_PER_CLIENT: '1000000',
};

/** Node's flags for the server as `npm start` runs it (package.json), so that a benchmark measures what runs. */
const SERVER_FLAGS = (
  /exec node (.*?) dist\//.exec(
    (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } })
      .scripts.start,
  )?.[1] ?? ''
)
  .split(' ')
  .filter((flag) => flag.startsWith('--'));

/** Builds dist/ when the sources changed since (src/app/ensure-build.mjs, as `npm start` does). */
function ensureBuild() {
  execFileSync(process.execPath, [new URL('../../src/app/ensure-build.mjs', import.meta.url).pathname], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Starts tests/bench/bench-server.ts (the app of the compiled build) with `env` and resolves with its URLs. */
export function startBenchServer(
  env: Record<string, string>,
): Promise<{ app: string; bare: string; child: ChildProcess }> {
  // BENCH_PROFILE=<folder> writes a CPU profile of the server there (open it in Chrome's DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  ensureBuild();
  const child = spawn(
    process.execPath,
    [...SERVER_FLAGS, ...profile, '--import', 'tsx', new URL('./bench-server.ts', import.meta.url).pathname],
    {
      // One load generator is one client, and it solves no puzzles: no limits, no proof of work.
      env: { ...process.env, ...LOAD_GENERATOR_ENV, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ ...JSON.parse(line), child });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

/** A port free right now on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      })
      .on('error', reject);
  });
}

/**
 * Starts the real server with `env` and resolves with its URL once it is ready: src/app/server.ts through tsx (for
 * tests, which build nothing), or with `built` the compiled dist/src/app/server.js, as `npm start` runs it.
 */
export async function startRealServer(
  env: Record<string, string>,
  built = false,
): Promise<{ app: string; child: ChildProcess }> {
  const port = await freePort();
  if (built) ensureBuild();
  const child = spawn(
    process.execPath,
    built
      ? [...SERVER_FLAGS, new URL('../../dist/src/app/server.js', import.meta.url).pathname]
      : [...SERVER_FLAGS, '--import', 'tsx', new URL('../../src/app/server.ts', import.meta.url).pathname],
    {
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        ...LOAD_GENERATOR_ENV,
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const app = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (
      await fetch(`${app}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { app, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server not ready within 60 s');
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export function printFigures(rows: Figures[], baseline: Figures) {
  console.log(
    'name'.padEnd(40),
    'req/s'.padStart(9),
    'p50 ms'.padStart(7),
    'p99 ms'.padStart(7),
    'non-2xx'.padStart(8),
    'ratio to bare'.padStart(14),
  );
  for (const row of rows) {
    console.log(
      row.name.padEnd(40),
      row.requestsPerSecond.toFixed(0).padStart(9),
      String(row.p50).padStart(7),
      String(row.p99).padStart(7),
      String(row.non2xx + row.errors).padStart(8),
      (row.requestsPerSecond / baseline.requestsPerSecond).toFixed(3).padStart(14),
    );
  }
}
