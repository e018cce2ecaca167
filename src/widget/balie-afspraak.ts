import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { phonePattern } from '../booking/domain/phone.js';
import { durationMinutes } from '../catalogue/domain/items.js';
import { type WidgetTexts, widgetEn, widgetNl } from '../texts/widget.js';
import {
  type Alternative,
  Api,
  ApiError,
  type Appointment,
  type Availability,
  type Hold,
  type Item,
  type Location,
  type Municipality,
  type Needs,
  type Problem,
  type Service,
} from './api.js';
import { timeOf } from './format.js';
import { ProofOfWork } from './proof-of-work.js';
import { styles } from './styles.js';
import { renderAppointment, renderCancel, renderDone, renderManage, renderMoveConfirm } from './views/appointment.js';
import { renderCheck, renderDetails } from './views/details.js';
import { renderLostLink } from './views/lost-link.js';
import { renderAlert, renderErrorSummary } from './views/messages.js';
import { renderLocations, renderServices } from './views/what-where.js';
import { renderTime } from './views/when.js';
import type { Alert, Details, FieldError, Step, WidgetHost } from './widget-host.js';

const BOOKING_STEPS: Step[] = ['services', 'location', 'time', 'details', 'check'];
const WARN_SECONDS = 120;
const emptyDetails = (): Details => ({
  name: '',
  email: '',
  phone: '',
  extraTime: false,
  stepFree: false,
  interpreter: false,
  interpreterLanguage: '',
});

/** What an e-mail address looks like, checked before the API is asked (which checks it fully). */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * `<balie-afspraak municipality="stadswaard">`: book an appointment in five steps; with `reference` (and the manage
 * token in the page's fragment, as in the e-mail's link) see, move or cancel one. Optional: `service` and
 * `location` preselect, `lang="en"` speaks English, `api` names the service (default: where this script came from).
 * Nothing is stored in the browser: no cookies, no storage; personal details are dropped when the flow ends.
 * This class holds the state and the flow; the steps' templates live in ./views and read its members.
 */
export class BalieAfspraak extends LitElement implements WidgetHost {
  static override styles = styles;

  t: WidgetTexts = widgetNl;
  language = 'nl';
  api!: Api;
  step: Step = 'loading';
  services: Service[] = [];
  locations: Location[] = [];
  municipalities: Municipality[] = [];
  chosen = new Map<string, number>();
  location?: string;
  availability?: Availability;
  periodEnd?: string;
  day?: string;
  hold?: Hold;
  holdNotice?: 'warning' | 'extended';
  details: Details = emptyDetails();
  errors: FieldError[] = [];
  alert?: Alert;
  idempotencyKey?: string;
  booked?: Appointment;
  manageToken?: string;
  moveTo?: string;
  busy = false;
  announcement = '';
  focusAfterRender?: string;
  timer?: number;
  municipality = '';
  score = 0;
  comment = '';
  feedbackSent = false;
  /** Manage mode with no token or one that does not fit: the resident may ask for the link again. */
  linkLost = false;
  /** Solves the hold's proof of work ahead of time (proof-of-work.ts). */
  readonly proofOfWork = new ProofOfWork(() => this.api.captcha());
  linkEmail = '';
  linkSent?: string;

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
  private readonly leave = () => void this.letHoldGo(true);

  /** Lets the held time go (when there is one): for others at once, not when it runs out. */
  async letHoldGo(keepalive = false) {
    window.clearInterval(this.timer);
    const hold = this.hold;
    this.hold = undefined;
    if (hold) await this.api.releaseHold(hold.holdId, keepalive).catch(() => undefined);
  }

  // ---- flow -------------------------------------------------------------------------------------------------

