import { createHash } from 'node:crypto';
import type { DayFrame } from './day-frames.js';

/**
 * A day's open JSON as it goes out, with slot i's count at `counts[at + i]`: the frame's text whole, or, after
 * `prefix` (another opening of the day object: a notice that cut the first slots, a fully-booked reason), its slots
 * from `from` on.
 */
export type FramePart = { frame: DayFrame; counts: Uint16Array; at: number; from: number; prefix?: string };
/** Text encoded before, named by `id` in the ETag. */
export type KeptPart = { bytes: Buffer; id: string };
export type AnswerPart = string | KeptPart | FramePart;

const isFrame = (part: KeptPart | FramePart): part is FramePart => 'frame' in part;

/**
 * The bytes of an answer made of JSON text and day frames, and a strong ETag for them. Six weeks are ~100 KB: they
 * are copied from the frames and only the counts are written, and the ETag digests what decides the bytes (the
 * text, the names of kept parts and frames, the counts) instead of the bytes themselves.
 */
export function answerBytes(parts: AnswerPart[]): { bytes: Buffer; etag: string } {
  // Neighbouring texts are written as one.
  const merged: AnswerPart[] = [];
  for (const part of parts) {
    const last = merged.length - 1;
    if (typeof part === 'string' && typeof merged[last] === 'string') merged[last] += part;
    else merged.push(part);
  }
  let length = 0;
  let slots = 0;
  let fingerprint = '';
  for (const part of merged) {
    if (typeof part === 'string') {
      length += Buffer.byteLength(part);
      fingerprint += part;
    } else if (!isFrame(part)) {
      length += part.bytes.length;
      fingerprint += `\u0000${part.id}\u0000`;
    } else {
      const { frame, from, prefix } = part;
      length +=
        prefix === undefined ? frame.json.length : Buffer.byteLength(prefix) + frame.json.length - frame.slotAt[from]!;
      slots += frame.grid.starts.length - from;
      fingerprint += `\u0000${prefix ?? ''}\u0000${frame.id}:${from}\u0000`;
    }
  }
  const bytes = Buffer.allocUnsafe(length);
  const counts = new Uint16Array(slots);
  let at = 0;
  let c = 0;
  for (const part of merged) {
    if (typeof part === 'string') {
      at += bytes.write(part, at);
      continue;
    }
    if (!isFrame(part)) {
      at += part.bytes.copy(bytes, at);
      continue;
    }
    const { frame, from, prefix } = part;
    if (prefix !== undefined) at += bytes.write(prefix, at);
    const begin = prefix === undefined ? 0 : frame.slotAt[from]!;
    frame.json.copy(bytes, at, begin);
    const shift = at - begin;
    const source = part.counts;
    for (let i = from, j = part.at + from, n = frame.grid.starts.length; i < n; i++, j++) {
      let count = source[j]!;
      counts[c++] = count;
      // Digits from the right over the blank (spaces and a 0, as wide as the largest count).
      let p = frame.countEnd[i]! + shift - 1;
      if (count < 10) bytes[p] = 48 + count;
      else {
        do {
          bytes[p--] = 48 + (count % 10);
          count = Math.floor(count / 10);
        } while (count > 0);
      }
    }
    at += frame.json.length - begin;
  }
  const etag = `"${createHash('sha1').update(fingerprint).update(counts).digest('base64url')}"`;
  return { bytes, etag };
}
