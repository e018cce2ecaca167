import type { Db, Executor } from '../platform/database/database.js';
import type { ChangeSignal, WriteAt } from './change-signal.js';
import type { Claim } from './claims-store.js';

/**
 * An executor for writes that change claims. Every store function that puts, moves or frees a claim takes one and
 * says what it touched (`touched`), so that no writer can leave the caches unaware.
 */
export type ClaimWriter = {
  ex: Executor;
  touched: (locationId: number, start: Date | number, end: Date | number, written?: Written) => void;
};

/** The claim a writer put, as it now is, and the transaction that wrote it (see Change). */
export type Written = { claim: Claim; transaction: string };

type Touched = { locationId: number; start: number; end: number } & Partial<Written>;

/**
 * Runs `work` with a ClaimWriter (in one transaction unless `transaction: false`, for a write that is one statement)
 * and, once it has committed, raises the change signal for every claim it touched. Nothing is raised when it fails:
 * a refused or rolled back write changed nothing. A write that names where it puts its claim (`at`) is among the
 * signal's `writesAt` that time until then, so that requests for the same time can wait for it (placement.ts).
 */
export async function writeClaims<T>(
  deps: { db: Db; changes: ChangeSignal },
  work: (writer: ClaimWriter) => Promise<T>,
  options: { transaction?: boolean; at?: WriteAt } = {},
): Promise<T> {
  const touchedList: Touched[] = [];
  const touched = (locationId: number, start: Date | number, end: Date | number, written?: Written) =>
    touchedList.push({ locationId, start: +start, end: +end, ...written });
  return deps.changes.during(async () => {
    const result =
      options.transaction === false
        ? await work({ ex: deps.db, touched })
        : await deps.db.transaction((tx) => work({ ex: tx, touched }));
    for (const t of touchedList) deps.changes.raise({ kind: 'claims', ...t });
    return result;
  }, options.at);
}
