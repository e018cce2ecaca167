import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { chooseEncoding } from '../platform/http/content-encoding.js';
import { problemResponses } from '../platform/http/problem-schema.js';
import { escapeHtml } from '../texts/escape-html.js';
import { widgetBundle } from '../widget/bundle.js';

const demoStyle = readFileSync(new URL('./static/demo.css', import.meta.url), 'utf8');

/** The demo page runs under the CSP a careful municipal site would use: no inline script or style at all. */
export const PAGE_HEADERS = {
  'content-security-policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

const INTRO = {
  nl: 'Voor een paspoort, rijbewijs of verhuizing kom je naar de balie. Kies een tijd die jou uitkomt.',
  en: 'For a passport, driving licence or a move, you come to the counter. Choose a time that suits you.',
};

const municipalities = {
  stadswaard: { name: 'Gemeente Stadswaard', nav: ['Wonen', 'Werken', 'Afval', 'Contact'] },
  veenhoven: { name: 'Gemeente Veenhoven', nav: ['Inwoners', 'Ondernemers', 'Bestuur', 'Contact'] },
} as const;

/**
 * A page of this service with the widget in it, served under PAGE_HEADERS: the head, then `body` (`<body>…</body>`).
 */
export function widgetPage(language: 'nl' | 'en', title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/widget/demo.css">
<script src="/widget/balie.js" type="module"></script>
</head>
${body}
</html>`;
}

/** A page that looks like a municipality's own site, with the widget in it: `?gemeente=veenhoven`, `&lang=en`, … */
function demoPage(query: Record<string, string | undefined>): string {
  const slug = query.gemeente === 'veenhoven' ? 'veenhoven' : 'stadswaard';
  const m = municipalities[slug];
  const english = query.lang === 'en';
  const attributes = [
    `municipality="${slug}"`,
    english ? 'lang="en"' : '',
    query.service ? `service="${escapeHtml(query.service)}"` : '',
    query.location ? `location="${escapeHtml(query.location)}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const demoLink = (query: string, text: string) => `<a href="/widget/demo.html?gemeente=${query}">${text}</a>`;
  const menu = m.nav.map((n) => `<li>${demoLink(slug, n)}</li>`).join('');
  return widgetPage(
    english ? 'en' : 'nl',
    `${english ? 'Make an appointment' : 'Afspraak maken'} | ${m.name}`,
    `<body class="${slug}">
<a class="skip" href="#main">${english ? 'Skip to content' : 'Naar de inhoud'}</a>
<header><p class="logo">${m.name}</p>
<nav aria-label="${english ? 'Main menu' : 'Hoofdmenu'}"><ul>${menu}</ul></nav></header>
<main id="main">
<h1>${english ? 'Make an appointment at the town hall' : 'Afspraak maken bij de gemeente'}</h1>
<p>${english ? INTRO.en : INTRO.nl}</p>
<balie-afspraak ${attributes}></balie-afspraak>
</main>
<footer><p>${english ? 'Demo page' : 'Demopagina'}: ${demoLink('stadswaard', 'Stadswaard')} ·
${demoLink('veenhoven', 'Veenhoven')} · ${demoLink(`${slug}&amp;lang=en`, 'English')}</p></footer>
</body>`,
  );
}

/** `GET /widget/balie.js` (any site may load it; the API decides who may book) and the demo page. */
export async function widgetRoutes(app: FastifyInstance) {
  let reported = false;
  app.get(
    '/widget/balie.js',
    {
      schema: {
        summary: 'The booking widget: `<balie-afspraak municipality="…">`',
        tags: ['widget'],
        operationId: 'getWidget',
        // A site may add `?v=…` to load a new version past its own caches; nothing else is asked.
        querystring: z.object({ v: z.string().max(64).optional() }).strict(),
        response: {
          200: z.string().meta({ description: 'The widget as one ES module (`text/javascript`)' }),
          304: z.null().meta({ description: 'Not modified: the `ETag` in `If-None-Match` is current' }),
          ...problemResponses(400),
        },
      },
    },
    async (request, reply) => {
      const bundle = await widgetBundle();
      if (!reported) {
        reported = true;
        request.log.info({ bytes: bundle.code.length, gzipBytes: bundle.gzip.length }, 'widget built');
      }
      reply.headers({
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=300',
        etag: bundle.etag,
        vary: 'Accept-Encoding',
        // A module script from another site is fetched with CORS; it is public, like any script tag's source.
        'access-control-allow-origin': '*',
        'cross-origin-resource-policy': 'cross-origin',
        'x-content-type-options': 'nosniff',
      });
      if (request.headers['if-none-match'] === bundle.etag) return reply.code(304).send();
      if (chooseEncoding(request, ['gzip']) === 'gzip')
        return reply.header('content-encoding', 'gzip').send(bundle.gzip);
      return reply.send(bundle.code);
    },
  );
  app.get('/widget/demo.html', { schema: { hide: true } }, async (request, reply) =>
    reply
      .headers(PAGE_HEADERS)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(demoPage(request.query as Record<string, string>)),
  );
  app.get('/widget/demo.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'no-cache').type('text/css; charset=utf-8').send(demoStyle),
  );
}
