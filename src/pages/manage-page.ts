import type { FastifyInstance } from 'fastify';
import { findMunicipality } from '../catalogue/store.js';
import type { Db } from '../platform/database/database.js';
import type { Language } from '../texts/index.js';
import { widgetEn, widgetNl } from '../texts/widget.js';
import { municipalityPage } from './municipality-page.js';
import { PAGE_HEADERS, widgetPage } from './widget-routes.js';

const titles = {
  nl: (name: string) => `Je afspraak bij de gemeente ${name}`,
  en: (name: string) => `Your appointment with the municipality of ${name}`,
};
const bookTitles = {
  nl: (name: string) => `Afspraak maken bij de gemeente ${name}`,
  en: (name: string) => `Make an appointment with the municipality of ${name}`,
};
/** The language a link asks for (`taal`), else the browser's. */
const languageOf = (taal: string | undefined, browser: Language): Language =>
  taal === 'en' || taal === 'nl' ? taal : browser;
const slugOrNothing = (value: string | undefined) => (value && /^[a-z0-9-]{1,64}$/.test(value) ? value : undefined);

/**
 * The page behind `manageUrl` (`/afspraak/K7M-4QX?gemeente=stadswaard&taal=en#token`): the widget in manage mode,
 * which reads the token from the fragment, so it never leaves the browser. The link names the municipality and the
 * booking's language, so the page shows the municipality's name, theme, phone number and website in that language
 * without looking anything up about the appointment. A link without them (older e-mails) gets a plain page in the
 * browser's language.
 */
async function page(db: Db, language: Language, reference: string, slug: string | undefined): Promise<string> {
  const t = language === 'en' ? widgetEn : widgetNl;
  const known = slugOrNothing(slug);
  const municipality = known ? await findMunicipality(db, known) : undefined;
  const of = municipality ? ` municipality="${municipality.slug}"` : '';
  const lang = language === 'en' ? ' lang="en"' : '';
  const widget = `<balie-afspraak reference="${reference}"${of}${lang}></balie-afspraak>`;
  if (!municipality)
    return widgetPage(
      language,
      t.manageTitle,
      `<body>
<main id="main">
<h1>${t.pageTitle}</h1>
${widget}
</main>
</body>`,
    );
  const title = titles[language](municipality.name);
  return municipalityPage({ language, title, municipality, main: `<h1>${title}</h1>\n${widget}` });
}

/** A GET here never changes anything: seeing, moving, cancelling and feedback are explicit button presses. */
export async function managePageRoutes(app: FastifyInstance, deps: { db: Db }) {
  app.get('/afspraak/:reference', { schema: { hide: true } }, async (request, reply) => {
    // Only the reference's own alphabet goes into the page (K7M-4QX); anything else cannot be an appointment.
    const reference = (request.params as { reference: string }).reference
      .toUpperCase()
      .replace(/[^A-Z0-9-]/g, '')
      .slice(0, 16);
    const query = request.query as { gemeente?: string; taal?: string };
    const language = languageOf(query.taal, request.language);
    return reply
      .headers(PAGE_HEADERS)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(await page(deps.db, language, reference, query.gemeente));
  });

  // The municipality's own booking page on this service: where e-mails send a resident to book again or to take one
  // of the free times they name (`?dienst=paspoort&locatie=stadskantoor&taal=en`).
  app.get('/afspraak-maken/:gemeente', { schema: { hide: true } }, async (request, reply) => {
    const slug = slugOrNothing((request.params as { gemeente: string }).gemeente);
    const municipality = slug ? await findMunicipality(deps.db, slug) : undefined;
    if (!municipality) return reply.callNotFound();
    const query = request.query as { dienst?: string; locatie?: string; taal?: string };
    const language = languageOf(query.taal, request.language);
    const service = slugOrNothing(query.dienst);
    const location = slugOrNothing(query.locatie);
    const widget = `<balie-afspraak municipality="${municipality.slug}"${service ? ` service="${service}"` : ''}${
      location ? ` location="${location}"` : ''
    }${language === 'en' ? ' lang="en"' : ''}></balie-afspraak>`;
    const title = bookTitles[language](municipality.name);
    return reply
      .headers(PAGE_HEADERS)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(municipalityPage({ language, title, municipality, main: `<h1>${title}</h1>\n${widget}` }));
  });
}
