import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { REFERENCE_PATTERN } from '../../booking/domain/reference.js';
import { NotFound } from '../../platform/errors.js';
import { chooseEncoding } from '../../platform/http/content-encoding.js';
import { staffAccess } from '../../staff/access.js';
import { staffAudit } from '../../staff/audit.js';
import type { StaffDeps } from '../../staff/staff-deps.js';
import { PAGE_HEADERS } from '../widget-routes.js';
import { printPage } from './print-page.js';
import { staffAssets } from './staff-assets.js';

const shell = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Balie – dagoverzicht</title>
<link rel="stylesheet" href="/balie/balie.css">
<script src="/balie/balie.js" type="module"></script>
</head>
<body class="utrecht-document utrecht-theme">
<main class="balie-page" id="main">
<balie-staff><p class="utrecht-paragraph">Het dagoverzicht wordt geladen…</p></balie-staff>
<noscript><p class="utrecht-paragraph">Het dagoverzicht werkt met JavaScript. Zet JavaScript aan.</p></noscript>
</main>
</body>
</html>`;

/** The staff page (`/balie/`), its script and styles, and the printed confirmation (behind a staff session). */
export async function balieRoutes(app: FastifyInstance, deps: StaffDeps) {
  app.get('/balie/', { schema: { hide: true } }, async (_request, reply) =>
    reply.headers(PAGE_HEADERS).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(shell),
  );
  const gzipped = new Map<string, Buffer>();
  const asset = (path: string, type: string, pick: (a: Awaited<ReturnType<typeof staffAssets>>) => Buffer) =>
    app.get(path, { schema: { hide: true } }, async (request, reply) => {
      const body = pick(await staffAssets());
      reply
        .header('cache-control', 'no-cache')
        .header('x-content-type-options', 'nosniff')
        .header('vary', 'Accept-Encoding');
      reply.type(type);
      if (chooseEncoding(request, ['gzip']) !== 'gzip') return reply.send(body);
      let gz = gzipped.get(path);
      if (!gz) gzipped.set(path, (gz = gzipSync(body, { level: 9 })));
      return reply.header('content-encoding', 'gzip').send(gz);
    });
  asset('/balie/balie.js', 'text/javascript; charset=utf-8', (a) => a.js);
  asset('/balie/print.js', 'text/javascript; charset=utf-8', (a) => a.printJs);
  asset('/balie/balie.css', 'text/css; charset=utf-8', (a) => a.css);

  await app.register(async (scope) => {
    await staffAccess(scope, deps);
    await staffAudit(scope, deps);
    scope.get(
      '/balie/afspraken/:reference/afdruk',
      { config: { staff: { role: 'front_office' } }, schema: { hide: true, operationId: 'staffPrint' } },
      async (request, reply) => {
        const reference = (request.params as { reference: string }).reference.toUpperCase();
        if (!REFERENCE_PATTERN.test(reference)) throw new NotFound('appointment_not_found');
        return reply
          .headers(PAGE_HEADERS)
          .header('cache-control', 'no-store')
          .type('text/html; charset=utf-8')
          .send(await printPage(deps, request.staff!, reference));
      },
    );
  });
}
