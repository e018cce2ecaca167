import type { staffFieldsNl, staffProblemsNl } from './staff-nl.js';

export const staffProblemsEn: typeof staffProblemsNl = {
  login_failed: {
    title: 'Could not log in',
    detail: () =>
      'The e-mail address or the password is not right. Try again. Forgot your password? Ask an admin of your ' +
      'municipality for a new one.',
  },
  login_paused: {
    title: 'Please wait',
    detail: (p) => `A wrong password was used too often. Try again in ${p.seconds} seconds, or ask an admin for help.`,
  },
  second_factor_required: {
    title: 'Code needed',
    detail: () => 'Also enter the six-digit code from your app, or one of your recovery codes.',
  },
  second_factor_wrong: {
    title: 'Code not right',
    detail: () =>
      'This code is not right or was used already. Wait for the next code in your app and try again, or use a ' +
      'recovery code.',
  },
  second_factor_setup_required: {
    title: 'Set up the second step first',
    detail: () => 'This account must log in with a code from an app. Set that up first; then you can go on.',
  },
  second_factor_not_started: {
    title: 'No code to confirm',
    detail: () => 'First ask for a new secret key, add it to your app, and then confirm the code.',
  },
  session_required: {
    title: 'Please log in',
    detail: () => 'You are not logged in (any more). Log in again at /balie/.',
  },
  csrf_required: {
    title: 'Page expired',
    detail: () => 'This action did not come from a valid page. Reload the page and try again.',
  },
  role_too_low: {
    title: 'Not allowed',
    detail: () => 'Your account may not do this. Ask a colleague with more rights or an admin.',
  },
  staff_email_taken: {
    title: 'E-mail address exists',
    detail: () => 'There is an account with this e-mail address already. Choose another or change that account.',
  },
  staff_user_not_found: {
    title: 'Account not found',
    detail: () => 'This account does not exist in your municipality. Choose one from the list.',
  },
  status_not_a_step: {
    title: 'Not possible from this status',
    detail: (p) =>
      `The appointment is ${p.status} now; from there it cannot go to ${p.to}. Refresh the overview: a colleague may ` +
      'have changed it.',
  },
  status_too_early: {
    title: 'Too early',
    detail: () => 'Checking in is possible from an hour before the appointment. Ask the resident to wait a little.',
  },
  status_not_yet_no_show: {
    title: 'The appointment has not started',
    detail: () => 'You can mark someone as not come only from the start time of the appointment.',
  },
  status_back_same_day: {
    title: 'A step back only on the day itself',
    detail: () => 'A step back is only possible on the day of the appointment. Contact an admin.',
  },
  counter_not_found: {
    title: 'Counter not found',
    detail: (p) => `This location has no counter "${p.counter}". Choose a counter from the day overview.`,
  },
  block_over_appointments: {
    title: 'There are appointments at that time',
    detail: () =>
      'This counter has appointments at that time. Move or cancel them first, or choose another time or counter.',
  },
  block_not_found: {
    title: 'Block not found',
    detail: () => 'This block does not exist (any more). Refresh the day overview.',
  },
  schedule_invalid: {
    title: 'The opening hours are not right yet',
    detail: () => 'One or more lines are not right. Each one says what is wrong. Change them and save again.',
  },
  hours_strand_appointments: {
    title: 'Appointments fall outside the new hours',
    detail: (p) =>
      `With this change, ${p.count} appointments fall outside the opening hours. They stay booked. Confirm the ` +
      'change if that is what you want. To move them, close the counter for that time instead.',
  },
  counter_has_appointments: {
    title: 'This counter still has appointments',
    detail: (p) =>
      `The counter has ${p.count} appointments it could no longer serve. Close the counter for that time first: ` +
      'the appointments are then moved. Or confirm the change if that is what you want.',
  },
  counter_name_taken: {
    title: 'This name is taken',
    detail: () => 'This location already has a counter with this name. Choose another name.',
  },
  closure_invalid: {
    title: 'The closure is not right yet',
    detail: () => 'The field says what is wrong. Change it and try again.',
  },
  service_settings_invalid: {
    title: 'This setting is not possible',
    detail: () => 'The field says what is wrong. Change it and try again.',
  },
};

type Params = Record<string, string | number>;

export const staffFieldsEn: typeof staffFieldsNl = {
  clock_invalid: () => 'This is not a time. Write it as hh:mm, for example 09:00 or 17:30.',
  off_grid_time: (p: Params) =>
    `Appointments here start every ${p.grid} minutes. Choose a time that fits, such as 09:00 or ` +
    `09:${String(p.grid).padStart(2, '0')}.`,
  closes_before_opens: (p: Params) => `The closing time (${p.closes}) must come after the opening time (${p.opens}).`,
  dates_reversed: () => 'The end date must be on or after the start date.',
  overlapping_period: (p: Params) =>
    `These times overlap with line ${p.row} (${p.opens} to ${p.closes}). Change one of the two.`,
  counter_unknown: (p: Params) => `This location has no counter "${p.counter}". Choose a counter from the list.`,
  reason_required: () => 'Say why. Residents read this, for example: Staff training day.',
  closure_too_long: (p: Params) => `A closure lasts ${p.max} days at most.`,
  closure_in_the_past: () => 'This time has passed. Choose an end that is still to come.',
  service_unknown: (p: Params) => `This location does not offer "${p.service}". Choose a service from the list.`,
};
