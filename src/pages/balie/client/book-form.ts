import { html, nothing } from 'lit';
import { checkbox, field } from './form-field.js';
import type { PageHost } from './page-host.js';
import { Problem } from './staff-api.js';
import { w } from './words.js';

type Service = { slug: string; name: string; maxPersons: number; locations: string[] };
type Booked = { reference: string; start: string; printUrl: string };

/** What the booking form keeps between renders: the services, the free times of the chosen day, the last booking. */
const state: { services?: Service[]; times: string[]; booked?: Booked; loading?: boolean } = { times: [] };

async function loadServices(page: PageHost) {
  if (state.services || state.loading) return;
  state.loading = true;
  const municipality = page.session!.user.municipalities[0];
  state.services = await page.api
    .call<Service[]>('GET', `/api/v1/services?municipality=${municipality}`)
    .catch(() => []);
  state.loading = false;
  page.requestUpdate();
}

/** The free start times of the chosen service and day (as residents see them; a walk-in takes "now"). */
async function loadTimes(page: PageHost, form: HTMLFormElement) {
  const data = new FormData(form);
  const items = `${data.get('service')}:${data.get('persons') || 1}`;
  const answer = await page.api
    .call<{ days: { date: string; slots: { start: string; available: boolean }[] }[] }>(
      'GET',
      `/api/v1/availability?location=${page.location}&items=${items}&from=${page.date}&to=${page.date}`,
    )
    .catch(() => ({ days: [] }));
  state.times = answer.days.flatMap((d) => d.slots.filter((s) => s.available).map((s) => s.start));
  page.requestUpdate();
}

async function book(page: PageHost, event: SubmitEvent) {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const walkIn = data.get('walkIn') === 'on';
  page.error = '';
  try {
    const booked = await page.api.call<Booked>('POST', '/api/v1/staff/appointments', {
      location: page.location,
      items: [{ service: text('service'), persons: Number(text('persons') || 1) }],
      ...(walkIn ? {} : { start: text('start') }),
      name: text('name'),
      ...(text('email') && { email: text('email') }),
      ...(text('phone') && { phone: text('phone') }),
      language: text('language') || 'nl',
      needs: {
        extraTime: data.get('extraTime') === 'on',
        stepFree: data.get('stepFree') === 'on',
        ...(text('interpreter') && { interpreter: text('interpreter') }),
      },
      channel: walkIn ? 'counter' : text('channel') || 'phone',
    });
    state.booked = booked;
    page.message = w.booked(booked.reference, booked.start.slice(0, 16).replace('T', ' '));
    form.reset();
    state.times = [];
    await page.loadDay();
    await page.updateComplete;
    page.querySelector<HTMLElement>('#booked-heading')?.focus();
  } catch (error) {
    page.error = error instanceof Problem ? error.detail : w.error;
  }
}

/** Booking for a caller or a walk-in, with the printable confirmation when it is made. */
export function renderBookForm(page: PageHost) {
  void loadServices(page);
  const services = (state.services ?? []).filter((s) => s.locations.includes(page.location));
  return html`<section class="balie-book" aria-labelledby="book-heading">
    <h2 class="utrecht-heading-2" id="book-heading">${w.book}</h2>
    ${
      state.booked
        ? html`<div class="utrecht-alert utrecht-alert--ok">
          <h3 class="utrecht-heading-3" id="booked-heading" tabindex="-1">
            ${w.booked(state.booked.reference, state.booked.start.slice(0, 16).replace('T', ' '))}
          </h3>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href=${new URL(state.booked.printUrl).pathname} target="_blank">${w.print}</a>
          </p>
        </div>`
        : nothing
    }
    <form class="balie-form" @submit=${(e: SubmitEvent) => book(page, e)} @change=${(e: Event) => {
      const target = e.target as HTMLElement;
      if (target.id === 'book-service' || target.id === 'book-persons')
        void loadTimes(page, target.closest('form') as HTMLFormElement);
    }}>
      ${field(
        'book-service',
        w.service,
        html`<select class="utrecht-select" id="book-service" name="service" required>
          <option value="">–</option>
          ${services.map((s) => html`<option value=${s.slug}>${s.name}</option>`)}
        </select>`,
      )}
      ${field(
        'book-persons',
        w.persons,
        html`<input
          class="utrecht-textbox"
          id="book-persons"
          name="persons"
          type="number"
          min="1"
          max="20"
          value="1"
        />`,
      )}
      ${checkbox('walkIn', w.walkIn)}
      ${field(
        'book-start',
        w.time,
        html`<select class="utrecht-select" id="book-start" name="start">
          <option value="">–</option>
          ${state.times.map((t) => html`<option value=${t}>${t.slice(11, 16)}</option>`)}
        </select>`,
      )}
      ${field('book-name', w.name, html`<input class="utrecht-textbox" id="book-name" name="name" required />`)}
      ${field(
        'book-email',
        w.emailOptional,
        html`<input class="utrecht-textbox" id="book-email" name="email" type="email" />`,
      )}
      ${field('book-phone', w.phone, html`<input class="utrecht-textbox" id="book-phone" name="phone" type="tel" />`)}
      ${field(
        'book-language',
        w.language,
        html`<select class="utrecht-select" id="book-language" name="language">
          <option value="nl">Nederlands</option>
          <option value="en">English</option>
        </select>`,
      )}
      ${field(
        'book-channel',
        w.channel,
        html`<select class="utrecht-select" id="book-channel" name="channel">
          <option value="phone">${w.phoneChannel}</option>
          <option value="counter">${w.counterChannel}</option>
        </select>`,
      )}
      ${checkbox('extraTime', w.extraTime)} ${checkbox('stepFree', w.stepFree)}
      ${field(
        'book-interpreter',
        w.interpreter,
        html`<input class="utrecht-textbox" id="book-interpreter" name="interpreter" />`,
      )}
      <button class="utrecht-button utrecht-button--primary-action" type="submit">${w.bookButton}</button>
    </form>
  </section>`;
}
