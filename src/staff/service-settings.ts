import { updateServiceSettings } from '../catalogue/admin/service-setting-writes.js';
import type { LocationSnapshot } from '../catalogue/location-snapshots.js';
import { listServiceSettings, type ServiceSettings } from '../catalogue/store.js';
import { NotFound, Unprocessable } from '../platform/errors.js';
import { scopedLocation } from './access.js';
import type { Staff } from './staff.js';
import type { StaffDeps } from './staff-deps.js';

const SETTINGS = ['minutesPerPerson', 'fixedMinutes', 'minNoticeMinutes', 'horizonDays'] as const;

async function settingsView(deps: Pick<StaffDeps, 'db'>, snapshot: LocationSnapshot) {
  const own = await listServiceSettings(deps.db, snapshot.location.id);
  return {
    location: snapshot.location.slug,
    services: snapshot.location.services.map((slug) => {
      const service = snapshot.services.find((s) => s.slug === slug)!;
      const mine = own.get(service.id);
      return {
        service: slug,
        name: service.nameNl,
        minutesPerPerson: service.minutesPerPerson,
        fixedMinutes: service.fixedMinutes,
        minNoticeMinutes: service.minNoticeMinutes,
        horizonDays: service.horizonDays,
        own: SETTINGS.filter((key) => mine?.[key] !== null && mine?.[key] !== undefined),
      };
    }),
  };
}

/** The location's services with the minutes, notice and horizon residents book by, and which are its own. */
export async function readServiceSettings(deps: Pick<StaffDeps, 'db' | 'locations'>, staff: Staff, slug: string) {
  return settingsView(deps, await scopedLocation(deps, staff, slug));
}

/**
 * Sets how a location offers a service: minutes per person, fixed minutes, minimum notice, booking horizon (null:
 * the service's own). Appointments already booked keep their times; new ones follow at once, in every process.
 */
export async function changeServiceSettings(
  deps: StaffDeps,
  staff: Staff,
  params: { location: string; service: string },
  change: Partial<ServiceSettings>,
) {
  const snapshot = await scopedLocation(deps, staff, params.location);
  const service = snapshot.location.services.includes(params.service)
    ? snapshot.services.find((s) => s.slug === params.service)
    : undefined;
  if (!service) throw new NotFound('service_not_found', { slug: params.service });
  const minutes = (change.minutesPerPerson ?? service.minutesPerPerson) + (change.fixedMinutes ?? service.fixedMinutes);
  if (minutes <= 0)
    throw new Unprocessable('service_settings_invalid', {}, [
      { field: 'minutesPerPerson', code: 'too_small', params: { origin: 'number', minimum: 1 } },
    ]);
  await updateServiceSettings(deps.db, snapshot.location.id, service.id, change);
  deps.changes.raise({ kind: 'catalogue' });
  return (await settingsView(deps, await deps.locations.require(params.location))).services.find(
    (s) => s.service === params.service,
  )!;
}