  async start() {
    // Loading a page must not move its focus: the widget takes focus only when the resident acts in it.
    this.go('loading', { focus: false });
    const reference = this.getAttribute('reference');
    this.municipality = this.getAttribute('municipality') ?? '';
    if (reference) {
      // Manage mode: the token comes from the page's fragment, as in the e-mail's link; browsers never send it.
      this.manageToken = decodeURIComponent(window.location.hash.slice(1));
      this.linkLost = !this.manageToken;
      if (this.linkLost) return this.go('failed', { alert: { kind: 'error', text: this.t.noToken }, focus: false });
      try {
        this.booked = await this.api.appointment(reference, this.manageToken);
      } catch (error) {
        const notFound = error instanceof ApiError && error.problem.status === 404;
        this.linkLost = notFound;
        return this.go('failed', {
          alert: { kind: 'error', text: notFound ? this.t.notFound : this.t.failed },
          focus: false,
        });
      }
      this.municipality = this.booked.municipality;
    }
    try {
      [this.services, this.locations, this.municipalities] = await Promise.all([
        this.api.services(this.municipality),
        this.api.locations(this.municipality),
        this.api.municipalities(),
      ]);
    } catch {
      return this.go('failed', { alert: { kind: 'error', text: this.t.failed }, focus: false });
    }
    if (this.booked) {
      this.location = this.booked.location;
      for (const item of this.booked.items) this.chosen.set(item.service, item.persons);
      return this.go('manage', {
        focus: false,
        alert: this.booked.status === 'cancelled' ? { kind: 'info', text: this.t.isCancelled } : undefined,
      });
    }
    const service = this.getAttribute('service');
    if (service && this.services.some((s) => s.slug === service)) this.chosen.set(service, 1);
    const location = this.getAttribute('location');
    if (location && this.locations.some((l) => l.slug === location)) this.location = location;
    this.go('services', { focus: false });
  }

  /** Shows a step; focus moves to its heading (or `focus`) so a screen reader says where the resident is. */
  go(step: Step, options: { alert?: Alert; focus?: string | false; announce?: string } = {}) {
    // Back before the choice of a time: the held time is free for others again at once.
    if (step === 'services' || step === 'location') void this.letHoldGo();
    this.step = step;
    this.alert = options.alert;
    this.errors = [];
    this.announcement = options.announce ?? '';
    this.focusAfterRender = options.focus === false ? undefined : (options.focus ?? 'heading');
    this.requestUpdate();
  }

  refresh(focus?: string) {
    this.focusAfterRender = focus;
    this.requestUpdate();
  }

