import { html, nothing, type TemplateResult } from 'lit';
import { m } from './manage-words.js';
import type { PageHost } from './page-host.js';
import { Problem } from './staff-api.js';
import { spokenDateTime } from './zoned.js';

type Weekly = {
  weekday: number;
  opens: string;
  closes: string;
  counters?: string[];
  validFrom?: string;
  validUntil?: string;
};
type Exception = {
  date: string;
  kind: 'closed' | 'open';
  opens?: string;
  closes?: string;
  reason?: string;
  reasonEn?: string;
};
type Hours = { location: string; gridMinutes: number; weekly: Weekly[]; exceptions: Exception[] };
type Stranded = { reference: string; start: string; counter: string };
type Saved = Hours & {
  dryRun?: boolean;
  stranded: Stranded[];
  impact?: { date: string; gained: number; lost: number }[];
};

/** The draft being edited, field errors by field, and what the last dry run or refusal showed. */
const state: {
  location?: string;
  draft?: Hours;
  errors: Map<string, string>;
  preview?: Saved;
  refused?: string[];
} = { errors: new Map() };

async function load(page: PageHost) {
  if (state.location === page.location) return;
  state.location = page.location;
  state.draft = undefined;
  state.preview = undefined;
  state.refused = undefined;
  try {
    state.draft = await page.api.call<Hours>('GET', `/api/v1/staff/locations/${page.location}/opening-hours`);
  } catch (error) {
    page.error = error instanceof Problem ? error.detail : m.error;
  }
  page.requestUpdate();
}

/** The draft as the API takes it: empty optional fields left out. */
function body(draft: Hours, confirm = false) {
  const clean = <T extends object>(row: T) =>
    Object.fromEntries(
      Object.entries(row).filter(([, v]) => v !== '' && v !== undefined && !(Array.isArray(v) && v.length === 0)),
    ) as T;
  return { weekly: draft.weekly.map(clean), exceptions: draft.exceptions.map(clean), ...(confirm && { confirm }) };
}

async function send(page: PageHost, mode: 'preview' | 'save' | 'confirm') {
  const draft = state.draft!;
  page.error = '';
  state.errors = new Map();
  state.refused = undefined;
  const query = mode === 'preview' ? '?dryRun=true' : '';
  try {
    const saved = await page.api.call<Saved>(
      'PUT',
      `/api/v1/staff/locations/${page.location}/opening-hours${query}`,
      body(draft, mode === 'confirm'),
    );
    if (mode === 'preview') {
      state.preview = saved;
      page.message = m.previewReady(saved.stranded.length);
    } else {
      state.preview = undefined;
      state.draft = saved;
      page.message = m.hoursSaved(saved.stranded.length);
      await page.loadDay();
    }
  } catch (error) {
    if (error instanceof Problem) {
      page.error = error.detail;
      for (const e of error.errors) state.errors.set(e.field, e.message);
      if (error.status === 409) state.refused = error.appointments;
    } else page.error = m.error;
  }
  page.requestUpdate();
  await page.updateComplete;
  page
    .querySelector<HTMLElement>(state.refused ? '#hours-refused' : state.preview ? '#hours-preview' : '#hours-heading')
    ?.focus();
}

/** One input of a row, named for a screen reader by its column and row, with its error below it. */
function cell(
  id: string,
  label: string,
  value: string,
  onInput: (value: string) => void,
  type = 'text',
  extra: { step?: number; size?: number } = {},
): TemplateResult {
  const error = state.errors.get(id.replace(/^hours-/, '').replaceAll('-', '.'));
  return html`<input
      class="utrecht-textbox balie-cell-input"
      id=${id}
      type=${type}
      aria-label=${label}
      .value=${value}
      step=${extra.step ?? nothing}
      size=${extra.size ?? nothing}
      aria-invalid=${error ? 'true' : nothing}
      aria-describedby=${error ? `${id}-error` : nothing}
      @change=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
    />${error ? html`<p class="balie-field-error" id="${id}-error">${error}</p>` : nothing}`;
}

