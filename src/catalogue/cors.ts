import cors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Forbidden } from '../platform/errors.js';
import type { LocationSnapshots } from './location-snapshots.js';
import type { WidgetOrigins } from './widget-origins.js';

type CorsDeps = { origins: WidgetOrigins; locations: LocationSnapshots; config: { PUBLIC_BASE_URL: string } };

/** What a slug may look like; anything else names nothing and is not looked up (validation refuses it later). */
const SLUG = /^[a-z0-9-]{1,64}$/;
/** An origin as browsers send it: scheme, host and port, nothing else. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]{1,253}(:\d{1,5})?$/i;

/**
 * The municipality a request names: `municipality` or `location` in the query (known at onRequest, before
 * validation), or in the body.
 */
async function municipalityNamed(deps: Pick<CorsDeps, 'locations'>, source: unknown): Promise<string | undefined> {
  const named = (source ?? {}) as { municipality?: unknown; location?: unknown };
  if (typeof named.municipality === 'string') return named.municipality;
  if (typeof named.location !== 'string' || !SLUG.test(named.location)) return undefined;
  return (await deps.locations.get(named.location))?.municipality.slug;
}

/**
 * Browsers may call the API from the web sites that a municipality lists in `widget_origins`, and from the
 * service's own pages; any other origin is refused with 403. A request about one municipality (by `municipality`
 * or `location`) must come from that municipality's sites. No cookies are used, so no credentials are allowed.
 */
export const corsPlugin = fp(async (app: FastifyInstance, deps: CorsDeps) => {
  const publicOrigin = new URL(deps.config.PUBLIC_BASE_URL).origin;
  /**
   * The origin of a browser's call to the API from another site, or undefined: no origin, not the API (the widget's
   * script sets its own headers), or the service's own pages (manage page, demo page), which call the API too.
   */
  const foreignApiOrigin = (request: FastifyRequest) => {
    const origin = request.headers.origin;
    if (
      !origin ||
      !request.url.startsWith('/api/') ||
      origin === publicOrigin ||
      origin === `${request.protocol}://${request.host}`
    )
      return undefined;
    return origin;
  };
  const allowed = {
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: [
      'content-type',
      'accept-language',
      'authorization',
      'idempotency-key',
      'if-none-match',
      'x-altcha',
      'x-balie-client',
    ],
    exposedHeaders: ['etag', 'retry-after', 'content-language', 'location'],
    maxAge: 600,
    credentials: false,
  };
  await app.register(cors, {
    hook: 'onRequest',
    delegator: (request, callback) => {
      const origin = foreignApiOrigin(request);
      if (!origin || !ORIGIN.test(origin)) return callback(null, { origin: false });
      deps.origins.municipalitiesOf(origin).then(
        (municipalities) => callback(null, { ...allowed, origin: municipalities.size > 0 ? origin : false }),
        (error: Error) => callback(error, { origin: false }),
      );
    },
  });
  /** Refuses a foreign origin that no municipality allows, or that is not allowed by the one named in `source`. */
  const check = async (request: FastifyRequest, origin: string, source: unknown) => {
    if (request.method === 'OPTIONS') return;
    if (!ORIGIN.test(origin)) throw new Forbidden('origin_not_allowed', { origin: origin.slice(0, 100) });
    const municipalities = await deps.origins.municipalitiesOf(origin);
    const municipality = await municipalityNamed(deps, source);
    if (municipalities.size === 0 || (municipality && !municipalities.has(municipality)))
      throw new Forbidden('origin_not_allowed', { origin });
  };
  /** The check as a hook: a request from no foreign site (most of them) goes on at once, without a promise (#17). */
  const checking =
    (source: (request: FastifyRequest) => unknown) =>
    (request: FastifyRequest, _reply: unknown, done: (error?: Error) => void) => {
      const origin = foreignApiOrigin(request);
      if (!origin) return done();
      check(request, origin, source(request)).then(() => done(), done);
    };
  // The query is known before the availability route answers from its cache; a body only after parsing.
  app.addHook(
    'onRequest',
    checking((request) => request.query),
  );
  app.addHook(
    'preHandler',
    checking((request) => request.body),
  );
});
