import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../platform/database/database.js';

/** One appointment or block as the staff side reads it (the day, find, a status change). */
export type EntryRow = {
  id: string;
  kind: 'appointment' | 'block';
  location_id: number;
  location_slug: string;
  counter_id: number;
  start_ms: string;
  end_ms: string;
  status: string;
  reference: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  language: string;
  needs: { extraTime?: boolean; stepFree?: boolean; interpreter?: string } | null;
  channel: string;
  block_reason: string | null;
  items: { service: string; name: string; persons: number }[] | null;
  mail_failed: boolean;
};

/** Appointments and blocks (never holds) that match `where` (on `a`), in time order. */
export function selectEntries(ex: Executor, where: SQL, limit = 2_000): Promise<EntryRow[]> {
  return queryRows<EntryRow>(
    ex,
    sql`select a.id, a.kind, a.location_id, (select slug from locations l where l.id = a.location_id) as location_slug,
      a.counter_id, (date_part('epoch', a.starts_at) * 1000)::int8 as start_ms,
      (date_part('epoch', a.ends_at) * 1000)::int8 as end_ms, a.status, a.reference, a.name, a.email, a.phone,
      a.language, a.needs, a.channel, a.block_reason,
      (select json_agg(json_build_object('service', s.slug, 'name', s.name_nl, 'persons', i.persons) order by s.id)
        from appointment_items i join services s on s.id = i.service_id where i.appointment_id = a.id) as items,
      exists (select 1 from outbox o where o.appointment_id = a.id and o.status = 'failed') as mail_failed
    from appointments a
    where a.status <> 'held' and not (a.kind = 'block' and a.status = 'cancelled') and ${where}
    order by a.starts_at, a.counter_id
    limit ${limit}`,
  );
}

/** The entries of one location that overlap `[start, end)`. */
export const entriesOfLocation = (ex: Executor, locationId: number, start: number, end: number) =>
  selectEntries(
    ex,
    sql`a.location_id = ${locationId} and a.starts_at < ${new Date(end).toISOString()}::timestamptz
      and a.ends_at > ${new Date(start).toISOString()}::timestamptz`,
  );

/** The entry of one reference. */
export async function entryByReference(ex: Executor, reference: string): Promise<EntryRow | undefined> {
  const [row] = await selectEntries(ex, sql`a.reference = ${reference}`, 1);
  return row;
}

/**
 * Appointments of some locations that match what a caller says: their reference, or a part of their name or e-mail
 * address, or their phone number's digits; newest first within `[from, to)`.
 */
export function findEntries(
  ex: Executor,
  search: { locationIds: number[]; text: string; from: number; to: number; limit: number },
): Promise<EntryRow[]> {
  const like = `%${search.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const digits = search.text.replace(/\D/g, '');
  const phone =
    digits.length >= 6 ? sql`or regexp_replace(coalesce(a.phone, ''), '\\D', '', 'g') like ${`%${digits}%`}` : sql``;
  return selectEntries(
    ex,
    sql`a.kind = 'appointment' and a.location_id = any(${`{${search.locationIds.join(',')}}`}::int[])
      and a.starts_at >= ${new Date(search.from).toISOString()}::timestamptz
      and a.starts_at < ${new Date(search.to).toISOString()}::timestamptz
      and (a.reference = ${search.text.toUpperCase()} or a.name ilike ${like} or a.email ilike ${like}
        ${phone})`,
    search.limit,
  );
}
