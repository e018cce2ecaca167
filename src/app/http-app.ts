import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { availabilityRoutes } from '../availability/routes.js';
import { countLiveHolds } from '../booking/hold-store.js';
import { appointmentRoutes } from '../booking/routes.js';
import { corsPlugin } from '../catalogue/cors.js';
import { catalogueRoutes } from '../catalogue/routes.js';
import { balieRoutes } from '../pages/balie/balie-routes.js';
import { managePageRoutes } from '../pages/manage-page.js';
import { widgetRoutes } from '../pages/widget-routes.js';
import { captchaRoutes } from '../platform/captcha/captcha-routes.js';
import type { Database } from '../platform/database/database.js';
import { clientErrorHandler, frameworkErrors } from '../platform/http/framework-errors.js';
import { healthRoutes } from '../platform/http/health-routes.js';
import { languagePlugin } from '../platform/http/language.js';
import { metricsPlugin } from '../platform/http/metrics.js';
import { openapiPlugin } from '../platform/http/openapi.js';
import { outagePlugin } from '../platform/http/outage.js';
import { problemsPlugin } from '../platform/http/problems.js';
import { rateLimitPlugin } from '../platform/http/rate-limit.js';
import { securityHeadersPlugin } from '../platform/http/security-headers.js';
import { textGuardPlugin } from '../platform/http/text-guard.js';
import { logOptions, safeError } from '../platform/logging.js';
import { countMessages } from '../platform/outbox-store.js';
import { staffRoutes } from '../staff/routes.js';
import { composeServices, type Services } from './compose.js';
import type { Config } from './config.js';
import { startHousekeeping } from './jobs.js';

/** Services composed already (the server shares them with its outbox worker), or what to compose the app's own from. */
export type AppOptions = ({ services: Services } | { config: Config; database: Database; clock?: () => Date }) & {
  /** Run housekeeping every minute (app/jobs.ts: holds, idempotency answers, retention; tests call housekeep). */
  housekeeping?: boolean;
  /** Pino's level (and where to write, for tests that read the log), or false for no log. */
  logger?: boolean | { level: string; stream?: DestinationStream };
};

export const API_VERSION = '1.0.0';

declare module 'fastify' {
  interface FastifyInstance {
    /** The use cases' dependencies, for the worker started beside the app and for tests. */
    deps: Services;
  }
}

/** Logs the path and method only: query strings may hold a calendar token, bodies hold personal data. */
const requestSerializer = (request: { method: string; url: string; id: string }) => ({
  id: request.id,
  method: request.method,
  path: request.url.split('?')[0],
});

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const own = !('services' in options);
  const services = 'services' in options ? options.services : await composeServices(options);
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            ...logOptions(typeof options.logger === 'object' ? options.logger.level : services.config.LOG_LEVEL),
            serializers: { req: requestSerializer, err: safeError },
            ...(typeof options.logger === 'object' && options.logger.stream && { stream: options.logger.stream }),
          },
    genReqId: () => randomUUID(),
    // Behind the municipality's reverse proxy the client is the address it forwards (X-Forwarded-For).
    trustProxy: services.config.TRUST_PROXY ? services.config.TRUST_PROXY.split(',').map((a) => a.trim()) : false,
    bodyLimit: 32 * 1024,
    forceCloseConnections: 'idle',
    frameworkErrors,
    clientErrorHandler,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API reads JSON only; anything else is a 415 problem, not a string handed to validation.
  app.removeContentTypeParser('text/plain');

  app.decorate('deps', services);
  // The id of every log line of a request, and of its problem body, on every answer: quote it to find the lines.
  // Hooks of every request take `done` rather than being async: an async hook costs each request a promise and a
  // turn of the microtask queue (#17).
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  const stopHousekeeping = options.housekeeping ? startHousekeeping(services, app.log) : () => {};
  app.addHook('onClose', async () => {
    stopHousekeeping();
    // Services made for this app alone end with it.
    if (own) await services.close();
  });

  // Infrastructure, then app support, then routes; the order matters for hooks and the OpenAPI document.
  await app.register(languagePlugin);
  await app.register(metricsPlugin, {
    token: services.config.METRICS_TOKEN,
    counted: [
      {
        name: 'balie_bookings_total',
        help: 'Appointments booked',
        method: 'POST',
        route: '/api/v1/appointments',
        status: 201,
      },
      { name: 'balie_holds_total', help: 'Times held', method: 'POST', route: '/api/v1/holds', status: 201 },
    ],
    gauges: [
      {
        name: 'balie_holds_live',
        help: 'Holds that keep a time now',
        read: async () => ({ all: await countLiveHolds(services.db, services.clock()) }),
      },
      {
        name: 'balie_outbox_messages',
        help: 'E-mails in the outbox, by status (pending, sending, sent, failed)',
        labels: ['status'],
        read: () => countMessages(services.db),
      },
    ],
  });
  await app.register(problemsPlugin);
  await app.register(textGuardPlugin);
  await app.register(securityHeadersPlugin, { https: services.config.PUBLIC_BASE_URL.startsWith('https:') });
  await app.register(outagePlugin, { health: services.health });
  await app.register(corsPlugin, services);
  await app.register(rateLimitPlugin, {
    readsPerMinute: services.config.RATE_LIMIT_READS_PER_MINUTE,
    ...(services.redis && { redis: services.redis }),
  });
  await app.register(openapiPlugin, { version: API_VERSION });

  await app.register(healthRoutes, services);
  await app.register(captchaRoutes, services);
  await app.register(catalogueRoutes, services);
  await app.register(availabilityRoutes, services);
  await app.register(appointmentRoutes, services);
  await app.register(staffRoutes, services);
  await app.register(managePageRoutes, services);
  await app.register(balieRoutes, services);
  await app.register(widgetRoutes);
  return app;
}
