import type { BookingDeps } from './booking-deps.js';
import { releaseAllExpiredHolds } from './hold-store.js';
import { CLIENT_KEY_HOURS, DOUBLE_CLICK_SECONDS, forgetAnswers } from './idempotency-store.js';
import { eraseDuePersonalData } from './retention.js';

/** Batches of erasure per round: a round stays short; the next one goes on. */
const ERASE_BATCHES_PER_ROUND = 20;

/**
 * Releases holds that ran out (the booking transaction also clears those in its way), forgets idempotency answers
 * once they cannot be asked for again, and erases personal data whose retention period is over.
 */
export async function sweep(
  deps: Pick<BookingDeps, 'db' | 'clock'>,
): Promise<{ holdsReleased: number; answersForgotten: number; erased: number }> {
  const now = deps.clock().getTime();
  const holdsReleased = await releaseAllExpiredHolds(deps.db, new Date(now));
  const answersForgotten = await forgetAnswers(
    deps.db,
    new Date(now - DOUBLE_CLICK_SECONDS * 1000),
    new Date(now - CLIENT_KEY_HOURS * 3_600_000),
  );
  const { erased } = await eraseDuePersonalData(deps, ERASE_BATCHES_PER_ROUND);
  return { holdsReleased, answersForgotten, erased };
}
