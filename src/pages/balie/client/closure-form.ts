import { html, nothing } from 'lit';
import { field } from './form-field.js';
import { m } from './manage-words.js';
import type { PageHost } from './page-host.js';
import { type Day, Problem, problemText } from './staff-api.js';
import { spokenDateTime, zonedIso } from './zoned.js';

type Affected = {
  reference: string;
  start: string;
  outcome: 'moved' | 'cancelled';
  newStart?: string;
  newLocation?: string;
};
type Closure = {
  id?: string;
  dryRun: boolean;
  replayed: boolean;
  affected: Affected[];
  reassigned: { reference: string; start: string; counter: string }[];
};

/** The request the preview was made for, and its answer: applying sends exactly that request again. */
const state: { request?: object; preview?: Closure } = {};

function request(page: PageHost, form: HTMLFormElement, zone: string) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const counters = data.getAll('counter').map(String);
  return {
    location: page.location,
    ...(counters.length > 0 && { counters }),
    start: text('from') && zonedIso(text('from'), zone),
    end: text('until') && zonedIso(text('until'), zone),
    reason: text('reason'),
    ...(text('reasonEn') && { reasonEn: text('reasonEn') }),
  };
}

async function preview(page: PageHost, event: SubmitEvent, zone: string) {
  event.preventDefault();
  page.error = '';
  const body = request(page, event.target as HTMLFormElement, zone);
  try {
    state.preview = await page.api.call<Closure>('POST', '/api/v1/staff/closures', { ...body, dryRun: true });
    state.request = body;
    page.message = m.closurePreviewTitle;
  } catch (error) {
    state.preview = undefined;
    page.error = problemText(error, m.error);
  }
  page.requestUpdate();
  await page.updateComplete;
  page.querySelector<HTMLElement>(state.preview ? '#closure-preview' : '#closure-heading')?.focus();
}

async function apply(page: PageHost) {
  page.error = '';
  try {
    const done = await page.api.call<Closure>('POST', '/api/v1/staff/closures', state.request);
    const moved = done.affected.filter((a) => a.outcome === 'moved').length;
    page.message = done.replayed
      ? m.closureAgain
      : m.closureDone(moved, done.affected.length - moved, done.reassigned.length);
    state.preview = undefined;
    state.request = undefined;
    await page.loadDay();
  } catch (error) {
    page.error = error instanceof Problem ? error.detail : m.error;
  }
  page.requestUpdate();
  await page.updateComplete;
  page.querySelector<HTMLElement>('#closure-heading')?.focus();
}

function renderPreview(page: PageHost, closure: Closure) {
  const lines = [
    ...closure.reassigned.map((r) => ({
      start: r.start,
      text: m.reassigned(r.reference, spokenDateTime(r.start), r.counter),
    })),
    ...closure.affected.map((a) => ({
      start: a.start,
      text:
        a.outcome === 'moved'
          ? m.moved(a.reference, spokenDateTime(a.start), spokenDateTime(a.newStart!), a.newLocation)
          : m.cancelled(a.reference, spokenDateTime(a.start)),
    })),
  ].sort((x, y) => x.start.localeCompare(y.start));
  return html`<section
    class="balie-preview"
    id="closure-preview"
    tabindex="-1"
    aria-labelledby="closure-preview-heading"
  >
    <h3 class="utrecht-heading-3" id="closure-preview-heading">${m.closurePreviewTitle}</h3>
    ${
      lines.length
        ? html`<ul class="utrecht-unordered-list">${lines.map((l) => html`<li>${l.text}</li>`)}</ul>`
        : html`<p class="utrecht-paragraph">${m.closureNone}</p>`
    }
    <button class="utrecht-button utrecht-button--primary-action" type="button" @click=${() => apply(page)}>
      ${m.closureApply}
    </button>
  </section>`;
}

/** Closing counters or the location: the preview list first, then the button that applies exactly that. */
export function renderClosureForm(page: PageHost, day: Day | undefined) {
  const zone = day?.timezone ?? 'Europe/Amsterdam';
  return html`<section class="balie-manage" aria-labelledby="closure-heading">
    <h2 class="utrecht-heading-2" id="closure-heading" tabindex="-1">${m.closureTitle}</h2>
    <p class="utrecht-paragraph">${m.closureIntro}</p>
    <form
      class="balie-form"
      @submit=${(e: SubmitEvent) => preview(page, e, zone)}
      @change=${() => {
        // A changed form is another closure: its preview is gone.
        if (!state.preview) return;
        state.preview = undefined;
        page.requestUpdate();
      }}
    >
      <fieldset class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          ${m.closureCounters}
        </legend>
        ${(day?.counters ?? []).map(
          (c) => html`<div class="utrecht-form-field utrecht-form-field--checkbox">
            <input
              class="utrecht-checkbox utrecht-checkbox--html-input"
              type="checkbox"
              id="closure-counter-${c.slug}"
              name="counter"
              value=${c.slug}
            />
            <label class="utrecht-form-label utrecht-form-label--checkbox" for="closure-counter-${c.slug}">
              ${c.name}
            </label>
          </div>`,
        )}
      </fieldset>
      ${field(
        'closure-from',
        m.from,
        html`<input class="utrecht-textbox" id="closure-from" name="from" type="datetime-local" required />`,
      )}
      ${field(
        'closure-until',
        m.until,
        html`<input class="utrecht-textbox" id="closure-until" name="until" type="datetime-local" required />`,
      )}
      ${field(
        'closure-reason',
        m.reason,
        html`<input class="utrecht-textbox" id="closure-reason" name="reason" required />`,
      )}
      ${field(
        'closure-reason-en',
        m.reasonEn,
        html`<input class="utrecht-textbox" id="closure-reason-en" name="reasonEn" />`,
      )}
      <button class="utrecht-button utrecht-button--secondary-action" type="submit">${m.closurePreview}</button>
    </form>
    ${state.preview ? renderPreview(page, state.preview) : nothing}
  </section>`;
}
