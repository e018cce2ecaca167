// Steps 1 and 2: what the resident wants to arrange, and where.
import { html, nothing } from 'lit';
import { combinable } from '../../catalogue/domain/items.js';
import type { Service } from '../api.js';
import type { WidgetHost } from '../widget-host.js';
import { describedBy, errorLine, nextAndBack } from './messages.js';
import { renderNeeds } from './needs.js';

export function renderServices(w: WidgetHost) {
  const t = w.t;
  const chosen = w.items.map((i) => w.services.find((s) => s.slug === i.service)!);
  const bring = [...new Set(chosen.flatMap((s) => s.bring))];
  return html`
    <form novalidate @submit=${(e: Event) => w.submitServices(e)}>
      <fieldset id="field-services" tabindex="-1" aria-describedby=${describedBy(w, 'services', true)}>
        <legend class="visually-hidden">${t.servicesHeading}</legend>
        <p class="hint" id="hint-services">${t.servicesHint}</p>
        ${errorLine(w, 'services')}
        ${w.services.map((s) => serviceChoice(w, s, chosen))}
      </fieldset>
      ${
        chosen.length > 0
          ? html`
        <p>${t.duration({ minutes: w.minutes })}</p>
        ${bring.length ? html`<h3>${t.bring}</h3><ul>${bring.map((b) => html`<li>${b}</li>`)}</ul>` : nothing}`
          : nothing
      }
      ${renderNeeds(w)}
      ${nextAndBack(w)}
    </form>`;
}

export function renderLocations(w: WidgetHost) {
  const t = w.t;
  const offering = w.offeringLocations;
  if (offering.length === 0) {
    return html`<p>${t.noLocation}</p>${callLine(w)}
      <div class="actions">
        <button type="button" class="secondary" @click=${() => w.goBack('services')}>${t.back}</button>
      </div>`;
  }
  return html`
    <form novalidate @submit=${(e: Event) => w.submitLocation(e)}>
      <fieldset id="field-location" tabindex="-1" aria-describedby=${describedBy(w, 'location')}>
        <legend class="visually-hidden">${t.locationHeading}</legend>
        ${errorLine(w, 'location')}
        ${offering.map(
          (l) => html`
          <div class="choice">
            <input type="radio" name="location" id="location-${l.slug}" .checked=${w.location === l.slug}
              aria-describedby="address-${l.slug}"
              @change=${() => {
                w.location = l.slug;
                w.errors = [];
                w.requestUpdate();
              }}>
            <label for="location-${l.slug}">${l.name}</label>
            <span class="hint" id="address-${l.slug}">
              ${l.address.street}, ${l.address.postalCode} ${l.address.city}</span>
            ${
              l.accessibility.length
                ? html`<ul class="hint" aria-label=${t.accessibility}>
                    ${l.accessibility.map((a) => html`<li>${a.label}</li>`)}</ul>`
                : nothing
            }
          </div>`,
        )}
      </fieldset>
      ${nextAndBack(w, 'services')}
    </form>`;
}

/** One service to tick, with its time and what it cannot be combined with; ticked, how many persons. */
function serviceChoice(w: WidgetHost, s: Service, chosen: Service[]) {
  const t = w.t;
  const blocker = chosen.find((c) => c.slug !== s.slug && !combinable(c, s));
  const checked = w.chosen.has(s.slug);
  const toggle = (e: Event) => w.toggleService(s, (e.target as HTMLInputElement).checked);
  return html`
    <div class="choice">
      <input type="checkbox" id="service-${s.slug}" .checked=${checked} ?disabled=${!checked && blocker !== undefined}
        aria-describedby="about-${s.slug}" @change=${toggle}>
      <label for="service-${s.slug}">${s.name}</label>
      <span class="hint" id="about-${s.slug}">${s.description}
        ${t.minutes({ minutes: s.minutesPerPerson + s.fixedMinutes })}.${
          !checked && blocker ? html` <strong>${t.notCombinable({ other: blocker.name })}</strong>` : nothing
        }</span>
      ${checked && s.maxPersons > 1 ? personsChoice(w, s) : nothing}
    </div>`;
}

function personsChoice(w: WidgetHost, s: Service) {
  const choose = (e: Event) => w.setPersons(s.slug, Number((e.target as HTMLSelectElement).value));
  const option = (n: number) =>
    html`<option value=${n} ?selected=${w.chosen.get(s.slug) === n}>${w.t.personsOption({ n })}</option>`;
  return html`
    <label for="persons-${s.slug}">${w.t.persons}</label>
    <select id="persons-${s.slug}" @change=${choose}>
      ${Array.from({ length: s.maxPersons }, (_, i) => option(i + 1))}
    </select>`;
}

export function callLine(w: WidgetHost) {
  const own = w.municipalities.find((m) => m.slug === w.municipality);
  return own ? html`<p>${w.t.callUs({ phone: own.phone })}</p>` : nothing;
}
