import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * What an API answer may do in a browser: nothing (no script, no frame, no form). Pages set their own policy
 * (pages/widget-routes.ts PAGE_HEADERS); /docs gets one from @fastify/swagger-ui with the hashes of its scripts.
 */
const API_POLICY = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/**
 * Security headers on every answer (@fastify/helmet): a content security policy, `nosniff`, `no-referrer`, and
 * HSTS when the service is reached over https. Resources may be used cross-origin: the widget and its API are
 * embedded by the municipalities' own sites (CORS decides which may call the API).
 */
export const securityHeadersPlugin = fp(async (app: FastifyInstance, options: { https: boolean }) => {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: API_POLICY },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
});
