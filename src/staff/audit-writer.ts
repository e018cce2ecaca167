import type { Db } from '../platform/database/database.js';
import { type AuditEntry, insertAudit } from './audit-store.js';

const FLUSH_MS = 100;
const BATCH = 500;

/**
 * Writes audit rows: a change's row at once (before the next request of that staff member can rely on it), the
 * rows of reads in one insert every 100 ms, so that fifty counter PCs reading the day do not each cost a commit.
 * `flush` writes what waits (tests, and a closing server, call it).
 */
export class AuditWriter {
  private waiting: AuditEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  async write(entry: AuditEntry, options: { now: boolean }): Promise<void> {
    if (options.now) return insertAudit(this.db, [entry]);
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
    return this.writing;
  }
}
