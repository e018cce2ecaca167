import { deleteOldFailures } from './login-failure-store.js';
import { deleteExpiredSessions } from './session-store.js';
import type { StaffDeps } from './staff-deps.js';

const DAY_MS = 86_400_000;

/** Sessions that ended (idle or past their end) and login failures older than a day go. */
export async function sweepStaff(deps: Pick<StaffDeps, 'db' | 'clock' | 'config'>) {
  const now = deps.clock();
  const sessionsEnded = await deleteExpiredSessions(deps.db, now, deps.config.STAFF_IDLE_HOURS * 3_600_000);
  const failuresForgotten = await deleteOldFailures(deps.db, new Date(now.getTime() - DAY_MS));
  return { sessionsEnded, failuresForgotten };
}
