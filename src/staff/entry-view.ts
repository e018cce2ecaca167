import type { LocationSnapshot } from '../catalogue/location-snapshots.js';
import { isoInZone } from '../platform/time/zoned-time.js';
import { backStatus, forwardStatuses } from './domain/status-steps.js';
import type { EntryRow } from './entry-store.js';

/** An appointment or block as the staff API shows it (DESIGN, "Staff API": the day). */
export function entryView(snapshot: LocationSnapshot, row: EntryRow) {
  const zone = snapshot.location.timezone;
  const counter = snapshot.counters.find((c) => c.id === row.counter_id);
  const base = {
    id: row.id,
    kind: row.kind,
    location: snapshot.location.slug,
    counter: counter?.slug ?? String(row.counter_id),
    start: isoInZone(Number(row.start_ms), zone),
    end: isoInZone(Number(row.end_ms), zone),
  };
  if (row.kind === 'block') return { ...base, reason: row.block_reason ?? '' };
  return {
    ...base,
    status: row.status,
    reference: row.reference ?? '',
    items: row.items ?? [],
    name: row.name ?? '',
    ...(row.email && { email: row.email }),
    ...(row.phone && { phone: row.phone }),
    needs: row.needs ?? {},
    language: row.language,
    channel: row.channel,
    /** The outbox gave up on an e-mail to this resident: phone them instead. */
    mailFailed: row.mail_failed,
    /** The statuses a button may offer (forward), now or later today. */
    next: forwardStatuses(row.status),
    /** One step back, for a mis-click (on the same day). */
    ...(backStatus(row.status) && { back: backStatus(row.status) }),
  };
}

export type EntryView = ReturnType<typeof entryView>;
