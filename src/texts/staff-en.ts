import type { staffProblemsNl } from './staff-nl.js';

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
};
