import { and, asc, eq, sql } from 'drizzle-orm';
import { locations, municipalities, staffUsers } from '../../db/schema.js';
import type { Executor } from '../platform/database/database.js';
import type { Role } from './domain/roles.js';

export type StaffUser = typeof staffUsers.$inferSelect & { municipalitySlug: string };

const withMunicipality = {
  user: staffUsers,
  municipalitySlug: municipalities.slug,
};

export async function findUserByEmail(ex: Executor, email: string): Promise<StaffUser | undefined> {
  const [row] = await ex
    .select(withMunicipality)
    .from(staffUsers)
    .innerJoin(municipalities, eq(municipalities.id, staffUsers.municipalityId))
    .where(eq(staffUsers.email, email.trim().toLowerCase()));
  return row && { ...row.user, municipalitySlug: row.municipalitySlug };
}

export async function findUserById(ex: Executor, id: string): Promise<StaffUser | undefined> {
  const [row] = await ex
    .select(withMunicipality)
    .from(staffUsers)
    .innerJoin(municipalities, eq(municipalities.id, staffUsers.municipalityId))
    .where(eq(staffUsers.id, id));
  return row && { ...row.user, municipalitySlug: row.municipalitySlug };
}

export async function listUsers(ex: Executor, municipalityId: number): Promise<StaffUser[]> {
  const rows = await ex
    .select(withMunicipality)
    .from(staffUsers)
    .innerJoin(municipalities, eq(municipalities.id, staffUsers.municipalityId))
    .where(eq(staffUsers.municipalityId, municipalityId))
    .orderBy(asc(staffUsers.email));
  return rows.map((r) => ({ ...r.user, municipalitySlug: r.municipalitySlug }));
}

export type NewStaffUser = {
  municipalityId: number;
  email: string;
  name: string;
  role: Role;
  locations: string[];
  passwordHash: string;
  now: Date;
};

/** Inserts an account; undefined when the e-mail address has one already. */
export async function insertUser(ex: Executor, user: NewStaffUser): Promise<string | undefined> {
  const [row] = await ex
    .insert(staffUsers)
    .values({
      municipalityId: user.municipalityId,
      email: user.email.trim().toLowerCase(),
      name: user.name,
      role: user.role,
      locations: user.locations,
      passwordHash: user.passwordHash,
      createdAt: user.now,
      updatedAt: user.now,
    })
    .onConflictDoNothing({ target: staffUsers.email })
    .returning({ id: staffUsers.id });
  return row?.id;
}

export type UserChange = Partial<{
  name: string;
  role: Role;
  locations: string[];
  active: boolean;
  passwordHash: string;
  totpSecret: string | null;
  totpPending: string | null;
  totpLastStep: number | null;
  recoveryCodes: string[];
}>;

/** Changes an account of `municipalityId`; false when it has none with this id. */
export async function updateUser(
  ex: Executor,
  municipalityId: number,
  id: string,
  change: UserChange,
  now: Date,
): Promise<boolean> {
  const rows = await ex
    .update(staffUsers)
    .set({ ...change, updatedAt: now })
    .where(and(eq(staffUsers.id, id), eq(staffUsers.municipalityId, municipalityId)))
    .returning({ id: staffUsers.id });
  return rows.length > 0;
}

/** Uses a recovery code: true when it was one of the account's and is now gone (once only, also under a race). */
export async function useRecoveryCode(ex: Executor, id: string, digest: string, now: Date): Promise<boolean> {
  const rows = await ex
    .update(staffUsers)
    .set({ recoveryCodes: sql`array_remove(${staffUsers.recoveryCodes}, ${digest})`, updatedAt: now })
    .where(and(eq(staffUsers.id, id), sql`${digest} = any(${staffUsers.recoveryCodes})`))
    .returning({ id: staffUsers.id });
  return rows.length > 0;
}

/** Records the TOTP step just used, unless a later one was (a code works once, also under a race). */
export async function useTotpStep(ex: Executor, id: string, step: number): Promise<boolean> {
  const rows = await ex
    .update(staffUsers)
    .set({ totpLastStep: step })
    .where(
      and(eq(staffUsers.id, id), sql`(${staffUsers.totpLastStep} is null or ${staffUsers.totpLastStep} < ${step})`),
    )
    .returning({ id: staffUsers.id });
  return rows.length > 0;
}

/** The slugs of a municipality's locations, in name order. */
export async function locationSlugsOf(ex: Executor, municipalityId: number): Promise<string[]> {
  const rows = await ex
    .select({ slug: locations.slug })
    .from(locations)
    .where(eq(locations.municipalityId, municipalityId))
    .orderBy(asc(locations.name));
  return rows.map((r) => r.slug);
}
