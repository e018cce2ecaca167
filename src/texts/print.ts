// The words of the printed confirmation that staff hand to a caller or a walk-in, in the resident's language.

export const printNl = {
  title: 'Bevestiging van je afspraak',
  reference: 'Je afspraakcode',
  when: 'Wanneer',
  where: 'Waar',
  what: 'Waarvoor',
  bring: 'Neem mee',
  persons: (n: number) => (n === 1 ? '1 persoon' : `${n} personen`),
  change: (phone: string) => `Wil je de afspraak verzetten of afzeggen? Bel ${phone}, of kom langs bij de balie.`,
  qr: 'Laat deze code scannen bij de balie als je er bent.',
  print: 'Afdrukken',
};

export const printEn: typeof printNl = {
  title: 'Your appointment',
  reference: 'Your appointment code',
  when: 'When',
  where: 'Where',
  what: 'For',
  bring: 'Bring',
  persons: (n: number) => (n === 1 ? '1 person' : `${n} persons`),
  change: (phone: string) => `Want to move or cancel the appointment? Call ${phone}, or come by the counter.`,
  qr: 'Have this code scanned at the counter when you arrive.',
  print: 'Print',
};
