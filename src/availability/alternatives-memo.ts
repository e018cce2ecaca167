import type { Alternative } from '../platform/errors.js';

type Kept = { at: number; changes: number; alternatives: readonly Alternative[] };

/**
 * The alternatives given for a refused time, kept for a second while no claim changed anywhere and the catalogue
 * stayed (the day cache's change count): in a rush hundreds of residents are refused the same time within that
 * second, and each search reads up to a month of days at every location of the municipality (#17). A second old, a
 * suggestion may just have passed its notice; a booking of it is checked as any other.
 */
export class AlternativesMemo {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly maxEntries = 1000,
    private readonly keepMs = 1000,
  ) {}

  get(key: string, now: number, changes: number): readonly Alternative[] | undefined {
    const kept = this.kept.get(key);
    if (!kept) return undefined;
    if (kept.changes === changes && now >= kept.at && now - kept.at < this.keepMs) return kept.alternatives;
    this.kept.delete(key);
    return undefined;
  }

  /** `changes`: the change count read before the search began, so that a change during it is never kept. */
  set(key: string, now: number, changes: number, alternatives: readonly Alternative[]) {
    if (this.maxEntries === 0) return;
    if (this.kept.size >= this.maxEntries) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, { at: now, changes, alternatives });
  }
}
