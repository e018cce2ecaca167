import type { WidgetTexts } from '../texts/widget.js';
import type {
  Alternative,
  Appointment,
  Availability,
  Hold,
  Item,
  Location,
  Municipality,
  Needs,
  Service,
} from './api.js';

export type Step =
  | 'loading'
  | 'failed'
  | 'services'
  | 'location'
  | 'time'
  | 'details'
  | 'check'
  | 'done'
  | 'manage'
  | 'cancel'
  | 'cancelled'
  | 'move-confirm';
export type FieldError = { field: string; message: string };
export type Details = {
  name: string;
  email: string;
  phone: string;
  extraTime: boolean;
  stepFree: boolean;
  interpreter: boolean;
  interpreterLanguage: string;
};
export type Alert = {
  kind: 'error' | 'warning' | 'info' | 'ok';
  title?: string;
  text: string;
  alternatives?: Alternative[];
};
type Day = Availability['days'][number];

/**
 * What the steps' templates (./views) read and call: the widget's state and its actions. The element implements it;
 * the views know this shape only, not the element.
 */
export interface WidgetHost {
  readonly t: WidgetTexts;
  readonly language: string;
  step: Step;
  readonly services: Service[];
  readonly locations: Location[];
  readonly municipalities: Municipality[];
  readonly chosen: Map<string, number>;
  location?: string | undefined;
  readonly availability?: Availability | undefined;
  readonly periodEnd?: string | undefined;
  readonly day?: string | undefined;
  readonly week?: string | undefined;
  readonly today?: string | undefined;
  readonly timeFocus?: string | undefined;
  readonly holdMinutes: number;
  readonly hold?: Hold | undefined;
  readonly holdNotice?: 'warning' | 'extended' | undefined;
  readonly details: Details;
  errors: FieldError[];
  readonly alert?: Alert | undefined;
  readonly booked?: Appointment | undefined;
  readonly moveTo?: string | undefined;
  readonly municipality: string;
  score: number;
  comment: string;
  readonly feedbackSent: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly items: Item[];
  readonly minutes: number;
  readonly offeringLocations: Location[];
  readonly zone: string;
  locationName(slug: string): string;
  freeCount(day: Day): number;
  secondsLeft(): number;
  go(step: Step, options?: { alert?: Alert; focus?: string | false; announce?: string }): void;
  refresh(focus?: string): void;
  requestUpdate(): void;
  loadDays(from?: string): Promise<void>;
  chooseDay(date: string, focus?: string): void;
  chooseWeek(monday: string, focus: string): Promise<void>;
  rememberTime(start: string): void;
  stepBefore(step: Step): Step;
  goBack(step: Step): void;
  needs(): Needs;
  chooseTime(start: string, location?: string): Promise<void>;
  chooseAlternative(alternative: Alternative): void;
  extendHold(): Promise<void>;
  submitServices(event: Event): void;
  submitLocation(event: Event): void;
  submitDetails(event: Event): void;
  confirm(): Promise<void>;
  restart(): void;
  sendFeedback(event: Event): Promise<void>;
  cancelAppointment(): Promise<void>;
  moveAppointment(): Promise<void>;
  toggleService(service: Service, on: boolean): void;
  setPersons(slug: string, persons: number): void;
  stopMoving(): void;
  addToCalendar(): Promise<void>;
  /** Manage mode without a working link: the address to send the link to again. */
  linkEmail: string;
  /** The last field of the details form the resident was in. */
  lastField: string;
  readonly linkSent?: string | undefined;
  sendLink(event: Event): Promise<void>;
}
