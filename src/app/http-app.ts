import { randomBytes, randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from '../platform/database/database.js';
import type { Deps } from './deps.js';
import { languagePlugin } from '../platform/http/language.js';
import { openapiPlugin } from '../platform/http/openapi.js';
import { problemsPlugin } from '../platform/http/problems.js';
import { catalogueRoutes } from '../catalogue/routes.js';
import { healthRoutes } from '../platform/http/health-routes.js';
import { availabilityRoutes } from '../availability/routes.js';
import { appointmentRoutes } from '../booking/routes.js';
import { rateLimitPlugin } from '../platform/http/rate-limit.js';
import { managePageRoutes } from '../pages/manage-page.js';
import { widgetRoutes } from '../pages/widget-routes.js';
import { ClaimsIndex } from '../availability/claims-index.js';
import { WidgetOrigins } from '../catalogue/widget-origins.js';
import { corsPlugin } from '../catalogue/cors.js';
import { followChanges } from '../claims/database-changes.js';
import { AnswerCache } from '../availability/answer-cache.js';
import { DayCache } from '../availability/day-cache.js';
import { startHousekeeping } from '../booking/housekeeping.js';
import { LocationSnapshots } from '../catalogue/location-snapshots.js';

export interface AppOptions {
  config: Config;
  database: Database;
  clock?: () => Date;
  /** Release expired holds and forget old idempotency answers every minute (the server does; tests call sweep). */
  housekeeping?: boolean;
  /** Pino options, or false for no log (tests). */
  logger?: boolean | { level: string };
}

export const API_VERSION = '1.0.0';

declare module 'fastify' {
  interface FastifyInstance {
    /** The use cases' dependencies, for the worker started beside the app and for tests. */
    deps: Deps;
  }
}

/** Logs the path and method only: query strings may hold a calendar token, bodies hold personal data. */
const requestSerializer = (request: { method: string; url: string; id: string }) => ({
  id: request.id,
  method: request.method,
  path: request.url.split('?')[0],
});

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : {
      level: typeof options.logger === 'object' ? options.logger.level : options.config.LOG_LEVEL,
      serializers: { req: requestSerializer },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    genReqId: () => randomUUID(),
    bodyLimit: 32 * 1024,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API reads JSON only; anything else is a 415 problem, not a string handed to validation.
  app.removeContentTypeParser('text/plain');

  const days = new DayCache(options.config.AVAILABILITY_CACHE_SIZE);
  const deps: Deps = {
    db: options.database.db,
    clock: options.clock ?? (() => new Date()),
    config: options.config,
    secretKey: options.config.SECRET_KEY ?? randomBytes(32).toString('hex'),
    caches: {
      locations: new LocationSnapshots(options.database.db),
      days,
      answers: new AnswerCache(days, options.config.AVAILABILITY_ANSWER_CACHE_SIZE),
      claims: new ClaimsIndex(options.database.db, days, options.config.CLAIMS_INDEX_LOCATIONS),
      origins: new WidgetOrigins(options.database.db),
    },
  };
  app.decorate('deps', deps);
  // Every process drops what a change made stale, whoever made it (DESIGN: several processes, one database).
  const stopFollowing = await followChanges(options.database, (change) => {
    if (change.kind === 'catalogue') {
      deps.caches.locations.clear();
      deps.caches.days.clear();
      deps.caches.claims.clear();
      deps.caches.origins.clear();
    } else {
      deps.caches.days.dropClaim(change.locationId, change.start, change.end);
    }
  });
  const stopHousekeeping = options.housekeeping ? startHousekeeping(deps, app.log) : () => {};
  app.addHook('onClose', async () => {
    stopHousekeeping();
    await stopFollowing().catch(() => {});
  });

  // Infrastructure, then app support, then routes; the order matters for hooks and the OpenAPI document.
  await app.register(languagePlugin);
  await app.register(problemsPlugin);
  await app.register(corsPlugin, deps);
  await app.register(rateLimitPlugin);
  await app.register(openapiPlugin, { publicBaseUrl: options.config.PUBLIC_BASE_URL, version: API_VERSION });

  await app.register(healthRoutes, deps);
  await app.register(catalogueRoutes, deps);
  await app.register(availabilityRoutes, deps);
  await app.register(appointmentRoutes, deps);
  await app.register(managePageRoutes);
  await app.register(widgetRoutes);
  return app;
}
