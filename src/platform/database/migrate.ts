import { fileURLToPath } from 'node:url';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './database.js';

const migrationsFolder = fileURLToPath(new URL('../../../db/migrations', import.meta.url));
/** Advisory lock key: "balie" spelled in digits, so that two processes starting at once migrate one by one. */
const MIGRATION_LOCK = 0x8a11e;

export async function migrateDatabase(database: Database): Promise<void> {
  await database.withLock(MIGRATION_LOCK, async () => {
    if (database.kind === 'postgres') {
      await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder });
    } else {
      await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    }
  });
}
