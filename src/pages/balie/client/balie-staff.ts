import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { renderBlockForm } from './block-form.js';
import { renderBookForm } from './book-form.js';
import { renderClosureForm } from './closure-form.js';
import { renderCountersEditor } from './counters-editor.js';
import { renderHoursEditor } from './hours-editor.js';
import { m } from './manage-words.js';
import { type Day, type Entry, Problem, type Session, StaffApi } from './staff-api.js';
import { backWords, entrySentence, statusWords, stepWords, w } from './words.js';

const REFERENCE = /^[A-Z0-9]{3}-[A-Z0-9]{3}$/i;

/** Today in the location's zone (Europe/Amsterdam for both municipalities), as YYYY-MM-DD. */
const today = (zone = 'Europe/Amsterdam') => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());

/**
 * The staff page (`/balie/`): log in, the day of a location per counter, one button per step, find (or scan) an
 * appointment, book for a caller or a walk-in and print the confirmation. Changes by colleagues arrive over the
 * event stream and the day is read again. Light DOM, so the NL Design System's (Utrecht) CSS applies as it is.
 */
export class BalieStaff extends LitElement {
  static override properties = {
    session: { state: true },
    day: { state: true },
    view: { state: true },
    message: { state: true },
    error: { state: true },
    found: { state: true },
    tab: { state: true },
  };

  readonly api = new StaffApi();
  // Reactive (static properties): declared, not initialised as class fields, which would hide lit's accessors.
  declare session?: Session;
  declare day?: Day;
  declare view: 'loading' | 'login' | 'setup' | 'recovery' | 'day';
  /** Said by the status region (role=status): what just happened. */
  declare message: string;
  /** Said by the alert region (role=alert): what went wrong and what to do. */
  declare error: string;
  declare found?: Entry[];
  /** The day at the counter, or (location managers and admins) the hours, counters and closures. */
  declare tab: 'day' | 'manage';
  needCode = false;
  secret?: { secret: string; otpauthUrl: string };
  recoveryCodes: string[] = [];
  location = '';
  date = today();
  private events?: EventSource;
  private reload?: number;

  constructor() {
    super();
    this.view = 'loading';
    this.tab = 'day';
    this.message = '';
    this.error = '';
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    // The page's "loading" words go once the page itself draws.
    this.replaceChildren();
    super.connectedCallback();
    void this.start();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.events?.close();
  }

  private async start() {
    try {
      this.loggedIn(await this.api.call<Session>('GET', '/api/v1/staff/session'));
    } catch {
      this.view = 'login';
    }
  }

  private loggedIn(session: Session) {
    this.session = session;
    this.api.csrf = session.csrfToken;
    if (session.secondFactor === 'setup_required') {
      this.view = 'setup';
      void this.startSetup();
      return;
    }
    // A counter PC stays at one location: the last one chosen here, else the account's first.
    const last = localStorage.getItem('balie.location') ?? '';
    this.location = this.location || (session.user.locations.includes(last) ? last : session.user.locations[0]) || '';
    this.view = 'day';
    void this.loadDay().then(() => this.focusHeading());
    this.listen();
  }

  private fail(error: unknown) {
    if (error instanceof Problem && error.status === 401 && this.view === 'day') {
      this.events?.close();
      this.view = 'login';
      this.error = w.sessionEnded;
      return;
    }
    this.error = error instanceof Problem ? error.detail : w.error;
  }

  private async focusHeading() {
    await this.updateComplete;
    this.querySelector<HTMLElement>('h1')?.focus();
  }

  // ---- logging in

  private async logIn(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.error = '';
    try {
      this.loggedIn(
        await this.api.call<Session>('POST', '/api/v1/staff/session', {
          email: form.get('email'),
          password: form.get('password'),
          ...(form.get('code') ? { code: form.get('code') } : {}),
        }),
      );
    } catch (error) {
      if (error instanceof Problem && error.code === 'second_factor_required') {
        this.needCode = true;
        this.requestUpdate();
        await this.updateComplete;
        this.querySelector<HTMLInputElement>('#code')?.focus();
      }
      this.fail(error);
    }
  }

  private async startSetup() {
    try {
      this.secret = await this.api.call('POST', '/api/v1/staff/session/second-factor');
      this.requestUpdate();
      void this.focusHeading();
    } catch (error) {
      this.fail(error);
    }
  }

