// The widget's calls to the Balie API (shared/DESIGN.md, "Public API"). No cookies; the manage token only ever
// travels in the Authorization header.

export type Service = {
  slug: string; name: string; description: string; minutesPerPerson: number; fixedMinutes: number; maxPersons: number;
  bring: string[]; locations: string[]; combinableWith: string[];
};
export type Location = {
  slug: string; name: string; municipality: string; address: { street: string; postalCode: string; city: string };
  accessibility: { code: string; label: string }[]; services: string[];
};
export type Municipality = { slug: string; name: string; phone: string; website: string };
export type Slot = { start: string; end: string; available: number };
export type Day = { date: string; open: boolean; reason?: string; slots: Slot[] };
export type Availability = { location: string; timezone: string; durationMinutes: number; days: Day[] };
export type Hold = { holdId: string; expiresAt: string; location: string; start: string; end: string };
export type Item = { service: string; persons: number };
export type Needs = { extraTime?: boolean; stepFree?: boolean; interpreter?: string };
export type Appointment = {
  reference: string; status: string; start: string; end: string; municipality: string; location: string; locationName: string;
  address: { street: string; postalCode: string; city: string }; items: { service: string; persons: number; name: string }[];
  bring: string[]; email: string; canCancel: boolean; canGiveFeedback: boolean; manageUrl: string; calendarUrl: string; manageToken?: string;
};
export type Alternative = { start: string; end: string; location: string };
export type Problem = { status: number; code?: string; title?: string; detail?: string; errors?: { field: string; message: string }[]; alternatives?: Alternative[] };

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

export class Api {
  constructor(private readonly base: string, private readonly language: string) {}

  private async call<T>(method: string, path: string, options: { body?: unknown; token?: string; key?: string; keepalive?: boolean } = {}): Promise<T> {
    const headers: Record<string, string> = { 'accept-language': this.language, accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.key) headers['idempotency-key'] = options.key;
    let response: Response;
    try {
      response = await fetch(new URL(path, this.base), { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), credentials: 'omit', cache: 'no-cache', keepalive: options.keepalive });
    } catch {
      throw new ApiError({ status: 0 });
    }
    if (response.status === 204) return undefined as T;
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new ApiError({ ...body, status: response.status });
    return body as T;
  }

  municipalities = () => this.call<Municipality[]>('GET', '/api/v1/municipalities');
  services = (municipality: string) => this.call<Service[]>('GET', `/api/v1/services?municipality=${encodeURIComponent(municipality)}`);
  locations = (municipality: string) => this.call<Location[]>('GET', `/api/v1/locations?municipality=${encodeURIComponent(municipality)}`);
  /** Four weeks from `from`, or from today as the service sees it. */
  availability = (location: string, items: Item[], from?: string) =>
    this.call<Availability>('GET', `/api/v1/availability?location=${encodeURIComponent(location)}&items=${items.map((i) => `${i.service}:${i.persons}`).join(',')}${from ? `&from=${from}` : ''}`);
  hold = (location: string, items: Item[], start: string, needs: Needs) => this.call<Hold>('POST', '/api/v1/holds', { body: { location, items, start, needs } });
  extendHold = (holdId: string) => this.call<Hold>('POST', `/api/v1/holds/${holdId}/extend`);
  /** `keepalive` lets the request outlive the page (the resident leaves it). */
  releaseHold = (holdId: string, keepalive = false) => this.call<void>('DELETE', `/api/v1/holds/${holdId}`, { keepalive });
  book = (body: Record<string, unknown>, key: string) => this.call<Appointment>('POST', '/api/v1/appointments', { body, key });
  appointment = (reference: string, token: string) => this.call<Appointment>('GET', `/api/v1/appointments/${encodeURIComponent(reference)}`, { token });
  reschedule = (reference: string, token: string, start: string) => this.call<Appointment>('POST', `/api/v1/appointments/${encodeURIComponent(reference)}/reschedule`, { token, body: { start } });
  feedback = (reference: string, token: string, score: number, comment: string) =>
    this.call<unknown>('POST', `/api/v1/appointments/${encodeURIComponent(reference)}/feedback`, { token, body: { score, ...(comment && { comment }) } });
  cancel = (reference: string, token: string) => this.call<Appointment>('POST', `/api/v1/appointments/${encodeURIComponent(reference)}/cancel`, { token });
}
