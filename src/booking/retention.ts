import type { BookingDeps } from './booking-deps.js';
import { type Erased, eraseDueAppointments } from './retention-store.js';

const BATCH = 500;

/**
 * Erases the personal data of every appointment whose retention period is over (AVG: kept no longer than
 * needed), in batches of 500 so that no statement holds many rows at once; at most `maxBatches` batches per
 * call, so that a housekeeping round stays short (the next round goes on). Returns what was erased.
 */
export async function eraseDuePersonalData(
  deps: Pick<BookingDeps, 'db' | 'clock'>,
  maxBatches = Number.POSITIVE_INFINITY,
): Promise<Erased> {
  const total = { erased: 0, comments: 0, messages: 0 };
  for (let round = 0; round < maxBatches; round++) {
    const batch = await eraseDueAppointments(deps.db, deps.clock(), BATCH);
    total.erased += batch.erased;
    total.comments += batch.comments;
    total.messages += batch.messages;
    if (batch.erased < BATCH) break;
  }
  return total;
}
