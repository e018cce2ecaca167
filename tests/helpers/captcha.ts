import { solveChallenge } from 'altcha-lib/v1';
import type { FastifyInstance } from 'fastify';

/** Asks the app for a challenge and solves it as the widget does: the X-Altcha value (`tamper` spoils it). */
export async function solvedChallenge(app: FastifyInstance, tamper?: (payload: Record<string, unknown>) => void) {
  const response = await app.inject({ url: '/api/v1/captcha' });
  if (response.statusCode !== 200) throw new Error(`no challenge: ${response.statusCode} ${response.body}`);
  const challenge = response.json();
  const solving = solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber);
  const { number } = (await solving.promise)!;
  const payload: Record<string, unknown> = { ...challenge, number };
  delete payload.maxnumber;
  tamper?.(payload);
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}
