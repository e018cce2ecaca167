import type { Database } from '../platform/database/database.js';
import type { Change, ChangeSignal } from './change-signal.js';

/** Parses what the triggers of migration 0002 send on `balie_changes`. */
export function parseChange(payload: string): Change | undefined {
  if (payload === 'catalogue') return { kind: 'catalogue' };
  const match = /^claims:(\d+):(-?\d+):(-?\d+)$/.exec(payload);
  if (!match) return undefined;
  return { kind: 'claims', locationId: Number(match[1]), start: Number(match[2]), end: Number(match[3]) };
}

/**
 * Feeds every committed change to claims and catalogue into the signal, from other processes on the same database
 * (and this one's own, a moment after it raised them itself). Resolves to the function that stops it. When the
 * listening connection was lost (a database outage), changes may have gone unheard: everything is treated as
 * changed once it listens again.
 */
export function feedSignalFromDatabase(database: Pick<Database, 'listen'>, signal: ChangeSignal) {
  return database.listen(
    'balie_changes',
    (payload) => {
      const change = parseChange(payload);
      if (change) signal.raise(change);
    },
    () => signal.raise({ kind: 'catalogue' }),
  );
}
