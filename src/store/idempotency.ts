import { eq, lt } from 'drizzle-orm';
import { idempotencyKeys } from '../../db/schema.js';
import type { Executor } from './database.js';

export type StoredAnswer = { requestHash: string; status: number; body: unknown; createdAt: Date };

/**
 * Takes a key for this transaction, or returns the answer stored under it. A row older than `staleBefore` is
 * taken over. On PostgreSQL a concurrent transaction holding the same key makes this wait until it ends, so the
 * second of two identical requests sees the first one's answer.
 */
export async function claimKey(ex: Executor, key: string, requestHash: string, now: Date, staleBefore: Date): Promise<StoredAnswer | 'claimed'> {
  const taken = await ex.insert(idempotencyKeys).values({ key, requestHash, status: 0, body: {}, createdAt: now })
    .onConflictDoUpdate({
      target: idempotencyKeys.key,
      set: { requestHash, status: 0, body: {}, createdAt: now },
      setWhere: lt(idempotencyKeys.createdAt, staleBefore),
    })
    .returning({ key: idempotencyKeys.key });
  if (taken.length > 0) return 'claimed';
  const [row] = await ex.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
  return { requestHash: row!.requestHash, status: row!.status, body: row!.body, createdAt: row!.createdAt };
}

export async function storeAnswer(ex: Executor, key: string, status: number, body: unknown): Promise<void> {
  await ex.update(idempotencyKeys).set({ status, body }).where(eq(idempotencyKeys.key, key));
}

export async function deleteKeysBefore(ex: Executor, before: Date): Promise<number> {
  return (await ex.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).returning({ key: idempotencyKeys.key })).length;
}
