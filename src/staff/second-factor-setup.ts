import { Conflict, Unprocessable } from '../platform/errors.js';
import { acceptedTotpStep, newRecoveryCodes, newTotpSecret, recoveryDigest, totpUri } from './second-factor.js';
import { endSecondFactorWait } from './session-store.js';
import { type Staff, totpBox } from './sessions.js';
import type { StaffDeps } from './staff-deps.js';
import { updateUser } from './user-store.js';

/**
 * Starts setting up (or renewing) the second factor: a new secret for the staff member's app, kept sealed until a
 * code from it is confirmed. The secret is shown once, here; the otpauth URL goes into a QR code on the page.
 */
export async function startSecondFactor(deps: StaffDeps, staff: Staff) {
  const secret = newTotpSecret();
  const { user } = staff;
  await updateUser(
    deps.db,
    user.municipalityId,
    user.id,
    { totpPending: totpBox(deps.secretKey).seal(secret) },
    deps.clock(),
  );
  deps.staffSessions.forgetUser(user.id);
  return { secret, otpauthUrl: totpUri(secret, user.email) };
}

/**
 * Confirms the new secret with a code from the app: from now on the account logs in with a code, and gets ten
 * recovery codes (shown once). The account's sessions waiting for this may do their work.
 */
export async function confirmSecondFactor(deps: StaffDeps, staff: Staff, code: string) {
  const now = deps.clock();
  const { user } = staff;
  const box = totpBox(deps.secretKey);
  const secret = user.totpPending ? box.open(user.totpPending) : undefined;
  if (!secret) throw new Conflict('second_factor_not_started');
  const step = acceptedTotpStep(secret, code.replace(/\s/g, ''), now, null);
  if (step === undefined) throw new Unprocessable('second_factor_wrong');
  const recoveryCodes = newRecoveryCodes();
  await updateUser(
    deps.db,
    user.municipalityId,
    user.id,
    {
      totpSecret: user.totpPending,
      totpPending: null,
      totpLastStep: step,
      recoveryCodes: recoveryCodes.map(recoveryDigest),
    },
    now,
  );
  await endSecondFactorWait(deps.db, user.id);
  deps.staffSessions.forgetUser(user.id);
  return { recoveryCodes };
}
