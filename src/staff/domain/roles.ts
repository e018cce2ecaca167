import type { staffRoles } from '../../../db/schema.js';

export type Role = (typeof staffRoles)[number];

/** Each role has everything of the one before it. */
export const ROLES = ['front_office', 'location_manager', 'admin'] as const satisfies readonly Role[];

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