type TableSpec<T> = {
  caption: string;
  columns: string[];
  rows: T[];
  /** The row's cells but the last (which removes the row). */
  cells: (row: T, i: number) => TemplateResult[];
  removeLabel: (n: number) => string;
  addLabel: string;
  blank: () => T;
  /** The id of the field that gets focus in a row just added. */
  firstField: (i: number) => string;
};

/** A table that is its own editor: a row per rule, a button that removes it, and one that adds a row. */
function editableTable<T>(page: PageHost, spec: TableSpec<T>) {
  const changed = async (focus?: string) => {
    state.preview = undefined;
    page.requestUpdate();
    await page.updateComplete;
    if (focus) page.querySelector<HTMLElement>(`#${focus}`)?.focus();
  };
  return html`<div class="balie-table-scroll" role="region" tabindex="0" aria-label=${spec.caption}>
      <table class="utrecht-table utrecht-table--html-table balie-table">
        <caption class="utrecht-table__caption">${spec.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            ${spec.columns.map((c) => html`<th class="utrecht-table__header-cell" scope="col">${c}</th>`)}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          ${spec.rows.map(
            (row, i) => html`<tr class="utrecht-table__row">
              ${spec.cells(row, i).map((c) => html`<td class="utrecht-table__cell">${c}</td>`)}
              <td class="utrecht-table__cell">
                <button
                  class="utrecht-button utrecht-button--subtle"
                  type="button"
                  aria-label=${spec.removeLabel(i + 1)}
                  @click=${() => {
                    spec.rows.splice(i, 1);
                    void changed();
                  }}
                >
                  ${m.remove}
                </button>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <button
      class="utrecht-button utrecht-button--secondary-action"
      type="button"
      @click=${() => {
        spec.rows.push(spec.blank());
        void changed(spec.firstField(spec.rows.length - 1));
      }}
    >
      ${spec.addLabel}
    </button>`;
}

/** A select of a row, named by its column and row. */
function choice(id: string, label: string, options: [string, string][], value: string, onChange: (v: string) => void) {
  return html`<select
    class="utrecht-select"
    id=${id}
    aria-label=${label}
    @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}
  >
    ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
  </select>`;
}

function renderWeekly(page: PageHost, draft: Hours) {
  const step = draft.gridMinutes * 60;
  const set = (i: number, patch: Partial<Weekly>) => {
    draft.weekly[i] = { ...draft.weekly[i]!, ...patch };
    state.preview = undefined;
  };
  return editableTable<Weekly>(page, {
    caption: m.weekCaption(draft.gridMinutes),
    columns: m.weekColumns,
    rows: draft.weekly,
    removeLabel: m.removeRow,
    addLabel: m.addRule,
    blank: () => ({ weekday: 1, opens: '09:00', closes: '12:00' }),
    firstField: (i) => `hours-weekly-${i}-weekday`,
    cells: (rule, i) => {
      const id = (field: string) => `hours-weekly-${i}-${field}`;
      const label = (k: number) => m.rowLabel(m.weekColumns[k]!, i + 1);
      return [
        choice(
          id('weekday'),
          label(0),
          m.weekdays.map((d, k) => [String(k + 1), d]),
          String(rule.weekday),
          (v) => set(i, { weekday: Number(v) }),
        ),
        cell(id('opens'), label(1), rule.opens, (v) => set(i, { opens: v }), 'time', { step }),
        cell(id('closes'), label(2), rule.closes, (v) => set(i, { closes: v }), 'time', { step }),
        cell(
          id('counters'),
          label(3),
          (rule.counters ?? []).join(', '),
          (v) =>
            set(i, {
              counters: v
                .split(',')
                .map((slug) => slug.trim())
                .filter(Boolean),
            }),
          'text',
          { size: 12 },
        ),
        cell(id('validFrom'), label(4), rule.validFrom ?? '', (v) => set(i, { validFrom: v }), 'date'),
        cell(id('validUntil'), label(5), rule.validUntil ?? '', (v) => set(i, { validUntil: v }), 'date'),
      ];
    },
  });
}

function renderExceptions(page: PageHost, draft: Hours) {
  const step = draft.gridMinutes * 60;
  const set = (i: number, patch: Partial<Exception>) => {
    draft.exceptions[i] = { ...draft.exceptions[i]!, ...patch };
    state.preview = undefined;
  };
  return editableTable<Exception>(page, {
    caption: m.exceptionsCaption,
    columns: m.exceptionColumns,
    rows: draft.exceptions,
    removeLabel: m.removeException,
    addLabel: m.addException,
    blank: () => ({ date: page.date, kind: 'closed', reason: '' }),
    firstField: (i) => `hours-exceptions-${i}-date`,
    cells: (exception, i) => {
      const id = (field: string) => `hours-exceptions-${i}-${field}`;
      const label = (k: number) => m.rowLabel(m.exceptionColumns[k]!, i + 1);
      return [
        cell(id('date'), label(0), exception.date, (v) => set(i, { date: v }), 'date'),
        choice(
          id('kind'),
          label(1),
          [
            ['closed', m.closed],
            ['open', m.extraOpen],
          ],
          exception.kind,
          (v) => set(i, { kind: v as Exception['kind'] }),
        ),
        cell(id('opens'), label(2), exception.opens ?? '', (v) => set(i, { opens: v }), 'time', { step }),
        cell(id('closes'), label(3), exception.closes ?? '', (v) => set(i, { closes: v }), 'time', { step }),
        cell(id('reason'), label(4), exception.reason ?? '', (v) => set(i, { reason: v })),
        cell(id('reasonEn'), label(5), exception.reasonEn ?? '', (v) => set(i, { reasonEn: v })),
      ];
    },
  });
}

function renderPreview(preview: Saved) {
  const changed = (preview.impact ?? []).filter((d) => d.gained || d.lost);
  return html`<section class="balie-preview" id="hours-preview" tabindex="-1" aria-labelledby="hours-preview-heading">
    <h3 class="utrecht-heading-3" id="hours-preview-heading">${m.previewTitle}</h3>
    <p class="utrecht-paragraph">${m.strandedCount(preview.stranded.length)}</p>
    ${
      preview.stranded.length
        ? html`<ul class="utrecht-unordered-list">
          ${preview.stranded.map((s) => html`<li>${s.reference}: ${spokenDateTime(s.start)}, ${s.counter}</li>`)}
        </ul>`
        : nothing
    }
    <p class="utrecht-paragraph">${changed.length ? m.impactIntro : m.noImpact}</p>
    ${
      changed.length
        ? html`<ul class="utrecht-unordered-list">
          ${changed.map((d) => html`<li>${m.impactDay(d.date, d.gained, d.lost)}</li>`)}
        </ul>`
        : nothing
    }
  </section>`;
}

/** The week's hours as a readable table that is its own editor, the exceptions, a dry run and saving. */
export function renderHoursEditor(page: PageHost) {
  void load(page);
  const draft = state.draft;
  return html`<section class="balie-manage" aria-labelledby="hours-heading">
    <h2 class="utrecht-heading-2" id="hours-heading" tabindex="-1">${m.hoursTitle}</h2>
    ${
      draft
        ? html`${renderWeekly(page, draft)} ${renderExceptions(page, draft)}
          ${state.preview ? renderPreview(state.preview) : nothing}
          ${
            state.refused
              ? html`<div class="utrecht-alert utrecht-alert--warning" id="hours-refused" tabindex="-1">
                <p class="utrecht-paragraph">${m.refused(state.refused.join(', '))}</p>
                <button
                  class="utrecht-button utrecht-button--primary-action"
                  type="button"
                  @click=${() => send(page, 'confirm')}
                >
                  ${m.saveAnyway}
                </button>
              </div>`
              : nothing
          }
          <p class="balie-entry__actions">
            <button
              class="utrecht-button utrecht-button--secondary-action"
              type="button"
              @click=${() => send(page, 'preview')}
            >
              ${m.preview}
            </button>
            <button
              class="utrecht-button utrecht-button--primary-action"
              type="button"
              @click=${() => send(page, 'save')}
            >
              ${m.save}
            </button>
          </p>`
        : html`<p class="utrecht-paragraph">${m.loading}</p>`
    }
  </section>`;
}
