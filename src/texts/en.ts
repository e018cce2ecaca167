import type { Texts } from './nl.js';
import { spokenDate, spokenInstant, spokenMinutes } from './spoken.js';
import { staffFieldsEn, staffProblemsEn } from './staff-en.js';

type Params = Record<string, string | number>;
const list = (items: string | number | undefined) => String(items ?? '');

export const en: Texts = {
  problems: {
    ...staffProblemsEn,
    route_not_found: {
      title: 'Page not found',
      detail: (p) =>
        `The address ${p.path} does not exist. See the API documentation at /docs for the addresses there are.`,
    },
    method_not_allowed: {
      title: 'This is not possible at this address',
      detail: (p) => `You cannot use ${p.method} on ${p.path}. This address accepts: ${p.allowed}.`,
    },
    bad_request: {
      title: 'We cannot read this request',
      detail: () =>
        'The request that came in does not follow the rules of HTTP. Please try again from your municipality’s ' +
        'website.',
    },
    bad_url: {
      title: 'This address is not right',
      detail: () => 'The address has a character that is not allowed. Check the address and try again.',
    },
    uri_too_long: {
      title: 'This address is too long',
      detail: () => 'The address is longer than we can handle. Check the address and try again.',
    },
    headers_too_large: {
      title: 'Too much data in the request',
      detail: () => 'The request had more headers than we can handle. Clear the cookies for this site and try again.',
    },
    request_timeout: {
      title: 'The request took too long',
      detail: () => 'The request did not arrive in full in time. Please try again.',
    },
    malformed_json: {
      title: 'We cannot read the data',
      detail: () => 'The data you sent is not valid JSON. Check the format and try again.',
    },
    empty_body: {
      title: 'There is no data',
      detail: () => 'You did not send any data. Send the data as JSON and try again.',
    },
    body_too_large: {
      title: 'Too much data',
      detail: (p) => `You sent more than ${p.limit} bytes. Send less data and try again.`,
    },
    unsupported_media_type: {
      title: 'Wrong kind of data',
      detail: (p) => `We only read JSON (application/json), not ${p.contentType}. Send the data as JSON.`,
    },
    invalid_request: {
      title: 'Not everything is filled in correctly',
      detail: () => 'One or more values are not right. See what is wrong with each field, correct it and try again.',
    },
    internal_error: {
      title: 'Something went wrong on our side',
      detail: (p) =>
        `This is our fault, not yours. Please try again in a few minutes. Still not working? Call the municipality ` +
        `and mention code ${p.requestId}.`,
    },
    too_many_requests: {
      title: 'Too many requests',
      detail: () => 'You made many requests in a short time. Please wait a moment and try again.',
    },
    database_unavailable: {
      title: 'Briefly unavailable',
      detail: () =>
        'Because of a fault on our side we cannot do this right now. Please try again in a minute. Were you making ' +
        'an appointment? Then look in your e-mail first: if it was made, you get a confirmation.',
    },
    not_ready: {
      title: 'Briefly unavailable',
      detail: () => 'The appointment service cannot be reached right now. Please try again in a few minutes.',
    },
    municipality_not_found: {
      title: 'Municipality not found',
      detail: (p) => `We do not know a municipality "${p.slug}". You can choose from: ${list(p.known)}.`,
    },
    location_not_found: {
      title: 'Location not found',
      detail: (p) => `We do not know a location "${p.slug}". Get the list of locations at /api/v1/locations.`,
    },
    location_not_in_municipality: {
      title: 'Location belongs to another municipality',
      detail: (p) =>
        `Location "${p.location}" does not belong to municipality "${p.municipality}". Choose a location of this ` +
        `municipality.`,
    },
    service_not_found: {
      title: 'Service not found',
      detail: (p) =>
        `We do not know a service "${p.slug}" in this municipality. Get the list of services at /api/v1/services.`,
    },
    service_not_offered: {
      title: 'Not at this location',
      detail: (p) =>
        `"${p.service}" is not possible at ${p.location}. ` +
        (p.elsewhere ? `You can at: ${p.elsewhere}.` : 'Call the municipality and we will find a solution together.'),
    },
    too_many_persons: {
      title: 'Too many persons',
      detail: (p) =>
        `"${p.service}" allows at most ${p.max} persons in one appointment. Make a second appointment for the others.`,
    },
    service_twice: {
      title: 'Service chosen twice',
      detail: (p) => `You chose "${p.service}" twice. Choose each service once and give the number of persons.`,
    },
    not_combinable: {
      title: 'Not in one appointment',
      detail: (p) => `You cannot arrange "${p.service}" and "${p.other}" in one appointment. Make two appointments.`,
    },
    items_malformed: {
      title: 'Cannot read the services',
      detail: () => 'Name the services like this: paspoort:2,rijbewijs:1 (service, colon, number of persons).',
    },
    range_reversed: {
      title: 'Dates the wrong way round',
      detail: () => 'The end date is before the start date. Swap them and try again.',
    },
    range_too_long: {
      title: 'Period too long',
      detail: (p) => `Ask for at most ${p.max} days at a time. Choose a shorter period.`,
    },
    in_the_past: {
      title: 'This time has passed',
      detail: () => 'You chose a time that has already passed. Choose a time in the future.',
    },
    too_soon: {
      title: 'Not enough notice',
      detail: (p) =>
        `This appointment must be booked at least ${spokenMinutes(p.minutes, 'en')} ahead. ` +
        `The earliest time you can choose is ${spokenInstant(p.earliest, 'en')}.`,
    },
    too_far: {
      title: 'Too far ahead',
      detail: (p) => `You cannot book this far ahead yet. Choose a date up to ${spokenDate(p.lastDate, 'en')}.`,
    },
    off_grid: {
      title: 'Not a start time',
      detail: (p) => `Appointments here start every ${p.grid} minutes. Choose a time from the list of free times.`,
    },
    not_open_then: {
      title: 'We are closed then',
      detail: () =>
        'The counter is closed at that moment, or the appointment does not fit before closing time. Choose a time ' +
        'from the list of free times.',
    },
    time_taken: {
      title: 'This time was just taken',
      detail: () =>
        'Someone else was just ahead of you. Choose one of the other times below, or look at another location.',
    },
    too_many_appointments: {
      title: 'You already have enough appointments',
      detail: (p) =>
        `This e-mail address already has ${p.max} appointments planned. Move or cancel one first, or call the ` +
        `municipality.`,
    },
    too_many_holds: {
      title: 'You have already chosen times',
      detail: (p) =>
        `We are already keeping ${p.max} times for you. Finish that appointment first, or wait a few minutes until ` +
        'those times are free again. Does that not work? Call the municipality.',
    },
    captcha_required: {
      title: 'A quick check',
      detail: () =>
        'We check that you are a person and not a program. That did not work, or the check had expired. Choose the ' +
        'time again; if that does not work, reload the page or call the municipality.',
    },
    origin_not_allowed: {
      title: 'This website may not use this service',
      detail: (p) =>
        `The website ${p.origin} may not make appointments for this municipality. Make your appointment on your ` +
        `municipality's website, or call the municipality.`,
    },
    hold_not_found: {
      title: 'Chosen time not found',
      detail: () => 'We can no longer find the time you chose. Please choose a time again.',
    },
    appointment_not_found: {
      title: 'Appointment not found',
      detail: () =>
        'We cannot find an appointment with this code, or the link is not right. Use the link in your confirmation ' +
        'e-mail, or call the municipality.',
    },
    not_changeable: {
      title: 'This is no longer possible',
      detail: (p) =>
        `This appointment is ${p.status}, so it cannot be moved any more. Make a new appointment if you need one.`,
    },
    idempotency_key_reused: {
      title: 'Key already used',
      detail: () => 'This Idempotency-Key belongs to another request. Use a new key for every new request.',
    },
    missing_time: {
      title: 'Choose a time first',
      detail: () => 'Send the holdId of a chosen time, or location, items and start.',
    },
    feedback_too_early: {
      title: 'Please wait a little',
      detail: () => 'You can give your opinion after your appointment. Thank you for wanting to help!',
    },
    feedback_not_possible: {
      title: 'Feedback is not possible',
      detail: () => 'This appointment did not take place, so you cannot give feedback on it.',
    },
  },
  linkSent:
    'If this e-mail address belongs to the appointment, we will send it an e-mail with the link within a few ' +
    'minutes. Please also look in your spam folder.',
  statuses: {
    held: 'held',
    booked: 'booked',
    checked_in: 'checked in',
    serving: 'being served',
    done: 'done',
    no_show: 'missed',
    cancelled: 'cancelled',
  },
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  calendar: {
    summary: (p: Params) => `Appointment with the municipality of ${p.municipality}: ${p.services}`,
    reference: (p: Params) => `Appointment code: ${p.reference}`,
    bring: 'Please bring:',
    accessibility: 'Accessibility:',
    manage: (p: Params) => `Move or cancel: ${p.url}`,
    call: (p: Params) => `Not working? Call ${p.phone}.`,
  },
  mail: {
    subject: {
      confirmation: (p: Params) => `Appointment confirmed: ${p.when}`,
      moved: (p: Params) => `Appointment moved to ${p.when}`,
      cancelled: (p: Params) => `Appointment cancelled: ${p.when}`,
      reminder: (p: Params) => `Reminder: your appointment on ${p.when}`,
      link: (p: Params) => `Your link for the appointment on ${p.when}`,
      feedback: () => 'How was your visit to the counter?',
    },
    intro: {
      link: (p: Params) =>
        `Dear ${p.name},\n\nYou asked for the link to your appointment. With it you can see, move or cancel the ` +
        `appointment. If you did not ask for it, you can ignore this email.`,
      confirmation: (p: Params) =>
        `Dear ${p.name},\n\nYour appointment with the municipality of ${p.municipality} is confirmed.`,
      moved: (p: Params) => `Dear ${p.name},\n\nYour appointment has been moved. This is the new time.`,
      cancelled: (p: Params) => `Dear ${p.name},\n\nYour appointment has been cancelled. You do not need to come.`,
      reminder: (p: Params) =>
        `Dear ${p.name},\n\nWe look forward to seeing you at the counter. Here is your appointment once more.`,
      feedback: (p: Params) =>
        `Dear ${p.name},\n\nYou visited the counter of the municipality of ${p.municipality}. Would you tell us how ` +
        `it went? It takes half a minute, and it helps us improve.`,
    },
    what: 'What',
    when: 'When',
    where: 'Where',
    reference: 'Appointment code',
    bring: 'Please bring',
    accessibility: 'Accessibility',
    manage: (p: Params) => `Do you want to move or cancel the appointment? You can do that here: ${p.url}`,
    feedbackLink: (p: Params) => `Give your opinion: ${p.url}`,
    alternatives: 'Do you still want an appointment? These times are free:',
    bookAgain: (p: Params) => `You can make a new appointment here: ${p.url}`,
    help: (p: Params) => `Not working, or do you have a question? Call ${p.phone}. We are happy to help.`,
    closing: (p: Params) => `Kind regards,\n\nMunicipality of ${p.municipality}`,
    qrNote: (p: Params) =>
      `When you arrive, have the QR code below scanned at the counter, or give your appointment code ${p.reference}.`,
    qrAlt: (p: Params) => `QR code of your appointment code ${p.reference}`,
    calendarNote: 'Open the attachment to add the appointment to your calendar.',
    previousWhen: 'Old time (no longer yours)',
    previousElsewhere: (p: Params) => `Please note: your appointment is now at another place. It was at ${p.where}.`,
    reason: (p: Params) => `Why? ${p.reason}. We are sorry.`,
    movedByUs: (p: Params) => `If the new time does not suit you, choose another one here: ${p.url}`,
    needs: 'We will arrange',
    needExtraTime: 'extra time',
    needStepFree: 'a step-free counter',
    needInterpreter: (p: Params) => `an interpreter (${p.language})`,
  },
  days: {
    past: () => 'This day has already passed.',
    beyondHorizon: (p: Params) =>
      `You cannot book this far ahead yet: the last day is ${spokenDate(p.lastDate, 'en')}.`,
    dayOver: () => 'You can no longer book a time for today.',
    notOpen: (p: Params) => `The counter here is closed on ${p.weekday}.`,
    fullyBooked: () => 'There are no free times left on this day.',
  },
  fields: {
    ...staffFieldsEn,
    end_before_start: () => 'The end must come after the start.',
    block_too_long: () => 'A block lasts 14 days at most. Longer? Make a closure instead.',
    required: () => 'Please fill this in.',
    invalid_type: (p: Params) => `This must be ${p.expected === 'number' ? 'a number' : 'text'}.`,
    too_small: (p: Params) =>
      p.origin === 'string' ? `Use at least ${p.minimum} characters.` : `This must be ${p.minimum} or more.`,
    too_big: (p: Params) =>
      p.origin === 'string' ? `Use at most ${p.maximum} characters.` : `This may be at most ${p.maximum}.`,
    invalid_value: (p: Params) => `Choose one of: ${p.options}.`,
    invalid_format: (p: Params) =>
      p.format === 'date'
        ? 'This is not a valid date. Write it as YYYY-MM-DD, for example 2026-12-01.'
        : p.format === 'datetime'
          ? 'This is not a valid time. Write it like 2026-12-01T09:00:00+01:00.'
          : 'This value is not valid.',
    unrecognized_keys: (p: Params) => `We do not know this field: ${p.keys}. Leave it out.`,
    invalid: () => 'This value is not valid.',
    characters: () =>
      'There is a character here that we cannot process. Please type it again, without special characters.',
    email: () => 'Enter a valid e-mail address, like name@example.com.',
    phone: () => 'Enter a valid phone number, like 06 12345678 or +31 6 12345678.',
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
