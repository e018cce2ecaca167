import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { generateSync } from 'otplib';
import type { TestClock } from './app.js';

export const DEMO_PASSWORD = 'balie-demo';

/** A logged-in staff member's cookie and CSRF token, and `inject` that sends them. */
export type StaffClient = {
  cookie: string;
  csrf: string;
  body: { user: { id: string; role: string }; csrfToken: string; secondFactor: string };
  inject: (options: InjectOptions & { csrf?: boolean }) => Promise<LightMyRequestResponse>;
};

export async function loginAs(
  app: FastifyInstance,
  email: string,
  options: { password?: string; code?: string; remoteAddress?: string } = {},
): Promise<StaffClient> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/staff/session',
    payload: { email, password: options.password ?? DEMO_PASSWORD, ...(options.code && { code: options.code }) },
    remoteAddress: options.remoteAddress ?? '10.7.0.1',
  });
  if (response.statusCode !== 200) throw new Error(`login of ${email}: ${response.statusCode} ${response.body}`);
  const setCookie = [response.headers['set-cookie']].flat()[0]!;
  const cookie = setCookie.split(';')[0]!;
  const body = response.json();
  return {
    cookie,
    csrf: body.csrfToken,
    body,
    inject: ({ csrf = true, ...o }) =>
      app.inject({
        ...o,
        headers: { ...(o.headers ?? {}), cookie, ...(csrf && { 'x-csrf-token': body.csrfToken }) },
      } as InjectOptions),
  };
}

/** The TOTP code of `secret` at the test clock's time. */
export const codeAt = (secret: string, clock: TestClock, offsetSeconds = 0) =>
  generateSync({ secret, epoch: Math.floor(clock.now().getTime() / 1000) + offsetSeconds });

/**
 * Logs in as an account whose second factor is due and sets it up, as a new admin does on the first login:
 * returns the client (now allowed everything of its role), the secret and the recovery codes.
 */
export async function loginWithSecondFactorSetUp(app: FastifyInstance, email: string, clock: TestClock) {
  const client = await loginAs(app, email);
  const started = await client.inject({ method: 'POST', url: '/api/v1/staff/session/second-factor' });
  const { secret } = started.json();
  const confirmed = await client.inject({
    method: 'POST',
    url: '/api/v1/staff/session/second-factor/confirm',
    payload: { code: codeAt(secret, clock) },
  });
  if (confirmed.statusCode !== 200) throw new Error(`second factor of ${email}: ${confirmed.body}`);
  return { client, secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}
