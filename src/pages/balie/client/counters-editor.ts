import { html } from 'lit';
import { m } from './manage-words.js';
import type { PageHost } from './page-host.js';
import { Problem, problemText } from './staff-api.js';

type Counter = { slug: string; name: string; online: boolean; stepFree: boolean; services: string[] };

const state: { location?: string; counters?: Counter[] } = {};

async function load(page: PageHost, force = false) {
  if (state.location === page.location && !force) return;
  state.location = page.location;
  try {
    state.counters = (
      await page.api.call<{ counters: Counter[] }>('GET', `/api/v1/staff/locations/${page.location}/counters`)
    ).counters;
  } catch (error) {
    page.error = error instanceof Problem ? error.detail : m.error;
  }
  page.requestUpdate();
}

async function change(page: PageHost, counter: Counter, patch: Partial<Counter> & { confirm?: boolean }) {
  page.error = '';
  try {
    const saved = await page.api.call<Counter>(
      'PATCH',
      `/api/v1/staff/locations/${page.location}/counters/${counter.slug}`,
      patch,
    );
    page.message = m.counterSaved(saved.name);
    await load(page, true);
    await page.loadDay();
  } catch (error) {
    // Appointments the counter could no longer serve: they stay booked if the manager says so.
    if (error instanceof Problem && error.status === 409 && error.appointments.length && !('confirm' in patch)) {
      if (window.confirm(m.counterConfirm(error.detail, error.appointments.join(', '))))
        return change(page, counter, { ...patch, confirm: true });
    }
    page.error = problemText(error, m.error);
    page.requestUpdate();
  }
}

async function add(page: PageHost, event: SubmitEvent) {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const data = new FormData(form);
  page.error = '';
  try {
    const added = await page.api.call<Counter>('POST', `/api/v1/staff/locations/${page.location}/counters`, {
      name: String(data.get('name') ?? '').trim(),
      online: data.get('online') === 'on',
    });
    page.message = m.counterAdded(added.name);
    form.reset();
    await load(page, true);
    await page.loadDay();
  } catch (error) {
    page.error = problemText(error, m.error);
    page.requestUpdate();
  }
}

/** The location's counters: rename, open or close online, step-free, the services it serves; and a new one. */
export function renderCountersEditor(page: PageHost) {
  void load(page);
  const cell = 'utrecht-table__cell';
  return html`<section class="balie-manage" aria-labelledby="counters-heading">
    <h2 class="utrecht-heading-2" id="counters-heading">${m.countersTitle}</h2>
    <div class="balie-table-scroll" role="region" tabindex="0" aria-label=${m.countersCaption}>
      <table class="utrecht-table utrecht-table--html-table balie-table">
      <caption class="utrecht-table__caption">${m.countersCaption}</caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          ${m.counterColumns.map((c) => html`<th class="utrecht-table__header-cell" scope="col">${c}</th>`)}
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        ${(state.counters ?? []).map(
          (c) => html`<tr class="utrecht-table__row">
            <td class=${cell}>
              <input
                class="utrecht-textbox balie-cell-input"
                id="counter-name-${c.slug}"
                aria-label=${m.rename(c.name)}
                .value=${c.name}
              />
              <button
                class="utrecht-button utrecht-button--subtle"
                type="button"
                aria-label=${m.saveName(c.name)}
                @click=${() => {
                  const input = page.querySelector<HTMLInputElement>(`#counter-name-${c.slug}`)!;
                  void change(page, c, { name: input.value.trim() });
                }}
              >
                ${m.saveNameShort}
              </button>
            </td>
            <td class=${cell}>
              <input
                class="utrecht-checkbox utrecht-checkbox--html-input"
                type="checkbox"
                aria-label=${m.online(c.name)}
                .checked=${c.online}
                @change=${(e: Event) => change(page, c, { online: (e.target as HTMLInputElement).checked })}
              />
            </td>
            <td class=${cell}>
              <input
                class="utrecht-checkbox utrecht-checkbox--html-input"
                type="checkbox"
                aria-label=${m.stepFree(c.name)}
                .checked=${c.stepFree}
                @change=${(e: Event) => change(page, c, { stepFree: (e.target as HTMLInputElement).checked })}
              />
            </td>
            <td class=${cell}>
              <input
                class="utrecht-textbox balie-cell-input"
                id="counter-services-${c.slug}"
                aria-label=${m.services(c.name)}
                .value=${c.services.join(', ')}
                placeholder=${m.allServices}
              />
              <button
                class="utrecht-button utrecht-button--subtle"
                type="button"
                aria-label=${m.saveServices(c.name)}
                @click=${() => {
                  const input = page.querySelector<HTMLInputElement>(`#counter-services-${c.slug}`)!;
                  const services = input.value
                    .split(',')
                    .map((slug) => slug.trim())
                    .filter(Boolean);
                  void change(page, c, { services });
                }}
              >
                ${m.saveServicesShort}
              </button>
            </td>
          </tr>`,
        )}
      </tbody>
    </table></div>
    <form class="balie-form" @submit=${(e: SubmitEvent) => add(page, e)}>
      <div class="utrecht-form-field">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="new-counter-name">${m.newCounterName}</label>
        </div>
        <div class="utrecht-form-field__input">
          <input class="utrecht-textbox" id="new-counter-name" name="name" required />
        </div>
      </div>
      <div class="utrecht-form-field utrecht-form-field--checkbox">
        <input
          class="utrecht-checkbox utrecht-checkbox--html-input"
          type="checkbox"
          id="new-counter-online"
          name="online"
          checked
        />
        <label class="utrecht-form-label utrecht-form-label--checkbox" for="new-counter-online">
          ${m.newCounterOnline}
        </label>
      </div>
      <button class="utrecht-button utrecht-button--secondary-action" type="submit">${m.addCounter}</button>
    </form>
  </section>`;
}
