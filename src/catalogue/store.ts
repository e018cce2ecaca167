import { and, asc, eq, exists, sql } from 'drizzle-orm';
import { counterServices, counters, locationServices, locations, municipalities, services } from '../../db/schema.js';
import type { Executor } from '../platform/database/database.js';

export type Municipality = typeof municipalities.$inferSelect;
export type Location = typeof locations.$inferSelect & { municipality: string; timezone: string; services: string[] };
export type Service = typeof services.$inferSelect & { municipality: string; locations: string[] };
export type Counter = typeof counters.$inferSelect & { serviceIds: number[] };

export function listMunicipalities(ex: Executor): Promise<Municipality[]> {
  return ex.select().from(municipalities).orderBy(asc(municipalities.name));
}

export async function findMunicipality(ex: Executor, slug: string): Promise<Municipality | undefined> {
  const [row] = await ex.select().from(municipalities).where(eq(municipalities.slug, slug));
  return row;
}

function locationQuery(ex: Executor) {
  return ex
    .select({
      location: locations,
      municipality: municipalities.slug,
      timezone: municipalities.timezone,
      services: sql<string[]>`coalesce((
        select array_agg(${services.slug} order by ${services.sortOrder}, ${services.slug})
        from ${locationServices} join ${services} on ${services.id} = ${locationServices.serviceId}
        where ${locationServices.locationId} = ${locations.id}), '{}')`,
    })
    .from(locations)
    .innerJoin(municipalities, eq(municipalities.id, locations.municipalityId));
}

const toLocation = (row: {
  location: typeof locations.$inferSelect;
  municipality: string;
  timezone: string;
  services: string[];
}): Location => ({ ...row.location, municipality: row.municipality, timezone: row.timezone, services: row.services });

export async function listLocations(ex: Executor, filter: { municipalityId?: number } = {}): Promise<Location[]> {
  const rows = await locationQuery(ex)
    .where(filter.municipalityId === undefined ? undefined : eq(locations.municipalityId, filter.municipalityId))
    .orderBy(asc(municipalities.name), asc(locations.name));
  return rows.map(toLocation);
}

export async function findLocation(ex: Executor, slug: string): Promise<Location | undefined> {
  const [row] = await locationQuery(ex).where(eq(locations.slug, slug));
  return row && toLocation(row);
}

export async function listServices(
  ex: Executor,
  filter: { municipalityId?: number; locationId?: number } = {},
): Promise<Service[]> {
  const rows = await ex
    .select({
      service: services,
      municipality: municipalities.slug,
      locations: sql<string[]>`coalesce((
        select array_agg(${locations.slug} order by ${locations.name})
        from ${locationServices} join ${locations} on ${locations.id} = ${locationServices.locationId}
        where ${locationServices.serviceId} = ${services.id}), '{}')`,
    })
    .from(services)
    .innerJoin(municipalities, eq(municipalities.id, services.municipalityId))
    .where(
      and(
        filter.municipalityId === undefined ? undefined : eq(services.municipalityId, filter.municipalityId),
        filter.locationId === undefined
          ? undefined
          : exists(
              ex
                .select({ one: sql`1` })
                .from(locationServices)
                .where(
                  and(eq(locationServices.serviceId, services.id), eq(locationServices.locationId, filter.locationId)),
                ),
            ),
      ),
    )
    .orderBy(asc(municipalities.name), asc(services.sortOrder), asc(services.slug));
  return rows.map((row) => ({ ...row.service, municipality: row.municipality, locations: row.locations }));
}

/** Active counters of a location with the services each may serve (empty: all of the location's). */
export async function listCounters(ex: Executor, locationId: number): Promise<Counter[]> {
  const rows = await ex
    .select({
      counter: counters,
      serviceIds: sql<number[]>`coalesce((select array_agg(${counterServices.serviceId}) from ${counterServices}
        where ${counterServices.counterId} = ${counters.id}), '{}')`,
    })
    .from(counters)
    .where(and(eq(counters.locationId, locationId), eq(counters.active, true)))
    .orderBy(asc(counters.name));
  return rows.map((row) => ({ ...row.counter, serviceIds: row.serviceIds }));
}

/** A location's own settings for its services (null: the service's own), by service id. */
export type ServiceSettings = {
  minutesPerPerson: number | null;
  fixedMinutes: number | null;
  minNoticeMinutes: number | null;
  horizonDays: number | null;
};

export async function listServiceSettings(ex: Executor, locationId: number): Promise<Map<number, ServiceSettings>> {
  const rows = await ex
    .select({
      serviceId: locationServices.serviceId,
      minutesPerPerson: locationServices.minutesPerPerson,
      fixedMinutes: locationServices.fixedMinutes,
      minNoticeMinutes: locationServices.minNoticeMinutes,
      horizonDays: locationServices.horizonDays,
    })
    .from(locationServices)
    .where(eq(locationServices.locationId, locationId));
  return new Map(rows.map(({ serviceId, ...settings }) => [serviceId, settings]));
}

/** The service as this location offers it: its own settings where the location has them. */
export function withSettings(service: Service, settings: ServiceSettings | undefined): Service {
  if (!settings) return service;
  return {
    ...service,
    minutesPerPerson: settings.minutesPerPerson ?? service.minutesPerPerson,
    fixedMinutes: settings.fixedMinutes ?? service.fixedMinutes,
    minNoticeMinutes: settings.minNoticeMinutes ?? service.minNoticeMinutes,
    horizonDays: settings.horizonDays ?? service.horizonDays,
  };
}
