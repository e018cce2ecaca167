import { hash } from 'node:crypto';

const BLOCK = 64;
const pads = new Map<string, { inner: Buffer; outer: Buffer }>();

/** The key's two pads (RFC 2104), made once per key; a process has one secret key, tests a few. */
function padsOf(key: string) {
  let found = pads.get(key);
  if (!found) {
    let bytes = Buffer.from(key, 'utf8');
    if (bytes.length > BLOCK) bytes = hash('sha256', bytes, 'buffer');
    const inner = Buffer.alloc(BLOCK, 0x36);
    const outer = Buffer.alloc(BLOCK, 0x5c);
    for (let i = 0; i < bytes.length; i++) {
      inner[i]! ^= bytes[i]!;
      outer[i]! ^= bytes[i]!;
    }
    if (pads.size >= 16) pads.clear();
    found = { inner, outer };
    pads.set(key, found);
  }
  return found;
}

/**
 * HMAC-SHA-256 of `message` under `key`, written as RFC 2104 defines it: two one-shot hashes over pads made once per
 * key. The same digest as `createHmac('sha256', key)`, byte for byte (stored digests stay valid), without its setup
 * per call: each `createHmac` prepared the key again and had OpenSSL look the algorithm up in its shared store (#17).
 */
export function hmacSha256(key: string, message: string, encoding: 'hex' | 'base64url'): string {
  const { inner, outer } = padsOf(key);
  const digest = hash('sha256', Buffer.concat([inner, Buffer.from(message, 'utf8')]), 'buffer');
  return hash('sha256', Buffer.concat([outer, digest]), encoding);
}
