import { insertCounter, updateCounter } from '../catalogue/admin/counter-writes.js';
import { type LocationSnapshot, proposedSnapshot } from '../catalogue/location-snapshots.js';
import type { Counter } from '../catalogue/store.js';
import { Conflict, type FieldError, InTheWay, NotFound, Unprocessable } from '../platform/errors.js';
import { scopedLocation } from './access.js';
import type { Staff } from './staff.js';
import type { StaffDeps } from './staff-deps.js';
import { strandedBy } from './stranded.js';
import { listUpcoming } from './upcoming-store.js';

export function counterView(snapshot: LocationSnapshot, counter: Counter) {
  return {
    slug: counter.slug,
    name: counter.name,
    online: counter.onlineBookable,
    stepFree: counter.stepFree,
    services: snapshot.services.filter((s) => counter.serviceIds.includes(s.id)).map((s) => s.slug),
  };
}

export async function listCounters(deps: Pick<StaffDeps, 'locations'>, staff: Staff, slug: string) {
  const snapshot = await scopedLocation(deps, staff, slug);
  return { location: snapshot.location.slug, counters: snapshot.counters.map((c) => counterView(snapshot, c)) };
}

/** The ids of services the location offers, by slug; another is a 422 on the field. */
function serviceIds(snapshot: LocationSnapshot, slugs: string[] | undefined): number[] | undefined {
  if (!slugs) return undefined;
  const errors: FieldError[] = [];
  const ids = [...new Set(slugs)].map((slug, index) => {
    const service = snapshot.location.services.includes(slug) && snapshot.services.find((s) => s.slug === slug);
    if (!service) errors.push({ field: `services.${index}`, code: 'service_unknown', params: { service: slug } });
    return service ? service.id : 0;
  });
  if (errors.length > 0) throw new Unprocessable('service_settings_invalid', {}, errors);
  return ids;
}

function checkName(name: string | undefined) {
  // The slug is made from the name's letters and digits; a name without any would have none.
  if (name !== undefined && !/[a-zA-Z0-9]/.test(name))
    throw new Unprocessable('service_settings_invalid', {}, [{ field: 'name', code: 'invalid' }]);
}

async function counterAfter(deps: Pick<StaffDeps, 'locations' | 'changes'>, slug: string, counterId: number) {
  deps.changes.raise({ kind: 'catalogue' });
  const snapshot = await deps.locations.require(slug);
  return counterView(snapshot, snapshot.counters.find((c) => c.id === counterId)!);
}

export type NewCounter = {
  name: string;
  online?: boolean | undefined;
  stepFree?: boolean | undefined;
  services?: string[] | undefined;
};

/** Adds a counter (open online unless said otherwise; serving all of the location's services unless named). */
export async function createCounter(deps: StaffDeps, staff: Staff, slug: string, request: NewCounter) {
  const snapshot = await scopedLocation(deps, staff, slug);
  checkName(request.name);
  const ids = serviceIds(snapshot, request.services) ?? [];
  const row = await insertCounter(
    deps.db,
    snapshot.location.id,
    { name: request.name, online: request.online ?? true, stepFree: request.stepFree ?? false },
    ids,
  );
  if (!row) throw new Conflict('counter_name_taken');
  return counterAfter(deps, slug, row.id);
}

export type CounterChange = {
  name?: string | undefined;
  online?: boolean | undefined;
  stepFree?: boolean | undefined;
  services?: string[] | undefined;
  active?: boolean | undefined;
  confirm?: boolean | undefined;
};

/**
 * Renames a counter, opens or closes it for online booking, chooses its services or takes it away. A change that
 * leaves booked appointments it can no longer serve (services it stops serving; taken away) is a 409 listing them
 * until confirmed. Closing it for online booking strands none: staff still serve what is booked.
 */
export async function changeCounter(
  deps: StaffDeps,
  staff: Staff,
  params: { location: string; counter: string },
  change: CounterChange,
) {
  const snapshot = await scopedLocation(deps, staff, params.location);
  const counter = snapshot.counters.find((c) => c.slug === params.counter);
  if (!counter) throw new NotFound('counter_not_found', { counter: params.counter });
  checkName(change.name);
  const ids = serviceIds(snapshot, change.services);
  const changed: Counter = {
    ...counter,
    ...(change.online !== undefined && { onlineBookable: change.online }),
    ...(ids && { serviceIds: ids }),
  };
  const proposed = proposedSnapshot(snapshot, {
    counters:
      change.active === false
        ? snapshot.counters.filter((c) => c.id !== counter.id)
        : snapshot.counters.map((c) => (c.id === counter.id ? changed : c)),
  });
  const upcoming = await listUpcoming(deps.db, snapshot.location.id, deps.clock(), { counterIds: [counter.id] });
  const stranded = strandedBy(snapshot, proposed, upcoming);
  // A counter taken away keeps no appointments: close it for their times first, which moves them.
  if (stranded.length > 0 && (!change.confirm || change.active === false))
    throw new InTheWay(
      'counter_has_appointments',
      stranded.map((a) => a.reference),
      { count: stranded.length },
    );
  const { confirm: _, services: __, ...fields } = change;
  if (!(await updateCounter(deps.db, counter.id, fields, ids))) throw new Conflict('counter_name_taken');
  if (change.active === false) {
    deps.changes.raise({ kind: 'catalogue' });
    return counterView(snapshot, changed);
  }
  return counterAfter(deps, params.location, counter.id);
}
