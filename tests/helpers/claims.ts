import { and, eq } from 'drizzle-orm';
import { appointments, counters, locations } from '../../db/schema.js';
import type { Db } from '../../src/platform/database/database.js';

/** Puts a claim straight into the database, as another process or a staff tool would. */
export async function insertClaim(
  db: Db,
  claim: {
    location: string;
    counter: string;
    start: string;
    end: string;
    status?: 'booked' | 'held' | 'cancelled';
    holdExpiresAt?: string;
  },
) {
  const [location] = await db.select().from(locations).where(eq(locations.slug, claim.location));
  const [counter] = await db
    .select()
    .from(counters)
    .where(and(eq(counters.locationId, location!.id), eq(counters.name, claim.counter)));
  const [row] = await db
    .insert(appointments)
    .values({
      municipalityId: location!.municipalityId,
      locationId: location!.id,
      counterId: counter!.id,
      startsAt: new Date(claim.start),
      endsAt: new Date(claim.end),
      status: claim.status ?? 'booked',
      holdExpiresAt: claim.holdExpiresAt ? new Date(claim.holdExpiresAt) : null,
    })
    .returning({ id: appointments.id });
  return row!.id;
}
