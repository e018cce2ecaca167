// An appointment as the resident sees it: after booking, and in manage mode (move, cancel, feedback).
import { html, nothing } from 'lit';
import type { Appointment, Needs } from '../api.js';
import { dayOf, timeOf } from '../format.js';
import type { WidgetHost } from '../widget-host.js';
import { describedBy, errorLine } from './messages.js';
import { renderTime } from './when.js';

/** What the counter arranges for the resident's needs, as a line of the description list (none: nothing). */
export function needsLine(w: WidgetHost, needs: Needs) {
  const t = w.t;
  const lines = [
    needs.extraTime && t.helpExtraTime,
    needs.stepFree && t.helpStepFree,
    needs.interpreter && t.helpInterpreter({ language: needs.interpreter }),
  ].filter(Boolean);
  return lines.length ? html`<dt>${t.help}</dt><dd>${lines.join(', ')}</dd>` : nothing;
}

export function renderAppointment(w: WidgetHost, a: Appointment) {
  const t = w.t;
  const time = (at: string) => timeOf(at, w.language, w.zone);
  return html`
    <dl>
      <dt>${t.reference}</dt><dd><strong>${a.reference}</strong></dd>
      <dt>${t.what}</dt><dd>${a.items.map((i) => t.persons2({ name: i.name, persons: i.persons })).join(', ')}</dd>
      <dt>${t.when}</dt>
      <dd>${dayOf(a.start, w.language, w.zone)}, ${t.timeRange({ from: time(a.start), to: time(a.end) })}</dd>
      <dt>${t.where}</dt><dd>${a.locationName}, ${a.address.street}, ${a.address.postalCode} ${a.address.city}</dd>
      ${needsLine(w, a.needs)}
    </dl>
    ${
      a.bring.length && a.status !== 'cancelled'
        ? html`<h3>${t.bring}</h3><ul>${a.bring.map((b) => html`<li>${b}</li>`)}</ul>`
        : nothing
    }`;
}

export function renderDone(w: WidgetHost) {
  const t = w.t;
  const a = w.booked!;
  return html`
    <p>${t.mailSent({ email: a.email ?? '' })}</p>
    ${renderAppointment(w, a)}
    <p><button type="button" id="add-to-calendar" @click=${() => w.addToCalendar()}>${t.addToCalendar}</button></p>
    <p>${t.changeHow}</p>
    <button type="button" class="secondary" @click=${() => w.restart()}>${t.another}</button>`;
}

export function renderManage(w: WidgetHost) {
  const t = w.t;
  const a = w.booked!;
  const moving = w.availability !== undefined;
  return html`
    ${renderAppointment(w, a)}
    ${
      a.canCancel && !moving
        ? html`
      <div class="actions">
        <button type="button" id="move" @click=${() => w.loadDays()}>${t.move}</button>
        <button type="button" id="cancel" class="secondary" @click=${() => w.go('cancel')}>${t.cancel}</button>
      </div>`
        : nothing
    }
    ${
      a.status === 'booked' && !moving
        ? html`<p><button type="button" class="secondary" id="add-to-calendar" @click=${() => w.addToCalendar()}
            >${t.addToCalendar}</button></p>`
        : nothing
    }
    ${
      moving
        ? html`<h3 id="move-heading" tabindex="-1">${t.moveHeading}</h3>${renderTime(w)}
      <div class="actions">
        <button type="button" class="secondary" id="move-stop" @click=${() => w.stopMoving()}>${t.keepTime}</button>
      </div>`
        : nothing
    }
    ${a.canGiveFeedback && !w.feedbackSent ? renderFeedback(w) : nothing}`;
}

export function renderFeedback(w: WidgetHost) {
  const t = w.t;
  return html`
    <h3 id="feedback-heading">${t.feedbackHeading}</h3>
    <form novalidate @submit=${(e: Event) => w.sendFeedback(e)}>
      <fieldset id="field-score" tabindex="-1" aria-describedby=${describedBy(w, 'score')}>
        <legend>${t.feedbackLegend}</legend>
        ${errorLine(w, 'score')}
        ${t.scores.map(
          (label, i) => html`
          <div class="choice">
            <input type="radio" name="score" id="score-${i + 1}" .checked=${w.score === i + 1} @change=${() => {
              w.score = i + 1;
            }}>
            <label for="score-${i + 1}">${label}</label>
          </div>`,
        )}
      </fieldset>
      <label for="field-comment">${t.comment}</label>
      <textarea id="field-comment" rows="4" maxlength="2000" .value=${w.comment} @input=${(e: Event) => {
        w.comment = (e.target as HTMLTextAreaElement).value;
      }}></textarea>
      <div class="actions"><button type="submit">${t.send}</button></div>
    </form>`;
}

export function renderCancel(w: WidgetHost) {
  const t = w.t;
  return html`
    ${renderAppointment(w, w.booked!)}
    <p id="cancel-question">${t.cancelQuestion}</p>
    <div class="actions">
      <button type="button" id="cancel-yes" @click=${() => w.cancelAppointment()}>${t.cancelYes}</button>
      <button type="button" class="secondary" @click=${() => w.goBack('manage')}>${t.cancelNo}</button>
    </div>`;
}

export function renderMoveConfirm(w: WidgetHost) {
  const t = w.t;
  const start = w.moveTo!;
  const question = t.moveQuestion({ day: dayOf(start, w.language, w.zone), time: timeOf(start, w.language, w.zone) });
  return html`
    <p id="move-question">${question}</p>
    <div class="actions">
      <button type="button" id="move-yes" @click=${() => w.moveAppointment()}>${t.moveYes}</button>
      <button type="button" class="secondary" @click=${() => {
        w.step = 'manage';
        w.refresh('heading');
      }}>${t.cancelNo}</button>
    </div>`;
}
