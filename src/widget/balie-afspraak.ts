import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { phonePattern } from '../booking/domain/phone.js';
import { durationMinutes } from '../catalogue/domain/items.js';
import { extraMinutes } from '../catalogue/domain/needs.js';
import { addDays, mondayOf } from '../platform/time/dates.js';
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
import { StepHistory } from './step-history.js';
import { styles } from './styles.js';
import { renderAppointment, renderCancel, renderDone, renderManage, renderMoveConfirm } from './views/appointment.js';
import { renderCheck, renderDetails } from './views/details.js';
import { renderHoldNotice } from './views/hold-notice.js';
import { renderLostLink } from './views/lost-link.js';
import { renderAlert, renderErrorSummary } from './views/messages.js';
import { renderLocations, renderServices } from './views/what-where.js';
import { renderTime } from './views/when.js';
import type { Alert, Details, FieldError, Step, WidgetHost } from './widget-host.js';

const BOOKING_STEPS: Step[] = ['services', 'location', 'time', 'details', 'check'];
/** A municipality with one location asks no "where". */
const ONE_PLACE_STEPS: Step[] = ['services', 'time', 'details', 'check'];
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
  /** The Monday of the week shown, and the service's today (the first date of the first answer). */
  week?: string;
  today?: string;
  /** The time button that is the times' Tab stop. */
  timeFocus?: string;
  /** How long a hold lasts (and an extension adds), in minutes: from the first hold's expiry. */
  holdMinutes = 10;
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
  /** The steps in the browser's history (off with `history="off"`, for a page that manages its own). */
  readonly history = new StepHistory((step) => this.restore(step as Step));
  /** Solves the hold's proof of work ahead of time (proof-of-work.ts). */
  readonly proofOfWork = new ProofOfWork(() => this.api.captcha());
  linkEmail = '';
  /** The last form field the resident was in (focus returns there after the hold is extended). */
  lastField = 'field-name';
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
    if (this.historyOn) this.history.start();
    void this.start();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.leave);
    this.history.stop();
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

  /** The municipalities (for the phone number a lost link offers), or none when even that fails. */
  private async loadMunicipalities() {
    this.municipalities = await this.api.municipalities().catch(() => []);
  }

  async start() {
    // Loading a page must not move its focus: the widget takes focus only when the resident acts in it.
    this.go('loading', { focus: false });
    const reference = this.getAttribute('reference');
    this.municipality = this.getAttribute('municipality') ?? '';
    if (reference) {
      // Manage mode: the token comes from the page's fragment, as in the e-mail's link; browsers never send it.
      this.manageToken = decodeURIComponent(window.location.hash.slice(1));
      this.linkLost = !this.manageToken;
      if (this.linkLost) {
        await this.loadMunicipalities();
        return this.go('failed', { alert: { kind: 'error', text: this.t.noToken }, focus: false });
      }
      try {
        this.booked = await this.api.appointment(reference, this.manageToken);
      } catch (error) {
        const notFound = error instanceof ApiError && error.problem.status === 404;
        this.linkLost = notFound;
        if (notFound) await this.loadMunicipalities();
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
    this.go('services', { focus: false, history: 'replace' });
  }

  /** Back to the step before (the widget's own "Vorige stap" button): the browser's Back when that is where it goes. */
  goBack(step: Step) {
    if (this.historyOn && this.history.isPrevious(step)) this.history.back();
    else this.go(step);
  }

  /** The browser went to `step` (Back or Forward): shown when it still can be, otherwise the entry is this step. */
  restore(step: Step) {
    if (this.step === 'done' && this.steps.includes(step)) return this.restart('replace');
    const booked = this.booked !== undefined;
    const possible: Record<Step, boolean> = {
      loading: false,
      failed: false,
      services: !booked,
      location: !booked && this.chosen.size > 0,
      time: !booked && this.availability !== undefined,
      details: this.hold !== undefined,
      check: this.hold !== undefined && this.idempotencyKey !== undefined,
      done: false,
      manage: booked,
      cancel: booked && this.booked!.canCancel,
      cancelled: booked && this.booked!.status === 'cancelled',
      'move-confirm': booked && this.moveTo !== undefined,
    };
    if (possible[step]) this.go(step, { history: 'none' });
    else this.history.record(this.step, true);
  }

  get historyOn() {
    return this.getAttribute('history') !== 'off';
  }

  /**
   * Shows a step; focus moves to its heading (or `focus`) so a screen reader says where the resident is. The step
   * becomes an entry in the browser's history (`history: 'replace'` stands in for the current one, 'none' is a
   * step the browser went to itself).
   */
  go(
    step: Step,
    options: { alert?: Alert; focus?: string | false; announce?: string; history?: 'push' | 'replace' | 'none' } = {},
  ) {
    // Back before the choice of a time: the held time is free for others again at once.
    if (step === 'services' || step === 'location') void this.letHoldGo();
    if (this.historyOn && step !== 'loading' && step !== 'failed') {
      if (options.history !== 'none') this.history.record(step, options.history === 'replace');
      // The manage page's own title already says what it is.
      this.history.title(step === 'manage' ? '' : this.headingOf(step, true));
    }
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

  /** How long the appointment takes, extra time included. */
  get minutes(): number {
    const base = durationMinutes(
      this.items.map((i) => ({ service: this.services.find((s) => s.slug === i.service)!, persons: i.persons })),
    );
    return base + extraMinutes(base, this.needs());
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

  get steps(): Step[] {
    return this.locations.length === 1 ? ONE_PLACE_STEPS : BOOKING_STEPS;
  }

  /** The step Back leads to from `step` in this municipality's booking. */
  stepBefore(step: Step): Step {
    const steps = this.steps;
    return steps[Math.max(0, steps.indexOf(step) - 1)]!;
  }

  submitServices(event: Event) {
    event.preventDefault();
    const errors: FieldError[] = [];
    if (this.chosen.size === 0) errors.push({ field: 'services', message: this.t.chooseService });
    const d = this.details;
    if (d.interpreter && d.interpreterLanguage.trim().length < 2)
      errors.push({ field: 'interpreterLanguage', message: this.t.interpreterMissing });
    if (errors.length > 0) return this.showErrors(errors);
    const offering = this.offeringLocations;
    if (!this.location || !offering.some((l) => l.slug === this.location))
      this.location = offering.length === 1 ? offering[0]!.slug : undefined;
    if (this.steps.includes('location')) return this.go('location');
    void this.loadDays();
  }

  submitLocation(event: Event) {
    event.preventDefault();
    if (!this.location) return this.showErrors([{ field: 'location', message: this.t.chooseLocation }]);
    void this.loadDays();
  }

  /** Four weeks of free times from `from` (or today); later weeks are added to the list. */
  async fetchDays(from?: string) {
    const answer = await this.api.availability(this.location!, this.items, this.needs(), from);
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
      if (!from) this.today = answer.days[0]?.date;
      // The first day with a time is chosen at once: its times are right there.
      const first = answer.days.find((d) => this.freeCount(d) > 0)?.date;
      this.day = first;
      this.timeFocus = undefined;
      this.week = mondayOf(first ?? answer.days[0]!.date);
      if (from) this.refresh(first ? `day-${first}` : 'week-heading');
      else if (this.step === 'manage') this.refresh('move-heading');
      else this.go('time');
    } catch (error) {
      this.busy = false;
      this.fail(error, this.step === 'location' || this.step === 'services' ? this.step : undefined);
    }
  }

  freeCount(day: Availability['days'][number]) {
    return day.open ? day.slots.filter((s) => s.available > 0).length : 0;
  }

  /** Shows a day's times right under the week (focus stays where the resident is, or goes to `focus`). */
  chooseDay(date: string, focus?: string) {
    this.day = date;
    this.week = mondayOf(date);
    this.timeFocus = undefined;
    this.alert = undefined;
    this.refresh(focus);
  }

  rememberTime(start: string) {
    this.timeFocus = start;
  }

  /** Shows the week from `monday`, fetching it first when it is later than what is known. */
  async chooseWeek(monday: string, focus: string) {
    if (this.busy || !this.availability) return;
    if (addDays(monday, 6) > this.periodEnd!) {
      this.busy = true;
      this.requestUpdate();
      try {
        await this.fetchDays(addDays(this.periodEnd!, 1));
      } catch (error) {
        this.busy = false;
        return this.fail(error);
      }
      this.busy = false;
    }
    this.week = monday;
    const first = this.availability.days.find((d) => mondayOf(d.date) === monday && this.freeCount(d) > 0);
    this.day = first?.date;
    this.timeFocus = undefined;
    this.refresh(focus);
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
      this.holdMinutes = Math.max(1, Math.round(this.secondsLeft() / 60));
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
      void this.updateComplete.then(() => this.keepFocusInSight());
    }
    this.requestUpdate();
  }

  /** The notice at the bottom of the screen must not cover the field the resident is in (WCAG 2.4.11). */
  keepFocusInSight() {
    const notice = this.renderRoot.querySelector('#hold-notice')?.getBoundingClientRect();
    const focused = (this.renderRoot as ShadowRoot).activeElement?.getBoundingClientRect();
    if (notice && focused && focused.bottom > notice.top) window.scrollBy(0, focused.bottom - notice.top + 16);
  }

  async extendHold() {
    if (!this.hold) return;
    // Focus goes back to where the resident was typing, not to the top.
    const back = this.step === 'check' ? 'confirm' : this.lastField;
    try {
      this.hold = await this.api.extendHold(this.hold.holdId);
      this.holdNotice = 'extended';
      this.announcement = this.t.extended({ until: timeOf(this.hold.expiresAt, this.language, this.zone) });
      this.refresh(back);
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

  restart(history: 'push' | 'replace' = 'push') {
    this.booked = undefined;
    this.chosen.clear();
    this.availability = undefined;
    this.day = undefined;
    this.go('services', { history });
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

  /** The step's heading (with "Stap 3 van 5: " for the page's title). */
  headingOf(step: Step, numbered = false): string {
    const t = this.t;
    const title: Record<Step, string> = {
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
    const number = this.steps.indexOf(step) + 1;
    return numbered && number > 0
      ? `${t.stepOf({ step: number, total: this.steps.length })}: ${title[step]}`
      : title[step];
  }

  override render() {
    const t = this.t;
    const steps = this.steps;
    const stepNumber = steps.indexOf(this.step) + 1;
    return html`
      <section lang=${this.language} aria-labelledby="heading" aria-busy=${this.busy ? 'true' : 'false'}>
        <h2 id="heading" tabindex="-1">${
          stepNumber > 0
            ? html`<span class="progress">${t.stepOf({ step: stepNumber, total: steps.length })}</span> `
            : nothing
        }${this.headingOf(this.step)}</h2>
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
        ${renderErrorSummary(this)}
        ${renderAlert(this)}
        ${this.renderStep()}
        ${renderHoldNotice(this)}
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
