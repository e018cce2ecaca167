import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './database.js';

const migrationsFolder = fileURLToPath(new URL('../../../db/migrations', import.meta.url));
/** Advisory lock key: "balie" spelled in digits, so that two processes starting at once migrate one by one. */
const MIGRATION_LOCK = 0x8a11e;
/** The source tree (or the compiled one, where the build copies the .sql files). */
const sourceRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The SQL functions kept as readable `.sql` files beside the TypeScript that calls them (booking/balie-book.sql):
 * each holds a `CREATE OR REPLACE FUNCTION` (and the trigger that calls it, after `--> statement-breakpoint`, as in
 * the migrations), applied after the migrations, so the file is the definition.
 */
export function sqlFunctionFiles(): string[] {
  return readdirSync(sourceRoot, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => join(sourceRoot, f));
}

export async function migrateDatabase(database: Database): Promise<void> {
  await database.withLock(MIGRATION_LOCK, async () => {
    if (database.kind === 'postgres') {
      await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder });
    } else {
      await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    }
    // In one transaction: a process still serving the old code sees every function as it was or every one as it
    // is now, never balie_book calling a balie_release_expired_holds that is not made yet (the files call each other).
    await database.db.transaction(async (tx) => {
      for (const file of sqlFunctionFiles()) {
        for (const statement of readFileSync(file, 'utf8').split('--> statement-breakpoint'))
          await tx.execute(sql.raw(statement));
      }
    });
  });
}
