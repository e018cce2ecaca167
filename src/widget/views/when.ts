// Step 3 (and choosing a new time in manage mode): days, times by part of the day, and what is possible when
// nothing is free.
import { html, nothing } from 'lit';
import { addDays } from '../../platform/time/dates.js';
import type { Availability } from '../api.js';
import { dayName, hourOf, timeOf } from '../format.js';
import type { WidgetHost } from '../widget-host.js';
import { callLine } from './what-where.js';

export function renderTime(w: WidgetHost) {
  const t = w.t;
  const a = w.availability;
  if (!a) return html`<p>${t.loading}</p>`;
  const free = a.days.some((d) => w.freeCount(d) > 0);
  const day = a.days.find((d) => d.date === w.day);
  return html`
    ${free ? html`<p class="hint">${t.daysHint}</p>` : renderNothingFree(w)}
    <ul class="plain">
      ${a.days.map((d) => renderDay(w, d))}
    </ul>
    <button type="button" class="secondary" @click=${() => w.loadDays(addDays(w.periodEnd!, 1))}>${t.moreDays}</button>
    ${day ? renderTimes(w, day) : nothing}
    ${
      w.step === 'time'
        ? html`<div class="actions">
            <button type="button" class="secondary" @click=${() => w.go('location')}>${t.back}</button>
          </div>`
        : nothing
    }`;
}

/** A day with free times is a button that shows them; a full or closed day says so. */
function renderDay(w: WidgetHost, d: Availability['days'][number]) {
  const t = w.t;
  const count = w.freeCount(d);
  const name = dayName(d.date, w.language);
  if (count === 0) {
    const why = d.open ? t.dayFull({ day: name }) : t.dayClosed({ day: name, reason: d.reason ?? '' });
    return html`<li class="day-off">${why}</li>`;
  }
  return html`<li><button type="button" class="day" id="day-${d.date}"
    aria-current=${d.date === w.day ? 'true' : 'false'} @click=${() => w.chooseDay(d.date)}
    >${t.dayLabel({ day: name, count })}</button></li>`;
}

export function renderTimes(w: WidgetHost, day: Availability['days'][number]) {
  const t = w.t;
  const zone = w.zone;
  const slots = day.slots.filter((s) => s.available > 0);
  const parts = [
    { name: t.morning, slots: slots.filter((s) => hourOf(s.start, zone) < 12) },
    { name: t.afternoon, slots: slots.filter((s) => hourOf(s.start, zone) >= 12 && hourOf(s.start, zone) < 17) },
    { name: t.evening, slots: slots.filter((s) => hourOf(s.start, zone) >= 17) },
  ].filter((p) => p.slots.length > 0);
  return html`
    <h3 id="times-heading" tabindex="-1">${t.timesOn({ day: dayName(day.date, w.language) })}</h3>
    ${parts.map(
      (p) => html`
      <h4>${p.name}</h4>
      <ul class="times">${p.slots.map(
        (s) => html`<li><button type="button" class="time" @click=${() => w.chooseTime(s.start)}
        aria-label=${t.timeLabel({ time: timeOf(s.start, w.language, zone) })}
        >${timeOf(s.start, w.language, zone)}</button></li>`,
      )}</ul>`,
    )}
    <button type="button" class="secondary" @click=${() => w.refresh(`day-${day.date}`)}>${t.otherDay}</button>`;
}

/** Nothing free in the period: say so, and what is possible (DESIGN: "a no always comes with what is possible"). */
export function renderNothingFree(w: WidgetHost) {
  const t = w.t;
  const others = w.offeringLocations.filter((l) => l.slug !== w.location);
  const sisters = w.municipalities.filter((m) => m.slug !== w.municipality);
  return html`
    <div class="alert info">
      <p>${t.nothingFree({ last: dayName(w.periodEnd!, w.language), location: w.locationName(w.location!) })}</p>
      <h3>${t.whatNow}</h3>
      <ul class="plain">
        <li><button type="button" class="secondary" @click=${() => w.loadDays(addDays(w.periodEnd!, 1))}
          >${t.tryLater}</button></li>
        ${
          w.step === 'time'
            ? others.map(
                (l) =>
                  html`<li><button type="button" class="secondary" @click=${() => {
                    w.location = l.slug;
                    void w.loadDays();
                  }}>${t.tryLocation({ location: l.name })}</button></li>`,
              )
            : nothing
        }
        ${sisters.map((m) => html`<li><a href=${m.website}>${t.trySister({ name: m.name })}</a></li>`)}
      </ul>
      ${callLine(w)}
    </div>`;
}
