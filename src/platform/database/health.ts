/**
 * Whether the database answers, known without waiting for it: a trivial query every `everyMs`. It is down at once
 * when the query fails (refused, reset: the usual outage), and after two checks in a row that got no answer within
 * `timeoutMs` (a cut connection may hang instead of failing; one slow answer, as in a long pause of the process,
 * is not an outage). Listeners hear of every change between up and down, and a fall with its cause.
 */
export class DatabaseHealth {
  #up = true;
  #timer: NodeJS.Timeout | undefined;
  #checking = false;
  #lateInARow = 0;
  readonly #listeners = new Set<(up: boolean, cause?: Error) => void>();

  constructor(
    private readonly ping: () => Promise<void>,
    private readonly everyMs = 250,
    readonly timeoutMs = 750,
  ) {}

  get up() {
    return this.#up;
  }

  /** Whether it checks by itself (started); otherwise only `check()` updates it. */
  get watching() {
    return this.#timer !== undefined;
  }

  onChange(listener: (up: boolean, cause?: Error) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Pings now: resolves to whether the database answered in time (and records it). */
  async check(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    // An answer that arrived while the process was busy is read (setImmediate runs after pending I/O) before the
    // timeout counts: the timer and the answer may come due in the same turn of the event loop.
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => setImmediate(() => resolve('late')), this.timeoutMs);
    });
    let cause: Error | undefined;
    const answered = this.ping().then(
      () => 'up' as const,
      (error: unknown) => {
        cause = error instanceof Error ? error : new Error(String(error));
        return 'failed' as const;
      },
    );
    const outcome = await Promise.race([answered, late]);
    clearTimeout(timer);
    this.#lateInARow = outcome === 'late' ? this.#lateInARow + 1 : 0;
    const up = outcome === 'up' || (outcome === 'late' && this.#lateInARow < 2 && this.#up);
    this.#set(up, cause ?? new Error(`the database did not answer within ${this.timeoutMs} ms, twice`));
    return outcome === 'up';
  }

  start() {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      if (this.#checking) return;
      this.#checking = true;
      void this.check().finally(() => {
        this.#checking = false;
      });
    }, this.everyMs);
    this.#timer.unref();
  }

  stop() {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #set(up: boolean, cause: Error) {
    if (up === this.#up) return;
    this.#up = up;
    for (const listener of this.#listeners) listener(up, up ? undefined : cause);
  }
}
