import type { DayCache } from './day-cache.js';

/** A whole availability answer, kept while nothing it shows can have changed. */
export type Answer = {
  /** The JSON as sent, and its strong ETag. */
  bytes: Buffer;
  etag: string;
  /** When time alone changes it: a slot passes the minimum notice, a hold runs out, or the day turns. */
  validUntil: number;
  locationId: number;
  /** The location's generation it was computed at; undefined when its snapshot was already stale (not kept). */
  generation: number | undefined;
  /** Filled by the HTTP layer on first use: the bytes compressed. */
  gzip?: Buffer;
  br?: Buffer;
};

/** Room for an answer's compressed forms, made later by the HTTP layer (each is about a tenth of the JSON). */
const COMPRESSED_SHARE = 0.25;
/** What a kept entry costs beyond its bytes: the key, the object, the map's slot. */
const ENTRY_OVERHEAD = 512;

/**
 * Whole answers by question, so that a widget polling the same six weeks costs a lookup. An answer dies with
 * its location's generation in the day cache (any claim change there, or a catalogue change) or at `validUntil`.
 * The cache holds at most `maxBytes` (its answers, room for their compressed forms and their keys); beyond
 * that the answer used longest ago goes first, so that no stream of distinct questions can grow the process.
 */
export class AnswerCache {
  private readonly answers = new Map<string, Answer>();
  private used = 0;

  constructor(
    private readonly days: DayCache,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  /** Bytes taken now, by the same count as the bound. */
  get size() {
    return this.used;
  }

  get(key: string, now: number): Answer | undefined {
    const answer = this.answers.get(key);
    if (!answer) return undefined;
    this.answers.delete(key);
    if (now < answer.validUntil && answer.generation === this.days.generation(answer.locationId)) {
      // Used again: to the young end of the map, which is evicted from the old end.
      this.answers.set(key, answer);
      return answer;
    }
    this.used -= costOf(key, answer);
    return undefined;
  }

  set(key: string, answer: Answer) {
    const cost = costOf(key, answer);
    if (cost > this.maxBytes || answer.generation !== this.days.generation(answer.locationId)) return;
    const earlier = this.answers.get(key);
    if (earlier) {
      this.answers.delete(key);
      this.used -= costOf(key, earlier);
    }
    while (this.used + cost > this.maxBytes) {
      const [oldKey, oldAnswer] = this.answers.entries().next().value!;
      this.answers.delete(oldKey);
      this.used -= costOf(oldKey, oldAnswer);
    }
    this.answers.set(key, answer);
    this.used += cost;
  }
}

const costOf = (key: string, answer: Answer) =>
  Math.ceil(answer.bytes.length * (1 + COMPRESSED_SHARE)) + key.length * 2 + ENTRY_OVERHEAD;
