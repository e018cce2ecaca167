/** What a resident may ask for; none of it is health information, and none of it goes into a calendar file. */
export type Needs = { extraTime?: boolean; stepFree?: boolean; interpreter?: string };

/**
 * Extra time lengthens the appointment by half, in whole five minutes, at least ten: enough for a resident who
 * needs things explained twice or slowly, without taking a whole extra slot for a short errand.
 */
export function extraMinutes(durationMinutes: number, needs: Needs | undefined): number {
  if (!needs?.extraTime) return 0;
  return Math.max(10, Math.ceil(durationMinutes / 2 / 5) * 5);
}
