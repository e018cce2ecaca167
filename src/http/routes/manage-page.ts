import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { escapeHtml as escape } from '../../texts/escape-html.js';
import { textsFor, type Texts } from '../../texts/index.js';

const asset = (name: string) => readFileSync(new URL(`../static/${name}`, import.meta.url), 'utf8');
const script = asset('manage.js');
const style = asset('manage.css');

/** No inline script or style, nothing from elsewhere; the token stays in the fragment and never leaves the page. */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};


/** The page skeleton with every word in it; manage.js fills in the appointment and shows the right parts. */
function page(texts: Texts, language: string): string {
  const m = texts.manage;
  const mail = texts.mail;
  const scores = m.scores.map((label, i) => `<div class="score"><input type="radio" name="score" id="score-${i + 1}" value="${i + 1}"><label for="score-${i + 1}">${escape(label)}</label></div>`).join('');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(m.title)}</title>
<link rel="stylesheet" href="/static/manage.css">
<script type="module" src="/static/manage.js"></script>
</head>
<body>
<main id="main">
<h1 id="title" tabindex="-1">${escape(m.title)}</h1>
<p id="status" role="status" tabindex="-1">${escape(m.loading)}</p>
<template id="messages">
<p data-message="noToken">${escape(m.noToken)}</p>
<p data-message="notFound">${escape(m.notFound)}</p>
<p data-message="failed">${escape(m.failed)}</p>
<p data-message="isCancelled">${escape(m.isCancelled)}</p>
<p data-message="cancelled">${escape(m.cancelled)}</p>
<p data-message="chooseScore">${escape(m.chooseScore)}</p>
<p data-message="thanks">${escape(m.thanks)}</p>
</template>
<section id="details" hidden aria-labelledby="title">
<dl>
<dt>${escape(mail.what)}</dt><dd id="what"></dd>
<dt>${escape(mail.when)}</dt><dd id="when"></dd>
<dt>${escape(mail.where)}</dt><dd id="where"></dd>
<dt>${escape(mail.reference)}</dt><dd id="reference"></dd>
</dl>
<h2>${escape(mail.bring)}</h2>
<ul id="bring"></ul>
<p><a id="calendar" href="#">${escape(m.calendar)}</a></p>
</section>
<section id="cancel-section" hidden>
<p>${escape(m.moveInfo)}</p>
<button type="button" id="cancel">${escape(m.cancel)}</button>
<div id="confirm" hidden>
<p id="confirm-question" tabindex="-1">${escape(m.confirmQuestion)}</p>
<button type="button" id="confirm-yes">${escape(m.confirmYes)}</button>
<button type="button" id="confirm-no" class="secondary">${escape(m.confirmNo)}</button>
</div>
</section>
<section id="feedback-section" hidden aria-labelledby="feedback-heading">
<h2 id="feedback-heading">${escape(m.feedbackHeading)}</h2>
<form id="feedback" novalidate>
<fieldset><legend>${escape(m.feedbackLegend)}</legend>${scores}</fieldset>
<label for="comment">${escape(m.comment)}</label>
<textarea id="comment" name="comment" rows="4" maxlength="2000"></textarea>
<button type="submit">${escape(m.send)}</button>
</form>
</section>
</main>
</body>
</html>`;
}

/** The page behind `manageUrl`: see the appointment, cancel it, give feedback. A GET here never changes anything. */
export async function managePageRoutes(app: FastifyInstance) {
  const pages = { nl: page(textsFor('nl'), 'nl'), en: page(textsFor('en'), 'en') };
  app.get('/afspraak/:reference', { schema: { hide: true } }, async (request, reply) =>
    reply.headers(SECURITY_HEADERS).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(pages[request.language]));
  app.get('/static/manage.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.headers(SECURITY_HEADERS).header('cache-control', 'no-cache').type('text/javascript; charset=utf-8').send(script));
  app.get('/static/manage.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'no-cache').type('text/css; charset=utf-8').send(style));
}
