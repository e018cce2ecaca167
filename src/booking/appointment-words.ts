import type { Item } from '../catalogue/domain/items.js';
import type { LocationSnapshot } from '../catalogue/location-snapshots.js';
import type { Language } from '../texts/index.js';
import type { AppointmentItemRow, AppointmentWithItems } from './appointment-store.js';

// What the API, the calendar file and the e-mails all say about an appointment, said once.

export const serviceNames = (items: AppointmentItemRow[], language: Language) =>
  items.map((i) => (language === 'en' ? i.nameEn : i.nameNl));

/** "Paspoort aanvragen voor 2 personen" / "Apply for a passport for 1 person", one per item. */
export const itemLines = (items: AppointmentItemRow[], language: Language) =>
  items.map((i) => {
    const name = language === 'en' ? i.nameEn : i.nameNl;
    if (language === 'en') return `${name} for ${i.persons === 1 ? '1 person' : `${i.persons} people`}`;
    return `${name} voor ${i.persons === 1 ? '1 persoon' : `${i.persons} personen`}`;
  });

/** What to bring for all items together, each thing once. */
export const bringList = (items: AppointmentItemRow[], language: Language) => [
  ...new Set(items.flatMap((i) => (language === 'en' ? i.bringEn : i.bringNl))),
];

export const addressLine = (location: LocationSnapshot['location']) =>
  `${location.name}, ${location.street}, ${location.postalCode} ${location.city}`;

/** A stored appointment's items with their booking rules, for duration, alternatives and moves. */
export const itemsOf = (appointment: Pick<AppointmentWithItems, 'items'>, snapshot: LocationSnapshot): Item[] =>
  appointment.items.map((i) => ({ service: snapshot.services.find((s) => s.id === i.serviceId)!, persons: i.persons }));
