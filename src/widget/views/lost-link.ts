// Manage mode without a working link (no token, or one that does not fit): ask for the link again by e-mail.
import { html } from 'lit';
import type { WidgetHost } from '../widget-host.js';
import { describedBy, errorFor, errorLine } from './messages.js';
import { callLine } from './what-where.js';

export function renderLostLink(w: WidgetHost) {
  const t = w.t;
  if (w.linkSent) return html`<p>${t.changeHow}</p>${callLine(w)}`;
  return html`
    <form novalidate @submit=${(e: Event) => w.sendLink(e)}>
      <h3>${t.lostLinkHeading}</h3>
      <label for="field-linkEmail">${t.email}</label>
      <span class="hint" id="hint-linkEmail">${t.lostLinkHint}</span>
      ${errorLine(w, 'linkEmail')}
      <input id="field-linkEmail" type="email" autocomplete="email" .value=${w.linkEmail}
        aria-describedby=${describedBy(w, 'linkEmail', true)}
        aria-invalid=${errorFor(w, 'linkEmail') ? 'true' : 'false'}
        @input=${(e: Event) => {
          w.linkEmail = (e.target as HTMLInputElement).value;
        }}>
      <div class="actions"><button type="submit">${t.sendLink}</button></div>
    </form>
    ${callLine(w)}`;
}
