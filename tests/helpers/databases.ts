import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { loadDemoData } from '../../db/seed.js';
import { type Database, openDatabase } from '../../src/platform/database/database.js';
import { migrateDatabase, sqlFunctionFiles } from '../../src/platform/database/migrate.js';

export type DatabaseKind = 'pglite' | 'postgres';
/** `url`: the PostgreSQL database's address (not for PGlite). */
export type TestDatabase = { database: Database; drop: () => Promise<void>; url?: string };

const root = new URL('../../', import.meta.url).pathname;

/** Changes whenever a migration, an SQL function or the demo data changes, so a stale snapshot is never used. */
function schemaFingerprint(): string {
  const hash = createHash('sha256');
  const migrations = join(root, 'db/migrations');
  for (const file of readdirSync(migrations)
    .filter((f) => f.endsWith('.sql'))
    .sort())
    hash.update(readFileSync(join(migrations, file)));
  for (const file of sqlFunctionFiles()) hash.update(readFileSync(file));
  hash.update(readFileSync(join(root, 'db/seed.ts')));
  return hash.digest('hex').slice(0, 16);
}

/**
 * A fresh in-memory PGlite with migrations and demo data. Starting PGlite and migrating takes seconds, so the
 * first test file makes a snapshot that the others load.
 */
async function freshPglite(seed: boolean): Promise<TestDatabase> {
  const snapshot = join(tmpdir(), `balie-pglite-${schemaFingerprint()}-${seed ? 'demo' : 'empty'}.tar.gz`);
  if (existsSync(snapshot)) {
    const database = await openDatabase({ loadDataDir: new Blob([readFileSync(snapshot)]) });
    return { database, drop: () => database.close() };
  }
  const database = await openDatabase({});
  await migrateDatabase(database);
  if (seed) await loadDemoData(database.db);
  const client = (database.db as unknown as { $client: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('gzip');
  const partial = `${snapshot}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, snapshot);
  return { database, drop: () => database.close() };
}

/** A new PostgreSQL database next to TEST_DATABASE_URL's, migrated (and seeded), dropped afterwards. */
async function freshPostgres(baseUrl: string, seed: boolean): Promise<TestDatabase> {
  const name = `balie_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 20 });
  await migrateDatabase(database);
  if (seed) await loadDemoData(database.db);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** The databases every database test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function databaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export function freshDatabase(kind: DatabaseKind, options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const seed = options.seed ?? true;
  return kind === 'postgres' ? freshPostgres(process.env.TEST_DATABASE_URL!, seed) : freshPglite(seed);
}
