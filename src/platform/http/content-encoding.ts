import type { FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The encoding to send: the first of `offered` (ours, best first) that the request's Accept-Encoding allows at
 * its highest quality, else identity. Browsers list gzip before br with the same quality; ours decides then.
 */
export function chooseEncoding(request: FastifyRequest, offered: readonly Exclude<Encoding, 'identity'>[]): Encoding {
  const header = request.headers['accept-encoding'];
  if (!header) return 'identity';
  const [best] = new Negotiator({ headers: { 'accept-encoding': header } }).encodings([...offered, 'identity'], {
    preferred: offered,
  });
  return (best as Encoding | undefined) ?? 'identity';
}
