import postgres from 'postgres';
import type { Test } from 'tap';

/**
 * Locks the appointments table from another connection (PostgreSQL only) until `release`: whatever still answers
 * meanwhile did not read or write it.
 */
export async function lockAppointments(t: Test, url: string): Promise<{ release: () => Promise<void> }> {
  const locker = postgres(url, { max: 1, onnotice: () => {} });
  t.teardown(() => locker.end());
  let release: () => void = () => {};
  const locked = locker.begin(async (tx) => {
    await tx`lock table appointments in access exclusive mode`;
    await new Promise<void>((resolve) => {
      release = resolve;
    });
  });
  await new Promise((r) => setTimeout(r, 100));
  return {
    release: async () => {
      release();
      await locked;
    },
  };
}
