/** PostgreSQL's SQLSTATE of a failed query: drizzle wraps the driver error and keeps it as `cause`. */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** 23P01: the exclusion constraint refused an overlapping claim on a counter. */
export const isOverlap = (error: unknown) => sqlState(error) === '23P01';
/** 40P01: the server ended a transaction to break a deadlock (trying again is safe). */
export const isDeadlock = (error: unknown) => sqlState(error) === '40P01';
/** 23505: a unique constraint (a reference that exists already). */
export const isDuplicate = (error: unknown) => sqlState(error) === '23505';

/** Errors of the driver when it cannot reach the server (postgres.js codes, Node's socket errors, PGlite closed). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);

/**
 * The database is away rather than the query wrong: a connection that failed or was refused, SQLSTATE class 08
 * (connection exception), 57P01–57P03 (the server shuts down or cannot take connections), 53300 (too many).
 */
export function isConnectionFailure(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    depth++
  ) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (CONNECTION_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code) || code === '53300')
      return true;
    if (typeof e.message === 'string' && e.message.includes('PGlite is closed')) return true;
    e = e.cause as typeof e;
  }
  return false;
}
