import type { Executor } from '../platform/database/database.js';
import { NotFound, Unprocessable } from '../platform/errors.js';
import { type Language, textsFor } from '../texts/index.js';
import * as store from './store.js';

export async function listMunicipalities(deps: { db: Executor }) {
  const rows = await store.listMunicipalities(deps.db);
  return rows.map((m) => ({ slug: m.slug, name: m.name, phone: m.phone, website: m.websiteUrl }));
}

/** The municipality named by a slug, or a 404 that lists the ones there are. */
export async function requireMunicipality(deps: { db: Executor }, slug: string) {
  const municipality = await store.findMunicipality(deps.db, slug);
  if (municipality) return municipality;
  const known = await store.listMunicipalities(deps.db);
  throw new NotFound('municipality_not_found', { slug, known: known.map((m) => m.slug).join(', ') });
}

export async function requireLocation(deps: { db: Executor }, slug: string, municipality?: string) {
  const location = await store.findLocation(deps.db, slug);
  if (!location) throw new NotFound('location_not_found', { slug });
  if (municipality !== undefined && location.municipality !== municipality) {
    throw new Unprocessable('location_not_in_municipality', { location: slug, municipality }, [
      { field: 'location', code: 'location_not_in_municipality', params: { location: slug, municipality } },
    ]);
  }
  return location;
}

export async function listLocations(deps: { db: Executor }, query: { municipality?: string; language: Language }) {
  const municipalityId =
    query.municipality === undefined ? undefined : (await requireMunicipality(deps, query.municipality)).id;
  const texts = textsFor(query.language);
  const rows = await store.listLocations(deps.db, { municipalityId });
  return rows.map((l) => ({
    slug: l.slug,
    name: l.name,
    municipality: l.municipality,
    address: { street: l.street, postalCode: l.postalCode, city: l.city },
    accessibility: l.accessibility.map((code) => ({ code, label: texts.accessibility[code] ?? code })),
    services: l.services,
    gridMinutes: l.gridMinutes,
  }));
}

export async function listServices(
  deps: { db: Executor },
  query: { municipality?: string; location?: string; language: Language },
) {
  const municipalityId =
    query.municipality === undefined ? undefined : (await requireMunicipality(deps, query.municipality)).id;
  const locationId =
    query.location === undefined ? undefined : (await requireLocation(deps, query.location, query.municipality)).id;
  const rows = await store.listServices(deps.db, { municipalityId, locationId });
  const en = query.language === 'en';
  return rows.map((s) => ({
    slug: s.slug,
    municipality: s.municipality,
    name: en ? s.nameEn : s.nameNl,
    description: en ? s.descriptionEn : s.descriptionNl,
    minutesPerPerson: s.minutesPerPerson,
    fixedMinutes: s.fixedMinutes,
    maxPersons: s.maxPersons,
    bring: en ? s.bringEn : s.bringNl,
    locations: s.locations,
    combinableWith: s.combinableWith,
    minNoticeMinutes: s.minNoticeMinutes,
    horizonDays: s.horizonDays,
  }));
}
