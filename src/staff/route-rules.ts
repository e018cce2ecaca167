// What staff routes declare, said once: the OpenAPI security of a read and of a change, and the least role.

/** A read: the session cookie. */
export const SESSION = [{ staffSession: [] }];
/** A change: the session cookie and the CSRF header. */
export const CHANGE = [{ staffSession: [], csrfToken: [] }];
export const FRONT_OFFICE = { staff: { role: 'front_office' as const } };
export const LOCATION_MANAGER = { staff: { role: 'location_manager' as const } };
export const ADMIN = { staff: { role: 'admin' as const } };
