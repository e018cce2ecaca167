import type { Claim } from './claims-store.js';

/**
 * What changed: a claim on a counter's time at a location, or the catalogue (hours, counters, services). A writer
 * that knows the claim as it now is (a new booking or hold) says so with `claim`, so that the claims index puts it
 * in place without reading; `transaction` is the database transaction that wrote it (its rows in the change feed).
 */
export type Change =
  | { kind: 'claims'; locationId: number; start: number; end: number; claim?: Claim; transaction?: string }
  | { kind: 'catalogue' };

export type ChangeListener = (change: Change) => void;

/** Where a claim write puts its claim: a location's time, in epoch milliseconds. */
export type WriteAt = { locationId: number; start: number; end: number };

const noop = () => {};

/**
 * The one signal of every change that residents or staff can see. Writers raise it once a change is committed
 * (see claim-writes.ts), the change feed brings other processes' changes (change-feed.ts), and every cache and
 * live view listens to it: a writer never reaches into a cache.
 */
export class ChangeSignal {
  private readonly listeners = new Set<ChangeListener>();
  private writes = 0;
  /** The claim writes under way that said where they put their claim, each until it has raised what it changed. */
  private readonly placed = new Map<number, { at: WriteAt; ended: Promise<unknown> }[]>();

  /** Whether a claim write of this process is under way: its change is raised when it ends (claim-writes.ts). */
  get writing(): boolean {
    return this.writes > 0;
  }

  /**
   * Runs a claim write, counted in `writing` until it has raised what it changed; with `at`, it is also among the
   * `writesAt` that time until then.
   */
  async during<T>(write: () => Promise<T>, at?: WriteAt): Promise<T> {
    this.writes++;
    const written = write();
    const entry = at && { at, ended: written.then(noop, noop) };
    if (entry) {
      const list = this.placed.get(entry.at.locationId);
      if (list) list.push(entry);
      else this.placed.set(entry.at.locationId, [entry]);
    }
    try {
      return await written;
    } finally {
      this.writes--;
      if (entry) {
        const list = this.placed.get(entry.at.locationId)!;
        list.splice(list.indexOf(entry), 1);
        if (list.length === 0) this.placed.delete(entry.at.locationId);
      }
    }
  }

  /**
   * The claim writes of this process under way at a location's time (each a promise that settles once its change
   * is raised): claims they put may take the counters that the claims index still shows free there.
   */
  writesAt(at: WriteAt): Promise<unknown>[] {
    const list = this.placed.get(at.locationId);
    if (!list) return [];
    return list.filter((w) => w.at.start < at.end && w.at.end > at.start).map((w) => w.ended);
  }

  /** Calls `listener` for every change from now on; returns the function that stops it. */
  listen(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  raise(change: Change): void {
    for (const listener of this.listeners) listener(change);
  }
}
