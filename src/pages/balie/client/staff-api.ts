// The staff page's calls to the staff API: the session cookie goes along by itself (same origin), the CSRF token
// with every change.

export type Session = {
  user: { id: string; email: string; name: string; role: string; municipalities: string[]; locations: string[] };
  csrfToken: string;
  secondFactor: 'on' | 'off' | 'setup_required';
};

export type Entry = {
  id: string;
  kind: 'appointment' | 'block';
  location: string;
  counter: string;
  start: string;
  end: string;
  status?: string;
  reference?: string;
  items?: { service: string; name: string; persons: number }[];
  name?: string;
  email?: string;
  phone?: string;
  needs?: { extraTime?: boolean; stepFree?: boolean; interpreter?: string };
  channel?: string;
  reason?: string;
  mailFailed?: boolean;
  next?: string[];
  back?: string;
};

export type Day = {
  location: string;
  name: string;
  date: string;
  timezone: string;
  counters: { slug: string; name: string; online: boolean; stepFree: boolean; entries: Entry[]; nextFree: string[] }[];
  counts: Record<string, number>;
};

/** A problem the API answered: its status, code and the words to show. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    /** Field by field, what is wrong (a 400 or 422). */
    readonly errors: { field: string; message: string }[] = [],
    /** The references of the appointments in the way (a 409 of a staff change). */
    readonly appointments: string[] = [],
  ) {
    super(detail);
  }
}

/** What to show of a failure: the problem's words and each field's, or a plain "that did not work". */
export const problemText = (error: unknown, fallback: string) =>
  error instanceof Problem ? [error.detail, ...error.errors.map((e) => e.message)].join(' ') : fallback;

export class StaffApi {
  csrf = '';

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': 'nl' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new Problem(0, 'network', 'Geen verbinding met de server. Controleer het netwerk en probeer het opnieuw.');
    }
    if (response.status === 204) return undefined as T;
    const json = await response.json().catch(() => ({}));
    if (!response.ok)
      throw new Problem(
        response.status,
        json.code ?? 'unknown',
        json.detail ?? 'Dat lukte niet.',
        json.errors ?? [],
        json.appointments ?? [],
      );
    return json as T;
  }
}
