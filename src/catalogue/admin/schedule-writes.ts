import { eq } from 'drizzle-orm';
import { openingExceptions, openingHours } from '../../../db/schema.js';
import type { Executor } from '../../platform/database/database.js';
import type { DateException, WeeklyRule } from '../domain/opening-hours.js';

/**
 * Replaces a location's weekly rules and exceptions with these, inside the caller's transaction (the statement
 * triggers of migration 0002 announce the catalogue change to every process on commit).
 */
export async function replaceSchedule(
  tx: Executor,
  locationId: number,
  schedule: { weekly: WeeklyRule[]; exceptions: DateException[] },
): Promise<void> {
  await tx.delete(openingHours).where(eq(openingHours.locationId, locationId));
  await tx.delete(openingExceptions).where(eq(openingExceptions.locationId, locationId));
  if (schedule.weekly.length > 0)
    await tx.insert(openingHours).values(schedule.weekly.map((rule) => ({ ...rule, locationId })));
  if (schedule.exceptions.length > 0)
    await tx.insert(openingExceptions).values(
      schedule.exceptions.map(({ reason, ...exception }) => ({
        ...exception,
        locationId,
        reasonNl: reason.nl,
        reasonEn: reason.en,
      })),
    );
}
