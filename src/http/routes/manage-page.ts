import type { FastifyInstance } from 'fastify';
import { widgetEn, widgetNl } from '../../texts/widget.js';
import { PAGE_HEADERS } from './widget.js';

/**
 * The page behind `manageUrl` (`/afspraak/K7M-4QX#token`): the widget in manage mode, which reads the token from the
 * fragment, so it never leaves the browser. The page itself names nothing: it is the same for every reference.
 */
function page(language: 'nl' | 'en', reference: string): string {
  const t = language === 'en' ? widgetEn : widgetNl;
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.manageTitle}</title>
<link rel="stylesheet" href="/widget/demo.css">
<script src="/widget/balie.js" type="module"></script>
</head>
<body>
<main id="main">
<h1>${t.pageTitle}</h1>
<balie-afspraak reference="${reference}"${language === 'en' ? ' lang="en"' : ''}></balie-afspraak>
</main>
</body>
</html>`;
}

/** A GET here never changes anything: seeing, moving, cancelling and feedback are explicit button presses. */
export async function managePageRoutes(app: FastifyInstance) {
  app.get('/afspraak/:reference', { schema: { hide: true } }, async (request, reply) => {
    // Only the reference's own alphabet goes into the page (K7M-4QX); anything else cannot be an appointment.
    const reference = (request.params as { reference: string }).reference.toUpperCase().replace(/[^A-Z0-9-]/g, '').slice(0, 16);
    return reply.headers(PAGE_HEADERS).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page(request.language, reference));
  });
}
