import { lt } from 'drizzle-orm';
import { idempotencyKeys } from '../../db/schema.js';
import type { Executor } from '../platform/database/database.js';

export type StoredAnswer = { requestHash: string; status: number; body: unknown; createdAt: Date };

export async function deleteKeysBefore(ex: Executor, before: Date): Promise<number> {
  return (
    await ex
      .delete(idempotencyKeys)
      .where(lt(idempotencyKeys.createdAt, before))
      .returning({ key: idempotencyKeys.key })
  ).length;
}
