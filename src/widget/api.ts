// The widget's calls to the Balie API (shared/DESIGN.md, "Public API"). No cookies; the manage token only ever
// travels in the Authorization header.

// Types only (erased from the bundle): the shapes are the server's own zod schemas, the ones the OpenAPI
// document is made from, so the widget cannot drift from the API.
import type { z } from 'zod';
import type { AvailabilitySchema } from '../availability/schemas.js';
import type { AppointmentSchema, BookedSchema, HoldSchema, ItemSchema, NeedsSchema } from '../booking/schemas.js';
import type { LocationSchema, MunicipalitySchema, ServiceSchema } from '../catalogue/schemas.js';
import type { AlternativeSchema, ProblemSchema } from '../platform/http/problem-schema.js';

export type Service = z.output<typeof ServiceSchema>;
export type Location = z.output<typeof LocationSchema>;
export type Municipality = z.output<typeof MunicipalitySchema>;
export type Availability = z.output<typeof AvailabilitySchema>;
export type Hold = z.output<typeof HoldSchema>;
export type Item = z.output<typeof ItemSchema>;
export type Needs = z.input<typeof NeedsSchema>;
export type Appointment = z.output<typeof AppointmentSchema> &
  Partial<Pick<z.output<typeof BookedSchema>, 'manageToken'>>;
export type Alternative = z.output<typeof AlternativeSchema>;
export type Problem = Partial<z.output<typeof ProblemSchema>> & { status: number };

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

export class Api {
  /**
   * This visit's client id for holds (X-Balie-Client): random, in memory only, gone with the page. One visit keeps at
   * most two times at once; residents behind one shared address each have their own.
   */
  private readonly client = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

  constructor(
    private readonly base: string,
    private readonly language: string,
  ) {}

  private async call<T>(
    method: string,
    path: string,
    options: {
      body?: unknown;
      token?: string;
      key?: string;
      keepalive?: boolean;
      file?: boolean;
      altcha?: string;
      client?: boolean;
    } = {},
  ): Promise<T> {
    const accept = options.file ? 'text/calendar' : 'application/json';
    const headers: Record<string, string> = { 'accept-language': this.language, accept };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.key) headers['idempotency-key'] = options.key;
    if (options.altcha) headers['x-altcha'] = options.altcha;
    if (options.client) headers['x-balie-client'] = this.client;
    let response: Response;
    try {
      response = await fetch(new URL(path, this.base), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: 'omit',
        cache: 'no-cache',
        keepalive: options.keepalive,
      });
    } catch {
      throw new ApiError({ status: 0 });
    }
    if (response.status === 204) return undefined as T;
    if (options.file && response.ok) return (await response.blob()) as T;
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new ApiError({ ...body, status: response.status });
    return body as T;
  }

  municipalities = () => this.call<Municipality[]>('GET', '/api/v1/municipalities');
  services = (municipality: string) =>
    this.call<Service[]>('GET', `/api/v1/services?municipality=${encodeURIComponent(municipality)}`);
  locations = (municipality: string) =>
    this.call<Location[]>('GET', `/api/v1/locations?municipality=${encodeURIComponent(municipality)}`);
  /** Four weeks from `from`, or from today as the service sees it. */
  /** `needs` that change which times fit (more time, a step-free counter) are asked for too. */
  availability = (location: string, items: Item[], needs: Needs, from?: string) => {
    const wanted = items.map((i) => `${i.service}:${i.persons}`).join(',');
    const fit = [needs.extraTime && 'extra-time', needs.stepFree && 'step-free'].filter(Boolean).join(',');
    const query =
      `location=${encodeURIComponent(location)}&items=${wanted}` +
      `${fit ? `&needs=${fit}` : ''}${from ? `&from=${from}` : ''}`;
    return this.call<Availability>('GET', `/api/v1/availability?${query}`);
  };
  hold = (location: string, items: Item[], start: string, needs: Needs, altcha: string) =>
    this.call<Hold>('POST', '/api/v1/holds', { body: { location, items, start, needs }, altcha, client: true });
  captcha = () =>
    this.call<{ algorithm: string; challenge: string; maxnumber?: number; salt: string; signature: string }>(
      'GET',
      '/api/v1/captcha',
    );
  extendHold = (holdId: string) => this.call<Hold>('POST', `/api/v1/holds/${holdId}/extend`);
  /** `keepalive` lets the request outlive the page (the resident leaves it). */
  releaseHold = (holdId: string, keepalive = false) =>
    this.call<void>('DELETE', `/api/v1/holds/${holdId}`, { keepalive });
  book = (body: Record<string, unknown>, key: string) =>
    this.call<Appointment>('POST', '/api/v1/appointments', { body, key });
  appointment = (reference: string, token: string) =>
    this.call<Appointment>('GET', `/api/v1/appointments/${encodeURIComponent(reference)}`, { token });
  reschedule = (reference: string, token: string, start: string) =>
    this.call<Appointment>('POST', `/api/v1/appointments/${encodeURIComponent(reference)}/reschedule`, {
      token,
      body: { start },
    });
  feedback = (reference: string, token: string, score: number, comment: string) =>
    this.call<unknown>('POST', `/api/v1/appointments/${encodeURIComponent(reference)}/feedback`, {
      token,
      body: { score, ...(comment && { comment }) },
    });
  cancel = (reference: string, token: string) =>
    this.call<Appointment>('POST', `/api/v1/appointments/${encodeURIComponent(reference)}/cancel`, { token });
  /** The calendar file, asked for with the token in the header (never in an address). */
  calendarFile = (reference: string, token: string) =>
    this.call<Blob>('GET', `/api/v1/appointments/${encodeURIComponent(reference)}/calendar.ics`, { token, file: true });
  sendLink = (reference: string, email: string) =>
    this.call<{ message: string }>('POST', `/api/v1/appointments/${encodeURIComponent(reference)}/send-link`, {
      body: { email },
    });
}
