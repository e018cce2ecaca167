import type { Alternative } from '../platform/errors.js';

/** The generation of each location a search read (the day cache's), taken before it read that location. */
export type Stamp = readonly (readonly [locationId: number, generation: number])[];
type Kept = { at: number; stamp: Stamp; alternatives: readonly Alternative[] };

/**
 * The alternatives given for a refused time, kept for a second while no claim changed at the locations searched and
 * the catalogue stayed (each location's generation in the day cache): in a rush hundreds of residents are refused
 * the same time within that second, and each search reads up to a month of days at every location of the
 * municipality (#17). A booking at another location does not end the list (until session 21 any claim change
 * anywhere did, so that in a rush at ten locations hardly a list was used twice). A second old, a suggestion may
 * just have passed its notice; a booking of it is checked as any other.
 */
export class AlternativesMemo {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly maxEntries = 1000,
    private readonly keepMs = 1000,
  ) {}

  get(key: string, now: number, generation: (locationId: number) => number): readonly Alternative[] | undefined {
    const kept = this.kept.get(key);
    if (!kept) return undefined;
    if (now >= kept.at && now - kept.at < this.keepMs && kept.stamp.every(([id, g]) => generation(id) === g))
      return kept.alternatives;
    this.kept.delete(key);
    return undefined;
  }

  /** `stamp`: read before the search began at each location, so that a change during it is never kept. */
  set(key: string, now: number, stamp: Stamp, alternatives: readonly Alternative[]) {
    if (this.maxEntries === 0) return;
    if (this.kept.size >= this.maxEntries) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, { at: now, stamp, alternatives });
  }
}
