// Calendar dates (YYYY-MM-DD) without a zone or a library: the service and the widget (in the browser) both use it.

const datesByShift = new Map<string, string>();

/** The date `days` later (earlier when negative). Answers step through the same dates again and again: remembered. */
export function addDays(date: string, days: number): string {
  const key = date + days;
  let result = datesByShift.get(key);
  if (result === undefined) {
    result = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    if (datesByShift.size > 100_000) datesByShift.clear();
    datesByShift.set(key, result);
  }
  return result;
}

/** The Monday of the week (ISO: Monday to Sunday) a date is in. */
export function mondayOf(date: string): string {
  return addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/** Dates from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
}
