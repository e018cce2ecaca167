// Wall-clock times of the location (Europe/Amsterdam) to the instants the API takes, whatever the PC's own zone.

const offsetMinutes = (t: number, zone: string) => {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(t))
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT+01:00", or "GMT" at zero
  const match = /([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
};

/** "2026-12-08T13:00" (a datetime-local input) in the zone, as ISO 8601 with the zone's offset then. */
export function zonedIso(local: string, zone = 'Europe/Amsterdam'): string {
  const asUtc = Date.parse(`${local.slice(0, 16)}:00Z`);
  let offset = offsetMinutes(asUtc, zone);
  offset = offsetMinutes(asUtc - offset * 60_000, zone);
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.slice(0, 16)}:00${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "dinsdag 8 december, 13.00 uur" of an ISO instant with an offset (its own wall clock). */
export function spokenDateTime(iso: string): string {
  const date = new Intl.DateTimeFormat('nl-NL', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
  return `${date}, ${iso.slice(11, 16).replace(':', '.')} uur`;
}
