import { createHmac } from 'node:crypto';
import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { Forbidden } from '../errors.js';
import type { UsedSolutions } from './used-solutions.js';

export type Challenge = Awaited<ReturnType<typeof createChallenge>>;

/**
 * ALTCHA proof of work (altcha-lib, SHA-256 challenges): no cookies, no third party. A challenge is signed with a
 * key derived from the server's secret, holds its own expiry, and its solution is good for one request (the used
 * ones are remembered until the challenge would have expired). Solving takes a browser about a second
 * (docs/bot-defence.md); checking takes the server one hash.
 */
export class Captcha {
  readonly #hmacKey: string;

  constructor(
    secretKey: string,
    private readonly used: UsedSolutions,
    private readonly options: { maxNumber: number; expiresSeconds: number },
  ) {
    this.#hmacKey = createHmac('sha256', secretKey).update('altcha').digest('hex');
  }

  challenge(): Promise<Challenge> {
    return createChallenge({
      hmacKey: this.#hmacKey,
      maxnumber: this.options.maxNumber,
      expires: new Date(Date.now() + this.options.expiresSeconds * 1000),
    });
  }

  /** Refuses (403 captcha_required) a missing, malformed, wrong, expired or reused solution. */
  async require(payload: string | undefined): Promise<void> {
    if (!payload || payload.length > 2000) throw new Forbidden('captcha_required');
    let verified = false;
    try {
      verified = await verifySolution(payload, this.#hmacKey, true);
    } catch {
      verified = false;
    }
    if (!verified) throw new Forbidden('captcha_required');
    const { signature } = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { signature: string };
    if (!(await this.used.use(signature, this.options.expiresSeconds * 1000))) throw new Forbidden('captcha_required');
  }
}
