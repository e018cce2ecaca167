import { requestFingerprint } from './manage-tokens.js';

/**
 * The widget's client id (`X-Balie-Client`): random, made when the widget loads and kept only in its memory, so it
 * names one page visit and follows nobody around (no cookie, no storage).
 */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Who a hold counts against for MAX_HOLDS_PER_CLIENT: the widget's client id when it sent one, else the address.
 * A keyed digest, so that neither the id nor the address is stored. Residents behind one shared address each have
 * their own widget and id; a script that makes up ids still pays the proof of work for every hold.
 */
export function holdClientKey(secretKey: string, clientId: string | undefined, address: string): string {
  return requestFingerprint(secretKey, clientId ? { holdClient: clientId } : { holdAddress: address });
}
