import { eq, sql } from 'drizzle-orm';
import t from 'tap';
import { appointmentItems, appointments, counters, locations, municipalities, services } from '../../../db/schema.js';
import { databaseKinds, freshDatabase } from '../../helpers/databases.js';

// An appointment's place and an item's service are checked by triggers instead of foreign keys (migration 0017,
// #17): without a row lock on the catalogue, and with a refused delete of what an appointment names.
type DatabaseError = { cause?: { code?: string; constraint?: string; constraint_name?: string } };
/** The error's SQLSTATE and constraint (postgres.js names it `constraint_name`, PGlite `constraint`). */
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: DatabaseError) => `${e.cause?.code}:${e.cause?.constraint_name ?? e.cause?.constraint ?? ''}`,
  );

for (const kind of databaseKinds()) {
  t.test(kind, async (t) => {
    const { database, drop } = await freshDatabase(kind);
    t.teardown(drop);
    const { db } = database;
    const all = await db.select().from(locations).orderBy(locations.id);
    const [here, elsewhere] = [all[0]!, all.find((l) => l.municipalityId !== all[0]!.municipalityId)!];
    const [counter] = await db.select().from(counters).where(eq(counters.locationId, here.id)).limit(1);
    const [otherCounter] = await db.select().from(counters).where(eq(counters.locationId, elsewhere.id)).limit(1);
    const [service] = await db.select().from(services).where(eq(services.municipalityId, here.municipalityId));
    let minute = 0;
    const claim = (place: { municipalityId: number; locationId: number; counterId: number }) => {
      const start = new Date(Date.UTC(2027, 0, 4, 8) + minute++ * 600_000);
      return db
        .insert(appointments)
        .values({ ...place, startsAt: start, endsAt: new Date(start.getTime() + 600_000), status: 'booked' })
        .returning({ id: appointments.id });
    };
    const place = { municipalityId: here.municipalityId, locationId: here.id, counterId: counter!.id };

    t.test('an appointment must name a counter of its location, and a location of its municipality', async (t) => {
      await t.resolves(claim(place));
      t.equal(await codeOf(claim({ ...place, counterId: otherCounter!.id })), '23503:appointments_place');
      t.equal(await codeOf(claim({ ...place, counterId: 999_999 })), '23503:appointments_place');
      t.equal(await codeOf(claim({ ...place, municipalityId: elsewhere.municipalityId })), '23503:appointments_place');
      const [booked] = await claim(place);
      const moved = db.update(appointments).set({ locationId: elsewhere.id }).where(eq(appointments.id, booked!.id));
      t.equal(await codeOf(moved), '23503:appointments_place', 'also when a row is changed');
    });

    t.test('an item must name a service that exists', async (t) => {
      const [booked] = await claim(place);
      await t.resolves(
        db.insert(appointmentItems).values({ appointmentId: booked!.id, serviceId: service!.id, persons: 1 }),
      );
      const unknown = db.insert(appointmentItems).values({ appointmentId: booked!.id, serviceId: 999_999, persons: 1 });
      t.equal(await codeOf(unknown), '23503:appointment_items_service');
    });

    t.test('what an appointment names is never deleted; what none names is', async (t) => {
      await claim(place);
      const [booked] = await claim(place);
      await db.insert(appointmentItems).values({ appointmentId: booked!.id, serviceId: service!.id, persons: 1 });
      t.equal(await codeOf(db.delete(counters).where(eq(counters.id, counter!.id))), '23503:counters_in_use');
      t.equal(await codeOf(db.delete(locations).where(eq(locations.id, here.id))), '23503:locations_in_use');
      t.equal(
        await codeOf(db.delete(municipalities).where(eq(municipalities.id, here.municipalityId))),
        '23503:municipalities_in_use',
      );
      t.equal(await codeOf(db.delete(services).where(eq(services.id, service!.id))), '23503:services_in_use');
      const [spare] = await db
        .insert(counters)
        .values({ locationId: here.id, name: 'Reserve' })
        .returning({ id: counters.id });
      await t.resolves(db.delete(counters).where(eq(counters.id, spare!.id)), 'a counter no appointment names');
      const [still] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(counters)
        .where(eq(counters.id, counter!.id));
      t.equal(still!.n, 1);
    });

    // Only PostgreSQL has a second connection: PGlite runs one statement at a time.
    if (kind === 'postgres')
      t.test('a delete waits for a booking under way and then sees it', async (t) => {
        const [spare] = await db
          .insert(counters)
          .values({ locationId: here.id, name: 'Tijdelijk' })
          .returning({ id: counters.id });
        let release!: () => void;
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        let booked!: () => void;
        const bookedInTransaction = new Promise<void>((resolve) => {
          booked = resolve;
        });
        const booking = db.transaction(async (tx) => {
          await tx.insert(appointments).values({
            ...place,
            counterId: spare!.id,
            startsAt: new Date('2027-02-01T09:00:00Z'),
            endsAt: new Date('2027-02-01T09:10:00Z'),
            status: 'booked',
          });
          booked();
          await held;
        });
        await bookedInTransaction;
        let deleteDone = false;
        const deletion = codeOf(db.delete(counters).where(eq(counters.id, spare!.id))).finally(() => {
          deleteDone = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 200));
        t.notOk(deleteDone, 'the delete waits for the booking');
        release();
        await booking;
        t.equal(await deletion, '23503:counters_in_use', 'and then refuses: the counter is named');
      });
  });
}
