import type { Texts } from './nl.js';

type Params = Record<string, string | number>;
const list = (items: string | number | undefined) => String(items ?? '');

export const en: Texts = {
  problems: {
    route_not_found: { title: 'Page not found', detail: (p) => `The address ${p.path} does not exist. See the API documentation at /docs for the addresses there are.` },
    method_not_allowed: { title: 'This is not possible at this address', detail: (p) => `You cannot use ${p.method} on ${p.path}. This address accepts: ${p.allowed}.` },
    malformed_json: { title: 'We cannot read the data', detail: () => 'The data you sent is not valid JSON. Check the format and try again.' },
    empty_body: { title: 'There is no data', detail: () => 'You did not send any data. Send the data as JSON and try again.' },
    body_too_large: { title: 'Too much data', detail: (p) => `You sent more than ${p.limit} bytes. Send less data and try again.` },
    unsupported_media_type: { title: 'Wrong kind of data', detail: (p) => `We only read JSON (application/json), not ${p.contentType}. Send the data as JSON.` },
    invalid_request: { title: 'Not everything is filled in correctly', detail: () => 'One or more values are not right. See what is wrong with each field, correct it and try again.' },
    internal_error: { title: 'Something went wrong on our side', detail: (p) => `This is our fault, not yours. Please try again in a few minutes. Still not working? Call the municipality and mention code ${p.requestId}.` },
    too_many_requests: { title: 'A little too much at once', detail: () => 'You made many requests in a short time. Please wait a moment and try again.' },
    not_ready: { title: 'Briefly unavailable', detail: () => 'The appointment service cannot be reached right now. Please try again in a few minutes.' },
    municipality_not_found: { title: 'Municipality not found', detail: (p) => `We do not know a municipality "${p.slug}". You can choose from: ${list(p.known)}.` },
    location_not_found: { title: 'Location not found', detail: (p) => `We do not know a location "${p.slug}". Get the list of locations at /api/v1/locations.` },
    location_not_in_municipality: { title: 'Location belongs to another municipality', detail: (p) => `Location "${p.location}" does not belong to municipality "${p.municipality}". Choose a location of this municipality.` },
    service_not_found: { title: 'Service not found', detail: (p) => `We do not know a service "${p.slug}" in this municipality. Get the list of services at /api/v1/services.` },
    service_not_offered: { title: 'Not at this location', detail: (p) => `"${p.service}" is not possible at ${p.location}. ${p.elsewhere ? `You can at: ${p.elsewhere}.` : 'Call the municipality and we will find a solution together.'}` },
    too_many_persons: { title: 'Too many persons', detail: (p) => `"${p.service}" allows at most ${p.max} persons in one appointment. Make a second appointment for the others.` },
    service_twice: { title: 'Service chosen twice', detail: (p) => `You chose "${p.service}" twice. Choose each service once and give the number of persons.` },
    not_combinable: { title: 'Not in one appointment', detail: (p) => `You cannot arrange "${p.service}" and "${p.other}" in one appointment. Make two appointments.` },
    items_malformed: { title: 'Cannot read the services', detail: () => 'Name the services like this: paspoort:2,rijbewijs:1 (service, colon, number of persons).' },
    range_reversed: { title: 'Dates the wrong way round', detail: () => 'The end date is before the start date. Swap them and try again.' },
    range_too_long: { title: 'Period too long', detail: (p) => `Ask for at most ${p.max} days at a time. Choose a shorter period.` },
  },
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  days: {
    past: () => 'This day has already passed.',
    beyondHorizon: (p: Params) => `You cannot book this far ahead yet. You can book up to and including ${p.lastDate}.`,
    notOpen: (p: Params) => `The counter here is closed on ${p.weekday}.`,
    fullyBooked: () => 'There are no free times left on this day.',
  },
  fields: {
    required: () => 'Please fill this in.',
    invalid_type: (p: Params) => `This must be ${p.expected === 'number' ? 'a number' : 'text'}.`,
    too_small: (p: Params) => (p.origin === 'string' ? `Use at least ${p.minimum} characters.` : `This must be ${p.minimum} or more.`),
    too_big: (p: Params) => (p.origin === 'string' ? `Use at most ${p.maximum} characters.` : `This may be at most ${p.maximum}.`),
    invalid_value: (p: Params) => `Choose one of: ${p.options}.`,
    invalid_format: (p: Params) => `This is not a valid ${p.format === 'date' ? 'date (YYYY-MM-DD)' : p.format === 'datetime' ? 'time (for example 2026-12-01T09:00:00+01:00)' : p.format === 'email' ? 'e-mail address' : 'value'}.`,
    unrecognized_keys: (p: Params) => `We do not know this field: ${p.keys}. Leave it out.`,
    invalid: () => 'This value is not right.',
  },
  accessibility: {
    'step-free': 'No steps or thresholds (wheelchair)',
    'hearing-loop': 'Hearing loop',
    'accessible-toilet': 'Accessible toilet',
    'disabled-parking': 'Disabled parking space',
    'guide-dogs': 'Assistance dogs welcome',
    'quiet-room': 'Quiet room for a conversation',
  },
};
