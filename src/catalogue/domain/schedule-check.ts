import type { FieldError } from '../../platform/errors.js';

/** A weekly period as a location manager writes it (HH:MM in the location's zone; dates inclusive). */
export type WeeklyInput = {
  weekday: number;
  opens: string;
  closes: string;
  counters?: string[] | undefined;
  validFrom?: string | undefined;
  validUntil?: string | undefined;
};

/** A closed date (the whole day without times) or an extra opening, with the reason residents read. */
export type ExceptionInput = {
  date: string;
  kind: 'closed' | 'open';
  opens?: string | undefined;
  closes?: string | undefined;
  counters?: string[] | undefined;
  reason?: string | undefined;
  reasonEn?: string | undefined;
};

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const validClock = (clock: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(clock);

/** Whether two counter choices share a counter (left out: the whole location, which shares with itself only). */
function sameCounters(a: string[] | undefined, b: string[] | undefined): boolean {
  if (!a?.length || !b?.length) return !a?.length && !b?.length;
  return a.some((slug) => b.includes(slug));
}

const overlaps = (a: { from: number; to: number }, b: { from: number; to: number }) => a.from < b.to && b.from < a.to;

/** Times that must be on the grid and in order; pushes what is wrong with them and says whether they are usable. */
function checkTimes(
  errors: FieldError[],
  at: string,
  opens: string,
  closes: string,
  gridMinutes: number,
): { from: number; to: number } | undefined {
  let usable = true;
  for (const [field, clock] of [
    ['opens', opens],
    ['closes', closes],
  ] as const) {
    if (!validClock(clock)) {
      errors.push({ field: `${at}.${field}`, code: 'clock_invalid' });
      usable = false;
    } else if (minutesOf(clock) % gridMinutes !== 0) {
      errors.push({ field: `${at}.${field}`, code: 'off_grid_time', params: { grid: gridMinutes } });
      usable = false;
    }
  }
  if (!usable) return undefined;
  if (minutesOf(opens) >= minutesOf(closes)) {
    errors.push({ field: `${at}.closes`, code: 'closes_before_opens', params: { opens, closes } });
    return undefined;
  }
  return { from: minutesOf(opens), to: minutesOf(closes) };
}

function checkCounters(errors: FieldError[], at: string, counters: string[] | undefined, known: string[]) {
  for (const slug of counters ?? [])
    if (!known.includes(slug))
      errors.push({ field: `${at}.counters`, code: 'counter_unknown', params: { counter: slug } });
}

/**
 * What is wrong with a location's weekly hours and exceptions, field by field, before anything is saved: times
 * that are not clock times, not on the location's grid or closing before they open; validity dates in the wrong
 * order; counters the location does not have; periods that overlap another of the same day and counters; an extra
 * opening without times; a closed date without a reason.
 */
export function scheduleProblems(
  input: { weekly: WeeklyInput[]; exceptions: ExceptionInput[] },
  rules: { gridMinutes: number; counters: string[] },
): FieldError[] {
  const errors: FieldError[] = [];
  const weekly: { index: number; rule: WeeklyInput; time: { from: number; to: number } }[] = [];
  input.weekly.forEach((rule, index) => {
    const at = `weekly.${index}`;
    checkCounters(errors, at, rule.counters, rules.counters);
    if (rule.validFrom && rule.validUntil && rule.validFrom > rule.validUntil)
      errors.push({ field: `${at}.validUntil`, code: 'dates_reversed' });
    const time = checkTimes(errors, at, rule.opens, rule.closes, rules.gridMinutes);
    if (!time) return;
    const other = weekly.find(
      (w) =>
        w.rule.weekday === rule.weekday &&
        sameCounters(w.rule.counters, rule.counters) &&
        (w.rule.validFrom ?? '') <= (rule.validUntil ?? '9999') &&
        (rule.validFrom ?? '') <= (w.rule.validUntil ?? '9999') &&
        overlaps(w.time, time),
    );
    if (other) {
      errors.push({
        field: `${at}.opens`,
        code: 'overlapping_period',
        params: { row: other.index + 1, opens: other.rule.opens, closes: other.rule.closes },
      });
      return;
    }
    weekly.push({ index, rule, time });
  });

  const exceptions: { index: number; exception: ExceptionInput; time: { from: number; to: number } }[] = [];
  input.exceptions.forEach((exception, index) => {
    const at = `exceptions.${index}`;
    checkCounters(errors, at, exception.counters, rules.counters);
    if (exception.kind === 'closed' && !exception.reason?.trim())
      errors.push({ field: `${at}.reason`, code: 'reason_required' });
    const timed = exception.opens !== undefined || exception.closes !== undefined || exception.kind === 'open';
    if (timed && exception.opens === undefined) errors.push({ field: `${at}.opens`, code: 'required' });
    if (timed && exception.closes === undefined) errors.push({ field: `${at}.closes`, code: 'required' });
    if (timed && (exception.opens === undefined || exception.closes === undefined)) return;
    const time = timed
      ? checkTimes(errors, at, exception.opens!, exception.closes!, rules.gridMinutes)
      : { from: 0, to: 24 * 60 };
    if (!time) return;
    const other = exceptions.find(
      (e) =>
        e.exception.date === exception.date &&
        e.exception.kind === exception.kind &&
        sameCounters(e.exception.counters, exception.counters) &&
        overlaps(e.time, time),
    );
    if (other) {
      errors.push({
        field: `${at}.${timed ? 'opens' : 'date'}`,
        code: 'overlapping_period',
        params: {
          row: other.index + 1,
          opens: other.exception.opens ?? '00:00',
          closes: other.exception.closes ?? '24:00',
        },
      });
      return;
    }
    exceptions.push({ index, exception, time });
  });
  return errors;
}
