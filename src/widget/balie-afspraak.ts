import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { combinable, durationMinutes } from '../domain/items.js';
import { phonePattern } from '../domain/phone.js';
import { widgetEn, widgetNl, type WidgetTexts } from '../texts/widget.js';
import { Api, ApiError, type Alternative, type Appointment, type Availability, type Hold, type Item, type Location, type Municipality, type Needs, type Problem, type Service } from './api.js';
import { addDays, dayName, dayOf, hourOf, timeOf } from './format.js';
import { styles } from './styles.js';

type Step = 'loading' | 'failed' | 'services' | 'location' | 'time' | 'details' | 'check' | 'done'
  | 'manage' | 'cancel' | 'cancelled' | 'move-confirm';
type FieldError = { field: string; message: string };
type Details = { name: string; email: string; phone: string; extraTime: boolean; stepFree: boolean; interpreter: boolean; interpreterLanguage: string };

const BOOKING_STEPS: Step[] = ['services', 'location', 'time', 'details', 'check'];
const WARN_SECONDS = 120;
const emptyDetails = (): Details => ({ name: '', email: '', phone: '', extraTime: false, stepFree: false, interpreter: false, interpreterLanguage: '' });

/**
 * `<balie-afspraak municipality="stadswaard">`: book an appointment in five steps; with `reference` (and the manage
 * token in the page's fragment, as in the e-mail's link) see, move or cancel one. Optional: `service` and
 * `location` preselect, `lang="en"` speaks English, `api` names the service (default: where this script came from).
 * Nothing is stored in the browser: no cookies, no storage; personal details are dropped when the flow ends.
 */
export class BalieAfspraak extends LitElement {
  static override styles = styles;

  private t: WidgetTexts = widgetNl;
  private language = 'nl';
  private api!: Api;
  private step: Step = 'loading';
  private services: Service[] = [];
  private locations: Location[] = [];
  private municipalities: Municipality[] = [];
  private chosen = new Map<string, number>();
  private location?: string;
  private availability?: Availability;
  private periodEnd?: string;
  private day?: string;
  private hold?: Hold;
  private holdNotice?: 'warning' | 'extended';
  private details: Details = emptyDetails();
  private errors: FieldError[] = [];
  private alert?: { kind: 'error' | 'warning' | 'info' | 'ok'; title?: string; text: string; alternatives?: Alternative[] };
  private idempotencyKey?: string;
  private booked?: Appointment;
  private manageToken?: string;
  private moveTo?: string;
  private busy = false;
  private announcement = '';
  private focusAfterRender?: string;
  private timer?: number;
  private municipality = '';
  private score = 0;
  private comment = '';
  private feedbackSent = false;

