import { feedback } from '../../db/schema.js';
import type { Executor } from '../platform/database/database.js';

/** One opinion per appointment; giving it again replaces it. */
export async function saveFeedback(
  ex: Executor,
  row: { appointmentId: string; score: number; comment: string | null; createdAt: Date },
): Promise<void> {
  await ex
    .insert(feedback)
    .values(row)
    .onConflictDoUpdate({
      target: feedback.appointmentId,
      set: { score: row.score, comment: row.comment, createdAt: row.createdAt },
    });
}
