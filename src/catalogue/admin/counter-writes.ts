import { eq } from 'drizzle-orm';
import { counterServices, counters } from '../../../db/schema.js';
import type { Executor } from '../../platform/database/database.js';
import { isDuplicate } from '../../platform/database/sql-errors.js';

export type CounterFields = { name: string; online: boolean; stepFree: boolean; active: boolean };

/** The services a counter serves (none: all of its location's), replaced. */
async function setServices(tx: Executor, counterId: number, serviceIds: number[]) {
  await tx.delete(counterServices).where(eq(counterServices.counterId, counterId));
  if (serviceIds.length > 0)
    await tx.insert(counterServices).values(serviceIds.map((serviceId) => ({ counterId, serviceId })));
}

/** A new counter; undefined when the location has one of that name already. Its slug is made from the name. */
export async function insertCounter(
  tx: Executor,
  locationId: number,
  fields: Omit<CounterFields, 'active'>,
  serviceIds: number[],
): Promise<{ id: number; slug: string } | undefined> {
  try {
    return await tx.transaction(async (sp) => {
      const [row] = await sp
        .insert(counters)
        .values({ locationId, name: fields.name, onlineBookable: fields.online, stepFree: fields.stepFree })
        .returning({ id: counters.id, slug: counters.slug });
      await setServices(sp, row!.id, serviceIds);
      return row!;
    });
  } catch (error) {
    if (isDuplicate(error)) return undefined;
    throw error;
  }
}

/** Changes a counter; false when the new name is taken at the location. */
export async function updateCounter(
  tx: Executor,
  counterId: number,
  fields: Partial<CounterFields>,
  serviceIds: number[] | undefined,
): Promise<boolean> {
  try {
    await tx.transaction(async (sp) => {
      const set = {
        ...(fields.name !== undefined && { name: fields.name }),
        ...(fields.online !== undefined && { onlineBookable: fields.online }),
        ...(fields.stepFree !== undefined && { stepFree: fields.stepFree }),
        ...(fields.active !== undefined && { active: fields.active }),
      };
      if (Object.keys(set).length > 0) await sp.update(counters).set(set).where(eq(counters.id, counterId));
      if (serviceIds) await setServices(sp, counterId, serviceIds);
    });
    return true;
  } catch (error) {
    if (isDuplicate(error)) return false;
    throw error;
  }
}
