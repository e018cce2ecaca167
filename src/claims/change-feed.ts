import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../platform/database/database.js';
import type { Change, ChangeSignal } from './change-signal.js';

/** Parses a row of the `changes` table (the triggers of migrations 0013 and 0015; 0015 added the transaction). */
export function parseChange(payload: string): Change | undefined {
  if (payload === 'catalogue') return { kind: 'catalogue' };
  const match = /^claims:(\d+):(-?\d+):(-?\d+)(?::(\d+))?$/.exec(payload);
  if (!match) return undefined;
  return {
    kind: 'claims',
    locationId: Number(match[1]),
    start: Number(match[2]),
    end: Number(match[3]),
    ...(match[4] && { transaction: match[4] }),
  };
}

/** Rows older than this have been read by every process: housekeeping drops them (database time, not the app's). */
export async function forgetOldChanges(ex: Executor): Promise<number> {
  const gone = await queryRows<{ id: string }>(
    ex,
    sql`delete from changes where created_at < now() - interval '10 minutes' returning id`,
  );
  return gone.length;
}

/** How long a missing id may still come (its transaction runs): longer than any transaction of ours lasts. */
const GAP_MS = 60_000;

/**
 * Feeds every committed change to claims and catalogue into the signal, from every process on the same database
 * (and this one's own, a moment after it raised them itself, but for the transactions whose writers raised each
 * claim as it now is): it reads the rows of `changes` after the highest id it
 * has seen, every `intervalMs`. Ids are handed out before commit, so a later id can commit first: an id skipped is
 * asked for again until it comes or is older than GAP_MS (its transaction rolled back). After a failed read (an
 * outage) everything is treated as changed once, as rows may have gone before they were read.
 */
export class ChangeFeed {
  private last = 0;
  private readonly gaps = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;
  private failed = false;
  /** Transactions of this process whose claims its writers raised as they now are: their rows change nothing here. */
  private readonly told = new Map<string, number>();
  /** Rows of transactions not told yet, read while this process was writing claims: raised at the next read. */
  private deferred: Change[] = [];
  private readonly stopListening: () => void;

  constructor(
    private readonly ex: Executor,
    private readonly signal: ChangeSignal,
    private readonly intervalMs: number,
  ) {
    this.stopListening = signal.listen((change) => {
      if (change.kind === 'claims' && change.claim && change.transaction) this.told.set(change.transaction, Date.now());
    });
  }

  /** Starts after the newest change there is now. */
  async start(): Promise<void> {
    const [row] = await queryRows<{ last: string }>(
      this.ex,
      sql`select coalesce(max(id), 0)::text as last from changes`,
    );
    this.last = Number(row!.last);
    this.timer = setInterval(() => void this.read(), this.intervalMs);
    this.timer.unref();
  }

  /** Reads what is new once (the timer calls it; a read still running is waited for, not doubled). */
  read(): Promise<void> {
    this.reading ??= this.readOnce().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.stopListening();
    await this.reading;
  }

  /** A claims change of a transaction whose writer in this process raised the claim itself. */
  private toldOf(change: Change): boolean {
    return change.kind === 'claims' && change.transaction !== undefined && this.told.has(change.transaction);
  }

  private async readOnce(): Promise<void> {
    const gaps = [...this.gaps.keys()];
    let rows: { id: string; payload: string }[];
    try {
      rows = await queryRows(
        this.ex,
        sql`select id::text, payload from changes
            where id > ${this.last} or id = any(${`{${gaps.join(',')}}`}::bigint[]) order by id`,
      );
    } catch {
      this.failed = true; // the health check says why; reading goes on at the next tick
      return;
    }
    if (this.failed) {
      this.failed = false;
      this.signal.raise({ kind: 'catalogue' });
    }
    const now = Date.now();
    // A row of a write of this process may come before its writer raised it (the commit is in, the answer not yet
    // taken up): raised as another's, it would make the claims index read that time again, and a rush queue behind
    // that read. So while this process writes claims, a row of a transaction not told waits for one read (at most
    // CHANGE_FEED_MS more for another process's change).
    for (const change of this.deferred.splice(0)) if (!this.toldOf(change)) this.signal.raise(change);
    for (const row of rows) {
      const id = Number(row.id);
      if (id > this.last) {
        for (let missing = this.last + 1; missing < id; missing++) this.gaps.set(missing, now);
        this.last = id;
      } else this.gaps.delete(id);
      const change = parseChange(row.payload);
      if (!change || this.toldOf(change)) continue;
      if (this.signal.writing && change.kind === 'claims' && change.transaction) this.deferred.push(change);
      else this.signal.raise(change);
    }
    for (const [id, since] of this.gaps) if (now - since > GAP_MS) this.gaps.delete(id);
    for (const [transaction, since] of this.told) if (now - since > GAP_MS) this.told.delete(transaction);
  }
}
