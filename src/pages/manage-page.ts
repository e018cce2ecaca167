import type { FastifyInstance } from 'fastify';
import { widgetEn, widgetNl } from '../texts/widget.js';
import { PAGE_HEADERS, widgetPage } from './widget-routes.js';

/**
 * The page behind `manageUrl` (`/afspraak/K7M-4QX#token`): the widget in manage mode, which reads the token from the
 * fragment, so it never leaves the browser. The page itself names nothing: it is the same for every reference.
 */
function page(language: 'nl' | 'en', reference: string): string {
  const t = language === 'en' ? widgetEn : widgetNl;
  return widgetPage(
    language,
    t.manageTitle,
    `<body>
<main id="main">
<h1>${t.pageTitle}</h1>
<balie-afspraak reference="${reference}"${language === 'en' ? ' lang="en"' : ''}></balie-afspraak>
</main>
</body>`,
  );
}

/** A GET here never changes anything: seeing, moving, cancelling and feedback are explicit button presses. */
export async function managePageRoutes(app: FastifyInstance) {
  app.get('/afspraak/:reference', { schema: { hide: true } }, async (request, reply) => {
    // Only the reference's own alphabet goes into the page (K7M-4QX); anything else cannot be an appointment.
    const reference = (request.params as { reference: string }).reference
      .toUpperCase()
      .replace(/[^A-Z0-9-]/g, '')
      .slice(0, 16);
    return reply
      .headers(PAGE_HEADERS)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(page(request.language, reference));
  });
}
