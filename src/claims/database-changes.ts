import type { Database } from '../platform/database/database.js';

export type Change =
  | { kind: 'claims'; locationId: number; start: number; end: number }
  | { kind: 'catalogue' };

/** Parses what the triggers of migration 0002 send on `balie_changes`. */
export function parseChange(payload: string): Change | undefined {
  if (payload === 'catalogue') return { kind: 'catalogue' };
  const match = /^claims:(\d+):(-?\d+):(-?\d+)$/.exec(payload);
  if (!match) return undefined;
  return { kind: 'claims', locationId: Number(match[1]), start: Number(match[2]), end: Number(match[3]) };
}

/** Follows every committed change to claims and catalogue, from this process and from others on the same database. */
export function followChanges(database: Database, onChange: (change: Change) => void) {
  return database.listen('balie_changes', (payload) => {
    const change = parseChange(payload);
    if (change) onChange(change);
  });
}
