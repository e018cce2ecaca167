import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'tap';
import { startRealServer } from '../bench/measure.js';

/**
 * Another real server process (`src/app/server.ts`, with the real clock) on the same PostgreSQL database as the test:
 * no demo data (the database has it), no outbox worker. It is killed when `t` ends, also when the test failed first.
 */
export async function startSecondServer(t: Test, url: string) {
  const server = await startRealServer({
    DATABASE_URL: url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'balie-second-')),
    DEMO_DATA: 'false',
    OUTBOX_WORKER: 'false',
    SECRET_KEY: 'second-server-secret-key-0123456789-abcdef',
  });
  t.teardown(() => {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  });
  return server;
}
