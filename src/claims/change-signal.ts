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

/**
 * The one signal of every change that residents or staff can see. Writers raise it once a change is committed
 * (see claim-writes.ts), the change feed brings other processes' changes (change-feed.ts), and every cache and
 * live view listens to it: a writer never reaches into a cache.
 */
export class ChangeSignal {
  private readonly listeners = new Set<ChangeListener>();
  private writes = 0;

  /** Whether a claim write of this process is under way: its change is raised when it ends (claim-writes.ts). */
  get writing(): boolean {
    return this.writes > 0;
  }

  /** Runs a claim write, counted in `writing` until it has raised what it changed. */
  async during<T>(write: () => Promise<T>): Promise<T> {
    this.writes++;
    try {
      return await write();
    } finally {
      this.writes--;
    }
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
