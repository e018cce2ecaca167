import type { Session, StaffApi } from './staff-api.js';

/** What the page's forms need of the page (the page is one, but a form does not know it). */
export type PageHost = {
  api: StaffApi;
  session?: Session | undefined;
  location: string;
  date: string;
  message: string;
  error: string;
  loadDay: () => Promise<void>;
  requestUpdate: () => void;
  updateComplete: Promise<boolean>;
  querySelector: <E extends Element = Element>(selector: string) => E | null;
};
