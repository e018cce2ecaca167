import type { LocationSnapshots } from '../catalogue/location-snapshots.js';
import type { ChangeSignal } from '../claims/change-signal.js';
import type { Db } from '../platform/database/database.js';
import type { AuditWriter } from './audit-writer.js';
import type { StaffDayCache } from './day-cache.js';
import type { StaffSessionCache } from './session-cache.js';

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
  audit: AuditWriter;
  /** Who is behind a session token, for a moment (session-cache.ts). */
  staffSessions: StaffSessionCache;
  /** The days of locations as answered, until a change touches them (day-cache.ts). */
  staffDays: StaffDayCache;
};
