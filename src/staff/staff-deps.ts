import type { LocationSnapshots } from '../catalogue/location-snapshots.js';
import type { ChangeSignal } from '../claims/change-signal.js';
import type { Db } from '../platform/database/database.js';

export type StaffSettings = {
  PUBLIC_BASE_URL: string;
  STAFF_IDLE_HOURS: number;
  STAFF_SESSION_HOURS: number;
  STAFF_SECOND_FACTOR_ROLES: string;
};

/** What the staff side's use cases may need; each one picks the parts it uses. */
export type StaffDeps = {
  db: Db;
  clock: () => Date;
  config: StaffSettings;
  /** Keys the digests of login failures and seals second-factor secrets. */
  secretKey: string;
  locations: LocationSnapshots;
  changes: ChangeSignal;
};