  private async confirmSetup(event: SubmitEvent) {
    event.preventDefault();
    const code = new FormData(event.target as HTMLFormElement).get('code');
    try {
      const { recoveryCodes } = await this.api.call<{ recoveryCodes: string[] }>(
        'POST',
        '/api/v1/staff/session/second-factor/confirm',
        { code },
      );
      this.recoveryCodes = recoveryCodes;
      this.error = '';
      this.view = 'recovery';
      void this.focusHeading();
    } catch (error) {
      this.fail(error);
    }
  }

  private async logOut() {
    this.events?.close();
    await this.api.call('DELETE', '/api/v1/staff/session').catch(() => undefined);
    this.session = undefined;
    this.day = undefined;
    this.view = 'login';
    this.message = '';
    void this.focusHeading();
  }

  // ---- the day

  async loadDay() {
    try {
      this.day = await this.api.call<Day>(
        'GET',
        `/api/v1/staff/locations/${this.location}/day?date=${encodeURIComponent(this.date)}`,
      );
    } catch (error) {
      this.fail(error);
    }
  }

  /** The event stream of the location: a change on the day shown reads the day again (once per burst). */
  private listen() {
    this.events?.close();
    if (!this.location) return;
    this.events = new EventSource(`/api/v1/staff/locations/${this.location}/events`);
    this.events.addEventListener('change', (event) => {
      const { date } = JSON.parse((event as MessageEvent).data) as { date: string };
      if (date !== this.date) return;
      window.clearTimeout(this.reload);
      this.reload = window.setTimeout(() => void this.loadDay(), 150);
    });
    this.events.addEventListener('session-ended', () => {
      this.events?.close();
      this.view = 'login';
      this.error = w.sessionEnded;
    });
  }

  private choose(event: Event) {
    const form = (event.target as HTMLElement).closest('form')!;
    const data = new FormData(form);
    const location = String(data.get('location') ?? this.location);
    const date = String(data.get('date') || today());
    const moved = location !== this.location;
    this.location = location;
    localStorage.setItem('balie.location', location);
    this.date = date;
    void this.loadDay();
    if (moved) this.listen();
  }

  private async step(entry: Entry, status: string) {
    this.error = '';
    try {
      const changed = await this.api.call<Entry>('POST', `/api/v1/staff/appointments/${entry.reference}/status`, {
        status,
      });
      this.message = w.changed(entry.reference!, statusWords[changed.status!] ?? changed.status!);
      await this.loadDay();
      await this.updateComplete;
      this.querySelector<HTMLElement>(`#entry-${entry.id}`)?.focus();
    } catch (error) {
      this.fail(error);
      await this.loadDay();
    }
  }

  /** Find, or check in by scan: a hand scanner types the reference of the QR code and Enter. */
  private async find(event: SubmitEvent) {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('input')!;
    const q = input.value.trim();
    if (q.length < 2) return;
    this.error = '';
    try {
      const { appointments } = await this.api.call<{ appointments: Entry[] }>(
        'GET',
        `/api/v1/staff/appointments?q=${encodeURIComponent(q)}&location=${this.location}`,
      );
      const scanned =
        REFERENCE.test(q) && appointments.length === 1 && appointments[0]!.status === 'booked'
          ? appointments[0]!
          : undefined;
      if (scanned && scanned.start.slice(0, 10) === today()) {
        await this.api.call('POST', `/api/v1/staff/appointments/${scanned.reference}/status`, { status: 'checked_in' });
        this.message = w.checkedInByScan(scanned.reference!, scanned.name ?? '');
        this.found = undefined;
        input.value = '';
        await this.loadDay();
        return;
      }
      this.found = appointments;
      this.message = w.found(appointments.length);
    } catch (error) {
      this.fail(error);
    }
  }

  // ---- rendering

  override render() {
    return html`
      <div role="status" class="balie-status">${this.message}</div>
      ${
        this.error
          ? html`<div role="alert" class="utrecht-alert utrecht-alert--error balie-alert">
            <p class="utrecht-paragraph">${this.error}</p>
          </div>`
          : html`<div role="alert" class="balie-alert-empty"></div>`
      }
      ${this.view === 'loading' ? nothing : this.renderView()}
    `;
  }

  private renderView(): TemplateResult {
    switch (this.view) {
      case 'login':
        return this.renderLogin();
      case 'setup':
        return this.renderSetup();
      case 'recovery':
        return this.renderRecovery();
      default:
        return this.renderDay();
    }
  }

  private field(id: string, label: string, input: TemplateResult) {
    return html`<div class="utrecht-form-field utrecht-form-field--text">
      <div class="utrecht-form-field__label"><label class="utrecht-form-label" for=${id}>${label}</label></div>
      <div class="utrecht-form-field__input">${input}</div>
    </div>`;
  }

