import { and, eq } from 'drizzle-orm';
import { appointments } from '../../db/schema.js';
import type { ClaimWriter } from '../claims/claim-writes.js';

/**
 * Moves an appointment from `from` to `to`; false when its status is no longer `from` (a colleague was first).
 * The database refuses any step that is not one (staff/status-transitions.sql). Touches its time, so that every
 * open day view of the location hears of it.
 */
export async function updateStatus(
  w: ClaimWriter,
  entry: { id: string; locationId: number; start: number; end: number },
  from: string,
  to: string,
  now: Date,
): Promise<boolean> {
  const rows = await w.ex
    .update(appointments)
    .set({ status: to as 'booked', updatedAt: now })
    .where(and(eq(appointments.id, entry.id), eq(appointments.status, from as 'booked')))
    .returning({ id: appointments.id });
  if (rows.length > 0) w.touched(entry.locationId, entry.start, entry.end);
  return rows.length > 0;
}
