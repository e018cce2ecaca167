import { solveChallenge } from 'altcha-lib/v1';

type Challenge = { algorithm: string; challenge: string; maxnumber?: number; salt: string; signature: string };

/**
 * The proof of work a hold asks for (ALTCHA, `GET /api/v1/captcha`): solved in the page with Web Crypto, ahead of
 * time (while the resident looks at the times), so that choosing a time does not wait for it. Each solution is
 * used once; the next one is solved when it is taken.
 */
export class ProofOfWork {
  #next: Promise<string> | undefined;

  constructor(private readonly fetchChallenge: () => Promise<Challenge>) {}

  /** Starts solving the next one, if it is not being solved already. */
  prepare() {
    this.#next ??= this.#solve();
    this.#next.catch(() => {
      this.#next = undefined;
    });
  }

  /** The X-Altcha value for one request (waits for the solution when it is not ready yet). */
  async take(): Promise<string> {
    this.prepare();
    const solution = await this.#next!;
    this.#next = undefined;
    return solution;
  }

  async #solve(): Promise<string> {
    const challenge = await this.fetchChallenge();
    const solved = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber)
      .promise;
    if (!solved) throw new Error('no solution');
    const { algorithm, challenge: hash, salt, signature } = challenge;
    return btoa(JSON.stringify({ algorithm, challenge: hash, number: solved.number, salt, signature }));
  }
}
