import { outbox } from '../../db/schema.js';
import type { Executor } from './database.js';

export type MessageKind = (typeof outbox.$inferInsert)['kind'];

/** Queues a message in the transaction of the change that causes it (DESIGN invariant 4). */
export async function enqueueMessage(ex: Executor, message: { appointmentId: string; kind: MessageKind; sequence: number }): Promise<void> {
  await ex.insert(outbox).values(message);
}
