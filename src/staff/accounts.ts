import { Conflict, NotFound, Unprocessable } from '../platform/errors.js';
import { hashPassword } from '../platform/passwords.js';
import type { Role } from './domain/roles.js';
import { deleteSessionsOf } from './session-store.js';
import type { Staff } from './sessions.js';
import type { StaffDeps } from './staff-deps.js';
import { findUserById, insertUser, listUsers, type StaffUser, type UserChange, updateUser } from './user-store.js';

/** An account as admins see it: never its password hash, second-factor secret or recovery codes. */
export const accountView = (user: StaffUser) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  municipality: user.municipalitySlug,
  locations: user.locations,
  active: user.active,
  secondFactor: user.totpSecret !== null,
  recoveryCodesLeft: user.recoveryCodes.length,
});

export async function listAccounts(deps: Pick<StaffDeps, 'db'>, staff: Staff) {
  return { users: (await listUsers(deps.db, staff.user.municipalityId)).map(accountView) };
}

/** Locations an account may be given: its municipality's (slugs). */
async function checkLocations(deps: Pick<StaffDeps, 'locations'>, staff: Staff, slugs: string[]) {
  for (const [index, slug] of slugs.entries()) {
    const snapshot = await deps.locations.get(slug);
    if (snapshot?.location.municipalityId !== staff.user.municipalityId)
      throw new Unprocessable('location_not_found', { slug }, [
        { field: `locations.${index}`, code: 'location_not_found', params: { slug } },
      ]);
  }
}

export type NewAccount = { email: string; name: string; role: Role; locations?: string[]; password: string };

/** An admin makes an account in their own municipality. */
export async function createAccount(
  deps: Pick<StaffDeps, 'db' | 'clock' | 'locations'>,
  staff: Staff,
  account: NewAccount,
) {
  await checkLocations(deps, staff, account.locations ?? []);
  const id = await insertUser(deps.db, {
    municipalityId: staff.user.municipalityId,
    email: account.email,
    name: account.name,
    role: account.role,
    locations: account.locations ?? [],
    passwordHash: await hashPassword(account.password),
    now: deps.clock(),
  });
  if (!id) throw new Conflict('staff_email_taken');
  return accountView((await findUserById(deps.db, id))!);
}

export type AccountChange = {
  name?: string | undefined;
  role?: Role | undefined;
  locations?: string[] | undefined;
  active?: boolean | undefined;
  password?: string | undefined;
  /** Turns the second factor off (a lost phone without recovery codes): the account sets it up again. */
  resetSecondFactor?: boolean | undefined;
};

/**
 * An admin changes an account of their municipality. A new password, a switched-off account or a reset second
 * factor ends the account's sessions (but the admin's own current one).
 */
export async function changeAccount(
  deps: Pick<StaffDeps, 'db' | 'clock' | 'locations' | 'staffSessions'>,
  staff: Staff,
  id: string,
  change: AccountChange,
) {
  const user = await findUserById(deps.db, id);
  if (!user || user.municipalityId !== staff.user.municipalityId) throw new NotFound('staff_user_not_found');
  if (change.locations) await checkLocations(deps, staff, change.locations);
  const update: UserChange = {
    ...(change.name !== undefined && { name: change.name }),
    ...(change.role !== undefined && { role: change.role }),
    ...(change.locations !== undefined && { locations: change.locations }),
    ...(change.active !== undefined && { active: change.active }),
    ...(change.password !== undefined && { passwordHash: await hashPassword(change.password) }),
    ...(change.resetSecondFactor && { totpSecret: null, totpPending: null, totpLastStep: null, recoveryCodes: [] }),
  };
  await updateUser(deps.db, user.municipalityId, id, update, deps.clock());
  deps.staffSessions.forgetUser(id);
  if (change.password !== undefined || change.active === false || change.resetSecondFactor)
    await deleteSessionsOf(deps.db, id, id === staff.user.id ? staff.session.id : undefined);
  return accountView((await findUserById(deps.db, id))!);
}
