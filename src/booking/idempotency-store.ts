import { and, like, lt, or } from 'drizzle-orm';
import { idempotencyKeys } from '../../db/schema.js';
import type { Executor } from '../platform/database/database.js';

/** A client's Idempotency-Key is honoured for a day, a double click (the same body again) for a minute. */
export const CLIENT_KEY_HOURS = 24;
export const DOUBLE_CLICK_SECONDS = 60;

/** What is kept of a booking's answer: which appointment, in which language; no personal data, no token. */
export type StoredBooking = { appointmentId: string; language: 'nl' | 'en'; sequence: number };
export type StoredAnswer = { requestHash: string; status: number; body: StoredBooking; createdAt: Date };

/** Forgets the answers of double clicks (`auto:` keys) made before `clicksBefore`, and all made before `keysBefore`. */
export async function forgetAnswers(ex: Executor, clicksBefore: Date, keysBefore: Date): Promise<number> {
  return (
    await ex
      .delete(idempotencyKeys)
      .where(
        or(
          and(like(idempotencyKeys.key, 'auto:%'), lt(idempotencyKeys.createdAt, clicksBefore)),
          lt(idempotencyKeys.createdAt, keysBefore),
        ),
      )
      .returning({ key: idempotencyKeys.key })
  ).length;
}
