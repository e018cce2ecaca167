import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';

// A second factor: TOTP (RFC 6238, 6 digits, 30 s; any authenticator app), and recovery codes for a lost phone.

const PERIOD = 30;

export const newTotpSecret = () => generateSecret();

export const totpUri = (secret: string, email: string) => generateURI({ issuer: 'Balie', label: email, secret });

/**
 * The time step of a valid code, one step of clock drift either way; undefined when the code is wrong or was used
 * (its step is not after `lastStep`), so that a code seen over a shoulder works once.
 */
export function acceptedTotpStep(secret: string, code: string, now: Date, lastStep: number | null): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = verifySync({ secret, token: code, epoch, epochTolerance: PERIOD });
  if (!result.valid) return undefined;
  const step = Math.floor(epoch / PERIOD) + (result.delta ?? 0);
  return lastStep !== null && step <= lastStep ? undefined : step;
}

/** Ten recovery codes (`xxxx-xxxx-xxxx`, 48 random bits each), shown once; the account keeps their digests. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => randomBytes(6).toString('hex').match(/.{4}/g)!.join('-'));
}

export const recoveryDigest = (code: string) => createHash('sha256').update(code.trim().toLowerCase()).digest('hex');
