import type { Db } from '../platform/database/database.js';
import { type AuditEntry, insertAudit } from './audit-store.js';

const FLUSH_MS = 100;
const BATCH = 500;

/**
 * Writes audit rows: a change's row at once (before the next request of that staff member can rely on it), the
 * rows of reads in one insert every 100 ms, so that fifty counter PCs reading the day do not each cost a commit.
 * `flush` writes what waits and waits for the rows on their way (tests, admins reading the log, a closing server).
 */
export class AuditWriter {
  private waiting: AuditEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** Rows of changes on their way (the answer is sent before its audit row is written). */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  async write(entry: AuditEntry, options: { now: boolean }): Promise<void> {
    if (options.now) {
      const written = insertAudit(this.db, [entry]);
      this.inFlight.add(written);
      return written.finally(() => this.inFlight.delete(written));
    }
    this.waiting.push(entry);
    if (this.waiting.length >= BATCH) await this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.waiting;
    this.waiting = [];
    this.writing = this.writing
      .then(() => (rows.length > 0 ? insertAudit(this.db, rows) : undefined))
      .catch(this.onError);
    return Promise.allSettled([this.writing, ...this.inFlight]).then(() => undefined);
  }
}
