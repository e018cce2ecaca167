// Dutch words for the problems staff meet (the staff page and the staff API). Short and plain, like the residents'.
type Params = Record<string, string | number>;
type Problem = { title: string; detail: (p: Params) => string };

export const staffProblemsNl = {
  login_failed: {
    title: 'Inloggen lukt niet',
    detail: () =>
      'Het e-mailadres of het wachtwoord klopt niet. Probeer het opnieuw. Weet je je wachtwoord niet meer? Vraag ' +
      'een beheerder van je gemeente om een nieuw wachtwoord.',
  },
  login_paused: {
    title: 'Even wachten',
    detail: (p) =>
      `Er is te vaak een verkeerd wachtwoord gebruikt. Probeer het over ${p.seconds} seconden opnieuw. Of vraag een ` +
      'beheerder om hulp.',
  },
  second_factor_required: {
    title: 'Code nodig',
    detail: () => 'Vul ook de code van zes cijfers uit je app in, of een van je herstelcodes.',
  },
  second_factor_wrong: {
    title: 'Code klopt niet',
    detail: () =>
      'Deze code klopt niet of is al gebruikt. Wacht op de volgende code in je app en probeer het opnieuw, of ' +
      'gebruik een herstelcode.',
  },
  second_factor_setup_required: {
    title: 'Stel eerst de tweede stap in',
    detail: () =>
      'Voor dit account is inloggen met een code uit een app verplicht. Stel die eerst in; daarna kun je verder.',
  },
  second_factor_not_started: {
    title: 'Geen code om te bevestigen',
    detail: () => 'Vraag eerst een nieuwe geheime sleutel aan, zet die in je app en bevestig dan de code.',
  },
  session_required: {
    title: 'Log eerst in',
    detail: () => 'Je bent niet (meer) ingelogd. Log opnieuw in op /balie/.',
  },
  csrf_required: {
    title: 'Pagina verlopen',
    detail: () => 'Deze actie kwam niet van een geldige pagina. Vernieuw de pagina en probeer het opnieuw.',
  },
  role_too_low: {
    title: 'Dit mag je niet',
    detail: () => 'Je account mag dit niet doen. Vraag een collega met meer rechten of een beheerder.',
  },
  staff_email_taken: {
    title: 'E-mailadres bestaat al',
    detail: () => 'Er is al een account met dit e-mailadres. Kies een ander adres of pas het bestaande account aan.',
  },
  staff_user_not_found: {
    title: 'Account niet gevonden',
    detail: () => 'Dit account bestaat niet bij jouw gemeente. Kies een account uit de lijst.',
  },
  status_not_a_step: {
    title: 'Dat kan niet vanuit deze status',
    detail: (p) =>
      `De afspraak is nu ${p.status}. Daarvandaan kan hij niet naar ${p.to}. Vernieuw het overzicht: misschien ` +
      'heeft een collega hem al veranderd.',
  },
  status_too_early: {
    title: 'Nog te vroeg',
    detail: () => 'Aanmelden kan vanaf een uur voor de afspraak. Vraag de inwoner even te wachten.',
  },
  status_not_yet_no_show: {
    title: 'De afspraak is nog niet begonnen',
    detail: () => 'Je kunt iemand pas als niet gekomen zetten vanaf de begintijd van de afspraak.',
  },
  status_back_same_day: {
    title: 'Terugzetten kan alleen op de dag zelf',
    detail: () => 'Een stap terug kan alleen op de dag van de afspraak. Neem contact op met een beheerder.',
  },
  counter_not_found: {
    title: 'Balie niet gevonden',
    detail: (p) => `Deze locatie heeft geen balie "${p.counter}". Kies een balie uit het dagoverzicht.`,
  },
  block_over_appointments: {
    title: 'Er staan afspraken in die tijd',
    detail: () =>
      'In deze tijd heeft deze balie afspraken. Verzet of annuleer die eerst, of kies een andere tijd of balie.',
  },
  block_not_found: {
    title: 'Blokkade niet gevonden',
    detail: () => 'Deze blokkade bestaat niet (meer). Vernieuw het dagoverzicht.',
  },
  schedule_invalid: {
    title: 'De openingstijden kloppen nog niet',
    detail: () => 'Een of meer regels kloppen niet. Bij elke regel staat wat er mis is. Pas die aan en sla opnieuw op.',
  },
  hours_strand_appointments: {
    title: 'Er staan afspraken buiten de nieuwe tijden',
    detail: (p) =>
      `Met deze wijziging vallen ${p.count} afspraken buiten de openingstijden. Ze blijven staan. Bevestig de ` +
      'wijziging als dat de bedoeling is. Wil je ze verzetten? Sluit de balie dan voor die tijd.',
  },
  counter_has_appointments: {
    title: 'Deze balie heeft nog afspraken',
    detail: (p) =>
      `De balie heeft nog ${p.count} afspraken die hij dan niet meer kan doen. Sluit de balie eerst voor die ` +
      'tijd: dan worden de afspraken verzet. Of bevestig de wijziging als dat de bedoeling is.',
  },
  counter_name_taken: {
    title: 'Deze naam bestaat al',
    detail: () => 'Deze locatie heeft al een balie met deze naam. Kies een andere naam.',
  },
  closure_invalid: {
    title: 'De sluiting klopt nog niet',
    detail: () => 'Bij het veld staat wat er mis is. Pas het aan en probeer het opnieuw.',
  },
  service_settings_invalid: {
    title: 'Deze instelling kan niet',
    detail: () => 'Bij het veld staat wat er mis is. Pas het aan en probeer het opnieuw.',
  },
} satisfies Record<string, Problem>;

/** "09:00" as Dutch staff read it: "9.00". */
const dutchClock = (clock: unknown) =>
  String(clock)
    .replace(/^0(\d)/, '$1')
    .replace(':', '.');

/** Field errors of the staff forms (opening hours, exceptions, counters, closures). */
export const staffFieldsNl = {
  clock_invalid: () => 'Dit is geen tijd. Schrijf hem als uu:mm, bijvoorbeeld 09:00 of 17:30.',
  off_grid_time: (p: Params) =>
    `Afspraken beginnen hier om de ${p.grid} minuten. Kies een tijd die daarbij past, zoals 09:00 of ` +
    `09:${String(p.grid).padStart(2, '0')}.`,
  closes_before_opens: (p: Params) =>
    `De sluittijd (${dutchClock(p.closes)} uur) moet na de openingstijd (${dutchClock(p.opens)} uur) liggen.`,
  dates_reversed: () => 'De einddatum moet op of na de begindatum liggen.',
  overlapping_period: (p: Params) =>
    `Deze tijden overlappen met regel ${p.row} (${dutchClock(p.opens)} tot ${dutchClock(p.closes)} uur). ` +
    'Pas een van de twee aan.',
  counter_unknown: (p: Params) => `Deze locatie heeft geen balie "${p.counter}". Kies een balie uit de lijst.`,
  reason_required: () => 'Schrijf erbij waarom. Inwoners lezen dit, bijvoorbeeld: Studiedag.',
  closure_too_long: (p: Params) => `Een sluiting duurt hoogstens ${p.max} dagen.`,
  closure_in_the_past: () => 'Deze tijd is al voorbij. Kies een einde dat nog komt.',
  service_unknown: (p: Params) => `Deze locatie biedt "${p.service}" niet aan. Kies een dienst uit de lijst.`,
};
