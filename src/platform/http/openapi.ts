import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

type OpenApiDocument = { components?: { schemas?: Record<string, unknown> } };

/**
 * The document without the component schemas nothing refers to: the zod provider writes an input and an output
 * variant of every schema with an id, and most are needed once or not at all.
 */
function withoutUnusedComponents(document: OpenApiDocument): OpenApiDocument {
  const schemas = document.components?.schemas;
  if (!schemas) return document;
  for (;;) {
    const used = new Set(
      [...JSON.stringify(document).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!),
    );
    const unused = Object.keys(schemas).filter((name) => !used.has(name));
    if (unused.length === 0) return document;
    for (const name of unused) delete schemas[name];
  }
}

export const openapiPlugin = fp(async (app: FastifyInstance, options: { version: string }) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Balie API',
        version: options.version,
        description:
          'Book, move and cancel an appointment at the town-hall counter. Resident-facing text follows ' +
          '`Accept-Language` (`nl` default, `en`). Every error is `application/problem+json` (RFC 9457) with a ' +
          'plain-language `detail` that says what to do next.',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      // Relative to where the document is served: this service, whatever its address.
      servers: [{ url: '/', description: 'This service' }],
      // Public by default; the routes of one appointment ask for its manage token (bearer).
      security: [],
      components: {
        securitySchemes: {
          manageToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'The `manageToken` returned when the appointment was booked',
          },
          staffSession: {
            type: 'apiKey',
            in: 'cookie',
            name: 'balie_staff',
            description: 'The staff session cookie set by `POST /api/v1/staff/session` (HttpOnly, SameSite=Strict)',
          },
          csrfToken: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description: "The session's `csrfToken`: needed with every staff POST, PUT, PATCH and DELETE",
          },
        },
      },
      tags: [
        { name: 'catalogue', description: 'Municipalities, locations and services' },
        { name: 'booking', description: 'Free times, holds and appointments' },
        { name: 'operations', description: 'Health checks' },
        {
          name: 'staff',
          description:
            'Front-office staff: session, the day at the counter, statuses, accounts and the audit log. Every route ' +
            'needs a staff session (401), the role it names (403) and the location in the account’s scope (404); ' +
            'every change needs `X-CSRF-Token` (403).',
        },
        {
          name: 'widget',
          description:
            'The embeddable booking widget: a module script from `/widget/balie.js` and the element ' +
            '`<balie-afspraak municipality="…">`. Browsers may call this API from the origins a municipality lists ' +
            "(`widget_origins`) and from this service's own pages; any other origin gets 403 `origin_not_allowed`.",
        },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) =>
      withoutUnusedComponents(jsonSchemaTransformObject(input) as OpenApiDocument) as ReturnType<
        typeof jsonSchemaTransformObject
      >,
  });
  // Its own content security policy, with the hashes of the page's inline script and style.
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
