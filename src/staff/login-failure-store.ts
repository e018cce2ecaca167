import { eq, lte, sql } from 'drizzle-orm';
import { staffLoginFailures } from '../../db/schema.js';
import { type Executor, queryRows } from '../platform/database/database.js';

export type FailureCount = { count: number; last: number };

/** Failures of an account and of an address since `since`: how many, and when the last was. */
export async function countFailures(
  ex: Executor,
  keys: { account: string; address: string },
  since: Date,
): Promise<{ account: FailureCount; address: FailureCount }> {
  const [row] = await queryRows<{ a: number; a_last: string | null; d: number; d_last: string | null }>(
    ex,
    sql`select
      count(*) filter (where account = ${keys.account})::int as a,
      (max(date_part('epoch', at) * 1000) filter (where account = ${keys.account}))::int8 as a_last,
      count(*) filter (where address = ${keys.address})::int as d,
      (max(date_part('epoch', at) * 1000) filter (where address = ${keys.address}))::int8 as d_last
    from ${staffLoginFailures}
    where (account = ${keys.account} or address = ${keys.address}) and at > ${since.toISOString()}::timestamptz`,
  );
  return {
    account: { count: row?.a ?? 0, last: Number(row?.a_last ?? 0) },
    address: { count: row?.d ?? 0, last: Number(row?.d_last ?? 0) },
  };
}

export async function recordFailure(ex: Executor, keys: { account: string; address: string }, at: Date) {
  await ex.insert(staffLoginFailures).values({ ...keys, at });
}

/** A good login forgets the account's failures (not the address's: one address may try many accounts). */
export async function forgetFailures(ex: Executor, account: string) {
  await ex.delete(staffLoginFailures).where(eq(staffLoginFailures.account, account));
}

export async function deleteOldFailures(ex: Executor, before: Date): Promise<number> {
  const rows = await ex
    .delete(staffLoginFailures)
    .where(lte(staffLoginFailures.at, before))
    .returning({ id: staffLoginFailures.id });
  return rows.length;
}
