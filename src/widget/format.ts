// Dates and times as residents say them, in the location's zone (never the browser's).

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, zone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${language}|${zone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f)
    cache.set(
      key,
      (f = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { timeZone: zone, ...options })),
    );
  return f;
}

/** "dinsdag 1 december" for a calendar date (YYYY-MM-DD). */
export function dayName(date: string, language: string): string {
  return formatter(language, 'UTC', { weekday: 'long', day: 'numeric', month: 'long' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** "dinsdag 1 december" for an instant, in a zone. */
export function dayOf(iso: string, language: string, zone: string): string {
  return formatter(language, zone, { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(iso));
}

/** "9.10" (Dutch: B1 lists write times so) or "09:10" (English) for an instant, in a zone. */
export function timeOf(iso: string, language: string, zone: string): string {
  const text = formatter(language, zone, {
    hour: language === 'en' ? '2-digit' : 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
  return language === 'en' ? text : text.replace(':', '.');
}

/** The wall-clock hour of an instant in a zone, to group times by part of the day. */
export function hourOf(iso: string, zone: string): number {
  return Number(formatter('nl', zone, { hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso)));
}

/** "1 december" for a calendar date (the week's heading names the weekdays apart). */
export function dateName(date: string, language: string): string {
  return formatter(language, 'UTC', { day: 'numeric', month: 'long' }).format(new Date(`${date}T12:00:00Z`));
}

/** "di" or "Tue": the weekday of a calendar date, short, for a day in the week view. */
export function weekdayShort(date: string, language: string): string {
  return formatter(language, 'UTC', { weekday: 'short' })
    .format(new Date(`${date}T12:00:00Z`))
    .replace('.', '');
}
