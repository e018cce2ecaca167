// Instructions per statement, counted by valgrind's callgrind in a PostgreSQL backend of its own (`postgres
// --single`) on a copy of a database: the same figures whatever else the machine does, so that a small step in a
// statement shows (README, "Counted in instructions"). Needs valgrind and the server's own programs (initdb,
// pg_ctl, postgres; PG_BINDIR, else Debian's /usr/lib/postgresql/<major>/bin), pg_dump and pg_restore. As root
// the programs run as the user postgres, which PostgreSQL asks for.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const asServer = (command: string, args: string[], options: { input?: string } = {}) => {
  const [file, rest] =
    process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return execFileSync(file, rest, { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...options });
};

/**
 * Instructions per call of each statement: a backend runs `few` and then `many` calls on fresh copies of the data,
 * and the difference is divided by `many - few` (so the backend's start, and the first calls' planning, drop out).
 * Each call is its own transaction, as with pgbench; the text is parsed and planned each time (single-user mode
 * has no prepared statements), which adds the same to every statement.
 */
export function instructionsPerCall(
  url: string,
  statements: Record<string, (n: number) => string>,
  { few = 100, many = 300 } = {},
): Record<string, number> {
  const major = asServer('psql', ['-Atc', 'show server_version_num', url]).trim().slice(0, 2);
  const bin = process.env.PG_BINDIR ?? `/usr/lib/postgresql/${major}/bin`;
  const dir = mkdtempSync(join(tmpdir(), 'balie-instructions-'));
  try {
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
    const data = join(dir, 'data');
    asServer(`${bin}/initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres']);
    asServer('pg_dump', ['-Fc', '-f', join(dir, 'dump'), url]);
    // (with a log of its own: a server that inherited this process's pipes would keep them open)
    asServer(`${bin}/pg_ctl`, [
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-o',
      `-p 5499 -k ${dir} -c autovacuum=off`,
      '-w',
      'start',
    ]);
    try {
      asServer('psql', ['-q', '-h', dir, '-p', '5499', '-c', 'create database b', 'postgres']);
      asServer('pg_restore', ['-h', dir, '-p', '5499', '-d', 'b', join(dir, 'dump')]);
      asServer('psql', ['-q', '-h', dir, '-p', '5499', '-c', 'analyze', 'b']);
    } finally {
      asServer(`${bin}/pg_ctl`, ['-D', data, '-w', 'stop']);
    }
    const count = (statement: (n: number) => string, calls: number) => {
      const run = join(dir, 'run');
      rmSync(run, { recursive: true, force: true });
      cpSync(data, run, { recursive: true });
      if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres', run]);
      const out = join(dir, 'callgrind.out');
      const input = Array.from({ length: calls }, (_, n) => `${statement(n).replace(/\s+/g, ' ')};\n`).join('');
      const valgrind = [
        '--tool=callgrind',
        `--callgrind-out-file=${out}`,
        `${bin}/postgres`,
        '--single',
        '-D',
        run,
        'b',
      ];
      try {
        asServer('valgrind', valgrind, { input });
      } catch (e) {
        throw new Error(`the single-user backend failed: ${(e as { stderr?: string }).stderr ?? e}`);
      }
      const summary = /summary: (\d+)/.exec(readFileSync(out, 'utf8'))?.[1];
      if (summary === undefined) throw new Error(`callgrind wrote no summary to ${out}`);
      return Number(summary);
    };
    return Object.fromEntries(
      Object.entries(statements).map(([name, statement]) => [
        name,
        (count(statement, many) - count(statement, few)) / (many - few),
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
