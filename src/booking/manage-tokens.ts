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

/** An array index as a key (below 2³² − 1): an object holds these first, in the order of their numbers. */
const INDEX_KEY = /^(?:0|[1-9][0-9]{0,9})$/;
const isIndexKey = (key: string) => INDEX_KEY.test(key) && Number(key) < 4_294_967_295;

/**
 * JSON with every object's keys in order: index keys by number, then the others by their UTF-16 code units. The
 * text `JSON.stringify` gives of the value rebuilt with sorted entries (`Object.fromEntries`), which fingerprints
 * stored before were made of, written out directly instead of copying the value first (#17).
 */
export function canonicalJson(value: unknown): string | undefined {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v) ?? 'null').join(',')}]`;
  if (!value || typeof value !== 'object') return JSON.stringify(value);
  const keys = Object.keys(value);
  const indexes = keys.filter(isIndexKey);
  const names = indexes.length ? keys.filter((k) => !isIndexKey(k)) : keys;
  let text = '';
  for (const key of [...indexes.sort((a, b) => Number(a) - Number(b)), ...names.sort()]) {
    const inner = canonicalJson((value as Record<string, unknown>)[key]);
    if (inner !== undefined) text += `${text ? ',' : ''}${JSON.stringify(key)}:${inner}`;
  }
  return `{${text}}`;
}

/**
 * A stable fingerprint of a request body: the same fields in any order give the same digest. Keyed (HMAC under the
 * server's key), so that the digest of a booking request does not give away a guessed name or e-mail address.
 */
export function requestFingerprint(secretKey: string, value: unknown): string {
  return hmacSha256(secretKey, `request:${canonicalJson(value)}`, 'hex');
}

/** What `balie_book` keeps of a booking's idempotency key on its claim: the start of its MD5 (left(md5(key), 12)). */
export function requestTag(key: string): string {
  return hash('md5', key).slice(0, 12);
}
