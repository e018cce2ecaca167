import type { DayCache } from './day-cache.js';

/** A whole availability answer, kept while nothing it shows can have changed. */
export type Answer = {
  body: string;
  /** When time alone changes it: a slot passes the minimum notice, a hold runs out, or the day turns. */
  validUntil: number;
  locationId: number;
  generation: number;
  /** Filled by the HTTP layer on first use: the bytes as sent, plain and gzipped. */
  bytes?: Buffer;
  gzip?: Buffer;
  etag?: string;
};

/**
 * Whole answers by question, so that a widget polling the same six weeks costs a lookup. An answer dies with
 * its location's generation in the day cache (any claim change there, or a catalogue change) or at `validUntil`.
 */
export class AnswerCache {
  private readonly answers = new Map<string, Answer>();

  constructor(private readonly days: DayCache, private readonly maxEntries = 10_000) {}

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
