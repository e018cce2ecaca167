import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { staffAudit, staffUsers } from '../../db/schema.js';
import type { Executor } from '../platform/database/database.js';

export type AuditEntry = {
  at: Date;
  municipalityId: number | null;
  userId: string | null;
  action: string;
  object: string | null;
  status: number;
  note?: string | null;
};

export async function insertAudit(ex: Executor, entry: AuditEntry): Promise<void> {
  await ex.insert(staffAudit).values(entry);
}

/** A municipality's audit rows in `[from, to)`, oldest first, with the staff member's e-mail address. */
export async function listAudit(ex: Executor, municipalityId: number, from: Date, to: Date, limit: number) {
  return ex
    .select({
      at: staffAudit.at,
      user: staffUsers.email,
      action: staffAudit.action,
      object: staffAudit.object,
      status: staffAudit.status,
      note: staffAudit.note,
    })
    .from(staffAudit)
    .leftJoin(staffUsers, eq(staffUsers.id, staffAudit.userId))
    .where(and(eq(staffAudit.municipalityId, municipalityId), gte(staffAudit.at, from), lt(staffAudit.at, to)))
    .orderBy(asc(staffAudit.at), asc(staffAudit.id))
    .limit(limit);
}
