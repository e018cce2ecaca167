import type { StaffSession } from './session-store.js';
import type { StaffUser } from './user-store.js';

/** A logged-in staff member: the session and the account behind it. */
export type Staff = { session: StaffSession; user: StaffUser };
