// hmacSha256 (two one-shot hashes over pads kept per key) gives createHmac's digest byte for byte: for keys shorter
// than, as long as and longer than SHA-256's block, of any characters, and any message. Stored request
// fingerprints and manage tokens derived before it must stay the same (a retry is still answered, a link still works).
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import t from 'tap';
import { hmacSha256 } from '../../src/platform/keyed-digest.js';
import { assertProperty } from '../helpers/property.js';

const numRuns = Number(process.env.FC_RUNS ?? 1000);
const key = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 0, maxLength: 100 }),
  fc.string({ minLength: 60, maxLength: 70 }),
  fc.string({ unit: 'binary', minLength: 20, maxLength: 200 }),
);
const message = fc.string({ unit: 'binary', maxLength: 300 });

t.test('hmacSha256 is createHmac, in hex and in base64url', async (t) => {
  assertProperty(
    t,
    fc.property(key, message, fc.constantFrom('hex' as const, 'base64url' as const), (k, m, encoding) => {
      return hmacSha256(k, m, encoding) === createHmac('sha256', k).update(m).digest(encoding);
    }),
    { numRuns },
  );
});

t.test('the pads of one key do not change with use, and many keys do not mix', async (t) => {
  const keys = Array.from({ length: 40 }, (_, i) => `secret-${i}-${'x'.repeat(i * 3)}`);
  for (let round = 0; round < 3; round++)
    for (const k of keys)
      t.equal(
        hmacSha256(k, `request:${round}`, 'hex'),
        createHmac('sha256', k).update(`request:${round}`).digest('hex'),
      );
});
