import { and, eq } from 'drizzle-orm';
import { locationServices } from '../../../db/schema.js';
import type { Executor } from '../../platform/database/database.js';
import type { ServiceSettings } from '../store.js';

/** Sets a location's own settings for a service it offers (null: the service's own again). */
export async function updateServiceSettings(
  ex: Executor,
  locationId: number,
  serviceId: number,
  settings: Partial<ServiceSettings>,
): Promise<void> {
  if (Object.keys(settings).length === 0) return;
  await ex
    .update(locationServices)
    .set(settings)
    .where(and(eq(locationServices.locationId, locationId), eq(locationServices.serviceId, serviceId)));
}
