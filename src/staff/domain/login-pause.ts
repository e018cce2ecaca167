// Login attempts: after `allowance` failures in the window, each further try waits, and the wait doubles with every
// failure after it (1 minute, 2, 4, … at most 15). One answer for an unknown address and a wrong password.

export const FAILURE_WINDOW_MS = 60 * 60_000;
/** Failures of one account before it pauses. */
export const ACCOUNT_ALLOWANCE = 10;
/** Failures from one address (a counter PC, an office behind one address: more people) before it pauses. */
export const ADDRESS_ALLOWANCE = 50;
const FIRST_PAUSE_MS = 60_000;
const LONGEST_PAUSE_MS = 15 * 60_000;

/** Seconds to wait before the next try, 0 when it may go ahead now. */
export function pauseSeconds(failures: { count: number; last: number }, allowance: number, now: number): number {
  if (failures.count < allowance) return 0;
  const pause = Math.min(FIRST_PAUSE_MS * 2 ** (failures.count - allowance), LONGEST_PAUSE_MS);
  return Math.max(0, Math.ceil((failures.last + pause - now) / 1000));
}
