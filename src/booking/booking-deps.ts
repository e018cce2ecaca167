import type { AvailabilityDeps } from '../availability/availability-deps.js';
import type { ChangeSignal } from '../claims/change-signal.js';
import type { Db } from '../platform/database/database.js';

/** The settings booking reads (README, "Configuration"). */
export type BookingSettings = {
  PUBLIC_BASE_URL: string;
  HOLD_MINUTES: number;
  MAX_HOLDS_PER_CLIENT: number;
  MAX_LIVE_APPOINTMENTS: number;
  REMINDER_HOURS: number;
};

/** What booking's use cases may need; each one picks the parts it uses. */
export type BookingDeps = AvailabilityDeps & {
  db: Db;
  config: BookingSettings;
  /** SECRET_KEY, or the key kept in DATA_DIR (server), or a key for this process only (tools, tests). */
  secretKey: string;
  changes: ChangeSignal;
};
