import type { Db } from '../platform/database/database.js';
import { listMunicipalities } from './store.js';

/**
 * Which web sites may use the API from a browser: every municipality lists the origins of its own sites
 * (`widget_origins`). Read once and kept until the catalogue changes.
 */
export class WidgetOrigins {
  private loaded?: Promise<Map<string, Set<string>>>;

  constructor(private readonly db: Db) {}

  /** The municipalities (slugs) that allow this origin; empty when none does. */
  async municipalitiesOf(origin: string): Promise<Set<string>> {
    this.loaded ??= this.load();
    return (
      (
        await this.loaded.catch((error) => {
          this.loaded = undefined;
          throw error;
        })
      ).get(origin) ?? new Set()
    );
  }

  clear() {
    this.loaded = undefined;
  }

  private async load() {
    const byOrigin = new Map<string, Set<string>>();
    for (const m of await listMunicipalities(this.db)) {
      for (const origin of m.widgetOrigins) {
        const slugs = byOrigin.get(origin) ?? new Set();
        byOrigin.set(origin, slugs.add(m.slug));
      }
    }
    return byOrigin;
  }
}
