/**
 * Dutch words for residents, at B1 level. We say "je" (like the municipalities' own wensbeeld), use short
 * sentences and always say what to do next. Every key here has an English twin in en.ts.
 */

import { spokenDate, spokenInstant, spokenMinutes } from './spoken.js';
import { staffFieldsNl, staffProblemsNl } from './staff-nl.js';

type Params = Record<string, string | number>;
type Problem = { title: string; detail: (p: Params) => string };

const list = (items: string | number | undefined) => String(items ?? '');

export const nl = {
  problems: {
    ...staffProblemsNl,
    route_not_found: {
      title: 'Pagina niet gevonden',
      detail: (p) => `Het adres ${p.path} bestaat niet. Kijk in de API-documentatie op /docs welke adressen er zijn.`,
    },
    method_not_allowed: {
      title: 'Dit kan niet op dit adres',
      detail: (p) => `Op ${p.path} kun je geen ${p.method} doen. Dit adres kent: ${p.allowed}.`,
    },
    bad_request: {
      title: 'Dit verzoek is niet te lezen',
      detail: () =>
        'Het verzoek dat binnenkwam is niet volgens de regels van HTTP opgebouwd. Probeer het opnieuw vanaf de ' +
        'website van je gemeente.',
    },
    bad_url: {
      title: 'Dit adres klopt niet',
      detail: () => 'Er staat een teken in het adres dat niet mag. Controleer het adres en probeer het opnieuw.',
    },
    uri_too_long: {
      title: 'Dit adres is te lang',
      detail: () => 'Het adres is langer dan wij kunnen verwerken. Controleer het adres en probeer het opnieuw.',
    },
    headers_too_large: {
      title: 'Te veel gegevens in het verzoek',
      detail: () =>
        'Het verzoek had meer kopregels (headers) dan wij kunnen verwerken. Wis de cookies voor deze site en ' +
        'probeer het opnieuw.',
    },
    request_timeout: {
      title: 'Het verzoek duurde te lang',
      detail: () => 'Het verzoek kwam niet op tijd helemaal binnen. Probeer het opnieuw.',
    },
    malformed_json: {
      title: 'De gegevens zijn niet te lezen',
      detail: () => 'De gegevens die je stuurde zijn geen geldige JSON. Controleer de opmaak en probeer het opnieuw.',
    },
    empty_body: {
      title: 'Er zijn geen gegevens',
      detail: () => 'Je stuurde geen gegevens mee. Stuur de gegevens als JSON en probeer het opnieuw.',
    },
    body_too_large: {
      title: 'Te veel gegevens',
      detail: (p) => `Je stuurde meer dan ${p.limit} bytes. Stuur minder gegevens en probeer het opnieuw.`,
    },
    unsupported_media_type: {
      title: 'Verkeerd soort gegevens',
      detail: (p) => `Wij lezen alleen JSON (application/json), niet ${p.contentType}. Stuur de gegevens als JSON.`,
    },
    invalid_request: {
      title: 'Niet alles is goed ingevuld',
      detail: () =>
        'Een of meer gegevens kloppen niet. Kijk bij elk veld wat er mis is, verbeter het en probeer het opnieuw.',
    },
    internal_error: {
      title: 'Er ging iets mis bij ons',
      detail: (p) =>
        `Dit is onze fout, niet de jouwe. Probeer het over een paar minuten opnieuw. Lukt het dan nog niet? Bel de ` +
        `gemeente en noem code ${p.requestId}.`,
    },
    too_many_requests: {
      title: 'Even te veel tegelijk',
      detail: () => 'Je hebt in korte tijd veel verzoeken gedaan. Wacht even en probeer het dan opnieuw.',
    },
    database_unavailable: {
      title: 'Even niet beschikbaar',
      detail: () =>
        'Door een storing bij ons kunnen we dit nu niet doen. Probeer het over een minuut opnieuw. Maakte je net ' +
        'een afspraak? Kijk dan eerst in je e-mail: als de afspraak gelukt is, krijg je een bevestiging.',
    },
    not_ready: {
      title: 'Even niet beschikbaar',
      detail: () => 'Het maken van afspraken lukt nu even niet. Probeer het over een paar minuten opnieuw.',
    },
    municipality_not_found: {
      title: 'Gemeente niet gevonden',
      detail: (p) => `Wij kennen geen gemeente "${p.slug}". Je kunt kiezen uit: ${list(p.known)}.`,
    },
    location_not_found: {
      title: 'Locatie niet gevonden',
      detail: (p) => `Wij kennen geen locatie "${p.slug}". Vraag de lijst van locaties op via /api/v1/locations.`,
    },
    location_not_in_municipality: {
      title: 'Deze plek is van een andere gemeente',
      detail: (p) =>
        `Locatie "${p.location}" hoort niet bij gemeente "${p.municipality}". Kies een locatie van deze gemeente.`,
    },
    service_not_found: {
      title: 'Dienst niet gevonden',
      detail: (p) =>
        `Wij kennen geen dienst "${p.slug}" bij deze gemeente. Vraag de lijst van diensten op via /api/v1/services.`,
    },
    service_not_offered: {
      title: 'Niet op deze locatie',
      detail: (p) =>
        `"${p.service}" kan niet bij ${p.location}. ` +
        (p.elsewhere ? `Dat kan wel bij: ${p.elsewhere}.` : 'Bel de gemeente: dan zoeken we samen naar een oplossing.'),
    },
    too_many_persons: {
      title: 'Te veel personen',
      detail: (p) =>
        `Bij "${p.service}" kunnen hoogstens ${p.max} personen in één afspraak. Maak voor de anderen een tweede ` +
        `afspraak.`,
    },
    service_twice: {
      title: 'Dienst dubbel gekozen',
      detail: (p) => `Je koos "${p.service}" twee keer. Kies elke dienst één keer en geef het aantal personen op.`,
    },
    not_combinable: {
      title: 'Niet in één afspraak',
      detail: (p) => `"${p.service}" en "${p.other}" kun je niet in één afspraak regelen. Maak er twee afspraken van.`,
    },
    items_malformed: {
      title: 'Diensten niet te lezen',
      detail: () => 'Noem de diensten zo: paspoort:2,rijbewijs:1 (dienst, dubbele punt, aantal personen).',
    },
    range_reversed: {
      title: 'Datums omgedraaid',
      detail: () => 'De einddatum ligt voor de begindatum. Draai ze om en probeer het opnieuw.',
    },
    range_too_long: {
      title: 'Te lange periode',
      detail: (p) => `Vraag niet meer dan ${p.max} dagen tegelijk op. Kies minder dagen.`,
    },
    in_the_past: {
      title: 'Deze tijd is al voorbij',
      detail: () => 'Je koos een tijd die al voorbij is. Kies een tijd in de toekomst.',
    },
    too_soon: {
      title: 'Te kort van tevoren',
      detail: (p) =>
        `Boek deze afspraak minstens ${spokenMinutes(p.minutes, 'nl')} van tevoren. ` +
        `De eerste tijd die je kunt kiezen is ${spokenInstant(p.earliest, 'nl')}.`,
    },
    too_far: {
      title: 'Te ver vooruit',
      detail: (p) => `Zo ver vooruit kun je nog niet boeken. Kies een dag tot en met ${spokenDate(p.lastDate, 'nl')}.`,
    },
    off_grid: {
      title: 'Geen begintijd',
      detail: (p) => `Afspraken beginnen hier elke ${p.grid} minuten. Kies een tijd uit de lijst met vrije tijden.`,
    },
    not_open_then: {
      title: 'Dan zijn we dicht',
      detail: () =>
        'Op dat moment is de balie dicht, of de afspraak past niet meer voor sluitingstijd. Kies een tijd uit de ' +
        'lijst met vrije tijden.',
    },
    time_taken: {
      title: 'Deze tijd is net bezet',
      detail: () =>
        'Iemand anders was je net voor. Kies een van de andere tijden hieronder, of kijk bij een andere locatie.',
    },
    too_many_appointments: {
      title: 'Je hebt al genoeg afspraken',
      detail: (p) =>
        `Met dit e-mailadres staan al ${p.max} afspraken gepland. Verzet eerst een afspraak of zeg er een af, of ` +
        `bel de gemeente.`,
    },
    too_many_holds: {
      title: 'Je hebt al tijden gekozen',
      detail: (p) =>
        `Er worden al ${p.max} tijden voor je vastgehouden. Maak eerst die afspraak af, of wacht een paar minuten ` +
        'tot die tijden weer vrij zijn. Lukt het niet? Bel de gemeente.',
    },
    captcha_required: {
      title: 'Even controleren',
      detail: () =>
        'We controleren of je een mens bent en geen programma. Dat lukte niet, of de controle was verlopen. ' +
        'Kies de tijd opnieuw; lukt het dan niet, vernieuw de pagina of bel de gemeente.',
    },
    origin_not_allowed: {
      title: 'Deze website mag hier niet bij',
      detail: (p) =>
        `De website ${p.origin} mag voor deze gemeente geen afspraken maken. Maak je afspraak op de website van je ` +
        `gemeente, of bel de gemeente.`,
    },
    hold_not_found: {
      title: 'Gekozen tijd niet gevonden',
      detail: () => 'We kunnen de tijd die je koos niet meer vinden. Kies opnieuw een tijd.',
    },
    appointment_not_found: {
      title: 'Afspraak niet gevonden',
      detail: () =>
        'We vinden geen afspraak met deze code, of de link klopt niet. Gebruik de link uit je bevestigingsmail, of ' +
        'bel de gemeente.',
    },
    not_changeable: {
      title: 'Dit kan niet meer',
      detail: (p) =>
        `Deze afspraak is ${p.status}. Dan kun je hem niet meer verzetten. Maak zo nodig een nieuwe afspraak.`,
    },
    idempotency_key_reused: {
      title: 'Sleutel al gebruikt',
      detail: () =>
        'Deze Idempotency-Key hoort bij een ander verzoek. Gebruik voor elk nieuw verzoek een nieuwe sleutel.',
    },
    missing_time: {
      title: 'Kies eerst een tijd',
      detail: () => 'Stuur een holdId van een gekozen tijd, of location, items en start.',
    },
    feedback_too_early: {
      title: 'Nog even wachten',
      detail: () => 'Je kunt je mening geven na je afspraak. Fijn dat je wilt helpen!',
    },
    feedback_not_possible: {
      title: 'Reageren kan niet',
      detail: () => 'Deze afspraak is niet doorgegaan. Daarom kun je er geen mening over geven.',
    },
  } satisfies Record<string, Problem>,
  /** Monday first, as ISO weekdays 1–7. */
  /** The answer to a request for the manage link again: the same whether the address matched or not. */
  linkSent:
    'Hoort dit e-mailadres bij de afspraak? Dan sturen we er binnen een paar minuten een e-mail naartoe met de link. ' +
    'Kijk ook in je map met ongewenste e-mail.',
  statuses: {
    held: 'vastgehouden',
    booked: 'geboekt',
    checked_in: 'aangemeld',
    serving: 'bezig',
    done: 'afgerond',
    no_show: 'niet doorgegaan',
    cancelled: 'afgezegd',
  } as Record<string, string>,
  weekdays: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  calendar: {
    summary: (p: Params) => `Afspraak gemeente ${p.municipality}: ${p.services}`,
    reference: (p: Params) => `Afspraakcode: ${p.reference}`,
    bring: 'Neem mee:',
    accessibility: 'Toegankelijkheid:',
    manage: (p: Params) => `Verzetten of afzeggen: ${p.url}`,
    call: (p: Params) => `Lukt het niet? Bel ${p.phone}.`,
  },
  mail: {
    subject: {
      confirmation: (p: Params) => `Afspraak bevestigd: ${p.when}`,
      moved: (p: Params) => `Afspraak verzet naar ${p.when}`,
      cancelled: (p: Params) => `Afspraak afgezegd: ${p.when}`,
      reminder: (p: Params) => `Herinnering: je afspraak op ${p.when}`,
      feedback: () => 'Hoe was je bezoek aan de balie?',
      link: (p: Params) => `Je link voor de afspraak op ${p.when}`,
    },
    intro: {
      confirmation: (p: Params) => `Beste ${p.name},\n\nJe afspraak bij de gemeente ${p.municipality} staat vast.`,
      link: (p: Params) =>
        `Beste ${p.name},\n\nJe vroeg om de link voor je afspraak. Hiermee kun je de afspraak bekijken, verzetten of ` +
        `afzeggen. Vroeg je er niet om? Dan hoef je niets te doen.`,
      moved: (p: Params) => `Beste ${p.name},\n\nJe afspraak is verzet. Dit is de nieuwe tijd.`,
      cancelled: (p: Params) => `Beste ${p.name},\n\nJe afspraak is afgezegd. Je hoeft niet te komen.`,
      reminder: (p: Params) =>
        `Beste ${p.name},\n\nWe zien je graag bij de balie. Hier staat je afspraak nog een keer.`,
      feedback: (p: Params) =>
        `Beste ${p.name},\n\nJe was bij de balie van de gemeente ${p.municipality}. Wil je ons vertellen hoe het ` +
        `ging? Het kost je een halve minuut. Daar leren we van.`,
    },
    what: 'Wat',
    when: 'Wanneer',
    where: 'Waar',
    reference: 'Afspraakcode',
    bring: 'Neem mee',
    accessibility: 'Toegankelijkheid',
    manage: (p: Params) => `Wil je de afspraak verzetten of afzeggen? Dat kan hier: ${p.url}`,
    feedbackLink: (p: Params) => `Geef je mening: ${p.url}`,
    alternatives: 'Wil je toch een afspraak? Deze tijden zijn nog vrij:',
    bookAgain: (p: Params) => `Een nieuwe afspraak maken kan hier: ${p.url}`,
    help: (p: Params) => `Lukt het niet, of heb je een vraag? Bel ${p.phone}. We helpen je graag.`,
    closing: (p: Params) => `Groeten van de gemeente ${p.municipality}`,
    qrNote: (p: Params) =>
      `Ben je er? Laat de QR-code hieronder scannen bij de balie, of noem je afspraakcode ${p.reference}.`,
    qrAlt: (p: Params) => `QR-code van je afspraakcode ${p.reference}`,
    calendarNote: 'In de bijlage staat de afspraak voor je agenda.',
    previousWhen: 'Oude tijd (vervalt)',
    previousElsewhere: (p: Params) => `Let op: je afspraak is nu op een andere plek. Je oude plek was ${p.where}.`,
    reason: (p: Params) => `Waarom? ${p.reason}. Het spijt ons.`,
    movedByUs: (p: Params) => `Past de nieuwe tijd niet? Kies dan zelf een andere tijd: ${p.url}`,
    needs: 'Wij regelen voor je',
    needExtraTime: 'extra tijd',
    needStepFree: 'een balie zonder drempels',
    needInterpreter: (p: Params) => `een tolk ${p.language}`,
  },
  days: {
    past: () => 'Deze dag is al voorbij.',
    beyondHorizon: (p: Params) =>
      `Zo ver vooruit kun je nog geen afspraak maken. Dat kan tot en met ${spokenDate(p.lastDate, 'nl')}.`,
    dayOver: () => 'Vandaag kun je geen afspraak meer maken.',
    notOpen: (p: Params) => `Op ${p.weekday} is de balie hier gesloten.`,
    fullyBooked: () => 'Er zijn op deze dag geen tijden meer vrij.',
  },
  fields: {
    ...staffFieldsNl,
    end_before_start: () => 'Het einde moet na het begin liggen.',
    block_too_long: () => 'Een blokkade duurt hoogstens 14 dagen. Is het langer? Maak dan een sluiting.',
    required: () => 'Vul dit in.',
    invalid_type: (p: Params) => `Dit moet ${p.expected === 'number' ? 'een getal' : 'tekst'} zijn.`,
    too_small: (p: Params) =>
      p.origin === 'string' ? `Gebruik minstens ${p.minimum} tekens.` : `Dit moet ${p.minimum} of meer zijn.`,
    too_big: (p: Params) =>
      p.origin === 'string' ? `Gebruik hoogstens ${p.maximum} tekens.` : `Dit mag hoogstens ${p.maximum} zijn.`,
    invalid_value: (p: Params) => `Kies een van: ${p.options}.`,
    invalid_format: (p: Params): string =>
      p.format === 'date'
        ? 'Dit is geen geldige datum. Schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2026-12-01.'
        : p.format === 'datetime'
          ? 'Dit is geen geldige tijd. Schrijf hem bijvoorbeeld als 2026-12-01T09:00:00+01:00.'
          : 'Deze waarde klopt niet.',
    unrecognized_keys: (p: Params) => `Dit veld kennen wij niet: ${p.keys}. Laat het weg.`,
    invalid: () => 'Deze waarde klopt niet.',
    characters: () => 'Hier staat een teken in dat we niet kunnen verwerken. Typ het opnieuw, zonder speciale tekens.',
    email: () => 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
    phone: () => 'Vul een geldig telefoonnummer in, zoals 06 12345678 of +31 6 12345678.',
  },
  accessibility: {
    'step-free': 'Geen drempels of trappen (ook met een rolstoel)',
    'hearing-loop': 'Ringleiding voor slechthorenden',
    'accessible-toilet': 'Toilet voor mensen met een beperking',
    'disabled-parking': 'Parkeerplaats voor mensen met een beperking',
    'guide-dogs': 'Hulphonden welkom',
    'quiet-room': 'Stille ruimte voor een gesprek',
  } as Record<string, string>,
};

export type Texts = typeof nl;
export type ProblemCode = keyof Texts['problems'];
export type FieldCode = keyof Texts['fields'];
