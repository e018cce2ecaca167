import type { Config } from '../config.js';
import type { Db } from '../store/database.js';
import type { AnswerCache } from './answer-cache.js';
import type { ClaimsIndex } from './claims-index.js';
import type { DayCache } from './day-cache.js';
import type { LocationSnapshots } from './location-snapshots.js';
import type { WidgetOrigins } from './widget-origins.js';

/** What every use case may use; tests pass a fixed clock. */
export interface Deps {
  db: Db;
  clock: () => Date;
  config: Config;
  /** SECRET_KEY, or the key kept in DATA_DIR (server), or a key for this process only (tools, tests). */
  secretKey: string;
  caches: { locations: LocationSnapshots; days: DayCache; answers: AnswerCache; claims: ClaimsIndex; origins: WidgetOrigins };
}
