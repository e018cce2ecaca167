import type { Executor } from '../platform/database/database.js';
import { NotFound } from '../platform/errors.js';
import { holidayOn } from './domain/holidays.js';
import { type DateException, type DayPlan, planDay, type WeeklyRule } from './domain/opening-hours.js';
import { loadSchedule } from './schedule-store.js';
import * as catalogue from './store.js';

/** Everything about a location that availability needs and that changes only when an administrator edits it. */
export type LocationSnapshot = {
  location: catalogue.Location;
  municipality: catalogue.Municipality;
  /**
   * The municipality's services, to resolve items and to say where a service is offered instead; with this
   * location's own settings (minutes, notice, horizon) where it has them.
   */
  services: catalogue.Service[];
  locationNames: Map<string, string>;
  counters: catalogue.Counter[];
  weekly: WeeklyRule[];
  exceptions: DateException[];
  /** Opening plans by date and counters, made on first use (see planFor); they go with the snapshot. */
  plans: Map<string, DayPlan>;
  /** The catalogue version it was read at (see LocationSnapshots.isCurrent). */
  version: number;
};

const MAX_PLANS = 5_000;

/**
 * Which counters are open when on a date: the location's hours, its exceptions and public holidays. It depends on
 * the catalogue alone, so it is worked out once per snapshot and date (availability asks for six weeks at a time).
 */
export function planFor(snapshot: LocationSnapshot, date: string, counterIds: number[]): DayPlan {
  const key = `${date}|${counterIds.join(',')}`;
  let plan = snapshot.plans.get(key);
  if (!plan) {
    plan = planDay({
      date,
      zone: snapshot.location.timezone,
      counterIds,
      weekly: snapshot.weekly,
      exceptions: snapshot.exceptions,
      holiday: holidayOn(date),
    });
    if (snapshot.plans.size >= MAX_PLANS) snapshot.plans.clear();
    snapshot.plans.set(key, plan);
  }
  return plan;
}

/**
 * The location as it would be after a change a location manager proposes (hours, counters, services): computed
 * from like the real one, never cached (it is not current: LocationSnapshots.isCurrent).
 */
export function proposedSnapshot(
  snapshot: LocationSnapshot,
  change: Partial<Pick<LocationSnapshot, 'weekly' | 'exceptions' | 'counters' | 'services'>>,
): LocationSnapshot {
  return { ...snapshot, ...change, plans: new Map(), version: Number.NaN };
}

/**
 * Location snapshots kept in memory; `clear()` runs on every catalogue change (from any process, by the change feed).
 * A load that overlaps a clear is not kept, so a stale snapshot never outlives the change.
 */
export class LocationSnapshots {
  private readonly loaded = new Map<string, Promise<LocationSnapshot | undefined>>();
  private version = 0;

  constructor(private readonly db: Executor) {}

  get(slug: string): Promise<LocationSnapshot | undefined> {
    const cached = this.loaded.get(slug);
    if (cached) return cached;
    const version = this.version;
    const loading = this.load(slug, version);
    this.loaded.set(slug, loading);
    loading.then(
      (snapshot) => {
        if (!snapshot || version !== this.version) this.loaded.delete(slug);
      },
      () => this.loaded.delete(slug),
    );
    return loading;
  }

  /** The location, or a 404 naming it. */
  async require(slug: string): Promise<LocationSnapshot> {
    const snapshot = await this.get(slug);
    if (!snapshot) throw new NotFound('location_not_found', { slug });
    return snapshot;
  }

  clear() {
    this.version++;
    this.loaded.clear();
  }

  /** False once a catalogue change came after the snapshot was read: what is computed from it must not be kept. */
  isCurrent(snapshot: LocationSnapshot): boolean {
    return snapshot.version === this.version;
  }

  private async load(slug: string, version: number): Promise<LocationSnapshot | undefined> {
    const location = await catalogue.findLocation(this.db, slug);
    if (!location) return undefined;
    const municipality = (await catalogue.findMunicipality(this.db, location.municipality))!;
    const settings = await catalogue.listServiceSettings(this.db, location.id);
    const services = (await catalogue.listServices(this.db, { municipalityId: location.municipalityId })).map((s) =>
      catalogue.withSettings(s, settings.get(s.id)),
    );
    const locations = await catalogue.listLocations(this.db, { municipalityId: location.municipalityId });
    const counters = await catalogue.listCounters(this.db, location.id);
    const { weekly, exceptions } = await loadSchedule(this.db, location.id);
    return {
      location,
      municipality,
      services,
      locationNames: new Map(locations.map((l) => [l.slug, l.name])),
      counters,
      weekly,
      exceptions,
      plans: new Map(),
      version,
    };
  }
}
