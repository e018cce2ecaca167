import { readFileSync } from 'node:fs';

/** User and system time of a process (or, with `thread`, of one of its threads) in clock ticks (USER_HZ, 1/100 s). */
export function cpuTicks(pid: number, thread?: number): number {
  const path = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
  const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** A backend's ticks, or 0 once it is gone (a pool may close a connection during a race). */
const backendTicks = (pid: number) => {
  try {
    return cpuTicks(pid);
  } catch {
    return 0;
  }
};

/**
 * CPU time so far, in clock ticks (USER_HZ, 100 a second on Linux), read from /proc: the server's main thread and
 * the whole server process, the PostgreSQL backends that serve it, this process (the load generator), and the
 * machine's busy time (everything but idle and I/O wait) and all its time. Linux only, for processes of this machine.
 */
export type CpuSnapshot = {
  at: number;
  main: number;
  server: number;
  postgres: number;
  generator: number;
  busy: number;
  all: number;
};

export function cpuSnapshot(server: number, backends: number[]): CpuSnapshot {
  const machine = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1, 9).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = machine;
  const busy = user + nice + system + irq + softirq + steal;
  const own = process.cpuUsage();
  return {
    at: performance.now(),
    main: cpuTicks(server, server),
    server: cpuTicks(server),
    postgres: backends.reduce((sum, pid) => sum + backendTicks(pid), 0),
    generator: (own.user + own.system) / 10_000,
    busy,
    all: busy + idle + iowait,
  };
}

/** Who had the cores between two snapshots, in cores (1 = all of one core): each part, and the machine in all. */
export type CpuShare = {
  main: number;
  serverOther: number;
  postgres: number;
  generator: number;
  busy: number;
};

export function cpuShare(before: CpuSnapshot, after: CpuSnapshot, cores: number): CpuShare {
  const ticks = ((after.at - before.at) / 1000) * 100;
  const main = (after.main - before.main) / ticks;
  return {
    main,
    serverOther: (after.server - before.server) / ticks - main,
    postgres: (after.postgres - before.postgres) / ticks,
    generator: (after.generator - before.generator) / ticks,
    busy: ((after.busy - before.busy) / Math.max(1, after.all - before.all)) * cores,
  };
}
