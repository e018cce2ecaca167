import type { Staff } from './staff.js';

/**
 * Staff members behind session tokens for a moment (`ttlMs`), so that a counter PC's requests do not each ask the
 * database who they are. What this process changes (logout, an account changed) it forgets at once; a change made
 * by another server process is seen here within `ttlMs` (docs/staff.md).
 */
export class StaffSessionCache {
  private readonly sessions = new Map<string, { staff: Staff; at: number }>();

  constructor(
    private readonly ttlMs = 2_000,
    private readonly max = 10_000,
  ) {}

  get(id: string, now: number): Staff | undefined {
    const cached = this.sessions.get(id);
    if (!cached) return undefined;
    if (now - cached.at > this.ttlMs || now < cached.at) {
      this.sessions.delete(id);
      return undefined;
    }
    return cached.staff;
  }

  set(id: string, staff: Staff, now: number) {
    if (this.sessions.size >= this.max) this.sessions.delete(this.sessions.keys().next().value!);
    this.sessions.set(id, { staff, at: now });
  }

  forgetSession(id: string) {
    this.sessions.delete(id);
  }

  forgetUser(userId: string) {
    for (const [id, cached] of this.sessions) if (cached.staff.user.id === userId) this.sessions.delete(id);
  }
}
