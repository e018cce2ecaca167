// Step 3 (and choosing a new time in manage mode): the first free time at once, a week of days in one row with the
// chosen day's times right under it, the days without a time folded into one line each, and what is possible when
// nothing is free. Days and times are each one Tab stop; arrow keys move within them.
import { html, nothing } from 'lit';
import { addDays, datesBetween, mondayOf } from '../../platform/time/dates.js';
import type { Availability } from '../api.js';
import { dateName, dayName, dayOf, hourOf, timeOf, weekdayShort } from '../format.js';
import { moveRovingFocus, rovingTarget } from '../roving.js';
import type { WidgetHost } from '../widget-host.js';
import { callLine } from './what-where.js';

type Day = Availability['days'][number];
/** A date of the shown week: the day the API gave, or none (before today: past). */
type WeekDay = { date: string; day?: Day | undefined };

export function renderTime(w: WidgetHost) {
  const t = w.t;
  const a = w.availability;
  if (!a) return html`<p>${t.loading}</p>`;
  const first = firstFree(w, a.days);
  const week = w.week ?? mondayOf(a.days[0]!.date);
  const dates = datesBetween(week, addDays(week, 6)).map((date) => ({
    date,
    day: a.days.find((d) => d.date === date),
  }));
  const bookable = dates.filter((d) => d.day && w.freeCount(d.day) > 0);
  const day = bookable.find((d) => d.date === w.day)?.day;
  // The week's one Tab stop: the chosen day, or else its first day with a time.
  const tabStop = day ? day.date : bookable[0]?.date;
  const lastWeek = dates.some((d) => d.day?.reasonCode === 'beyond-horizon');
  return html`
    ${first ? nothing : renderNothingFree(w)}
    ${
      first
        ? html`<p><button type="button" id="first-free" @click=${() => w.chooseTime(first.start)}>${t.firstFree({
            day: dayOf(first.start, w.language, w.zone),
            time: timeOf(first.start, w.language, w.zone),
          })}</button></p>
          <p class="hint">${t.daysHint}</p>`
        : nothing
    }
    <div class="week-nav">
      <h3 id="week-heading">${t.week({
        from: dateName(week, w.language),
        to: dateName(addDays(week, 6), w.language),
      })}</h3>
      <button type="button" class="secondary" id="previous-week" ?disabled=${week <= mondayOf(a.days[0]!.date)}
        @click=${() => w.chooseWeek(addDays(week, -7), 'previous-week')}>${t.previousWeek}</button>
      <button type="button" class="secondary" id="next-week" ?disabled=${lastWeek}
        @click=${() => w.chooseWeek(addDays(week, 7), 'next-week')}>${t.nextWeek}</button>
    </div>
    <ul class="week" aria-labelledby="week-heading" @keydown=${(e: KeyboardEvent) => onDayKey(w, e)}>
      ${dates.map((d) => renderDay(w, d, tabStop))}
    </ul>
    ${renderDaysOff(w, dates)}
    ${day ? renderTimes(w, day) : nothing}
    ${
      w.step === 'time'
        ? html`<div class="actions">
            <button type="button" class="secondary" @click=${() => w.goBack(w.stepBefore('time'))}>${t.back}</button>
          </div>`
        : nothing
    }`;
}

function firstFree(w: WidgetHost, days: Day[]) {
  for (const d of days) if (w.freeCount(d) > 0) return d.slots.find((s) => s.available > 0);
  return undefined;
}

/** Why a day has no time to choose, in a few words. */
function whyOff(w: WidgetHost, { date, day }: WeekDay): string {
  const t = w.t;
  if (!day || day.reasonCode === 'past') return date === w.today && day ? t.offToday : t.offPast;
  if (day.reasonCode === 'beyond-horizon') return t.offLater;
  if (day.reasonCode === 'holiday' || day.reasonCode === 'closure') return `${t.offClosed} (${day.reason})`;
  if (day.reasonCode === 'not-open' || !day.open) return t.offClosed;
  return t.offFull;
}

/**
 * A day with free times is a button (the week's one Tab stop is `tabStop`); another day says why not.
 */