  private renderLogin() {
    return html`<h1 class="utrecht-heading-1" tabindex="-1">${w.login}</h1>
      <form class="balie-form" @submit=${(e: SubmitEvent) => this.logIn(e)}>
        ${this.field(
          'email',
          w.email,
          html`<input class="utrecht-textbox" id="email" name="email" type="email" autocomplete="username" required />`,
        )}
        ${this.field(
          'password',
          w.password,
          html`<input
            class="utrecht-textbox"
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />`,
        )}
        ${
          this.needCode
            ? this.field(
                'code',
                w.code,
                html`<input class="utrecht-textbox" id="code" name="code" autocomplete="one-time-code" required />`,
              )
            : nothing
        }
        <button class="utrecht-button utrecht-button--primary-action" type="submit">${w.logIn}</button>
      </form>`;
  }

  private renderSetup() {
    return html`<h1 class="utrecht-heading-1" tabindex="-1">${w.setupTitle}</h1>
      <p class="utrecht-paragraph">${w.setupIntro}</p>
      ${
        this.secret
          ? html`<p class="utrecht-paragraph">${w.secret}: <code class="balie-secret">${this.secret.secret}</code></p>`
          : nothing
      }
      <form class="balie-form" @submit=${(e: SubmitEvent) => this.confirmSetup(e)}>
        ${this.field(
          'setup-code',
          w.code,
          html`<input class="utrecht-textbox" id="setup-code" name="code" autocomplete="one-time-code" required />`,
        )}
        <button class="utrecht-button utrecht-button--primary-action" type="submit">${w.confirm}</button>
      </form>`;
  }

  private renderRecovery() {
    return html`<h1 class="utrecht-heading-1" tabindex="-1">${w.recoveryTitle}</h1>
      <p class="utrecht-paragraph">${w.recoveryIntro}</p>
      <ul class="utrecht-unordered-list balie-codes">
        ${this.recoveryCodes.map((c) => html`<li><code>${c}</code></li>`)}
      </ul>
      <button
        class="utrecht-button utrecht-button--primary-action"
        type="button"
        @click=${() => this.loggedIn({ ...this.session!, secondFactor: 'on' })}
      >
        ${w.goOn}
      </button>`;
  }

  private renderDay() {
    const session = this.session!;
    const day = this.day;
    return html`<header class="balie-bar">
        <h1 class="utrecht-heading-1" tabindex="-1">${day ? `${day.name}, ${this.spokenDate()}` : w.title}</h1>
        <p class="utrecht-paragraph balie-who">
          ${session.user.name}
          <button class="utrecht-button utrecht-button--secondary-action" type="button" @click=${() => this.logOut()}>
            ${w.logOut}
          </button>
        </p>
      </header>
      ${this.renderTabs()}
      <form class="balie-choose" @change=${(e: Event) => this.choose(e)} @submit=${(e: Event) => e.preventDefault()}>
        ${this.field(
          'location',
          w.location,
          html`<select class="utrecht-select" id="location" name="location">
            ${session.user.locations.map(
              (l) => html`<option value=${l} ?selected=${l === this.location}>${l}</option>`,
            )}
          </select>`,
        )}
        ${this.field(
          'date',
          w.date,
          html`<input class="utrecht-textbox" id="date" name="date" type="date" .value=${this.date} />`,
        )}
        <button
          class="utrecht-button utrecht-button--secondary-action"
          type="button"
          @click=${() => {
            this.date = today();
            void this.loadDay();
          }}
        >
          ${w.today}
        </button>
      </form>
      <form class="balie-find" role="search" @submit=${(e: SubmitEvent) => this.find(e)}>
        ${this.field(
          'find',
          w.find,
          html`<input class="utrecht-textbox" id="find" name="q" type="search" autocomplete="off" />`,
        )}
        <button class="utrecht-button utrecht-button--secondary-action" type="submit">${w.findButton}</button>
      </form>
      ${
        this.tab === 'manage'
          ? html`${renderHoursEditor(this)} ${renderCountersEditor(this)} ${renderClosureForm(this, day)}`
          : html`${this.found ? this.renderFound(this.found) : nothing}
            ${day ? this.renderCounters(day) : nothing} ${renderBookForm(this)}`
      }`;
  }

  /** Location managers and admins switch between the day and the management of the location. */
  private renderTabs() {
    if (!['location_manager', 'admin'].includes(this.session!.user.role)) return nothing;
    const tab = (name: 'day' | 'manage', label: string) =>
      html`<button
        class="utrecht-button utrecht-button--${this.tab === name ? 'primary' : 'secondary'}-action"
        type="button"
        aria-current=${this.tab === name ? 'page' : nothing}
        @click=${() => {
          this.tab = name;
        }}
      >
        ${label}
      </button>`;
    return html`<nav class="balie-tabs" aria-label=${m.manageTab}>
      ${tab('day', m.dayTab)} ${tab('manage', m.manageTab)}
    </nav>`;
  }

