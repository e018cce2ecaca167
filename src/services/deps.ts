import type { Config } from '../config.js';
import type { Db } from '../store/database.js';

/** What every use case may use; tests pass a fixed clock. */
export interface Deps {
  db: Db;
  clock: () => Date;
  config: Config;
}
