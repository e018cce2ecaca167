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

/**
 * Whole answers by question, so that a widget polling the same six weeks costs a lookup. An answer dies with
 * its location's generation in the day cache (any claim change there, or a catalogue change) or at `validUntil`.
 */
export class AnswerCache {
  private readonly answers = new Map<string, Answer>();

  constructor(
    private readonly days: DayCache,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, now: number): Answer | undefined {
    const answer = this.answers.get(key);
    if (!answer) return undefined;
    if (now < answer.validUntil && answer.generation === this.days.generation(answer.locationId)) return answer;
    this.answers.delete(key);
    return undefined;
  }

  set(key: string, answer: Answer) {
    if (this.maxEntries === 0 || answer.generation !== this.days.generation(answer.locationId)) return;
    if (this.answers.size >= this.maxEntries) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, answer);
  }
}
