// The pooled random bytes of manage tokens and references: each call its own bytes, across refills of the pool,
// of the size asked, and spread over every byte value as a cryptographic generator's are.
import t from 'tap';
import { randomBytesPooled } from '../../src/platform/random-bytes.js';

t.test('sizes, also larger than the pool', async (t) => {
  for (const size of [1, 6, 32, 4096, 5000]) t.equal(randomBytesPooled(size).length, size, `${size} bytes`);
});

t.test('no two draws alike, across several refills of the pool', async (t) => {
  const seen = new Set<string>();
  for (let i = 0; i < 1000; i++) seen.add(randomBytesPooled(32).toString('hex')); // 32,000 bytes: 8 pools
  t.equal(seen.size, 1000);
});

t.test('each draw in memory of its own: no token reaches the bytes of another through its buffer', async (t) => {
  const first = randomBytesPooled(16);
  const next = randomBytesPooled(16);
  t.equal(first.buffer.byteLength, 16, 'not a view of the pool or of a shared buffer');
  t.equal(Buffer.from(first.buffer).indexOf(next), -1, "the next draw's bytes are not behind the first");
});

t.test('every byte value appears about as often as the others', async (t) => {
  const counts = new Array<number>(256).fill(0);
  for (let i = 0; i < 3200; i++) for (const b of randomBytesPooled(32)) counts[b]!++;
  // 102,400 bytes: 400 of each value expected; a fixed or unfilled pool would leave most at 0.
  t.ok(Math.min(...counts) > 250, `fewest ${Math.min(...counts)}`);
  t.ok(Math.max(...counts) < 550, `most ${Math.max(...counts)}`);
});
