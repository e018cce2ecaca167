// Steps 4 and 5: the resident's details while the time is held, and the check before booking.
import { html, nothing } from 'lit';
import { dayOf, timeOf } from '../format.js';
import type { Details, WidgetHost } from '../widget-host.js';
import { needsLine } from './appointment.js';
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
      @focus=${() => {
        w.lastField = `field-${field}`;
      }}
      aria-describedby=${describedBy(w, field, true)}
      aria-invalid=${errorFor(w, field) ? 'true' : 'false'} @input=${(e: Event) => {
        (d as Record<string, unknown>)[field] = (e.target as HTMLInputElement).value;
      }}>`;
  return html`
    <div class="alert info" id="hold-status" tabindex="-1">
      <p>${t.heldUntil({ time: held, until: time(hold.expiresAt) })}
        <span class="own-line">${t.minutesLeft({ minutes: left })}</span></p>
    </div>
    <form novalidate @submit=${(e: Event) => w.submitDetails(e)}>
      ${input('name', 'text', t.name, t.nameHint, 'name')}
      ${input('email', 'email', t.email, t.emailHint, 'email')}
      ${input('phone', 'tel', t.phone, t.phoneHint, 'tel')}
      ${nextAndBack(w, 'time')}
    </form>`;
}

export function renderCheck(w: WidgetHost) {
  const t = w.t;
  const d = w.details;
  const hold = w.hold!;
  const location = w.locations.find((l) => l.slug === w.location)!;
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
      ${needsLine(w, w.needs())}
    </dl>
    <div class="actions">
      <button type="button" id="confirm" @click=${() => w.confirm()}>${t.confirm}</button>
      <button type="button" class="secondary" @click=${() => w.goBack('details')}>${t.back}</button>
    </div>`;
}
