// The words of the screens a location manager uses: hours, exceptions, counters, closures and blocks (Dutch).

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);
const spokenDate = (date: string) =>
  new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );

export const m = {
  dayTab: 'Dagoverzicht',
  manageTab: 'Openingstijden en balies',
  loading: 'Even laden…',
  error: 'Dat lukte niet.',
  hoursTitle: 'Openingstijden',
  weekCaption: (grid: number) => `Openingstijden per week (tijden per ${grid} minuten)`,
  weekColumns: ['Dag', 'Open', 'Dicht', 'Alleen balies (leeg: alle)', 'Geldig vanaf', 'Geldig tot en met', 'Regel'],
  weekdays: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  rowLabel: (column: string, n: number) => `${column}, regel ${n}`,
  removeRow: (n: number) => `Regel ${n} weghalen`,
  removeException: (n: number) => `Uitzondering ${n} weghalen`,
  remove: 'Weghalen',
  addRule: 'Regel toevoegen',
  exceptionsCaption: 'Uitzonderingen: gesloten dagen en extra openingen',
  exceptionColumns: [
    'Datum',
    'Soort',
    'Van (leeg: hele dag)',
    'Tot',
    'Reden voor inwoners',
    'Reason in English',
    'Regel',
  ],
  closed: 'Gesloten',
  extraOpen: 'Extra open',
  addException: 'Gesloten dag of extra opening toevoegen',
  preview: 'Bekijk de gevolgen',
  save: 'Opslaan',
  saveAnyway: 'Toch opslaan',
  previewTitle: 'Gevolgen van deze wijziging (nog niet opgeslagen)',
  previewReady: (n: number) =>
    `De gevolgen staan hieronder. ${plural(n, 'afspraak valt', 'afspraken vallen')} buiten de tijden.`,
  strandedCount: (n: number) =>
    n === 0
      ? 'Geen afspraak valt buiten de nieuwe tijden.'
      : `${plural(n, 'afspraak valt', 'afspraken vallen')} buiten de nieuwe tijden:`,
  impactIntro: 'Zoveel begintijden krijgen of verliezen inwoners de komende zes weken:',
  noImpact: 'Voor inwoners verandert er de komende zes weken niets.',
  impactDay: (date: string, gained: number, lost: number) => `${spokenDate(date)}: ${gained} erbij, ${lost} minder`,
  hoursSaved: (n: number) =>
    n === 0
      ? 'De openingstijden zijn opgeslagen.'
      : `De openingstijden zijn opgeslagen. ${plural(n, 'afspraak blijft', 'afspraken blijven')} staan ` +
        'buiten de tijden.',
  refused: (references: string) =>
    `Deze afspraken vallen dan buiten de tijden: ${references}. Ze blijven staan. Wil je ze verzetten? Sluit ` +
    'de balie dan voor die tijd.',
  countersTitle: 'Balies',
  countersCaption: 'De balies van deze locatie',
  counterColumns: ['Naam', 'Online te boeken', 'Zonder drempels', 'Alleen deze diensten (leeg: alle)'],
  allServices: 'alle',
  services: (name: string) => `Diensten van ${name} (leeg: alle)`,
  saveServices: (name: string) => `Diensten opslaan: ${name}`,
  saveServicesShort: 'Diensten opslaan',
  rename: (name: string) => `Nieuwe naam voor ${name}`,
  saveName: (name: string) => `Naam opslaan: ${name}`,
  saveNameShort: 'Naam opslaan',
  online: (name: string) => `${name} online te boeken`,
  stepFree: (name: string) => `${name} zonder drempels`,
  counterSaved: (name: string) => `${name} is opgeslagen.`,
  counterConfirm: (detail: string, references: string) => `${detail}\n\nHet gaat om: ${references}. Toch opslaan?`,
  newCounter: 'Nieuwe balie',
  newCounterName: 'Naam van de nieuwe balie',
  newCounterOnline: 'Online te boeken',
  addCounter: 'Balie toevoegen',
  counterAdded: (name: string) => `${name} is toegevoegd.`,
  closureTitle: 'Balie of locatie sluiten',
  closureIntro:
    'Bij ziekte of een storing. Eerst zie je wie het raakt. Pas als je bevestigt, worden de afspraken verzet of ' +
    'afgezegd. Elke inwoner krijgt dan één bericht.',
  closureCounters: 'Welke balies? (niets aangevinkt: de hele locatie)',
  from: 'Van',
  until: 'Tot',
  reason: 'Reden voor inwoners',
  reasonEn: 'Reason in English (may be left empty)',
  closurePreview: 'Bekijk wie het raakt',
  closureApply: 'Sluiting doorvoeren',
  closurePreviewTitle: 'Wie het raakt (nog niet doorgevoerd)',
  closureNone: 'Er staan in die tijd geen afspraken.',
  reassigned: (reference: string, when: string, counter: string) =>
    `${reference}, ${when}: houdt de tijd, bij ${counter}. De inwoner merkt niets.`,
  moved: (reference: string, when: string, to: string, where?: string) =>
    `${reference}, ${when}: wordt verzet naar ${to}${where ? ` (${where})` : ''}.`,
  cancelled: (reference: string, when: string) =>
    `${reference}, ${when}: er is geen passende tijd. De afspraak wordt afgezegd.`,
  closureDone: (moved: number, cancelled: number, kept: number) =>
    `Gesloten. ${plural(moved, 'afspraak', 'afspraken')} verzet, ${cancelled} afgezegd, ${kept} bij een andere balie.`,
  closureAgain: 'Deze sluiting was al doorgevoerd. Er is niets meer veranderd.',
  blockSummary: (counter: string) => `${counter} blokkeren`,
  blockFrom: 'Van (tijd)',
  blockUntil: 'Tot (tijd)',
  blockReason: 'Waarom (bijvoorbeeld: werkoverleg)',
  blockButton: 'Blokkeren',
  blocked: (counter: string) => `${counter} is geblokkeerd.`,
  blockInTheWay: (references: string) =>
    `In die tijd staan afspraken: ${references}. Je kunt ze laten verzetten. Elke inwoner krijgt dan één bericht.`,
  blockAndMove: 'Afspraken verzetten en blokkeren',
};
