import type { BookingDeps } from './booking-deps.js';
import { releaseAllExpiredHolds } from './hold-store.js';
import { deleteKeysBefore } from './idempotency-store.js';

const IDEMPOTENCY_HOURS = 24;

/**
 * Releases holds that ran out (the booking transaction also clears those in its way) and forgets idempotency
 * answers after a day: they hold a manage token, which must not be kept longer than needed.
 */
export async function sweep(
  deps: Pick<BookingDeps, 'db' | 'clock'>,
): Promise<{ holdsReleased: number; answersForgotten: number }> {
  const now = deps.clock();
  const holdsReleased = await releaseAllExpiredHolds(deps.db, now);
  const answersForgotten = await deleteKeysBefore(deps.db, new Date(now.getTime() - IDEMPOTENCY_HOURS * 3_600_000));
  return { holdsReleased, answersForgotten };
}

/** Runs `sweep` every minute until the returned function is called. */
export function startHousekeeping(
  deps: Pick<BookingDeps, 'db' | 'clock'>,
  log: { error: (obj: object, msg: string) => void },
  everyMs = 60_000,
): () => void {
  const timer = setInterval(() => {
    sweep(deps).catch((error: unknown) => log.error({ err: error }, 'housekeeping failed'));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
