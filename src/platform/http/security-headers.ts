import type { IncomingMessage, ServerResponse } from 'node:http';
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
 * The headers a helmet middleware sets, read once from an answer of its own: with fixed options they are the same
 * for every request (no nonce, no function directive).
 */
function headersOf(apply: ReturnType<typeof helmet>): Record<string, string> {
  const headers: Record<string, string> = {};
  const answer = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let failed: unknown;
  apply({} as IncomingMessage, answer as unknown as ServerResponse, (error?: unknown) => {
    failed = error;
  });
  if (failed) throw failed;
  return headers;
}

/**
 * Security headers on every answer (helmet): a content security policy, `nosniff`, `no-referrer`, and HSTS when the
 * service is reached over https. Resources may be used cross-origin: the widget and its API are embedded by the
 * municipalities' own sites (CORS decides which may call the API). Helmet's headers are read once and put on each
 * answer in one call: its eleven middlewares, each setting one header on the response, were 4.7 % of the server's
 * time in a rush of refusals (#17).
 */
export const securityHeadersPlugin = fp(async (app: FastifyInstance, options: { https: boolean }) => {
  const headers = headersOf(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: API_POLICY },
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    }),
  );
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
});