  private spokenDate() {
    return new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(`${this.date}T12:00:00Z`),
    );
  }

  private renderFound(found: Entry[]) {
    return html`<section aria-labelledby="found-heading" class="balie-found">
      <h2 class="utrecht-heading-2" id="found-heading">${w.found(found.length)}</h2>
      <ul class="balie-entries">
        ${found.map((e) => html`<li>${e.start.slice(0, 10)}: ${entrySentence(e)}</li>`)}
      </ul>
    </section>`;
  }

  private renderCounters(day: Day) {
    const counts = Object.entries(day.counts)
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${n} ${statusWords[status] ?? status}`)
      .join(', ');
    return html`<p class="utrecht-paragraph balie-counts">${w.counts}: ${counts || w.noEntries}</p>
      <div class="balie-counters">
        ${day.counters.map(
          (counter) => html`<section class="balie-counter" aria-labelledby="counter-${counter.slug}">
            <h2 class="utrecht-heading-2" id="counter-${counter.slug}">${counter.name}</h2>
            ${
              counter.nextFree.length > 0
                ? html`<p class="utrecht-paragraph balie-next-free">
                  ${w.nextFree}: ${counter.nextFree.map((t) => t.slice(11, 16).replace(':', '.')).join(', ')}
                </p>`
                : nothing
            }
            ${renderBlockForm(this, counter, day.timezone)}
            ${
              counter.entries.length === 0
                ? html`<p class="utrecht-paragraph">${w.noEntries}</p>`
                : html`<ul class="balie-entries">
                  ${repeat(
                    counter.entries,
                    (e) => e.id,
                    (e) => this.renderEntry(e),
                  )}
                </ul>`
            }
          </section>`,
        )}
      </div>`;
  }

  private renderEntry(entry: Entry) {
    if (entry.kind === 'block')
      return html`<li class="balie-entry balie-entry--block">
        ${entry.start.slice(11, 16)}–${entry.end.slice(11, 16)} ${w.block}: ${entry.reason}
      </li>`;
    const needs = [
      entry.needs?.extraTime ? w.needsExtra : '',
      entry.needs?.stepFree ? w.needsStepFree : '',
      entry.needs?.interpreter ? w.needsInterpreter(entry.needs.interpreter) : '',
    ].filter(Boolean);
    const back = entry.back;
    const forward = entry.next ?? [];
    return html`<li class="balie-entry balie-entry--${entry.status}" id="entry-${entry.id}" tabindex="-1">
      <p class="balie-entry__sentence">
        ${entrySentence(entry)}${needs.length > 0 ? html`, <strong>${needs.join(', ')}</strong>` : nothing}
        ${entry.mailFailed ? html`, <strong class="balie-warning">${w.mailFailed}</strong>` : nothing}
      </p>
      <p class="balie-entry__actions">
        ${forward.map(
          (s) => html`<button
            class="utrecht-button utrecht-button--primary-action"
            type="button"
            aria-label="${stepWords[s]}: ${entry.reference}"
            @click=${() => this.step(entry, s)}
          >
            ${stepWords[s]}
          </button>`,
        )}
        ${
          back
            ? html`<button
              class="utrecht-button utrecht-button--subtle"
              type="button"
              aria-label="${backWords} (${statusWords[back]}): ${entry.reference}"
              @click=${() => this.step(entry, back)}
            >
              ${backWords}
            </button>`
            : nothing
        }
        ${
          entry.status === 'booked'
            ? html`<button
              class="utrecht-button utrecht-button--subtle"
              type="button"
              aria-label="${w.cancel}: ${entry.reference}"
              @click=${() => this.cancel(entry)}
            >
              ${w.cancel}
            </button>`
            : nothing
        }
      </p>
    </li>`;
  }

  /** Cancels for a caller, after a question the browser asks (a mis-click must not cost a resident the time). */
  private async cancel(entry: Entry) {
    if (!window.confirm(w.confirmCancel(entry.reference!, entry.name ?? ''))) return;
    this.error = '';
    try {
      await this.api.call('POST', `/api/v1/staff/appointments/${entry.reference}/cancel`, {});
      this.message = w.cancelled(entry.reference!);
      await this.loadDay();
    } catch (error) {
      this.fail(error);
    }
  }
}

customElements.define('balie-staff', BalieStaff);
