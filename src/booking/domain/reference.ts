/**
 * Letters and digits that cannot be mistaken for each other when read aloud or typed (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).
 */
export const REFERENCE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

/** A short human reference such as `K7M-4QX` from six random bytes. */
export function referenceFrom(bytes: Uint8Array): string {
  if (bytes.length < 6) throw new RangeError('a reference needs six random bytes');
  const chars = Array.from(bytes.subarray(0, 6), (b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]);
  return `${chars.slice(0, 3).join('')}-${chars.slice(3).join('')}`;
}

export const REFERENCE_PATTERN = new RegExp(`^[${REFERENCE_ALPHABET}]{3}-[${REFERENCE_ALPHABET}]{3}$`);
