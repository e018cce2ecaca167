import { sql } from 'drizzle-orm';
import type { Executor } from './database.js';

/** Resolves when the database answers a trivial query. */
export async function ping(ex: Executor): Promise<void> {
  await ex.execute(sql`select 1`);
}
