import QRCode from 'qrcode';
import { findByReference } from '../../booking/appointment-store.js';
import { addressLine, bringList, serviceNames } from '../../booking/appointment-words.js';
import { NotFound } from '../../platform/errors.js';
import { inScope } from '../../staff/access.js';
import type { Staff } from '../../staff/sessions.js';
import type { StaffDeps } from '../../staff/staff-deps.js';
import { escapeHtml } from '../../texts/escape-html.js';
import { printEn, printNl } from '../../texts/print.js';
import { spokenTime } from '../../texts/spoken.js';

/**
 * The printed confirmation for a caller or a walk-in without e-mail (or who wants paper): the reference large and
 * as a QR code (a hand scanner at the counter checks them in with it), when, where, what for and what to bring,
 * and how to move or cancel; in the resident's language. Behind a staff session: it names the resident.
 */
export async function printPage(deps: Pick<StaffDeps, 'db' | 'locations'>, staff: Staff, reference: string) {
  const appointment = await findByReference(deps.db, reference.toUpperCase());
  const snapshot = appointment && (await deps.locations.get(appointment.locationSlug));
  if (!appointment || !snapshot || !inScope(staff, snapshot.location)) throw new NotFound('appointment_not_found');
  const language = appointment.language;
  const t = language === 'en' ? printEn : printNl;
  const zone = snapshot.location.timezone;
  const names = serviceNames(appointment.items, language);
  const qr = await QRCode.toString(appointment.reference!, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const e = escapeHtml;
  const what = appointment.items.map((i, n) => `${e(names[n]!)} (${e(t.persons(i.persons))})`).join(', ');
  const button = 'utrecht-button utrecht-button--primary-action';
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t.title)} ${e(appointment.reference!)}</title>
<link rel="stylesheet" href="/balie/balie.css">
<script src="/balie/print.js" type="module"></script>
</head>
<body class="utrecht-document utrecht-theme balie-print">
<main class="utrecht-page-content">
<h1 class="utrecht-heading-1">${e(t.title)}</h1>
<p class="utrecht-paragraph">${e(snapshot.municipality.name)}</p>
<p class="utrecht-paragraph">${e(t.reference)}:
<strong class="balie-reference">${e(appointment.reference!)}</strong></p>
<figure class="balie-qr" aria-hidden="true">${qr}</figure>
<p class="utrecht-paragraph">${e(t.qr)}</p>
<dl class="balie-facts">
<dt>${e(t.when)}</dt><dd>${e(spokenTime(appointment.startsAt, zone, language))}</dd>
<dt>${e(t.where)}</dt><dd>${e(addressLine(snapshot.location))}</dd>
<dt>${e(t.what)}</dt><dd>${what}</dd>
</dl>
<h2 class="utrecht-heading-2">${e(t.bring)}</h2>
<ul class="utrecht-unordered-list">${bringList(appointment.items, language)
    .map((b) => `<li>${e(b)}</li>`)
    .join('')}</ul>
<p class="utrecht-paragraph">${e(t.change(snapshot.municipality.phone))}</p>
<p class="balie-no-print"><button type="button" class="${button}" id="print">${e(t.print)}</button></p>
</main>
</body>
</html>`;
}
