import { createHash } from 'node:crypto';
import type { DayFrame } from './day-frames.js';

/** A day's slots as they go out: the frame's text from slot `from` on, with slot i's count at `counts[at + i]`. */
export type FramePart = { frame: DayFrame; counts: Uint16Array; at: number; from: number };

/**
 * The bytes of an answer made of JSON text and day frames, and a strong ETag for them. Six weeks are ~100 KB: they
 * are copied from the frames and only the counts are written, and the ETag digests what decides the bytes (the
 * text, each frame's id and first slot, the counts) instead of the bytes themselves.
 */
export function answerBytes(parts: (string | FramePart)[]): { bytes: Buffer; etag: string } {
  // Neighbouring texts are written as one.
  const merged: (string | FramePart)[] = [];
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
    } else {
      const { frame, from } = part;
      const n = frame.grid.starts.length;
      length += frame.slotAt[n]! - frame.slotAt[from]!;
      slots += n - from;
      fingerprint += `\u0000${frame.id}:${from}\u0000`;
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
    const { frame, from } = part;
    const n = frame.grid.starts.length;
    const begin = frame.slotAt[from]!;
    frame.slotsJson.copy(bytes, at, begin, frame.slotAt[n]);
    const shift = at - begin;
    const source = part.counts;
    for (let i = from, j = part.at + from; i < n; i++, j++) {
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
    at += frame.slotAt[n]! - begin;
  }
  const etag = `"${createHash('sha1').update(fingerprint).update(counts).digest('base64url')}"`;
  return { bytes, etag };
}
