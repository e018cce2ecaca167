import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let taken = 0;

/**
 * `size` bytes from the system's cryptographic generator, as `randomBytes` gives them, taken from a pool that is
 * filled 4 KB at a time (as Node's own `randomUUID` keeps its random bytes): one call into OpenSSL per hundred
 * tokens instead of one per token, which in a rush of bookings was about 4 % of the server's thread per booking
 * (#17). A pool is never filled again: each refill is a new buffer. Each caller gets its bytes in memory of their
 * own (not a view of the pool, nor a slice of Node's shared buffer pool), so that no token's `.buffer` reaches the
 * bytes of another.
 */
export function randomBytesPooled(size: number): Buffer {
  if (size > POOL_BYTES) return randomFillSync(Buffer.alloc(size));
  if (taken + size > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafeSlow(POOL_BYTES));
    taken = 0;
  }
  const bytes = Buffer.alloc(size);
  pool.copy(bytes, 0, taken, taken + size);
  taken += size;
  return bytes;
}
