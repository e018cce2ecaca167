import type { Config } from './config.js';
import type { Db } from '../platform/database/database.js';
import type { AnswerCache } from '../availability/answer-cache.js';
import type { ClaimsIndex } from '../availability/claims-index.js';
import type { DayCache } from '../availability/day-cache.js';
import type { LocationSnapshots } from '../catalogue/location-snapshots.js';
import type { WidgetOrigins } from '../catalogue/widget-origins.js';

/** What every use case may use; tests pass a fixed clock. */
export interface Deps {
  db: Db;
  clock: () => Date;
  config: Config;
  /** SECRET_KEY, or the key kept in DATA_DIR (server), or a key for this process only (tools, tests). */
  secretKey: string;
  caches: { locations: LocationSnapshots; days: DayCache; answers: AnswerCache; claims: ClaimsIndex; origins: WidgetOrigins };
}