  override updated() {
    if (!this.focusAfterRender) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`#${this.focusAfterRender}`);
    this.focusAfterRender = undefined;
    target?.focus();
  }

  get items(): Item[] {
    return [...this.chosen].map(([service, persons]) => ({ service, persons }));
  }

  get minutes(): number {
    return durationMinutes(
      this.items.map((i) => ({ service: this.services.find((s) => s.slug === i.service)!, persons: i.persons })),
    );
  }

  get offeringLocations(): Location[] {
    return this.locations.filter((l) => this.items.every((i) => l.services.includes(i.service)));
  }

  locationName(slug: string) {
    return this.locations.find((l) => l.slug === slug)?.name ?? slug;
  }

  get zone() {
    return this.availability?.timezone ?? 'Europe/Amsterdam';
  }

  fail(error: unknown, fallbackStep?: Step) {
    const problem: Problem = error instanceof ApiError ? error.problem : { status: 0 };
    const text = problem.status === 0 ? this.t.failed : (problem.detail ?? this.t.failed);
    if (fallbackStep) this.go(fallbackStep, { alert: { kind: 'error', text }, focus: 'alert' });
    else {
      this.alert = { kind: 'error', text };
      this.refresh('alert');
    }
  }

  submitServices(event: Event) {
    event.preventDefault();
    if (this.chosen.size === 0) return this.showErrors([{ field: 'services', message: this.t.chooseService }]);
    const offering = this.offeringLocations;
    if (!this.location || !offering.some((l) => l.slug === this.location))
      this.location = offering.length === 1 ? offering[0]!.slug : undefined;
    this.go('location');
  }

  submitLocation(event: Event) {
    event.preventDefault();
    if (!this.location) return this.showErrors([{ field: 'location', message: this.t.chooseLocation }]);
    void this.loadDays();
  }

  /** Four weeks of free times from `from` (or today); later weeks are added to the list. */
  async fetchDays(from?: string) {
    const answer = await this.api.availability(this.location!, this.items, from);
    this.availability =
      from && this.availability ? { ...answer, days: [...this.availability.days, ...answer.days] } : answer;
    this.periodEnd = answer.days[answer.days.length - 1]?.date;
    return answer;
  }

  async loadDays(from?: string) {
    // While the resident looks at the times, the hold's proof of work is solved (not needed to move a booking).
    if (!this.booked) this.proofOfWork.prepare();
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

  freeCount(day: Availability['days'][number]) {
    return day.open ? day.slots.filter((s) => s.available > 0).length : 0;
  }

  chooseDay(date: string) {
    this.day = date;
    this.alert = undefined;
    this.refresh('times-heading');
  }

  async chooseTime(start: string, location = this.location!) {
    if (this.busy) return;
    if (this.step === 'manage') {
      this.moveTo = start;
      return this.go('move-confirm');
    }
    this.busy = true;
    this.requestUpdate();
    try {
      await this.letHoldGo();
      const altcha = await this.proofOfWork.take();
      this.hold = await this.api.hold(location, this.items, start, this.needs(), altcha);
      this.location = location;
      this.busy = false;
      this.idempotencyKey = undefined;
      this.startHoldTimer();
      this.go('details');
    } catch (error) {
      this.busy = false;
      this.showTaken(error);
    }
  }

  /** A time that was just taken: say so kindly and offer what the API proposes instead. */
  showTaken(error: unknown) {
    if (error instanceof ApiError && error.problem.status === 409) {
      const { alternatives = [] } = error.problem;
      this.go(this.step === 'manage' || this.step === 'move-confirm' ? 'manage' : 'time', {
        alert: {
          kind: 'warning',
          title: error.problem.title ?? this.t.taken,
          text: error.problem.detail ?? '',
          alternatives,
        },
        focus: 'alert',
      });
      // What was on screen is out of date: fetch it again, without moving focus from the message.
      void this.fetchDays().then(
        () => this.requestUpdate(),
        () => undefined,
      );
      return;
    }
    this.fail(error);
  }

  startHoldTimer() {
    window.clearInterval(this.timer);
    this.holdNotice = undefined;
    this.timer = window.setInterval(() => this.tick(), 1000);
  }

  secondsLeft() {
    return this.hold ? Math.max(0, Math.round((Date.parse(this.hold.expiresAt) - Date.now()) / 1000)) : 0;
  }

  tick() {
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

  async extendHold() {
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

  needs(): Needs {
    const d = this.details;
    return {
      ...(d.extraTime && { extraTime: true }),
      ...(d.stepFree && { stepFree: true }),
      ...(d.interpreter && d.interpreterLanguage.trim() && { interpreter: d.interpreterLanguage.trim() }),
    };
  }

  submitDetails(event: Event) {
    event.preventDefault();
    const d = this.details;
    const t = this.t;
    const errors: FieldError[] = [];
    if (!d.name.trim()) errors.push({ field: 'name', message: t.nameMissing });
    if (!d.email.trim()) errors.push({ field: 'email', message: t.emailMissing });
    else if (!EMAIL_SHAPE.test(d.email.trim())) errors.push({ field: 'email', message: t.emailWrong });
    if (d.phone.trim() && !phonePattern.test(d.phone.trim())) errors.push({ field: 'phone', message: t.phoneWrong });
    if (d.interpreter && d.interpreterLanguage.trim().length < 2)
      errors.push({ field: 'interpreterLanguage', message: t.interpreterMissing });
    if (errors.length > 0) return this.showErrors(errors);
    this.idempotencyKey ??= crypto.randomUUID();
    this.go('check');
  }

  showErrors(errors: FieldError[]) {
    this.errors = errors;
    this.refresh('error-summary');
  }

  async confirm() {
    if (this.busy || !this.hold) return;
    this.busy = true;
    this.requestUpdate();
    const d = this.details;
    try {
      const booked = await this.api.book(
        {
          holdId: this.hold.holdId,
          name: d.name.trim(),
          email: d.email.trim(),
          ...(d.phone.trim() && { phone: d.phone.trim() }),
          language: this.language,
          needs: this.needs(),
        },
        this.idempotencyKey!,
      );
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
        return this.showErrors(
          error.problem.errors.map((e) => ({ field: e.field.split('.')[0]!, message: e.message })),
        );
      }
      if (error instanceof ApiError && (error.problem.status === 409 || error.problem.status === 404)) {
        this.hold = undefined;
        window.clearInterval(this.timer);
        return error.problem.status === 409 ? this.showTaken(error) : this.fail(error, 'time');
      }
      this.fail(error);
    }
  }

  restart() {
    this.booked = undefined;
    this.chosen.clear();
    this.availability = undefined;
    this.day = undefined;
    this.go('services');
  }

  // ---- manage ---------------------------------------------------------------------------------------------

  async sendFeedback(event: Event) {
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

  async cancelAppointment() {
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

  async moveAppointment() {
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
      loading: t.title,
      failed: this.getAttribute('reference') ? t.manageTitle : t.title,
      services: t.servicesHeading,
      location: t.locationHeading,
      time: t.timeHeading,
      details: t.detailsHeading,
      check: t.checkHeading,
      done: t.doneHeading,
      manage: t.manageTitle,
      cancel: t.cancel,
      cancelled: t.manageTitle,
      'move-confirm': t.move,
    };
    return html`
      <section lang=${this.language} aria-labelledby="heading" aria-busy=${this.busy ? 'true' : 'false'}>
        <h2 id="heading" tabindex="-1">${
          stepNumber > 0
            ? html`<span class="progress">${t.stepOf({ step: stepNumber, total: BOOKING_STEPS.length })}</span> `
            : nothing
        }${title[this.step]}</h2>
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
        ${renderErrorSummary(this)}
        ${renderAlert(this)}
        ${this.renderStep()}
      </section>`;
  }

  renderStep(): TemplateResult | typeof nothing {
    switch (this.step) {
      case 'loading':
        return html`<p>${this.t.loading}</p>`;
      case 'failed':
        return this.linkLost
          ? renderLostLink(this)
          : html`<button type="button" class="secondary" @click=${() => this.start()}>${this.t.retry}</button>`;
      case 'services':
        return renderServices(this);
      case 'location':
        return renderLocations(this);
      case 'time':
        return renderTime(this);
      case 'details':
        return renderDetails(this);
      case 'check':
        return renderCheck(this);
      case 'done':
        return renderDone(this);
      case 'manage':
        return renderManage(this);
      case 'cancel':
        return renderCancel(this);
      case 'cancelled':
        return html`${renderAppointment(this, this.booked!)}
          <p><a href=${this.bookingPageUrl(this.booked!.municipality)}>${this.t.bookAgain}</a></p>`;
      case 'move-confirm':
        return renderMoveConfirm(this);
    }
  }

  /** The municipality's booking page on this service (the end of a cancellation: book again). */
  bookingPageUrl(municipality: string): string {
    const base = this.getAttribute('api') ?? new URL('/', import.meta.url).href;
    return new URL(`/afspraak-maken/${encodeURIComponent(municipality)}?taal=${this.language}`, base).href;
  }

  chooseAlternative(alternative: Alternative) {
    void this.chooseTime(alternative.start, alternative.location);
  }

  toggleService(service: Service, on: boolean) {
    if (on) this.chosen.set(service.slug, 1);
    else this.chosen.delete(service.slug);
    this.errors = [];
    this.requestUpdate();
  }

  setPersons(slug: string, persons: number) {
    this.chosen.set(slug, persons);
    this.requestUpdate();
  }

  async addToCalendar() {
    const a = this.booked!;
    try {
      const file = await this.api.calendarFile(a.reference, this.manageToken ?? a.manageToken!);
      const url = URL.createObjectURL(file);
      const link = document.createElement('a');
      link.href = url;
      link.download = `afspraak-${a.reference}.ics`;
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      this.fail(error);
    }
  }

  async sendLink(event: Event) {
    event.preventDefault();
    const email = this.linkEmail.trim();
    if (!EMAIL_SHAPE.test(email))
      return this.showErrors([{ field: 'linkEmail', message: email ? this.t.emailWrong : this.t.emailMissing }]);
    try {
      this.linkSent = (await this.api.sendLink(this.getAttribute('reference')!, email)).message;
      this.errors = [];
      this.go('failed', { alert: { kind: 'ok', text: this.linkSent }, focus: 'alert' });
    } catch (error) {
      this.fail(error);
    }
  }

  stopMoving() {
    this.availability = undefined;
    this.day = undefined;
    this.alert = undefined;
    this.refresh('move');
  }
}

if (!customElements.get('balie-afspraak')) customElements.define('balie-afspraak', BalieAfspraak);
