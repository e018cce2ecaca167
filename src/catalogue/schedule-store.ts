import { asc, eq } from 'drizzle-orm';
import { openingExceptions, openingHours } from '../../db/schema.js';
import type { Executor } from '../platform/database/database.js';
import type { DateException, WeeklyRule } from './domain/opening-hours.js';

/** A location's weekly rules and dated exceptions, as the domain reads them. */
export async function loadSchedule(
  ex: Executor,
  locationId: number,
): Promise<{ weekly: WeeklyRule[]; exceptions: DateException[] }> {
  const [weekly, exceptions] = [
    await ex
      .select()
      .from(openingHours)
      .where(eq(openingHours.locationId, locationId))
      .orderBy(asc(openingHours.weekday), asc(openingHours.opens)),
    await ex
      .select()
      .from(openingExceptions)
      .where(eq(openingExceptions.locationId, locationId))
      .orderBy(asc(openingExceptions.date)),
  ];
  return {
    weekly: weekly.map((r) => ({
      counterId: r.counterId,
      weekday: r.weekday,
      opens: r.opens,
      closes: r.closes,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
    })),
    exceptions: exceptions.map((e) => ({
      counterId: e.counterId,
      date: e.date,
      kind: e.kind,
      opens: e.opens,
      closes: e.closes,
      reason: { nl: e.reasonNl, en: e.reasonEn },
    })),
  };
}
