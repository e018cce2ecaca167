import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type Language, negotiateLanguage } from '../../texts/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    language: Language;
  }
}

/** Sets `request.language` (nl or en) from Accept-Language and says so in Content-Language. */
export const languagePlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('language', 'nl');
  app.addHook('onRequest', (request, reply, done) => {
    request.language = negotiateLanguage(request.headers['accept-language']);
    reply.header('content-language', request.language);
    reply.header('vary', 'Accept-Language');
    done();
  });
});
