// The warning that a held time is about to run out: a notice at the bottom of the screen that covers nothing the
// resident types in and moves nothing (the form keeps its place), read out by the live region, with one button.
import { html, nothing } from 'lit';
import type { WidgetHost } from '../widget-host.js';

export function renderHoldNotice(w: WidgetHost) {
  if (w.holdNotice !== 'warning' || !w.hold || (w.step !== 'details' && w.step !== 'check')) return nothing;
  const t = w.t;
  return html`
    <div class="hold-notice" id="hold-notice" role="region" aria-labelledby="hold-notice-text">
      <p id="hold-notice-text"><strong>${t.holdWarning}</strong></p>
      <button type="button" id="extend-hold" @click=${() => w.extendHold()}>${t.extend({
        minutes: w.holdMinutes,
      })}</button>
    </div>`;
}
