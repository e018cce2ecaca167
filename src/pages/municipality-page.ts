import type { Municipality } from '../catalogue/store.js';
import { escapeHtml } from '../texts/escape-html.js';
import type { Language } from '../texts/index.js';
import { widgetPage } from './widget-routes.js';

const words = {
  nl: {
    skip: 'Naar de inhoud',
    municipality: (name: string) => `Gemeente ${name}`,
    website: (name: string) => `Naar de website van de gemeente ${name}`,
    questions: 'Vragen over je afspraak? Bel',
  },
  en: {
    skip: 'Skip to content',
    municipality: (name: string) => `Municipality of ${name}`,
    website: (name: string) => `To the website of the municipality of ${name}`,
    questions: 'Questions about your appointment? Call',
  },
};

/**
 * A page of this service that a resident can trust as the municipality's own: its name and theme in the header,
 * its phone number and website in the footer, the title naming it. `main` is the page's content (HTML).
 */
export function municipalityPage(input: {
  language: Language;
  title: string;
  municipality: Pick<Municipality, 'slug' | 'name' | 'phone' | 'websiteUrl'>;
  main: string;
}): string {
  const w = words[input.language];
  const m = input.municipality;
  const e = escapeHtml;
  const tel = m.phone.replace(/[^+\d]/g, '');
  return widgetPage(
    input.language,
    `${e(input.title)} | ${e(w.municipality(m.name))}`,
    `<body class="${e(m.slug)}">
<a class="skip" href="#main">${w.skip}</a>
<header><p class="logo">${e(w.municipality(m.name))}</p>
<p><a href="${e(m.websiteUrl)}">${e(w.website(m.name))}</a></p></header>
<main id="main">
${input.main}
</main>
<footer><p>${w.questions} <a href="tel:${e(tel)}">${e(m.phone)}</a>.</p>
<p><a href="${e(m.websiteUrl)}">${e(m.websiteUrl.replace(/^https?:\/\//, '').replace(/\/$/, ''))}</a></p></footer>
</body>`,
  );
}
