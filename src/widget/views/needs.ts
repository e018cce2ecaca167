// What the resident needs at the counter, asked with the services: more time and a step-free counter change which
// times fit, so they are known before a time is shown (and what is shown is what is booked).
import { html, nothing } from 'lit';
import type { WidgetHost } from '../widget-host.js';
import { describedBy, errorFor, errorLine } from './messages.js';

export function renderNeeds(w: WidgetHost) {
  const t = w.t;
  const d = w.details;
  const check = (field: 'extraTime' | 'stepFree' | 'interpreter', label: string, hint?: string) => html`
    <div class="choice">
      <input type="checkbox" id="field-${field}" .checked=${d[field]}
        aria-describedby=${hint ? `hint-${field}` : nothing}
        @change=${(e: Event) => {
          d[field] = (e.target as HTMLInputElement).checked;
          w.errors = [];
          w.requestUpdate();
        }}>
      <label for="field-${field}">${label}</label>
      ${hint ? html`<span class="hint" id="hint-${field}">${hint}</span>` : nothing}
    </div>`;
  return html`
    <fieldset>
      <legend>${t.needs}</legend>
      ${check('extraTime', t.extraTime, t.extraTimeHint)}
      ${check('stepFree', t.stepFree)}
      ${check('interpreter', t.interpreter)}
      ${
        d.interpreter
          ? html`
        <label for="field-interpreterLanguage">${t.interpreterLanguage}</label>
        ${errorLine(w, 'interpreterLanguage')}
        <input id="field-interpreterLanguage" type="text" .value=${d.interpreterLanguage}
          aria-describedby=${describedBy(w, 'interpreterLanguage')}
          aria-invalid=${errorFor(w, 'interpreterLanguage') ? 'true' : 'false'} @input=${(e: Event) => {
            d.interpreterLanguage = (e.target as HTMLInputElement).value;
          }}>`
          : nothing
      }
    </fieldset>`;
}
