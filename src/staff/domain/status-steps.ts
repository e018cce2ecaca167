// The day at the counter: which status an appointment may go to, and when (DESIGN, "Staff API": status).
// The database allows the same steps (staff/status-transitions.sql); this says when each is allowed.

export const STAFF_STATUSES = ['booked', 'checked_in', 'serving', 'done', 'no_show'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

/** booked → checked_in → serving → done; booked or checked_in → no_show. */
const FORWARD: Record<StaffStatus, StaffStatus[]> = {
  booked: ['checked_in', 'no_show'],
  checked_in: ['serving', 'no_show'],
  serving: ['done'],
  done: [],
  no_show: [],
};

/** One step back, for a mis-click: the status before. */
const BACK: Partial<Record<StaffStatus, StaffStatus>> = {
  checked_in: 'booked',
  serving: 'checked_in',
  done: 'serving',
  no_show: 'booked',
};

/** A resident may be checked in from this long before the start. */
export const CHECK_IN_EARLY_MS = 60 * 60_000;

export type StepRefusal = 'not_a_step' | 'too_early_to_check_in' | 'not_yet_no_show' | 'back_only_same_day';

/**
 * Whether `from` may go to `to` at `now`, for an appointment starting at `start`; `sameDay` says whether now is on
 * the appointment's day (in its location's zone). Undefined when it may.
 */
export function stepRefusal(
  from: string,
  to: StaffStatus,
  moment: { now: number; start: number; sameDay: boolean },
): StepRefusal | undefined {
  if (!(STAFF_STATUSES as readonly string[]).includes(from)) return 'not_a_step';
  const current = from as StaffStatus;
  if (BACK[current] === to) return moment.sameDay ? undefined : 'back_only_same_day';
  if (!FORWARD[current].includes(to)) return 'not_a_step';
  if (to === 'checked_in' && moment.now < moment.start - CHECK_IN_EARLY_MS) return 'too_early_to_check_in';
  if (to === 'no_show' && moment.now < moment.start) return 'not_yet_no_show';
  return undefined;
}

/** The statuses an appointment in `from` may go forward to (at some moment: for the buttons the page shows). */
export function forwardStatuses(from: string): StaffStatus[] {
  return (STAFF_STATUSES as readonly string[]).includes(from) ? FORWARD[from as StaffStatus] : [];
}

/** The status one step back from `from`, on the same day, if there is one. */
export function backStatus(from: string): StaffStatus | undefined {
  return BACK[from as StaffStatus];
}
