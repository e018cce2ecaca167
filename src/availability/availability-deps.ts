import { LocationSnapshots } from '../catalogue/location-snapshots.js';
import type { Executor } from '../platform/database/database.js';
import { AlternativesMemo } from './alternatives-memo.js';
import type { AnswerCache } from './answer-cache.js';
import { ClaimsIndex } from './claims-index.js';
import { DayCache } from './day-cache.js';

/** What availability's use cases need: the clock and its caches (each kept right by the change signal). */
export type AvailabilityDeps = {
  clock: () => Date;
  locations: LocationSnapshots;
  days: DayCache;
  answers: AnswerCache;
  alternatives: AlternativesMemo;
  claimsIndex: ClaimsIndex;
};

/**
 * The same engine reading through `ex` (an open transaction) and keeping nothing: inside a transaction the shared
 * caches must not be filled from what may roll back, and on PGlite (one connection) a read through the pool would
 * wait for the transaction that waits for it. A closure moves appointments with it (booking/relocate-appointment.ts).
 */
export function readingThrough<T extends AvailabilityDeps>(deps: T, ex: Executor): T {
  const days = new DayCache(0);
  return {
    ...deps,
    days,
    locations: new LocationSnapshots(ex),
    claimsIndex: new ClaimsIndex(ex, 0),
    alternatives: new AlternativesMemo(0),
  };
}
