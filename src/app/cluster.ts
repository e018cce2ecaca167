import cluster from 'node:cluster';

/**
 * Runs the server in `count` processes that share one port (node:cluster): on PostgreSQL each core can answer
 * requests; the caches stay right across them by the change feed, as across machines. This process becomes the
 * supervisor: it starts the workers, starts a worker again when one dies, and on SIGTERM/SIGINT stops them all and
 * exits when they have finished their requests. Resolves once every worker listens.
 */
export function superviseWorkers(
  count: number,
  log: { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void },
): Promise<void> {
  let stopping = false;
  const start = (index: number) => {
    const worker = cluster.fork({ BALIE_WORKER_INDEX: String(index) });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      log.error({ worker: index, code, signal }, 'a worker stopped: starting it again');
      // After a second: a worker that cannot start (the database is away) does not spin.
      setTimeout(() => {
        if (!stopping) start(index);
      }, 1_000);
    });
    return worker;
  };
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping the workers');
    const timer = setTimeout(() => process.exit(1), 20_000).unref();
    const running = Object.values(cluster.workers ?? {});
    let left = running.length;
    if (left === 0) process.exit(0);
    for (const worker of running) {
      worker!.once('exit', () => {
        if (--left > 0) return;
        clearTimeout(timer);
        process.exit(0);
      });
      worker!.process.kill(signal);
    }
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  return new Promise((resolve) => {
    let listening = 0;
    for (let index = 0; index < count; index++) {
      start(index).once('listening', () => {
        if (++listening === count) resolve();
      });
    }
  });
}

/** Which worker this process is (0 when there is only one): the first one also does the once-per-service work. */
export function workerIndex(): number {
  return cluster.isPrimary ? 0 : Number(process.env.BALIE_WORKER_INDEX ?? 0);
}

export const isWorker = () => !cluster.isPrimary;
