import type { FastifyInstance } from 'fastify';
import type { Test } from 'tap';
import { type Config, loadConfig } from '../../src/app/config.js';
import { buildApp } from '../../src/app/http-app.js';
import type { Database } from '../../src/platform/database/database.js';
import { type DatabaseKind, databaseKinds, freshDatabase } from './databases.js';

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private current: Date = new Date('2026-11-30T08:00:00Z')) {}
  now = () => new Date(this.current);
  set(iso: string) {
    this.current = new Date(iso);
  }
}

export type TestContext = {
  app: FastifyInstance;
  database: Database;
  clock: TestClock;
  config: Config;
  kind: DatabaseKind;
  /** The PostgreSQL database's address, for a second server on it (not for PGlite). */
  url?: string | undefined;
};

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    PUBLIC_BASE_URL: 'http://balie.test',
    LOG_LEVEL: 'silent',
    SECRET_KEY: 'test-secret-key-test-secret-key-0123456789',
    // Tests that take times by the dozen solve no puzzles and are one client (tests/platform/captcha.test.ts and
    // tests/booking/hold-cap.test.ts use the defaults).
    CAPTCHA: 'off',
    MAX_HOLDS_PER_CLIENT: '1000',
    ...env,
  });
}

/** Runs `body` once per database kind, each with its own fresh, seeded database and the real app. */
export function onEachDatabase(
  t: Test,
  body: (t: Test, context: TestContext) => Promise<void>,
  options: { seed?: boolean; env?: Record<string, string> } = {},
) {
  for (const kind of databaseKinds()) {
    t.test(kind, async (t) => {
      const { database, drop, url } = await freshDatabase(kind, { seed: options.seed });
      const clock = new TestClock();
      const config = testConfig(options.env);
      const app = await buildApp({ config, database, clock: clock.now, logger: false });
      t.teardown(async () => {
        await app.close();
        await drop();
      });
      await body(t, { app, database, clock, config, kind, url });
    });
  }
}

/** The same app without claims index or caches: every answer read from the database, to compare the real one with. */
export async function uncachedApp(t: Test, database: Database, clock: TestClock): Promise<FastifyInstance> {
  const plain = await buildApp({
    config: testConfig({
      CLAIMS_INDEX_LOCATIONS: '0',
      AVAILABILITY_CACHE_SIZE: '0',
      AVAILABILITY_ANSWER_CACHE_MB: '0',
    }),
    database,
    clock: clock.now,
    logger: false,
  });
  t.teardown(() => plain.close());
  return plain;
}
