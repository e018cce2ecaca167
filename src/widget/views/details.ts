// Steps 4 and 5: the resident's details while the time is held, and the check before booking.
import { html, nothing } from 'lit';
import { dayOf, timeOf } from '../format.js';
import type { Details, WidgetHost } from '../widget-host.js';
import { describedBy, errorFor, errorLine, nextAndBack } from './messages.js';

export function renderDetails(w: WidgetHost) {
  const t = w.t;
  const d = w.details;
  const hold = w.hold!;
  const left = Math.ceil(w.secondsLeft() / 60);
  const time = (at: string) => timeOf(at, w.language, w.zone);
  const held = `${dayOf(hold.start, w.language, w.zone)} ${time(hold.start)}`;
  const input = (field: keyof Details, type: string, label: string, hint: string, autocomplete: string) => html`
    <label for="field-${field}">${label}</label>
    <span class="hint" id="hint-${field}">${hint}</span>
    ${errorLine(w, field)}
    <input id="field-${field}" type=${type} autocomplete=${autocomplete} .value=${d[field] as string}
      aria-describedby=${describedBy(w, field, true)}
      aria-invalid=${errorFor(w, field) ? 'true' : 'false'} @input=${(e: Event) => {
        (d as Record<string, unknown>)[field] = (e.target as HTMLInputElement).value;
      }}>`;
  const check = (field: 'extraTime' | 'stepFree' | 'interpreter', label: string, hint?: string) => html`
    <div class="choice">
      <input type="checkbox" id="field-${field}" .checked=${d[field]}
        aria-describedby=${hint ? `hint-${field}` : nothing}
        @change=${(e: Event) => {
          d[field] = (e.target as HTMLInputElement).checked;
          w.requestUpdate();
        }}>
      <label for="field-${field}">${label}</label>
      ${hint ? html`<span class="hint" id="hint-${field}">${hint}</span>` : nothing}
    </div>`;
  return html`
    <div class="alert ${w.holdNotice === 'warning' ? 'warning' : 'info'}" id="hold-status" tabindex="-1">
      <p>${t.heldUntil({ time: held, until: time(hold.expiresAt), minutes: left })}</p>
      ${
        w.holdNotice === 'warning'
          ? html`<p><strong>${t.holdWarning}</strong></p>
              <button type="button" @click=${() => w.extendHold()}>${t.extend}</button>`
          : nothing
      }
      ${w.holdNotice === 'extended' ? html`<p>${t.extended({ until: time(hold.expiresAt) })}</p>` : nothing}
    </div>
    <form novalidate @submit=${(e: Event) => w.submitDetails(e)}>
      ${input('name', 'text', t.name, t.nameHint, 'name')}
      ${input('email', 'email', t.email, t.emailHint, 'email')}
      ${input('phone', 'tel', t.phone, t.phoneHint, 'tel')}
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
      </fieldset>
      ${nextAndBack(w, 'time')}
    </form>`;
}

export function renderCheck(w: WidgetHost) {
  const t = w.t;
  const d = w.details;
  const hold = w.hold!;
  const location = w.locations.find((l) => l.slug === w.location)!;
  const needs = [
    d.extraTime && t.extraTime,
    d.stepFree && t.stepFree,
    d.interpreter && `${t.interpreter}: ${d.interpreterLanguage}`,
  ].filter(Boolean);
  const serviceName = (slug: string) => w.services.find((s) => s.slug === slug)!.name;
  const what = w.items.map((i) => t.persons2({ name: serviceName(i.service), persons: i.persons })).join(', ');
  const time = (at: string) => timeOf(at, w.language, w.zone);
  const { street, postalCode, city } = location.address;
  return html`
    <dl>
      <dt>${t.what}</dt><dd>${what}</dd>
      <dt>${t.when}</dt>
      <dd>${dayOf(hold.start, w.language, w.zone)}, ${t.timeRange({ from: time(hold.start), to: time(hold.end) })}</dd>
      <dt>${t.where}</dt><dd>${location.name}, ${street}, ${postalCode} ${city}</dd>
      <dt>${t.who}</dt><dd>${d.name}<br>${d.email}${d.phone ? html`<br>${d.phone}` : nothing}</dd>
      ${needs.length ? html`<dt>${t.help}</dt><dd>${needs.join(', ')}</dd>` : nothing}
    </dl>
    <div class="actions">
      <button type="button" id="confirm" @click=${() => w.confirm()}>${t.confirm}</button>
      <button type="button" class="secondary" @click=${() => w.go('details')}>${t.back}</button>
    </div>`;
}
