import type { LocationSnapshots } from '../catalogue/location-snapshots.js';
import type { Captcha } from '../platform/captcha/captcha.js';

export type BotCheckDeps = {
  locations: Pick<LocationSnapshots, 'get'>;
  captcha: Pick<Captcha, 'require'>;
  config: { CAPTCHA: 'on' | 'off' };
};

/**
 * A time is taken only with a solved proof-of-work challenge (`X-Altcha`), where the location's municipality asks
 * for it (`municipalities.captcha`, on by default) and CAPTCHA is not off. A booking from a hold needs none: the
 * hold had one. An unknown location is left to the use case (404).
 */
export async function requireSolvedChallenge(deps: BotCheckDeps, location: string | undefined, solution?: string) {
  if (deps.config.CAPTCHA === 'off' || location === undefined) return;
  const snapshot = await deps.locations.get(location);
  if (snapshot?.municipality.captcha) await deps.captcha.require(solution);
}
