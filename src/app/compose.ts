import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { AlternativesMemo } from '../availability/alternatives-memo.js';
import { AnswerCache } from '../availability/answer-cache.js';
import { ClaimsIndex } from '../availability/claims-index.js';
import { DayCache } from '../availability/day-cache.js';
import type { BookingDeps } from '../booking/booking-deps.js';
import { LocationSnapshots } from '../catalogue/location-snapshots.js';
import { WidgetOrigins } from '../catalogue/widget-origins.js';
import { ChangeFeed } from '../claims/change-feed.js';
import { ChangeSignal } from '../claims/change-signal.js';
import { Captcha } from '../platform/captcha/captcha.js';
import { UsedInMemory, UsedInRedis } from '../platform/captcha/used-solutions.js';
import type { Database } from '../platform/database/database.js';
import { DatabaseHealth } from '../platform/database/health.js';
import { AuditWriter } from '../staff/audit-writer.js';
import { StaffDayCache } from '../staff/day-cache.js';
import { StaffSessionCache } from '../staff/session-cache.js';
import type { Config } from './config.js';

/** Everything the use cases of every feature may be given: built once per process, here. */
export type Services = BookingDeps & {
  /** Staff's audit rows (reads written in batches) and the days staff read, dropped by the change signal. */
  audit: AuditWriter;
  staffDays: StaffDayCache;
  staffSessions: StaffSessionCache;
  config: Config;
  database: Database;
  origins: WidgetOrigins;
  /** Whether the database answers; checked four times a second on PostgreSQL (the embedded one cannot go away). */
  health: DatabaseHealth;
  captcha: Captcha;
  /** Shared by every process when REDIS_URL is set: rate limits and used captcha solutions. */
  redis: Redis | undefined;
  /** Stops listening for changes from other processes. */
  close: () => Promise<void>;
};

/**
 * The composition root: the caches, the change signal they listen to, and the feed of other processes' changes
 * into that signal. The HTTP app, the outbox worker and the command-line tools take what they need from it.
 */
export async function composeServices(options: {
  config: Config;
  database: Database;
  clock?: () => Date;
}): Promise<Services> {
  const { config, database } = options;
  const db = database.db;
  const changes = new ChangeSignal();
  const days = new DayCache(config.AVAILABILITY_CACHE_SIZE);
  const locations = new LocationSnapshots(db);
  const claimsIndex = new ClaimsIndex(db, config.CLAIMS_INDEX_LOCATIONS);
  const origins = new WidgetOrigins(db);
  const staffDays = new StaffDayCache();
  // Every cache drops what a change made stale, whoever made it (DESIGN: several processes, one database).
  changes.listen((change) => {
    staffDays.drop(change);
    if (change.kind === 'catalogue') {
      locations.clear();
      days.clear();
      claimsIndex.clear();
      origins.clear();
    } else {
      days.dropClaim(change.locationId, change.start, change.end);
      if (change.claim) claimsIndex.putClaim(change.locationId, change.claim);
      else claimsIndex.dropClaim(change.locationId, change.start, change.end);
    }
  });
  const feed = config.CHANGE_FEED_MS > 0 ? new ChangeFeed(db, changes, config.CHANGE_FEED_MS) : undefined;
  await feed?.start();
  const health = new DatabaseHealth(() => database.ping());
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 }) : undefined;
  const secretKey = config.SECRET_KEY ?? randomBytes(32).toString('hex');
  const captcha = new Captcha(secretKey, redis ? new UsedInRedis(redis) : new UsedInMemory(), {
    maxNumber: config.CAPTCHA_MAX_NUMBER,
    expiresSeconds: config.CAPTCHA_EXPIRES_SECONDS,
  });
  if (database.kind === 'postgres') health.start();
  const audit = new AuditWriter(db, (error) => console.error('audit rows not written', error));
  return {
    db,
    database,
    clock: options.clock ?? (() => new Date()),
    config,
    secretKey,
    captcha,
    redis,
    changes,
    locations,
    days,
    answers: new AnswerCache(days, config.AVAILABILITY_ANSWER_CACHE_MB * 1024 * 1024),
    alternatives: new AlternativesMemo(config.AVAILABILITY_CACHE_SIZE > 0 ? 1000 : 0),
    claimsIndex,
    origins,
    health,
    staffDays,
    staffSessions: new StaffSessionCache(),
    audit,
    close: async () => {
      await audit.flush();
      health.stop();
      redis?.disconnect();
      await feed?.stop();
    },
  };
}
