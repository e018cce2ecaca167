import { sweep } from '../booking/housekeeping.js';
import { forgetOldChanges } from '../claims/change-feed.js';
import { pruneMailFiles } from '../notify/mail-files.js';
import { sweepStaff } from '../staff/staff-housekeeping.js';
import type { Services } from './compose.js';

const DAY_MS = 86_400_000;

/**
 * One round of housekeeping: holds that ran out, idempotency answers no one can ask for again, personal data past
 * its retention period, ended staff sessions and old login failures, and (without SMTP) the .eml files older than
 * MAIL_FILE_DAYS, and the rows of `changes` every process has read.
 */
export async function housekeep(services: Pick<Services, 'db' | 'clock' | 'config'>) {
  const swept = await sweep(services);
  const staff = await sweepStaff(services);
  const changesForgotten = await forgetOldChanges(services.db);
  return {
    ...swept,
    ...staff,
    changesForgotten,
    mailFilesPruned: pruneOldMailFiles(services.config, services.clock()),
  };
}

/** Without SMTP, the .eml files of the mailbox older than MAIL_FILE_DAYS go; returns how many. */
export function pruneOldMailFiles(
  config: Pick<Services['config'], 'SMTP_URL' | 'DATA_DIR' | 'MAIL_FILE_DAYS'>,
  now: Date,
) {
  return config.SMTP_URL
    ? 0
    : pruneMailFiles(config.DATA_DIR, new Date(now.getTime() - config.MAIL_FILE_DAYS * DAY_MS));
}

/** Runs `housekeep` every minute until the returned function is called; one process of a cluster does. */
export function startHousekeeping(
  services: Pick<Services, 'db' | 'clock' | 'config'>,
  log: { error: (obj: object, msg: string) => void },
  everyMs = 60_000,
): () => void {
  const timer = setInterval(() => {
    housekeep(services).catch((error: unknown) => log.error({ err: error }, 'housekeeping failed'));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
