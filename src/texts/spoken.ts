// Dates, times and durations as residents say them, in Dutch (B1 lists: "9.10 uur") and English: no raw ISO value
// or minute count reaches a resident. The API's machine-readable params stay as they are; texts format them here.
import { DateTime } from 'luxon';

type Language = 'nl' | 'en';

/** "9.10" (Dutch, as B1 lists write it) or "09:10" (English) in the location's zone. */
export function clockTime(t: Date, zone: string, language: Language): string {
  return DateTime.fromJSDate(t, { zone }).toFormat(language === 'nl' ? 'H.mm' : 'HH:mm');
}

/** "dinsdag 1 december 2026" / "Tuesday 1 December 2026" in the location's zone. */
export function spokenDay(t: Date, zone: string, language: Language): string {
  return DateTime.fromJSDate(t, { zone }).setLocale(language).toFormat('cccc d LLLL yyyy');
}

/** "dinsdag 1 december 2026 om 10.00 uur" / "Tuesday 1 December 2026 at 10:00" in the location's zone. */
export function spokenTime(t: Date, zone: string, language: Language): string {
  const day = spokenDay(t, zone, language);
  const clock = clockTime(t, zone, language);
  return language === 'nl' ? `${day} om ${clock} uur` : `${day} at ${clock}`;
}

/** "dinsdag 1 december 2026, van 10.00 tot 10.20 uur" / "Tuesday 1 December 2026, 10:00 to 10:20". */
export function spokenPeriod(start: Date, end: Date, zone: string, language: Language): string {
  const day = spokenDay(start, zone, language);
  const [from, to] = [clockTime(start, zone, language), clockTime(end, zone, language)];
  return language === 'nl' ? `${day}, van ${from} tot ${to} uur` : `${day}, ${from} to ${to}`;
}

/** A calendar date (YYYY-MM-DD) in words: "maandag 1 maart 2027" / "Monday 1 March 2027". */
export function spokenDate(date: string | number | undefined, language: Language): string {
  const parsed = DateTime.fromISO(String(date), { zone: 'UTC' });
  return parsed.isValid ? parsed.setLocale(language).toFormat('cccc d LLLL yyyy') : String(date);
}

/** An instant with its offset ("2026-12-02T09:00:00+01:00") in words, at the wall time it was written in. */
export function spokenInstant(iso: string | number | undefined, language: Language): string {
  const parsed = DateTime.fromISO(String(iso), { setZone: true });
  if (!parsed.isValid) return String(iso);
  const day = parsed.setLocale(language).toFormat('cccc d LLLL yyyy');
  const clock = parsed.toFormat(language === 'nl' ? 'H.mm' : 'HH:mm');
  return language === 'nl' ? `${day} om ${clock} uur` : `${day} at ${clock}`;
}

/** A number of minutes as a resident says it: "1 dag", "2 dagen", "3 uur", "1,5 uur", "45 minuten". */
export function spokenMinutes(minutes: string | number | undefined, language: Language): string {
  const m = Number(minutes);
  const nl = language === 'nl';
  if (m >= 1440 && m % 1440 === 0) {
    const days = m / 1440;
    return nl ? `${days} ${days === 1 ? 'dag' : 'dagen'}` : `${days} ${days === 1 ? 'day' : 'days'}`;
  }
  if (m >= 60 && m % 30 === 0) {
    const hours = m / 60;
    const text = nl ? String(hours).replace('.', ',') : String(hours);
    return nl ? `${text} uur` : `${text} ${hours === 1 ? 'hour' : 'hours'}`;
  }
  return nl ? `${m} ${m === 1 ? 'minuut' : 'minuten'}` : `${m} ${m === 1 ? 'minute' : 'minutes'}`;
}
