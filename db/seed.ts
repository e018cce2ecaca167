import { sql } from 'drizzle-orm';
import type { Executor } from '../src/platform/database/database.js';
import { hashPassword } from '../src/platform/passwords.js';
import * as s from './schema.js';

type ServiceSeed = Omit<typeof s.services.$inferInsert, 'municipalityId'>;

const idDocuments = {
  bringNl: [
    'Je huidige paspoort of ID-kaart, ook als die verlopen is',
    'Een pasfoto van minder dan 6 maanden oud',
    'Je bankpas om te betalen',
  ],
  bringEn: [
    'Your current passport or ID card, even if it has expired',
    'A passport photo less than 6 months old',
    'Your bank card to pay',
  ],
};

const services: ServiceSeed[] = [
  {
    slug: 'paspoort',
    nameNl: 'Paspoort aanvragen',
    nameEn: 'Apply for a passport',
    descriptionNl: 'Je vraagt een nieuw paspoort aan. Na ongeveer een week kun je het ophalen.',
    descriptionEn: 'You apply for a new passport. You can collect it after about one week.',
    minutesPerPerson: 10,
    maxPersons: 5,
    ...idDocuments,
    minNoticeMinutes: 60,
    horizonDays: 90,
    combinableWith: ['identiteitskaart', 'rijbewijs', 'uittreksel-brp'],
    sortOrder: 1,
  },
  {
    slug: 'identiteitskaart',
    nameNl: 'Identiteitskaart aanvragen',
    nameEn: 'Apply for an ID card',
    descriptionNl: 'Je vraagt een nieuwe identiteitskaart aan. Na ongeveer een week kun je die ophalen.',
    descriptionEn: 'You apply for a new ID card. You can collect it after about one week.',
    minutesPerPerson: 10,
    maxPersons: 5,
    ...idDocuments,
    minNoticeMinutes: 60,
    horizonDays: 90,
    combinableWith: ['paspoort', 'rijbewijs', 'uittreksel-brp'],
    sortOrder: 2,
  },
  {
    slug: 'rijbewijs',
    nameNl: 'Rijbewijs verlengen',
    nameEn: 'Renew a driving licence',
    descriptionNl: 'Je verlengt je rijbewijs. Heb je een gezondheidsverklaring nodig? Regel die eerst bij het CBR.',
    descriptionEn: 'You renew your driving licence. Do you need a health declaration? Arrange it with the CBR first.',
    minutesPerPerson: 10,
    maxPersons: 2,
    bringNl: ['Je huidige rijbewijs', 'Een pasfoto van minder dan 6 maanden oud', 'Je bankpas om te betalen'],
    bringEn: ['Your current driving licence', 'A passport photo less than 6 months old', 'Your bank card to pay'],
    minNoticeMinutes: 60,
    horizonDays: 90,
    combinableWith: ['paspoort', 'identiteitskaart', 'uittreksel-brp'],
    sortOrder: 3,
  },
  {
    slug: 'uittreksel-brp',
    nameNl: 'Uittreksel uit de BRP (je gegevens)',
    nameEn: 'Extract from the BRP (your personal details)',
    descriptionNl: 'Je krijgt een officieel papier met je gegevens. Bijvoorbeeld voor een nieuwe baan of een woning.',
    descriptionEn: 'You get an official paper with your details, for example for a new job or a home.',
    minutesPerPerson: 5,
    maxPersons: 4,
    bringNl: ['Je paspoort, ID-kaart of rijbewijs', 'Je bankpas om te betalen'],
    bringEn: ['Your passport, ID card or driving licence', 'Your bank card to pay'],
    minNoticeMinutes: 30,
    horizonDays: 60,
    combinableWith: ['paspoort', 'identiteitskaart', 'rijbewijs'],
    sortOrder: 4,
  },
  {
    slug: 'verhuizing',
    nameNl: 'Je nieuwe adres doorgeven',
    nameEn: 'Give us your new address',
    descriptionNl: 'Je geeft je nieuwe adres door. Dit kan ook online met DigiD. Kom naar de balie als dat niet lukt.',
    descriptionEn:
      'You report your new address. You can also do this online with DigiD. Come to the counter if that does not work.',
    minutesPerPerson: 5,
    fixedMinutes: 10,
    maxPersons: 6,
    bringNl: [
      'Een paspoort, ID-kaart of rijbewijs van iedereen die verhuist',
      'Je huurcontract of koopakte, of een brief van de hoofdbewoner',
    ],
    bringEn: [
      'A passport, ID card or driving licence of everyone who moves',
      'Your rental contract or deed of sale, or a letter from the main occupant',
    ],
    minNoticeMinutes: 60,
    horizonDays: 60,
    sortOrder: 5,
  },
  {
    slug: 'huwelijk-melden',
    nameNl: 'Huwelijk of partnerschap melden',
    nameEn: 'Give notice of marriage or partnership',
    descriptionNl:
      'Jullie melden samen dat jullie willen trouwen. Of dat jullie een partnerschap willen sluiten. ' +
      "Kom met z'n tweeën.",
    descriptionEn: 'You tell us together that you want to marry or register a partnership. Please come together.',
    minutesPerPerson: 0,
    fixedMinutes: 30,
    maxPersons: 1,
    bringNl: ['Van ieder van jullie een paspoort, ID-kaart of rijbewijs', 'Naam en adres van jullie getuigen'],
    bringEn: ['A passport, ID card or driving licence for each of you', 'The names and addresses of your witnesses'],
    minNoticeMinutes: 24 * 60,
    horizonDays: 180,
    sortOrder: 6,
  },
  {
    slug: 'naturalisatie',
    nameNl: 'Naturalisatie aanvragen',
    nameEn: 'Apply for naturalisation',
    descriptionNl:
      'Je vraagt de Nederlandse nationaliteit aan. Een medewerker neemt de tijd om alles met je door te nemen.',
    descriptionEn: 'You apply for Dutch nationality. A staff member takes the time to go through everything with you.',
    minutesPerPerson: 15,
    fixedMinutes: 30,
    maxPersons: 4,
    bringNl: [
      'Je paspoort en verblijfsvergunning',
      'Je diploma van de inburgering, of het bewijs dat het niet hoeft',
      'Je geboorteakte, vertaald en met stempel als dat nodig is',
      'Je bankpas om te betalen',
    ],
    bringEn: [
      'Your passport and residence permit',
      'Your civic integration diploma, or proof that you do not need one',
      'Your birth certificate, translated and legalised if needed',
      'Your bank card to pay',
    ],
    minNoticeMinutes: 3 * 24 * 60,
    horizonDays: 120,
    sortOrder: 7,
  },
  {
    slug: 'parkeervergunning',
    nameNl: 'Parkeervergunning aanvragen',
    nameEn: 'Apply for a parking permit',
    descriptionNl: 'Je vraagt een parkeervergunning voor bewoners aan. Dit kan ook online.',
    descriptionEn: "You apply for a residents' parking permit. You can also do this online.",
    minutesPerPerson: 10,
    maxPersons: 1,
    bringNl: ['Het bewijs van het kenteken van je auto', 'Je paspoort, ID-kaart of rijbewijs'],
    bringEn: ['The registration certificate of your car', 'Your passport, ID card or driving licence'],
    minNoticeMinutes: 60,
    horizonDays: 60,
    sortOrder: 8,
  },
];

