// What the widget says above a step: the error summary (GOV.UK pattern) and alerts, and the field helpers that
// tie a field to its hint and error.
import { html, nothing } from 'lit';
import { dayOf, timeOf } from '../format.js';
import type { Step, WidgetHost } from '../widget-host.js';

export function renderErrorSummary(w: WidgetHost) {
  if (w.errors.length === 0) return nothing;
  const focusField = (event: Event, field: string) => {
    event.preventDefault();
    w.renderRoot.querySelector<HTMLElement>(`#field-${field}`)?.focus();
  };
  return html`
    <div class="alert error" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h3 id="error-summary-title">${w.t.errorSummary}</h3>
      <ul>${w.errors.map(
        (e) => html`<li><a href="#field-${e.field}" @click=${(ev: Event) => focusField(ev, e.field)}
          >${e.message}</a></li>`,
      )}</ul>
    </div>`;
}

export function renderAlert(w: WidgetHost) {
  const a = w.alert;
  if (!a) return nothing;
  return html`
    <div class="alert ${a.kind}" id="alert" tabindex="-1" role=${a.kind === 'error' ? 'alert' : 'status'}>
      <p>${a.title ? html`<strong>${a.title}</strong> ` : nothing}${a.text}</p>
      ${
        a.alternatives?.length
          ? html`
        <h3>${w.t.alternativesHeading}</h3>
        <ul class="plain">${a.alternatives.map(
          (alt) =>
            html`<li><button type="button" class="secondary" @click=${() => w.chooseAlternative(alt)}>${w.t.alternative(
              {
                day: dayOf(alt.start, w.language, w.zone),
                time: timeOf(alt.start, w.language, w.zone),
                location: w.locationName(alt.location),
              },
            )}</button></li>`,
        )}</ul>`
          : nothing
      }
    </div>`;
}

export function errorFor(w: WidgetHost, field: string) {
  return w.errors.find((e) => e.field === field);
}

export function describedBy(w: WidgetHost, field: string, hint?: boolean) {
  return [hint ? `hint-${field}` : '', errorFor(w, field) ? `error-${field}` : ''].filter(Boolean).join(' ') || nothing;
}

export function errorLine(w: WidgetHost, field: string) {
  const error = errorFor(w, field);
  return error ? html`<span class="error-text" id="error-${field}">${error.message}</span>` : nothing;
}

/** The buttons under a step's form: on to the next step (submits the form), and back to `back` when there is one. */
export function nextAndBack(w: WidgetHost, back?: Step) {
  return html`
    <div class="actions">
      <button type="submit">${w.t.next}</button>
      ${
        back
          ? html`<button type="button" class="secondary" @click=${() => w.goBack(back)}>${w.t.back}</button>`
          : nothing
      }
    </div>`;
}
