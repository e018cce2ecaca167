import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export const openapiPlugin = fp(async (app: FastifyInstance, options: { publicBaseUrl: string; version: string }) => {
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
      components: {
        securitySchemes: {
          manageToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'The `manageToken` returned when the appointment was booked',
          },
        },
      },
      tags: [
        { name: 'catalogue', description: 'Municipalities, locations and services' },
        { name: 'booking', description: 'Free times, holds and appointments' },
        { name: 'operations', description: 'Health checks' },
        {
          name: 'widget',
          description:
            'The embeddable booking widget: `<script src="/widget/balie.js" type="module">` and ' +
            '`<balie-afspraak municipality="…">`. Browsers may call this API from the origins a municipality lists ' +
            "(`widget_origins`) and from this service's own pages; any other origin gets 403 `origin_not_allowed`.",
        },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
