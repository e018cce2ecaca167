import type { Change } from '../claims/change-signal.js';

type Cached = { locationId: number; start: number; end: number; json: Buffer; at: number };

/**
 * The days of locations as the staff API answered them (JSON, encoded once), for the fifty counter PCs that read
 * the same day: a change to a claim of that day at that location drops it (the change signal, also from other
 * processes), a catalogue change drops all. Kept at most `ttlMs`, for what changes without a claim: the next free
 * times move on with the clock, and an e-mail the outbox gave up on.
 */
export class StaffDayCache {
  private readonly days = new Map<string, Cached>();

  constructor(
    private readonly ttlMs = 10_000,
    private readonly max = 1_000,
  ) {}

  get(locationId: number, date: string, now: number): Buffer | undefined {
    const key = `${locationId}|${date}`;
    const cached = this.days.get(key);
    if (!cached) return undefined;
    if (now - cached.at > this.ttlMs || now < cached.at) {
      this.days.delete(key);
      return undefined;
    }
    return cached.json;
  }

  set(locationId: number, date: string, day: { start: number; end: number }, json: Buffer, now: number) {
    if (this.days.size >= this.max) this.days.delete(this.days.keys().next().value!);
    this.days.set(`${locationId}|${date}`, { locationId, ...day, json, at: now });
  }

  drop(change: Change) {
    if (change.kind === 'catalogue') return this.days.clear();
    for (const [key, day] of this.days)
      if (day.locationId === change.locationId && day.start < change.end && change.start < day.end)
        this.days.delete(key);
  }
}
