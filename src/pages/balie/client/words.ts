// The staff page's words (Dutch: the front office works in Dutch). Short, like the residents' words.

export const statusWords: Record<string, string> = {
  booked: 'geboekt',
  checked_in: 'aangemeld',
  serving: 'bezig',
  done: 'klaar',
  no_show: 'niet gekomen',
  cancelled: 'geannuleerd',
};

/** The button for a step to `status` (forward), or back to it. */
export const stepWords: Record<string, string> = {
  checked_in: 'Aanmelden',
  serving: 'Starten',
  done: 'Klaar',
  no_show: 'Niet gekomen',
};
export const backWords = 'Stap terug';

export const w = {
  title: 'Balie – dagoverzicht',
  login: 'Inloggen',
  email: 'E-mailadres',
  password: 'Wachtwoord',
  code: 'Code uit je app (of een herstelcode)',
  logIn: 'Inloggen',
  logOut: 'Uitloggen',
  setupTitle: 'Stel de tweede stap in',
  setupIntro:
    'Voor jouw account is inloggen met een code uit een app verplicht. Zet deze sleutel in een app zoals ' +
    'Microsoft Authenticator of FreeOTP, en vul daarna de code van zes cijfers in.',
  secret: 'Geheime sleutel',
  confirm: 'Bevestigen',
  recoveryTitle: 'Je herstelcodes',
  recoveryIntro:
    'Bewaar deze codes op een veilige plek. Elke code werkt één keer als je je telefoon niet bij de hand hebt.',
  goOn: 'Verder naar het dagoverzicht',
  location: 'Locatie',
  date: 'Datum',
  today: 'Vandaag',
  find: 'Zoek een afspraak (code, naam, e-mail of telefoon), of scan de code',
  findButton: 'Zoeken',
  found: (n: number) => (n === 0 ? 'Niets gevonden.' : n === 1 ? '1 afspraak gevonden.' : `${n} afspraken gevonden.`),
  checkedInByScan: (reference: string, name: string) => `${reference} (${name}) is aangemeld.`,
  counts: 'Vandaag',
  noEntries: 'Geen afspraken.',
  nextFree: 'Eerstvolgende vrije tijden',
  block: 'Geblokkeerd',
  book: 'Afspraak maken voor iemand',
  service: 'Waarvoor',
  persons: 'Aantal personen',
  time: 'Begintijd',
  walkIn: 'Nu (iemand staat aan de balie)',
  name: 'Naam',
  emailOptional: 'E-mailadres (mag leeg: dan printen)',
  phone: 'Telefoon (mag leeg)',
  language: 'Taal van de bevestiging',
  channel: 'Hoe',
  phoneChannel: 'Telefoon',
  counterChannel: 'Aan de balie',
  extraTime: 'Extra tijd nodig',
  stepFree: 'Balie zonder drempels nodig',
  interpreter: 'Tolk nodig: taal (mag leeg)',
  bookButton: 'Afspraak maken',
  booked: (reference: string, when: string) => `Afspraak ${reference} staat op ${when}.`,
  print: 'Bevestiging afdrukken',
  updated: 'Het overzicht is bijgewerkt.',
  changed: (reference: string, status: string) => `${reference} is nu ${status}.`,
  mailFailed: 'E-mail kwam niet aan: bel de inwoner',
  needsExtra: 'extra tijd',
  needsStepFree: 'zonder drempels',
  needsInterpreter: (language: string) => `tolk ${language}`,
  phoneBooked: 'telefonisch gemaakt',
  counterBooked: 'aan de balie gemaakt',
  sessionEnded: 'Je sessie is verlopen. Log opnieuw in.',
  cancel: 'Annuleren',
  confirmCancel: (reference: string, name: string) =>
    `Afspraak ${reference} van ${name} annuleren? De inwoner krijgt een e-mail als er een adres is.`,
  cancelled: (reference: string) => `${reference} is geannuleerd.`,
  error: 'Dat lukte niet.',
};

/** "9.10 uur, K7M-4QX, paspoort voor 2 personen, Fatima El Amrani, ingecheckt": one appointment, one sentence. */
export function entrySentence(entry: {
  start: string;
  reference?: string;
  items?: { name: string; persons: number }[];
  name?: string;
  status?: string;
}): string {
  const time = entry.start.slice(11, 16).replace(':', '.');
  const items = (entry.items ?? [])
    .map((i) => `${i.name.toLowerCase()} voor ${i.persons === 1 ? '1 persoon' : `${i.persons} personen`}`)
    .join(' en ');
  return [`${time} uur`, entry.reference, items, entry.name, statusWords[entry.status ?? ''] ?? entry.status]
    .filter(Boolean)
    .join(', ');
}