  override connectedCallback() {
    super.connectedCallback();
    this.language = this.getAttribute('lang') === 'en' ? 'en' : 'nl';
    this.t = this.language === 'en' ? widgetEn : widgetNl;
    this.api = new Api(this.getAttribute('api') ?? new URL('/', import.meta.url).href, this.language);
    if (!this.hasAttribute('municipality') && !this.hasAttribute('reference')) {
      console.warn('<balie-afspraak>: set the municipality attribute, e.g. <balie-afspraak municipality="stadswaard">');
    }
    window.addEventListener('pagehide', this.leave);
    void this.start();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.leave);
    this.leave();
  }

  /** The resident leaves the page or the widget goes: a held time is free for others at once, not in ten minutes. */
  private readonly leave = () => {
    window.clearInterval(this.timer);
    if (this.hold) this.api.leaveHold(this.hold.holdId);
    this.hold = undefined;
  };

  // ---- flow -------------------------------------------------------------------------------------------------

  private async start() {
    // Loading a page must not move its focus: the widget takes focus only when the resident acts in it.
    this.go('loading', { focus: false });
    const reference = this.getAttribute('reference');
    this.municipality = this.getAttribute('municipality') ?? '';
    if (reference) {
      // Manage mode: the token comes from the page's fragment, as in the e-mail's link; browsers never send it.
      this.manageToken = decodeURIComponent(window.location.hash.slice(1));
      if (!this.manageToken) return this.go('failed', { alert: { kind: 'error', text: this.t.noToken }, focus: false });
      try {
        this.booked = await this.api.appointment(reference, this.manageToken);
      } catch (error) {
        const notFound = error instanceof ApiError && error.problem.status === 404;
        return this.go('failed', { alert: { kind: 'error', text: notFound ? this.t.notFound : this.t.failed }, focus: false });
      }
      this.municipality = this.booked.municipality;
    }
    try {
      [this.services, this.locations, this.municipalities] = await Promise.all([
        this.api.services(this.municipality), this.api.locations(this.municipality), this.api.municipalities(),
      ]);
    } catch {
      return this.go('failed', { alert: { kind: 'error', text: this.t.failed }, focus: false });
    }
    if (this.booked) {
      this.location = this.booked.location;
      for (const item of this.booked.items) this.chosen.set(item.service, item.persons);
      return this.go('manage', { focus: false, alert: this.booked.status === 'cancelled' ? { kind: 'info', text: this.t.isCancelled } : undefined });
    }
    const service = this.getAttribute('service');
    if (service && this.services.some((s) => s.slug === service)) this.chosen.set(service, 1);
    const location = this.getAttribute('location');
    if (location && this.locations.some((l) => l.slug === location)) this.location = location;
    this.go('services', { focus: false });
  }

  /** Shows a step; focus moves to its heading (or `focus`) so a screen reader says where the resident is. */
  private go(step: Step, options: { alert?: BalieAfspraak['alert']; focus?: string | false; announce?: string } = {}) {
    // Back before the choice of a time: the held time is free for others again at once.
    if (this.hold && (step === 'services' || step === 'location')) {
      void this.api.releaseHold(this.hold.holdId).catch(() => undefined);
      this.hold = undefined;
      window.clearInterval(this.timer);
    }
    this.step = step;
    this.alert = options.alert;
    this.errors = [];
    this.announcement = options.announce ?? '';
    this.focusAfterRender = options.focus === false ? undefined : options.focus ?? 'heading';
    this.requestUpdate();
  }

  private refresh(focus?: string) {
    this.focusAfterRender = focus;
    this.requestUpdate();
  }

  override updated() {
    if (!this.focusAfterRender) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`#${this.focusAfterRender}`);
    this.focusAfterRender = undefined;
    target?.focus();
  }

  private get items(): Item[] {
    return [...this.chosen].map(([service, persons]) => ({ service, persons }));
  }

  private get minutes(): number {
    return durationMinutes(this.items.map((i) => ({ service: this.services.find((s) => s.slug === i.service)!, persons: i.persons })));
  }

  private get offeringLocations(): Location[] {
    return this.locations.filter((l) => this.items.every((i) => l.services.includes(i.service)));
  }

  private locationName(slug: string) {
    return this.locations.find((l) => l.slug === slug)?.name ?? slug;
  }

  private get zone() {
    return this.availability?.timezone ?? 'Europe/Amsterdam';
  }

  private fail(error: unknown, fallbackStep?: Step) {
    const problem: Problem = error instanceof ApiError ? error.problem : { status: 0 };
    const text = problem.status === 0 ? this.t.failed : problem.detail ?? this.t.failed;
    if (fallbackStep) this.go(fallbackStep, { alert: { kind: 'error', text }, focus: 'alert' });
    else {
      this.alert = { kind: 'error', text };
      this.refresh('alert');
    }
  }

  private submitServices(event: Event) {
    event.preventDefault();
    if (this.chosen.size === 0) return this.showErrors([{ field: 'services', message: this.t.chooseService }]);
    const offering = this.offeringLocations;
    if (!this.location || !offering.some((l) => l.slug === this.location)) this.location = offering.length === 1 ? offering[0]!.slug : undefined;
    this.go('location');
  }

  private submitLocation(event: Event) {
    event.preventDefault();
    if (!this.location) return this.showErrors([{ field: 'location', message: this.t.chooseLocation }]);
    void this.loadDays();
  }

  /** Four weeks of free times from `from` (or today); later weeks are added to the list. */
  private async fetchDays(from?: string) {
    const answer = await this.api.availability(this.location!, this.items, from);
    this.availability = from && this.availability ? { ...answer, days: [...this.availability.days, ...answer.days] } : answer;
    this.periodEnd = answer.days[answer.days.length - 1]?.date;
    return answer;
  }

  private async loadDays(from?: string) {
    this.busy = true;
    if (!from) {
      this.availability = undefined;
      this.day = undefined;
    }
    this.requestUpdate();
    try {
      const answer = await this.fetchDays(from);
      this.busy = false;
      if (from) this.refresh(`day-${answer.days.find((d) => this.freeCount(d) > 0)?.date ?? ''}`);
      else if (this.step === 'manage') this.refresh('move-heading');
      else this.go('time');
    } catch (error) {
      this.busy = false;
      this.fail(error, this.step === 'location' ? 'location' : undefined);
    }
  }

  private freeCount(day: Availability['days'][number]) {
    return day.open ? day.slots.filter((s) => s.available > 0).length : 0;
  }

  private chooseDay(date: string) {
    this.day = date;
    this.alert = undefined;
    this.refresh('times-heading');
  }

  private async chooseTime(start: string, location = this.location!) {
    if (this.busy) return;
    if (this.step === 'manage') {
      this.moveTo = start;
      return this.go('move-confirm');
    }
    this.busy = true;
    this.requestUpdate();
    try {
      if (this.hold) await this.api.releaseHold(this.hold.holdId).catch(() => undefined);
      this.hold = await this.api.hold(location, this.items, start, this.needs());
      this.location = location;
      this.busy = false;
      this.idempotencyKey = undefined;
      this.startHoldTimer();
      this.go('details');
    } catch (error) {
      this.busy = false;
      this.hold = undefined;
      this.showTaken(error);
    }
  }

  /** A time that was just taken: say so kindly and offer what the API proposes instead. */
  private showTaken(error: unknown) {
    if (error instanceof ApiError && error.problem.status === 409) {
      const { alternatives = [] } = error.problem;
      this.go(this.step === 'manage' || this.step === 'move-confirm' ? 'manage' : 'time', { alert: { kind: 'warning', title: error.problem.title ?? this.t.taken, text: error.problem.detail ?? '', alternatives }, focus: 'alert' });
      // What was on screen is out of date: fetch it again, without moving focus from the message.
      void this.fetchDays().then(() => this.requestUpdate(), () => undefined);
      return;
    }
    this.fail(error);
  }

  private startHoldTimer() {
    window.clearInterval(this.timer);
    this.holdNotice = undefined;
    this.timer = window.setInterval(() => this.tick(), 1000);
  }

  private secondsLeft() {
    return this.hold ? Math.max(0, Math.round((Date.parse(this.hold.expiresAt) - Date.now()) / 1000)) : 0;
  }

  private tick() {
    if (!this.hold || (this.step !== 'details' && this.step !== 'check')) return window.clearInterval(this.timer);
    const left = this.secondsLeft();
    if (left === 0) {
      window.clearInterval(this.timer);
      this.hold = undefined;
      this.go('time', { alert: { kind: 'warning', text: this.t.holdExpired }, focus: 'alert' });
      return;
    }
    if (left <= WARN_SECONDS && this.holdNotice !== 'warning') {
      this.holdNotice = 'warning';
      this.announcement = this.t.holdWarning;
    }
    this.requestUpdate();
  }

  private async extendHold() {
    if (!this.hold) return;
    try {
      this.hold = await this.api.extendHold(this.hold.holdId);
      this.holdNotice = 'extended';
      this.announcement = this.t.extended({ until: timeOf(this.hold.expiresAt, this.language, this.zone) });
      this.refresh('hold-status');
    } catch (error) {
      this.hold = undefined;
      this.fail(error, 'time');
    }
  }

  private needs(): Needs {
    const d = this.details;
    return {
      ...(d.extraTime && { extraTime: true }),
      ...(d.stepFree && { stepFree: true }),
      ...(d.interpreter && d.interpreterLanguage.trim() && { interpreter: d.interpreterLanguage.trim() }),
    };
  }

  private submitDetails(event: Event) {
    event.preventDefault();
    const d = this.details;
    const t = this.t;
    const errors: FieldError[] = [];
    if (!d.name.trim()) errors.push({ field: 'name', message: t.nameMissing });
    if (!d.email.trim()) errors.push({ field: 'email', message: t.emailMissing });
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim())) errors.push({ field: 'email', message: t.emailWrong });
    if (d.phone.trim() && !phonePattern.test(d.phone.trim())) errors.push({ field: 'phone', message: t.phoneWrong });
    if (d.interpreter && d.interpreterLanguage.trim().length < 2) errors.push({ field: 'interpreterLanguage', message: t.interpreterMissing });
    if (errors.length > 0) return this.showErrors(errors);
    this.idempotencyKey ??= crypto.randomUUID();
    this.go('check');
  }

  private showErrors(errors: FieldError[]) {
    this.errors = errors;
    this.refresh('error-summary');
  }

  private async confirm() {
    if (this.busy || !this.hold) return;
    this.busy = true;
    this.requestUpdate();
    const d = this.details;
    try {
      const booked = await this.api.book({
        holdId: this.hold.holdId, name: d.name.trim(), email: d.email.trim(), ...(d.phone.trim() && { phone: d.phone.trim() }),
        language: this.language, needs: this.needs(),
      }, this.idempotencyKey!);
      window.clearInterval(this.timer);
      this.booked = booked;
      this.hold = undefined;
      this.details = emptyDetails(); // nothing personal stays behind once the appointment is made
      this.busy = false;
      this.go('done');
    } catch (error) {
      this.busy = false;
      if (error instanceof ApiError && error.problem.errors?.length && error.problem.status < 409) {
        this.go('details');
        return this.showErrors(error.problem.errors.map((e) => ({ field: e.field.split('.')[0]!, message: e.message })));
      }
      if (error instanceof ApiError && (error.problem.status === 409 || error.problem.status === 404)) {
        this.hold = undefined;
        window.clearInterval(this.timer);
        return error.problem.status === 409 ? this.showTaken(error) : this.fail(error, 'time');
      }
      this.fail(error);
    }
  }

  private restart() {
    this.booked = undefined;
    this.chosen.clear();
    this.availability = undefined;
    this.day = undefined;
    this.go('services');
  }

  // ---- manage ---------------------------------------------------------------------------------------------

  private async sendFeedback(event: Event) {
    event.preventDefault();
    if (!this.score) return this.showErrors([{ field: 'score', message: this.t.chooseScore }]);
    if (this.busy || !this.booked) return;
    this.busy = true;
    try {
      await this.api.feedback(this.booked.reference, this.manageToken!, this.score, this.comment.trim());
      this.busy = false;
      this.feedbackSent = true;
      this.go('manage', { alert: { kind: 'ok', text: this.t.thanks }, focus: 'alert' });
    } catch (error) {
      this.busy = false;
      this.fail(error);
    }
  }

  private async cancelAppointment() {
    if (this.busy || !this.booked) return;
    this.busy = true;
    try {
      this.booked = await this.api.cancel(this.booked.reference, this.manageToken!);
      this.busy = false;
      this.go('cancelled', { alert: { kind: 'ok', text: this.t.cancelled }, focus: 'alert' });
    } catch (error) {
      this.busy = false;
      this.fail(error, 'manage');
    }
  }

  private async moveAppointment() {
    if (this.busy || !this.booked || !this.moveTo) return;
    this.busy = true;
    try {
      this.booked = await this.api.reschedule(this.booked.reference, this.manageToken!, this.moveTo);
      this.busy = false;
      this.availability = undefined;
      this.day = undefined;
      this.go('manage', { alert: { kind: 'ok', text: this.t.moved }, focus: 'alert' });
    } catch (error) {
      this.busy = false;
      this.step = 'manage';
      this.showTaken(error);
    }
  }

  // ---- views ----------------------------------------------------------------------------------------------

  override render() {
    const t = this.t;
    const stepNumber = BOOKING_STEPS.indexOf(this.step) + 1;
    const title: Partial<Record<Step, string>> = {
      loading: t.title, failed: this.getAttribute('reference') ? t.manageTitle : t.title, services: t.servicesHeading, location: t.locationHeading,
      time: t.timeHeading, details: t.detailsHeading, check: t.checkHeading, done: t.doneHeading, manage: t.manageTitle,
      cancel: t.cancel, cancelled: t.manageTitle, 'move-confirm': t.move,
    };
    return html`
      <section lang=${this.language} aria-labelledby="heading" aria-busy=${this.busy ? 'true' : 'false'}>
        <h2 id="heading" tabindex="-1">${stepNumber > 0 ? html`<span class="progress">${t.stepOf({ step: stepNumber, total: BOOKING_STEPS.length })}</span> ` : nothing}${title[this.step]}</h2>
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
        ${this.renderErrorSummary()}
        ${this.renderAlert()}
        ${this.renderStep()}
      </section>`;
  }

  private renderStep(): TemplateResult | typeof nothing {
    switch (this.step) {
      case 'loading': return html`<p>${this.t.loading}</p>`;
      case 'failed': return html`<button type="button" class="secondary" @click=${() => this.start()}>${this.t.retry}</button>`;
      case 'services': return this.renderServices();
      case 'location': return this.renderLocations();
      case 'time': return this.renderTime();
      case 'details': return this.renderDetails();
      case 'check': return this.renderCheck();
      case 'done': return this.renderDone();
      case 'manage': return this.renderManage();
      case 'cancel': return this.renderCancel();
      case 'cancelled': return this.renderAppointment(this.booked!);
      case 'move-confirm': return this.renderMoveConfirm();
    }
  }

  private renderErrorSummary() {
    if (this.errors.length === 0) return nothing;
    const focusField = (event: Event, field: string) => {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLElement>(`#field-${field}`)?.focus();
    };
    return html`
      <div class="alert error" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
        <h3 id="error-summary-title">${this.t.errorSummary}</h3>
        <ul>${this.errors.map((e) => html`<li><a href="#field-${e.field}" @click=${(ev: Event) => focusField(ev, e.field)}>${e.message}</a></li>`)}</ul>
      </div>`;
  }

  private renderAlert() {
    const a = this.alert;
    if (!a) return nothing;
    return html`
      <div class="alert ${a.kind}" id="alert" tabindex="-1" role=${a.kind === 'error' ? 'alert' : 'status'}>
        <p>${a.title ? html`<strong>${a.title}</strong> ` : nothing}${a.text}</p>
        ${a.alternatives?.length ? html`
          <h3>${this.t.alternativesHeading}</h3>
          <ul class="plain">${a.alternatives.map((alt) => html`<li><button type="button" class="secondary" @click=${() => this.chooseAlternative(alt)}>${this.t.alternative({
            day: dayOf(alt.start, this.language, this.zone), time: timeOf(alt.start, this.language, this.zone), location: this.locationName(alt.location),
          })}</button></li>`)}</ul>` : nothing}
      </div>`;
  }

  private chooseAlternative(alternative: Alternative) {
    void this.chooseTime(alternative.start, alternative.location);
  }

  private errorFor(field: string) {
    return this.errors.find((e) => e.field === field);
  }

  private describedBy(field: string, hint?: boolean) {
    return [hint ? `hint-${field}` : '', this.errorFor(field) ? `error-${field}` : ''].filter(Boolean).join(' ') || nothing;
  }

  private errorLine(field: string) {
    const error = this.errorFor(field);
    return error ? html`<span class="error-text" id="error-${field}">${error.message}</span>` : nothing;
  }

  private renderServices() {
    const t = this.t;
    const chosen = this.items.map((i) => this.services.find((s) => s.slug === i.service)!);
    const bring = [...new Set(chosen.flatMap((s) => s.bring))];
    return html`
      <form novalidate @submit=${this.submitServices}>
        <fieldset id="field-services" tabindex="-1" aria-describedby=${this.describedBy('services', true)}>
          <legend class="visually-hidden">${t.servicesHeading}</legend>
          <p class="hint" id="hint-services">${t.servicesHint}</p>
          ${this.errorLine('services')}
          ${this.services.map((s) => {
            const blocker = chosen.find((c) => c.slug !== s.slug && !combinable(c, s));
            const checked = this.chosen.has(s.slug);
            return html`
              <div class="choice">
                <input type="checkbox" id="service-${s.slug}" .checked=${checked} ?disabled=${!checked && blocker !== undefined}
                  aria-describedby="about-${s.slug}" @change=${(e: Event) => this.toggleService(s, (e.target as HTMLInputElement).checked)}>
                <label for="service-${s.slug}">${s.name}</label>
                <span class="hint" id="about-${s.slug}">${s.description} ${t.minutes({ minutes: s.minutesPerPerson + s.fixedMinutes })}.${!checked && blocker ? html` <strong>${t.notCombinable({ other: blocker.name })}</strong>` : nothing}</span>
                ${checked && s.maxPersons > 1 ? html`
                  <label for="persons-${s.slug}">${t.persons}</label>
                  <select id="persons-${s.slug}" @change=${(e: Event) => this.setPersons(s.slug, Number((e.target as HTMLSelectElement).value))}>
                    ${Array.from({ length: s.maxPersons }, (_, i) => html`<option value=${i + 1} ?selected=${this.chosen.get(s.slug) === i + 1}>${t.personsOption({ n: i + 1 })}</option>`)}
                  </select>` : nothing}
              </div>`;
          })}
        </fieldset>
        ${chosen.length > 0 ? html`
          <p>${t.duration({ minutes: this.minutes })}</p>
          ${bring.length ? html`<h3>${t.bring}</h3><ul>${bring.map((b) => html`<li>${b}</li>`)}</ul>` : nothing}` : nothing}
        <div class="actions"><button type="submit">${t.next}</button></div>
      </form>`;
  }

  private toggleService(service: Service, on: boolean) {
    if (on) this.chosen.set(service.slug, 1);
    else this.chosen.delete(service.slug);
    this.errors = [];
    this.requestUpdate();
  }

  private setPersons(slug: string, persons: number) {
    this.chosen.set(slug, persons);
    this.requestUpdate();
  }

  private renderLocations() {
    const t = this.t;
    const offering = this.offeringLocations;
    if (offering.length === 0) {
      return html`<p>${t.noLocation}</p>${this.callLine()}<div class="actions"><button type="button" class="secondary" @click=${() => this.go('services')}>${t.back}</button></div>`;
    }
    return html`
      <form novalidate @submit=${this.submitLocation}>
        <fieldset id="field-location" tabindex="-1" aria-describedby=${this.describedBy('location')}>
          <legend class="visually-hidden">${t.locationHeading}</legend>
          ${this.errorLine('location')}
          ${offering.map((l) => html`
            <div class="choice">
              <input type="radio" name="location" id="location-${l.slug}" .checked=${this.location === l.slug} aria-describedby="address-${l.slug}"
                @change=${() => { this.location = l.slug; this.errors = []; this.requestUpdate(); }}>
              <label for="location-${l.slug}">${l.name}</label>
              <span class="hint" id="address-${l.slug}">${l.address.street}, ${l.address.postalCode} ${l.address.city}</span>
              ${l.accessibility.length ? html`<ul class="hint" aria-label=${t.accessibility}>${l.accessibility.map((a) => html`<li>${a.label}</li>`)}</ul>` : nothing}
            </div>`)}
        </fieldset>
        <div class="actions">
          <button type="submit">${t.next}</button>
          <button type="button" class="secondary" @click=${() => this.go('services')}>${t.back}</button>
        </div>
      </form>`;
  }

  private callLine() {
    const own = this.municipalities.find((m) => m.slug === this.municipality);
    return own ? html`<p>${this.t.callUs({ phone: own.phone })}</p>` : nothing;
  }

  private renderTime() {
    const t = this.t;
    const a = this.availability;
    if (!a) return html`<p>${t.loading}</p>`;
    const free = a.days.some((d) => this.freeCount(d) > 0);
    const day = a.days.find((d) => d.date === this.day);
    return html`
      ${free ? html`<p class="hint">${t.daysHint}</p>` : this.renderNothingFree()}
      <ul class="plain">
        ${a.days.map((d) => {
          const count = this.freeCount(d);
          const name = dayName(d.date, this.language);
          if (count > 0) return html`<li><button type="button" class="day" id="day-${d.date}" aria-current=${d.date === this.day ? 'true' : 'false'} @click=${() => this.chooseDay(d.date)}>${t.dayLabel({ day: name, count })}</button></li>`;
          return html`<li class="day-off">${d.open ? t.dayFull({ day: name }) : t.dayClosed({ day: name, reason: d.reason ?? '' })}</li>`;
        })}
      </ul>
      <button type="button" class="secondary" @click=${() => this.loadDays(addDays(this.periodEnd!, 1))}>${t.moreDays}</button>
      ${day ? this.renderTimes(day) : nothing}
      ${this.step === 'time' ? html`<div class="actions"><button type="button" class="secondary" @click=${() => this.go('location')}>${t.back}</button></div>` : nothing}`;
  }

  private renderTimes(day: Availability['days'][number]) {
    const t = this.t;
    const zone = this.zone;
    const slots = day.slots.filter((s) => s.available > 0);
    const parts = [
      { name: t.morning, slots: slots.filter((s) => hourOf(s.start, zone) < 12) },
      { name: t.afternoon, slots: slots.filter((s) => hourOf(s.start, zone) >= 12 && hourOf(s.start, zone) < 17) },
      { name: t.evening, slots: slots.filter((s) => hourOf(s.start, zone) >= 17) },
    ].filter((p) => p.slots.length > 0);
    return html`
      <h3 id="times-heading" tabindex="-1">${t.timesOn({ day: dayName(day.date, this.language) })}</h3>
      ${parts.map((p) => html`
        <h4>${p.name}</h4>
        <ul class="times">${p.slots.map((s) => html`<li><button type="button" class="time" @click=${() => this.chooseTime(s.start)}
          aria-label=${t.timeLabel({ time: timeOf(s.start, this.language, zone) })}>${timeOf(s.start, this.language, zone)}</button></li>`)}</ul>`)}
      <button type="button" class="secondary" @click=${() => this.refresh(`day-${day.date}`)}>${t.otherDay}</button>`;
  }

  /** Nothing free in the period: say so, and what is possible (DESIGN: "a no always comes with what is possible"). */
  private renderNothingFree() {
    const t = this.t;
    const others = this.offeringLocations.filter((l) => l.slug !== this.location);
    const sisters = this.municipalities.filter((m) => m.slug !== this.municipality);
    return html`
      <div class="alert info">
        <p>${t.nothingFree({ last: dayName(this.periodEnd!, this.language), location: this.locationName(this.location!) })}</p>
        <h3>${t.whatNow}</h3>
        <ul class="plain">
          <li><button type="button" class="secondary" @click=${() => this.loadDays(addDays(this.periodEnd!, 1))}>${t.tryLater}</button></li>
          ${this.step === 'time' ? others.map((l) => html`<li><button type="button" class="secondary" @click=${() => { this.location = l.slug; void this.loadDays(); }}>${t.tryLocation({ location: l.name })}</button></li>`) : nothing}
          ${sisters.map((m) => html`<li><a href=${m.website}>${t.trySister({ name: m.name })}</a></li>`)}
        </ul>
        ${this.callLine()}
      </div>`;
  }

  private renderDetails() {
    const t = this.t;
    const d = this.details;
    const hold = this.hold!;
    const left = Math.ceil(this.secondsLeft() / 60);
    const input = (field: keyof Details, type: string, label: string, hint: string, autocomplete: string) => html`
      <label for="field-${field}">${label}</label>
      <span class="hint" id="hint-${field}">${hint}</span>
      ${this.errorLine(field)}
      <input id="field-${field}" type=${type} autocomplete=${autocomplete} .value=${d[field] as string} aria-describedby=${this.describedBy(field, true)}
        aria-invalid=${this.errorFor(field) ? 'true' : 'false'} @input=${(e: Event) => { (d as Record<string, unknown>)[field] = (e.target as HTMLInputElement).value; }}>`;
    const check = (field: 'extraTime' | 'stepFree' | 'interpreter', label: string, hint?: string) => html`
      <div class="choice">
        <input type="checkbox" id="field-${field}" .checked=${d[field]} aria-describedby=${hint ? `hint-${field}` : nothing}
          @change=${(e: Event) => { d[field] = (e.target as HTMLInputElement).checked; this.requestUpdate(); }}>
        <label for="field-${field}">${label}</label>
        ${hint ? html`<span class="hint" id="hint-${field}">${hint}</span>` : nothing}
      </div>`;
    return html`
      <div class="alert ${this.holdNotice === 'warning' ? 'warning' : 'info'}" id="hold-status" tabindex="-1">
        <p>${t.heldUntil({ time: `${dayOf(hold.start, this.language, this.zone)} ${timeOf(hold.start, this.language, this.zone)}`, until: timeOf(hold.expiresAt, this.language, this.zone), minutes: left })}</p>
        ${this.holdNotice === 'warning' ? html`<p><strong>${t.holdWarning}</strong></p><button type="button" @click=${this.extendHold}>${t.extend}</button>` : nothing}
        ${this.holdNotice === 'extended' ? html`<p>${t.extended({ until: timeOf(hold.expiresAt, this.language, this.zone) })}</p>` : nothing}
      </div>
      <form novalidate @submit=${this.submitDetails}>
        ${input('name', 'text', t.name, t.nameHint, 'name')}
        ${input('email', 'email', t.email, t.emailHint, 'email')}
        ${input('phone', 'tel', t.phone, t.phoneHint, 'tel')}
        <fieldset>
          <legend>${t.needs}</legend>
          ${check('extraTime', t.extraTime, t.extraTimeHint)}
          ${check('stepFree', t.stepFree)}
          ${check('interpreter', t.interpreter)}
          ${d.interpreter ? html`
            <label for="field-interpreterLanguage">${t.interpreterLanguage}</label>
            ${this.errorLine('interpreterLanguage')}
            <input id="field-interpreterLanguage" type="text" .value=${d.interpreterLanguage} aria-describedby=${this.describedBy('interpreterLanguage')}
              aria-invalid=${this.errorFor('interpreterLanguage') ? 'true' : 'false'} @input=${(e: Event) => { d.interpreterLanguage = (e.target as HTMLInputElement).value; }}>` : nothing}
        </fieldset>
        <div class="actions">
          <button type="submit">${t.next}</button>
          <button type="button" class="secondary" @click=${() => this.go('time')}>${t.back}</button>
        </div>
      </form>`;
  }

  private renderCheck() {
    const t = this.t;
    const d = this.details;
    const hold = this.hold!;
    const location = this.locations.find((l) => l.slug === this.location)!;
    const needs = [d.extraTime && t.extraTime, d.stepFree && t.stepFree, d.interpreter && `${t.interpreter}: ${d.interpreterLanguage}`].filter(Boolean);
    return html`
      <dl>
        <dt>${t.what}</dt><dd>${this.items.map((i) => t.persons2({ name: this.services.find((s) => s.slug === i.service)!.name, persons: i.persons })).join(', ')}</dd>
        <dt>${t.when}</dt><dd>${dayOf(hold.start, this.language, this.zone)}, ${timeOf(hold.start, this.language, this.zone)}–${timeOf(hold.end, this.language, this.zone)}</dd>
        <dt>${t.where}</dt><dd>${location.name}, ${location.address.street}, ${location.address.postalCode} ${location.address.city}</dd>
        <dt>${t.who}</dt><dd>${d.name}<br>${d.email}${d.phone ? html`<br>${d.phone}` : nothing}</dd>
        ${needs.length ? html`<dt>${t.help}</dt><dd>${needs.join(', ')}</dd>` : nothing}
      </dl>
      <div class="actions">
        <button type="button" id="confirm" @click=${this.confirm}>${t.confirm}</button>
        <button type="button" class="secondary" @click=${() => this.go('details')}>${t.back}</button>
      </div>`;
  }

  private renderAppointment(a: Appointment) {
    const t = this.t;
    const zone = this.zone;
    return html`
      <dl>
        <dt>${t.reference}</dt><dd><strong>${a.reference}</strong></dd>
        <dt>${t.what}</dt><dd>${a.items.map((i) => t.persons2({ name: i.name, persons: i.persons })).join(', ')}</dd>
        <dt>${t.when}</dt><dd>${dayOf(a.start, this.language, zone)}, ${timeOf(a.start, this.language, zone)}–${timeOf(a.end, this.language, zone)}</dd>
        <dt>${t.where}</dt><dd>${a.locationName}, ${a.address.street}, ${a.address.postalCode} ${a.address.city}</dd>
      </dl>
      ${a.bring.length && a.status !== 'cancelled' ? html`<h3>${t.bring}</h3><ul>${a.bring.map((b) => html`<li>${b}</li>`)}</ul>` : nothing}`;
  }

  private renderDone() {
    const t = this.t;
    const a = this.booked!;
    return html`
      <p>${t.mailSent({ email: a.email })}</p>
      ${this.renderAppointment(a)}
      <p><a class="button" href=${a.calendarUrl} download="afspraak-${a.reference}.ics">${t.addToCalendar}</a></p>
      <p>${t.changeHow}</p>
      <button type="button" class="secondary" @click=${this.restart}>${t.another}</button>`;
  }

  private renderManage() {
    const t = this.t;
    const a = this.booked!;
    const moving = this.availability !== undefined;
    return html`
      ${this.renderAppointment(a)}
      ${a.canCancel && !moving ? html`
        <div class="actions">
          <button type="button" id="move" @click=${() => this.loadDays()}>${t.move}</button>
          <button type="button" id="cancel" class="secondary" @click=${() => this.go('cancel')}>${t.cancel}</button>
        </div>` : nothing}
      ${a.status === 'booked' && !moving ? html`<p><a class="button secondary" href=${a.calendarUrl}>${t.addToCalendar}</a></p>` : nothing}
      ${moving ? html`<h3 id="move-heading" tabindex="-1">${t.moveHeading}</h3>${this.renderTime()}
        <div class="actions"><button type="button" class="secondary" id="move-stop" @click=${this.stopMoving}>${t.keepTime}</button></div>` : nothing}
      ${a.canGiveFeedback && !this.feedbackSent ? this.renderFeedback() : nothing}`;
  }

  private stopMoving() {
    this.availability = undefined;
    this.day = undefined;
    this.alert = undefined;
    this.refresh('move');
  }

  private renderFeedback() {
    const t = this.t;
    return html`
      <h3 id="feedback-heading">${t.feedbackHeading}</h3>
      <form novalidate @submit=${this.sendFeedback}>
        <fieldset id="field-score" tabindex="-1" aria-describedby=${this.describedBy('score')}>
          <legend>${t.feedbackLegend}</legend>
          ${this.errorLine('score')}
          ${t.scores.map((label, i) => html`
            <div class="choice">
              <input type="radio" name="score" id="score-${i + 1}" .checked=${this.score === i + 1} @change=${() => { this.score = i + 1; }}>
              <label for="score-${i + 1}">${label}</label>
            </div>`)}
        </fieldset>
        <label for="field-comment">${t.comment}</label>
        <textarea id="field-comment" rows="4" maxlength="2000" .value=${this.comment} @input=${(e: Event) => { this.comment = (e.target as HTMLTextAreaElement).value; }}></textarea>
        <div class="actions"><button type="submit">${t.send}</button></div>
      </form>`;
  }

  private renderCancel() {
    const t = this.t;
    return html`
      ${this.renderAppointment(this.booked!)}
      <p id="cancel-question">${t.cancelQuestion}</p>
      <div class="actions">
        <button type="button" id="cancel-yes" @click=${this.cancelAppointment}>${t.cancelYes}</button>
        <button type="button" class="secondary" @click=${() => this.go('manage')}>${t.cancelNo}</button>
      </div>`;
  }

  private renderMoveConfirm() {
    const t = this.t;
    const start = this.moveTo!;
    return html`
      <p id="move-question">${t.moveQuestion({ day: dayOf(start, this.language, this.zone), time: timeOf(start, this.language, this.zone) })}</p>
      <div class="actions">
        <button type="button" id="move-yes" @click=${this.moveAppointment}>${t.moveYes}</button>
        <button type="button" class="secondary" @click=${() => { this.step = 'manage'; this.refresh('heading'); }}>${t.cancelNo}</button>
      </div>`;
  }
}

if (!customElements.get('balie-afspraak')) customElements.define('balie-afspraak', BalieAfspraak);
