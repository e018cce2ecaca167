import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';
import * as schema from '../../../db/schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A database or an open transaction: store functions take either. */
export type Executor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs `work` while holding a database-wide advisory lock (PostgreSQL); PGlite has one connection anyway. */
  withLock<T>(key: number, work: () => Promise<T>): Promise<T>;
  /** A trivial query on a connection of its own (PostgreSQL), so that a busy pool does not look like an outage. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseOptions = { url: string; poolSize?: number } | { dataDir?: string; loadDataDir?: Blob | File };

/** PostgreSQL when DATABASE_URL is set, else embedded PGlite in DATA_DIR. */
export function databaseOptionsFrom(config: {
  DATABASE_URL?: string | undefined;
  DATABASE_POOL_SIZE?: number;
  DATA_DIR: string;
}): DatabaseOptions {
  // The embedded database gets a folder of its own: DATA_DIR also holds mail files and the secret key.
  return config.DATABASE_URL
    ? { url: config.DATABASE_URL, ...(config.DATABASE_POOL_SIZE && { poolSize: config.DATABASE_POOL_SIZE }) }
    : { dataDir: join(config.DATA_DIR, 'pglite') };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return 'url' in options ? openPostgres(options.url, options.poolSize) : openPglite(options);
}

/**
 * The client as drizzle sees it, with every query a prepared statement (drizzle asks postgres.js for unnamed ones,
 * which PostgreSQL parses and plans again on every call): postgres.js keeps one per query text and connection.
 * Transactions and savepoints hand drizzle a client of their own, so those are wrapped too.
 */
function preparing<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property) {
      if (property === 'unsafe')
        return (query: string, params?: unknown[], options?: object) =>
          target.unsafe(query, params as never, { ...options, prepare: true });
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const work = args.pop() as (tx: Sql) => unknown;
          return (target as unknown as Record<string, (...a: unknown[]) => unknown>)[property]!(...args, (tx: Sql) =>
            work(preparing(tx)),
          );
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function openPostgres(url: string, poolSize = 10): Database {
  // A server that does not answer is given up on after 2 s, a statement after 10 s, a transaction left idle after
  // 15 s (a process that lost its client must not hold locks): requests answer 503 instead of hanging.
  const settings = {
    onnotice: () => {},
    connect_timeout: 2,
    connection: {
      TimeZone: 'UTC',
      application_name: 'balie',
      statement_timeout: 10_000,
      idle_in_transaction_session_timeout: 15_000,
    },
  };
  const client = postgres(url, { ...settings, max: poolSize });
  const probe = postgres(url, {
    ...settings,
    max: 1,
    connection: { ...settings.connection, application_name: 'balie-health' },
  });
  const db = drizzlePostgres(preparing(client), { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async withLock(key, work) {
      const connection = await client.reserve();
      try {
        await connection`select pg_advisory_lock(${key})`;
        try {
          return await work();
        } finally {
          await connection`select pg_advisory_unlock(${key})`;
        }
      } finally {
        connection.release();
      }
    },
    async ping() {
      await probe`select 1`;
    },
    close: once(async () => {
      await Promise.all([client.end({ timeout: 5 }), probe.end({ timeout: 1 })]);
    }),
  };
}

async function openPglite(options: { dataDir?: string; loadDataDir?: Blob | File }): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite({ ...options, extensions: { btree_gist } });
  await client.waitReady;
  await client.exec(`set time zone 'UTC'`);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  // One process owns a PGlite directory, so an in-process queue is the advisory lock's equal.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'pglite',
    db,
    withLock(_key, work) {
      const run = queue.then(work, work);
      queue = run.catch(() => {});
      return run;
    },
    async ping() {
      await client.query('select 1');
    },
    close: once(() => client.close()),
  };
}

/** Closing twice (a test, then its teardown) closes once. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}

/** Normalises `db.execute` results: postgres.js gives an array, PGlite `{ rows }`. */
export async function queryRows<T>(executor: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await executor.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
