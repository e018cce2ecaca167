/** PostgreSQL's SQLSTATE of a failed query: drizzle wraps the driver error and keeps it as `cause`. */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** 23P01: the exclusion constraint refused an overlapping claim on a counter. */
export const isOverlap = (error: unknown) => sqlState(error) === '23P01';
/** 23505: a unique constraint (a reference that exists already). */
export const isDuplicate = (error: unknown) => sqlState(error) === '23505';
