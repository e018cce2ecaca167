import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

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
 * Security headers on every answer (helmet): a content security policy, `nosniff`, `no-referrer`, and HSTS when the
 * service is reached over https. Resources may be used cross-origin: the widget and its API are embedded by the
 * municipalities' own sites (CORS decides which may call the API). Helmet's middleware is built once: the Fastify
 * wrapper built it again (parsing the policy) in two hooks of every request, a cost a booking rush pays (#17).
 */
export const securityHeadersPlugin = fp(async (app: FastifyInstance, options: { https: boolean }) => {
  const apply = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: API_POLICY },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook('onRequest', (request, reply, done) =>
    apply(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
  );
});
