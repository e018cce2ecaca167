import postgres from 'postgres';

/**
 * A fresh PostgreSQL database for a benchmark, next to BENCH_DATABASE_URL / TEST_DATABASE_URL (or the local server).
 */
export async function freshBenchDatabase(name: string): Promise<string> {
  const base =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres:postgres@127.0.0.1:5432/postgres';
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
