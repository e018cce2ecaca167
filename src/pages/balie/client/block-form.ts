import { html, nothing } from 'lit';
import { m } from './manage-words.js';
import type { PageHost } from './page-host.js';
import { Problem, problemText } from './staff-api.js';
import { zonedIso } from './zoned.js';

/** Per counter: the block asked for that appointments stood in the way of, and their references. */
const refused = new Map<string, { body: object; references: string[] }>();

async function block(page: PageHost, counter: { slug: string; name: string }, body: object) {
  page.error = '';
  try {
    await page.api.call('POST', '/api/v1/staff/blocks', body);
    refused.delete(counter.slug);
    page.message = m.blocked(counter.name);
    await page.loadDay();
  } catch (error) {
    if (error instanceof Problem && error.status === 409 && error.appointments.length)
      refused.set(counter.slug, { body, references: error.appointments });
    else page.error = problemText(error, m.error);
  }
  page.requestUpdate();
  await page.updateComplete;
  page
    .querySelector<HTMLElement>(
      refused.has(counter.slug) ? `#block-refused-${counter.slug}` : `#counter-${counter.slug}`,
    )
    ?.focus();
}

/** A block of a counter for a while on the day shown, from the day view itself. */
export function renderBlockForm(page: PageHost, counter: { slug: string; name: string }, zone: string) {
  const id = (name: string) => `block-${counter.slug}-${name}`;
  const inTheWay = refused.get(counter.slug);
  return html`<details class="balie-block-form">
    <summary>${m.blockSummary(counter.name)}</summary>
    <form
      class="balie-form"
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const data = new FormData(event.target as HTMLFormElement);
        void block(page, counter, {
          location: page.location,
          counter: counter.slug,
          start: zonedIso(`${page.date}T${data.get('from')}`, zone),
          end: zonedIso(`${page.date}T${data.get('until')}`, zone),
          reason: String(data.get('reason') ?? '').trim(),
        });
      }}
    >
      ${[
        ['from', m.blockFrom, 'time'],
        ['until', m.blockUntil, 'time'],
        ['reason', m.blockReason, 'text'],
      ].map(
        ([name, label, type]) => html`<div class="utrecht-form-field">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for=${id(name!)}>${label}</label>
          </div>
          <div class="utrecht-form-field__input">
            <input class="utrecht-textbox" id=${id(name!)} name=${name!} type=${type!} required />
          </div>
        </div>`,
      )}
      <button class="utrecht-button utrecht-button--secondary-action" type="submit">${m.blockButton}</button>
    </form>
    ${
      inTheWay
        ? html`<div class="utrecht-alert utrecht-alert--warning" id="block-refused-${counter.slug}" tabindex="-1">
          <p class="utrecht-paragraph">${m.blockInTheWay(inTheWay.references.join(', '))}</p>
          <button
            class="utrecht-button utrecht-button--primary-action"
            type="button"
            @click=${() => block(page, counter, { ...inTheWay.body, close: true })}
          >
            ${m.blockAndMove}
          </button>
        </div>`
        : nothing
    }
  </details>`;
}