type Hours = { weekday: number; opens: string; closes: string; counter?: string };
type LocationSeed = {
  slug: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  accessibility: string[];
  gridMinutes: number;
  services: string[];
  counters: { name: string; onlineBookable?: boolean; stepFree?: boolean; services?: string[] }[];
  hours: Hours[];
  exceptions: Omit<typeof s.openingExceptions.$inferInsert, 'locationId'>[];
};
type MunicipalitySeed = Omit<typeof s.municipalities.$inferInsert, 'id'> & { locations: LocationSeed[] };

const weekdays = (days: number[], opens: string, closes: string): Hours[] =>
  days.map((weekday) => ({ weekday, opens, closes }));
const allServices = services.map((service) => service.slug);
const quickServices = ['paspoort', 'identiteitskaart', 'rijbewijs', 'uittreksel-brp', 'parkeervergunning'];

export const demoMunicipalities: MunicipalitySeed[] = [
  {
    slug: 'stadswaard',
    name: 'Stadswaard',
    emailFrom: 'noreply@stadswaard.example',
    phone: '14 0123',
    websiteUrl: 'https://www.stadswaard.example',
    widgetOrigins: ['https://www.stadswaard.example', 'http://localhost:3000'],
    retentionDays: 30,
    locations: [
      {
        slug: 'stadskantoor',
        name: 'Stadskantoor Stadswaard',
        street: 'Markt 1',
        postalCode: '1234 AB',
        city: 'Stadswaard',
        accessibility: [
          'step-free',
          'hearing-loop',
          'accessible-toilet',
          'disabled-parking',
          'guide-dogs',
          'quiet-room',
        ],
        gridMinutes: 10,
        services: allServices,
        counters: [
          { name: 'Balie 1', stepFree: true },
          { name: 'Balie 2' },
          { name: 'Balie 3' },
          { name: 'Balie 4', stepFree: true, services: ['naturalisatie', 'huwelijk-melden', 'verhuizing'] },
          { name: 'Balie 5 (vrije inloop)', onlineBookable: false },
        ],
        // Thursday is the evening opening.
        hours: [...weekdays([1, 2, 3, 5], '09:00', '17:00'), { weekday: 4, opens: '09:00', closes: '20:00' }],
        exceptions: [
          {
            date: '2026-12-24',
            kind: 'closed',
            opens: '13:00',
            closes: '20:00',
            reasonNl: 'Kerstavond: vanaf 13.00 uur gesloten',
            reasonEn: 'Christmas Eve: closed from 1 pm',
          },
          { date: '2026-12-31', kind: 'closed', reasonNl: 'Oudejaarsdag', reasonEn: "New Year's Eve" },
        ],
      },
      {
        slug: 'informatiepunt-noord',
        name: 'Informatiepunt Stadswaard-Noord',
        street: 'Bibliotheekplein 4',
        postalCode: '1235 CD',
        city: 'Stadswaard',
        accessibility: ['step-free', 'hearing-loop', 'accessible-toilet'],
        gridMinutes: 10,
        services: quickServices,
        counters: [{ name: 'Balie A', stepFree: true }, { name: 'Balie B' }],
        // The Saturday morning is here, in the library.
        hours: [...weekdays([2, 4], '09:00', '12:30'), { weekday: 6, opens: '09:30', closes: '12:30' }],
        exceptions: [
          {
            date: '2027-01-14',
            kind: 'closed',
            reasonNl: 'Gesloten wegens verbouwing',
            reasonEn: 'Closed for renovation',
          },
        ],
      },
      {
        slug: 'informatiepunt-zuid',
        name: 'Informatiepunt Stadswaard-Zuid',
        street: 'Wijkcentrum De Linde, Lindelaan 20',
        postalCode: '1236 EF',
        city: 'Stadswaard',
        accessibility: ['step-free', 'guide-dogs'],
        gridMinutes: 15,
        services: ['paspoort', 'identiteitskaart', 'uittreksel-brp'],
        counters: [{ name: 'Balie Zuid', stepFree: true }],
        hours: weekdays([1, 3], '13:00', '16:30'),
        exceptions: [],
      },
    ],
  },
  {
    slug: 'veenhoven',
    name: 'Veenhoven',
    emailFrom: 'noreply@veenhoven.example',
    phone: '0123 45 67 89',
    websiteUrl: 'https://www.veenhoven.example',
    widgetOrigins: ['https://www.veenhoven.example', 'http://localhost:3000'],
    retentionDays: 30,
    locations: [
      {
        slug: 'gemeentehuis-veenhoven',
        name: 'Gemeentehuis Veenhoven',
        street: 'Dorpsstraat 10',
        postalCode: '7890 XY',
        city: 'Veenhoven',
        accessibility: ['step-free', 'hearing-loop', 'accessible-toilet', 'disabled-parking'],
        gridMinutes: 10,
        services: allServices,
        counters: [
          { name: 'Balie 1', stepFree: true },
          { name: 'Balie 2' },
          { name: 'Balie 3', services: ['naturalisatie', 'huwelijk-melden', 'verhuizing', 'uittreksel-brp'] },
        ],
        // Closed over lunch; Tuesday evening for people who work during the day.
        hours: [
          ...weekdays([1, 2, 3, 4, 5], '08:30', '12:30'),
          ...weekdays([1, 3, 4], '13:30', '16:30'),
          { weekday: 2, opens: '13:30', closes: '20:00' },
        ],
        exceptions: [
          {
            date: '2026-12-19',
            kind: 'open',
            opens: '10:00',
            closes: '13:00',
            reasonNl: 'Voor de feestdagen zijn we op zaterdag extra open',
            reasonEn: 'Open on Saturday morning before the holidays',
          },
          {
            date: '2026-12-24',
            kind: 'closed',
            opens: '12:30',
            closes: '20:00',
            reasonNl: "Kerstavond: 's middags gesloten",
            reasonEn: 'Christmas Eve: closed in the afternoon',
          },
        ],
      },
    ],
  },
];

