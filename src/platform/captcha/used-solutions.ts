import type { Redis } from 'ioredis';

/** Remembers which solutions were used, so that each is good for one request. */
export interface UsedSolutions {
  /** True the first time `key` is used (and remembers it for `ttlMs`), false every time after. */
  use(key: string, ttlMs: number): Promise<boolean>;
}

/** One process: a map, pruned as it goes. */
export class UsedInMemory implements UsedSolutions {
  readonly #until = new Map<string, number>();

  async use(key: string, ttlMs: number) {
    const now = Date.now();
    if (this.#until.size > 10_000) for (const [k, until] of this.#until) if (until <= now) this.#until.delete(k);
    const until = this.#until.get(key);
    if (until !== undefined && until > now) return false;
    this.#until.set(key, now + ttlMs);
    return true;
  }
}

/**
 * Every process that shares REDIS_URL: SET NX, one round trip, atomic. While Redis cannot be reached, this process
 * remembers for itself (a hold is not refused for it; a reuse in another process goes unseen meanwhile).
 */
export class UsedInRedis implements UsedSolutions {
  readonly #fallback = new UsedInMemory();

  constructor(private readonly redis: Redis) {}

  async use(key: string, ttlMs: number) {
    try {
      return (await this.redis.set(`balie:altcha:${key}`, '1', 'PX', Math.max(1, ttlMs), 'NX')) === 'OK';
    } catch {
      return this.#fallback.use(key, ttlMs);
    }
  }
}
