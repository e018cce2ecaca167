import { type LocationSnapshot, planFor } from '../catalogue/location-snapshots.js';
import { dateInZone } from '../platform/time/zoned-time.js';
import type { Upcoming } from './upcoming-store.js';

/** Whether the location as the snapshot has it can still serve the appointment on its counter at its time. */
function servable(snapshot: LocationSnapshot, appointment: Upcoming): boolean {
  const counter = snapshot.counters.find((c) => c.id === appointment.counterId);
  if (!counter) return false;
  if (counter.serviceIds.length > 0 && !appointment.items.every((i) => counter.serviceIds.includes(i.serviceId)))
    return false;
  const date = dateInZone(appointment.start, snapshot.location.timezone);
  const periods = planFor(snapshot, date, [counter.id]).periods.get(counter.id) ?? [];
  return periods.some((p) => p.start <= appointment.start && appointment.end <= p.end);
}

/**
 * The appointments a proposed change of the catalogue would leave outside the hours, on a counter that is gone
 * or that no longer serves them; those the location already could not serve before are not the change's doing.
 */
export function strandedBy(current: LocationSnapshot, proposed: LocationSnapshot, upcoming: Upcoming[]): Upcoming[] {
  return upcoming.filter((a) => !servable(proposed, a) && servable(current, a));
}