/** Demo staff accounts (DESIGN, "Staff API"): one per role in Stadswaard, the front office of Veenhoven. */
const demoStaff = [
  { email: 'balie@stadswaard.demo', name: 'Sanne de Balie', role: 'front_office', municipality: 'stadswaard' },
  { email: 'beheer@stadswaard.demo', name: 'Ahmed Beheer', role: 'location_manager', municipality: 'stadswaard' },
  { email: 'admin@stadswaard.demo', name: 'Inge Admin', role: 'admin', municipality: 'stadswaard' },
  { email: 'balie@veenhoven.demo', name: 'Joost de Balie', role: 'front_office', municipality: 'veenhoven' },
] as const;

/**
 * Loads the demo data into an empty database; does nothing (and returns false) when any municipality exists.
 * The demo staff accounts share `staffPassword` (DEMO_STAFF_PASSWORD).
 */
export async function loadDemoData(executor: Executor, options: { staffPassword?: string } = {}): Promise<boolean> {
  const passwordHash = await hashPassword(options.staffPassword ?? 'balie-demo');
  return executor.transaction(async (tx) => {
    // Two processes starting at once on an empty database must not both load.
    await tx.execute(sql`lock table ${s.municipalities} in share row exclusive mode`);
    const existing = await tx.select({ id: s.municipalities.id }).from(s.municipalities).limit(1);
    if (existing.length > 0) return false;
    for (const { locations, ...municipality } of demoMunicipalities) {
      const [m] = await tx.insert(s.municipalities).values(municipality).returning({ id: s.municipalities.id });
      const serviceRows = await tx
        .insert(s.services)
        .values(services.map((service) => ({ ...service, municipalityId: m!.id })))
        .returning({ id: s.services.id, slug: s.services.slug });
      const serviceId = (slug: string) => serviceRows.find((row) => row.slug === slug)!.id;
      for (const { services: offered, counters, hours, exceptions, ...location } of locations) {
        const [l] = await tx
          .insert(s.locations)
          .values({ ...location, municipalityId: m!.id })
          .returning({ id: s.locations.id });
        await tx
          .insert(s.locationServices)
          .values(offered.map((slug) => ({ locationId: l!.id, serviceId: serviceId(slug) })));
        for (const { services: only, ...counter } of counters) {
          const [c] = await tx
            .insert(s.counters)
            .values({ ...counter, locationId: l!.id })
            .returning({ id: s.counters.id });
          if (only)
            await tx
              .insert(s.counterServices)
              .values(only.map((slug) => ({ counterId: c!.id, serviceId: serviceId(slug) })));
        }
        await tx
          .insert(s.openingHours)
          .values(hours.map((h) => ({ locationId: l!.id, weekday: h.weekday, opens: h.opens, closes: h.closes })));
        if (exceptions.length)
          await tx.insert(s.openingExceptions).values(exceptions.map((e) => ({ ...e, locationId: l!.id })));
      }
    }
    const municipalityRows = await tx
      .select({ id: s.municipalities.id, slug: s.municipalities.slug })
      .from(s.municipalities);
    await tx.insert(s.staffUsers).values(
      demoStaff.map(({ municipality, ...account }) => ({
        ...account,
        municipalityId: municipalityRows.find((m) => m.slug === municipality)!.id,
        passwordHash,
      })),
    );
    return true;
  });
}