function renderDay(w: WidgetHost, d: WeekDay, tabStop: string | undefined) {
  const t = w.t;
  const count = d.day ? w.freeCount(d.day) : 0;
  const name = dayName(d.date, w.language);
  const face = (mark: string) =>
    html`<span aria-hidden="true"><span class="weekday">${weekdayShort(
      d.date,
      w.language,
    )}</span><span class="date">${Number(d.date.slice(8))}</span><span class="mark">${mark}</span></span>`;
  if (count === 0) {
    return html`<li class="day-off">${face('–')}<span class="visually-hidden">${t.dayOff({
      day: name,
      why: whyOff(w, d),
    })}</span></li>`;
  }
  const chosen = d.date === w.day;
  return html`<li><button type="button" class="day" id="day-${d.date}" aria-pressed=${chosen ? 'true' : 'false'}
    tabindex=${d.date === tabStop ? 0 : -1} data-date=${d.date}
    @click=${() => w.chooseDay(d.date)}>${face(String(count))}<span class="visually-hidden">${t.dayLabel({
      day: name,
      count,
    })}</span></button></li>`;
}

/** The week's days without a time, folded: one line per reason ("zaterdag 5 december en zondag 6 december: …"). */
function renderDaysOff(w: WidgetHost, dates: WeekDay[]) {
  const groups = new Map<string, string[]>();
  for (const d of dates) {
    if (d.day && w.freeCount(d.day) > 0) continue;
    const why = whyOff(w, d);
    groups.set(why, [...(groups.get(why) ?? []), dayName(d.date, w.language)]);
  }
  if (groups.size === 0) return nothing;
  const list = (names: string[]) =>
    names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} ${w.t.and} ${names[names.length - 1]}`;
  return html`<ul class="days-off" aria-hidden="true">${[...groups].map(
    ([why, names]) => html`<li>${w.t.dayOff({ day: list(names), why })}</li>`,
  )}</ul>`;
}

/** Left and right go to the previous and next day with a time (into the next week too), and choose it. */
function onDayKey(w: WidgetHost, event: KeyboardEvent) {
  const current = (event.target as HTMLElement).dataset.date;
  if (!current || !w.availability) return;
  const bookable = w.availability.days.filter((d) => w.freeCount(d) > 0).map((d) => d.date);
  const week = bookable.filter((d) => mondayOf(d) === mondayOf(current));
  const i = bookable.indexOf(current);
  const target = {
    ArrowRight: bookable[i + 1],
    ArrowLeft: bookable[i - 1],
    Home: week[0],
    End: week[week.length - 1],
  }[event.key];
  if (!target) return;
  event.preventDefault();
  w.chooseDay(target, `day-${target}`);
}

export function renderTimes(w: WidgetHost, day: Day) {
  const t = w.t;
  const zone = w.zone;
  const slots = day.slots.filter((s) => s.available > 0);
  const parts = [
    { name: t.morning, slots: slots.filter((s) => hourOf(s.start, zone) < 12) },
    { name: t.afternoon, slots: slots.filter((s) => hourOf(s.start, zone) >= 12 && hourOf(s.start, zone) < 17) },
    { name: t.evening, slots: slots.filter((s) => hourOf(s.start, zone) >= 17) },
  ].filter((p) => p.slots.length > 0);
  const stop = slots.some((s) => s.start === w.timeFocus) ? w.timeFocus : slots[0]?.start;
  const name = dayName(day.date, w.language);
  return html`
    <div class="times-panel" role="group" aria-labelledby="times-heading" aria-describedby="times-keys"
      @keydown=${onTimeKey}>
      <h3 id="times-heading" tabindex="-1">${t.timesOn({ day: name })}</h3>
      <p class="visually-hidden" id="times-keys">${t.timesKeys}</p>
      ${parts.map(
        (p) => html`
        <h4>${p.name}</h4>
        <ul class="times">${p.slots.map((s) => {
          const time = timeOf(s.start, w.language, zone);
          return html`<li><button type="button" class="time" tabindex=${s.start === stop ? 0 : -1}
            @focus=${() => w.rememberTime(s.start)} @click=${() => w.chooseTime(s.start)}
            aria-label=${t.timeLabel({ day: name, time })}>${time}</button></li>`;
        })}</ul>`,
      )}
    </div>`;
}

function onTimeKey(event: KeyboardEvent) {
  const panel = event.currentTarget as HTMLElement;
  const buttons = [...panel.querySelectorAll<HTMLElement>('button.time')];
  const target = rovingTarget(buttons, event.target as HTMLElement, event.key);
  if (!target) return;
  event.preventDefault();
  moveRovingFocus(buttons, target);
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
        <li><button type="button" class="secondary" id="try-later" @click=${() => w.loadDays(addDays(w.periodEnd!, 1))}
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
