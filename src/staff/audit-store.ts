import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
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

/** Inserts rows in one statement with one parameter (cheap to build for a batch of hundreds). */
export async function insertAudit(ex: Executor, entries: AuditEntry[]): Promise<void> {
  const rows = entries.map((e) => ({
    at: e.at.toISOString(),
    municipality_id: e.municipalityId,
    user_id: e.userId,
    action: e.action,
    object: e.object,
    status: e.status,
    note: e.note ?? null,
  }));
  await ex.execute(sql`insert into ${staffAudit} (at, municipality_id, user_id, action, object, status, note)
    select at, municipality_id, user_id, action, object, status, note
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(at timestamptz, municipality_id int, user_id uuid,
      action text, object text, status smallint, note text)`);
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
