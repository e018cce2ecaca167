// The manage page: reads the token from the fragment (it never goes to a server in a URL), shows the appointment,
// and lets the resident cancel it or give feedback. Every word is in the page already (src/texts, both languages).
const reference = decodeURIComponent(location.pathname.split('/').pop() || '');
const token = location.hash.slice(1);
const language = document.documentElement.lang;
const $ = (id) => document.getElementById(id);
const message = (name) => $('messages').content.querySelector(`[data-message="${name}"]`).textContent;
const api = (path, options = {}) => fetch(`/api/v1/appointments/${encodeURIComponent(reference)}${path}`, {
  ...options,
  headers: { authorization: `Bearer ${token}`, 'accept-language': language, ...(options.body ? { 'content-type': 'application/json' } : {}) },
});

/** Says something in the live region and moves focus there, so screen readers and keyboard users follow. */
function say(name) {
  const status = $('status');
  status.textContent = message(name);
  status.hidden = false;
  status.focus();
}

function when(appointment) {
  const options = { timeZone: 'Europe/Amsterdam' };
  const day = new Intl.DateTimeFormat(language, { ...options, dateStyle: 'full' }).format(new Date(appointment.start));
  const time = (iso) => new Intl.DateTimeFormat(language, { ...options, timeStyle: 'short' }).format(new Date(iso));
  return `${day}, ${time(appointment.start)}–${time(appointment.end)}`;
}

function show(appointment) {
  $('what').textContent = appointment.items.map((i) => (i.persons > 1 ? `${i.name} (${i.persons})` : i.name)).join(', ');
  $('when').textContent = when(appointment);
  $('where').textContent = `${appointment.locationName}, ${appointment.address.street}, ${appointment.address.postalCode} ${appointment.address.city}`;
  $('reference').textContent = appointment.reference;
  $('bring').replaceChildren(...appointment.bring.map((b) => Object.assign(document.createElement('li'), { textContent: b })));
  $('calendar').href = appointment.calendarUrl;
  $('details').hidden = false;
  $('status').hidden = true;
  $('cancel-section').hidden = !appointment.canCancel;
  $('feedback-section').hidden = !appointment.canGiveFeedback;
  if (appointment.status === 'cancelled') say('isCancelled');
}

async function load() {
  if (!token) return say('noToken');
  try {
    const response = await api('');
    if (response.status === 404) return say('notFound');
    if (!response.ok) return say('failed');
    show(await response.json());
  } catch {
    say('failed');
  }
}

$('cancel').addEventListener('click', () => {
  $('confirm').hidden = false;
  $('confirm-question').focus();
});
$('confirm-no').addEventListener('click', () => {
  $('confirm').hidden = true;
  $('cancel').focus();
});
$('confirm-yes').addEventListener('click', async () => {
  const response = await api('/cancel', { method: 'POST' }).catch(() => undefined);
  if (!response?.ok) return say('failed');
  $('cancel-section').hidden = true;
  $('feedback-section').hidden = true;
  say('cancelled');
});
$('feedback').addEventListener('submit', async (event) => {
  event.preventDefault();
  const score = Number(new FormData(event.target).get('score'));
  if (!score) {
    say('chooseScore');
    return;
  }
  const comment = $('comment').value.trim();
  const response = await api('/feedback', { method: 'POST', body: JSON.stringify({ score, ...(comment && { comment }) }) }).catch(() => undefined);
  if (!response?.ok) return say('failed');
  $('feedback-section').hidden = true;
  say('thanks');
});

load();
