import { hash } from 'node:crypto';

const BLOCK = 64;
/**
 * A key's pads (RFC 2104). `innerAscii` is the inner pad as text when every byte of it is ASCII (a key of ASCII
 * characters), so that the message is hashed after it without copying either into a buffer; `outerBlock` is the
 * outer pad with room for the inner digest, filled in by each call (hashing is synchronous, so no call sees another's).
 */
type Pads = { inner: Buffer; innerAscii: string | undefined; outerBlock: Buffer };
const pads = new Map<string, Pads>();
const DIGEST = 32;

/** The key's two pads, made once per key; a process has one secret key, tests a few. */
function padsOf(key: string): Pads {
  let found = pads.get(key);
  if (!found) {
    let bytes = Buffer.from(key, 'utf8');
    if (bytes.length > BLOCK) bytes = hash('sha256', bytes, 'buffer');
    const inner = Buffer.alloc(BLOCK, 0x36);
    const outerBlock = Buffer.alloc(BLOCK + DIGEST, 0x5c);
    for (let i = 0; i < bytes.length; i++) {
      inner[i]! ^= bytes[i]!;
      outerBlock[i]! ^= bytes[i]!;
    }
    if (pads.size >= 16) pads.clear();
    found = { inner, innerAscii: inner.every((b) => b < 0x80) ? inner.toString('latin1') : undefined, outerBlock };
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
  const { inner, innerAscii, outerBlock } = padsOf(key);
  const digest =
    innerAscii === undefined
      ? hash('sha256', Buffer.concat([inner, Buffer.from(message, 'utf8')]), 'buffer')
      : hash('sha256', innerAscii + message, 'buffer');
  digest.copy(outerBlock, BLOCK);
  return hash('sha256', outerBlock, encoding);
}
