import type { LocationSnapshots } from '../catalogue/location-snapshots.js';
import type { AnswerCache } from './answer-cache.js';
import type { ClaimsIndex } from './claims-index.js';
import type { DayCache } from './day-cache.js';

/** What availability's use cases need: the clock and its caches (each kept right by the change signal). */
export type AvailabilityDeps = {
  clock: () => Date;
  locations: LocationSnapshots;
  days: DayCache;
  answers: AnswerCache;
  claimsIndex: ClaimsIndex;
};
