import { sweep } from '../booking/housekeeping.js';
import { pruneMailFiles } from '../notify/mail-files.js';
import type { Services } from './compose.js';

const DAY_MS = 86_400_000;

/**
 * One round of housekeeping: holds that ran out, idempotency answers no one can ask for again, personal data past
 * its retention period, and (without SMTP) the .eml files older than MAIL_FILE_DAYS.
 */
export async function housekeep(services: Pick<Services, 'db' | 'clock' | 'config'>) {
  const swept = await sweep(services);
  const { config } = services;
  const mailFilesPruned = config.SMTP_URL
    ? 0
    : pruneMailFiles(config.DATA_DIR, new Date(services.clock().getTime() - config.MAIL_FILE_DAYS * DAY_MS));
  return { ...swept, mailFilesPruned };
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
