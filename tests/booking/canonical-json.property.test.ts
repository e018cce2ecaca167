// canonicalJson writes the text that request fingerprints were made of before it (#17): JSON.stringify of the value
// rebuilt with every object's entries sorted. A fingerprint stored before must match the same request after, or a
// retry within the minute would be refused as a reused key. Checked against that rebuilding, for any JSON value and
// for values JSON does not have (undefined, functions, dates), keys that are array indexes included.
import fc from 'fast-check';
import t from 'tap';
import { canonicalJson, requestFingerprint } from '../../src/booking/manage-tokens.js';
import { hmacSha256 } from '../../src/platform/keyed-digest.js';
import { assertProperty } from '../helpers/property.js';

const numRuns = Number(process.env.FC_RUNS ?? 1000);

/** How fingerprints were made before: the value copied with sorted entries, then JSON.stringify. */
const rebuilt = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(rebuilt)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, x]) => [k, rebuilt(x)]),
        )
      : v;

const key = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.nat().map(String),
  fc.constantFrom('0', '01', '4294967294', '4294967295', '-1', '1.5', 'items', 'email'),
);
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.jsonValue({ maxDepth: 1 }),
    fc.constantFrom(undefined, () => 1, new Date(0)),
    fc.string({ unit: 'binary', maxLength: 20 }),
  ),
  node: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 6 }),
  ),
})).node;

t.test('canonicalJson is JSON.stringify of the value rebuilt with sorted entries', async (t) => {
  assertProperty(
    t,
    fc.property(value, (v) => canonicalJson(v) === JSON.stringify(rebuilt(v))),
    { numRuns },
  );
});

t.test('a booking request gives the fingerprint it gave before, whatever the order of its fields', async (t) => {
  const secret = 'a-secret-key-of-the-server-0123456789';
  const request = {
    start: '2026-12-10T09:30:00+01:00',
    location: 'stadskantoor',
    items: [{ service: 'paspoort', persons: 2 }],
    name: 'Inwoner',
    email: 'inwoner@example.nl',
    needs: { stepFree: true, interpreter: undefined },
  };
  const reordered = {
    needs: { interpreter: undefined, stepFree: true },
    email: 'inwoner@example.nl',
    name: 'Inwoner',
    items: [{ persons: 2, service: 'paspoort' }],
    location: 'stadskantoor',
    start: '2026-12-10T09:30:00+01:00',
  };
  const before = hmacSha256(secret, `request:${JSON.stringify(rebuilt(request))}`, 'hex');
  t.equal(requestFingerprint(secret, request), before);
  t.equal(requestFingerprint(secret, reordered), before);
  t.not(requestFingerprint(secret, { ...request, name: 'Inwoonster' }), before);
});
