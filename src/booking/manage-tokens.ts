import { hash, timingSafeEqual } from 'node:crypto';
import { hmacSha256 } from '../platform/keyed-digest.js';
import { randomBytesPooled } from '../platform/random-bytes.js';
import { referenceFrom } from './domain/reference.js';

/**
 * A manage token: HMAC-SHA-256 of 256 random bits (the nonce) under the server's secret key, URL-safe. Stored are
 * only its hash (to check it) and the nonce (so that a reminder weeks later can carry the link again); neither
 * gives the token without the key (DESIGN invariant 3).
 */
export function newManageToken(secretKey: string): { token: string; hash: string; nonce: string } {
  const nonce = randomBytesPooled(32).toString('hex');
  const token = deriveToken(secretKey, nonce);
  return { token, hash: hashToken(token), nonce };
}

export function deriveToken(secretKey: string, nonce: string): string {
  return hmacSha256(secretKey, `manage:${nonce}`, 'base64url');
}

export function hashToken(token: string): string {
  return hash('sha256', token);
}

/** Compares in constant time, so that timing does not tell how much of a guess was right. */
export function tokenMatches(token: string, hash: string | null): boolean {
  if (!hash) return false;
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export const newReference = () => referenceFrom(randomBytesPooled(6));

/**
 * A stable fingerprint of a request body: the same fields in any order give the same digest. Keyed (HMAC under the
 * server's key), so that the digest of a booking request does not give away a guessed name or e-mail address.
 */
export function requestFingerprint(secretKey: string, value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => (a < b ? -1 : 1)) // the keys are ASCII names: no locale needed
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  return hmacSha256(secretKey, `request:${JSON.stringify(canonical(value))}`, 'hex');
}

/** What `balie_book` keeps of a booking's idempotency key on its claim: the start of its MD5 (left(md5(key), 12)). */
export function requestTag(key: string): string {
  return hash('md5', key).slice(0, 12);
}
