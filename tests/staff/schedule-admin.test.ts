// A location manager changes opening hours, exceptions, counters and service settings (#15): checked field by
// field in plain Dutch, impact first (stranded appointments refused until confirmed, a dry run that counts the start
// times residents gain and lose with the availability engine itself), and seen by every process at once.
import { sql } from 'drizzle-orm';
import t from 'tap';
import { queryRows } from '../../src/platform/database/database.js';
import { stop } from '../bench/measure.js';
import { onEachDatabase } from '../helpers/app.js';
import { bookOnline } from '../helpers/booking.js';
import { eventually } from '../helpers/eventually.js';
import { startSecondServer } from '../helpers/second-server.js';
import { loginAs } from '../helpers/staff.js';

type Hours = {
  weekly: { weekday: number; opens: string; closes: string; counters?: string[] }[];
  exceptions: { date: string; kind: string; opens?: string; closes?: string; reason?: string }[];
};
const DAY_MS = 24 * 60 * 60 * 1000;

type Day = {
  date: string;
  open: boolean;
  reasonCode?: string;
  reason?: string;
  slots: { start: string; available: number }[];
};

onEachDatabase(t, async (t, { app, clock, kind, url }) => {
  clock.set('2026-12-01T07:00:00Z');
  const manager = await loginAs(app, 'beheer@stadswaard.demo');
  const hoursUrl = '/api/v1/staff/locations/stadskantoor/opening-hours';
  const current = async (): Promise<Hours> => (await manager.inject({ url: hoursUrl })).json();
  const put = (payload: object, query = '') => manager.inject({ method: 'PUT', url: `${hoursUrl}${query}`, payload });
  const days = async (target: typeof app, query: string): Promise<Day[]> => {
    const response = await target.inject({ url: `/api/v1/availability?location=stadskantoor&${query}` });
    if (response.statusCode !== 200) throw new Error(response.body);
    return response.json().days;
  };
  const book = async (start: string, n: number) => {
    const response = await bookOnline(app, { start, name: `Avond ${n}`, email: `avond${n}@example.nl` });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json().reference as string;
  };

  t.test('wrong periods each get a field error in plain Dutch, and nothing is saved', async (t) => {
    const before = await current();
    const response = await put({
      weekly: [
        { weekday: 1, opens: '09:00', closes: '12:00' },
        { weekday: 1, opens: '11:00', closes: '13:00' },
        { weekday: 2, opens: '17:00', closes: '09:00' },
        { weekday: 3, opens: '09:05', closes: '12:00' },
        { weekday: 5, opens: '09:00', closes: '17:00', validFrom: '2027-02-01', validUntil: '2027-01-01' },
        { weekday: 6, opens: '9 uur', closes: '12:00', counters: ['balie-9'] },
      ],
      exceptions: [{ date: '2026-12-18', kind: 'closed' }],
    });
    t.equal(response.statusCode, 422, response.body);
    const problem = response.json();
    t.equal(problem.code, 'schedule_invalid');
    const message = (field: string) => problem.errors.find((e: { field: string }) => e.field === field)?.message;
    t.match(message('weekly.1.opens'), 'Deze tijden overlappen met regel 1 (9.00 tot 12.00 uur)');
    t.match(message('weekly.2.closes'), 'De sluittijd (9.00 uur) moet na de openingstijd (17.00 uur) liggen.');
    t.match(message('weekly.3.opens'), 'Afspraken beginnen hier om de 10 minuten');
    t.match(message('weekly.4.validUntil'), 'De einddatum moet op of na de begindatum liggen.');
    t.match(message('weekly.5.opens'), 'Dit is geen tijd');
    t.match(message('weekly.5.counters'), 'Deze locatie heeft geen balie "balie-9"');
    t.match(message('exceptions.0.reason'), 'Schrijf erbij waarom');
    t.same(await current(), before, 'nothing saved');
  });

  t.test('a change that strands 3 appointments: 409 listing them, saved with confirm', async (t) => {
    // Thursday's evening opening (until 20.00) goes.
    const evening = [
      await book('2026-12-03T17:30:00+01:00', 1),
      await book('2026-12-03T18:00:00+01:00', 2),
      await book('2026-12-10T19:00:00+01:00', 3),
    ];
    await book('2026-12-03T16:00:00+01:00', 4); // inside the new hours: not stranded
    const hours = await current();
    const change = {
      ...hours,
      weekly: hours.weekly.map((r) => (r.weekday === 4 && !r.counters ? { ...r, closes: '17:00' } : r)),
    };
    const range = 'items=paspoort&from=2026-12-01&to=2027-01-11';
    const before = await days(app, range);

    const dry = await put(change, '?dryRun=true');
    t.equal(dry.statusCode, 200, dry.body);
    const preview = dry.json();
    t.equal(preview.dryRun, true);
    t.same(preview.stranded.map((s: { reference: string }) => s.reference).sort(), [...evening].sort());
    t.equal(preview.impact.length, 42, 'six weeks, day by day');

    const refused = await put(change);
    t.equal(refused.statusCode, 409, refused.body);
    t.equal(refused.json().code, 'hours_strand_appointments');
    t.same([...refused.json().appointments].sort(), [...evening].sort(), 'exactly those 3');
    t.match(refused.json().detail, /vallen 3 afspraken buiten de openingstijden/);
    t.same(await days(app, range), before, 'nothing changed yet');

    const saved = await put({ ...change, confirm: true });
    t.equal(saved.statusCode, 200, saved.body);
    t.same(
      saved
        .json()
        .stranded.map((s: { reference: string }) => s.reference)
        .sort(),
      [...evening].sort(),
    );
    t.match(
      saved.json().weekly.find((r: { weekday: number; counters?: string[] }) => r.weekday === 4 && !r.counters),
      { opens: '09:00', closes: '17:00' },
    );
    const statuses = await queryRows<{ status: string }>(
      app.deps.db,
      sql`select status from appointments where reference = any(${`{${evening.join(',')}}`}::text[])`,
    );
    t.same(
      statuses.map((s) => s.status),
      ['booked', 'booked', 'booked'],
      'they stay booked: afspraak is afspraak',
    );

    // The dry run's gains and losses are what the availability API shows before and after.
    const after = await days(app, range);
    const starts = (list: Day[], date: string) =>
      new Set(
        list
          .find((d) => d.date === date)!
          .slots.filter((s) => s.available > 0)
          .map((s) => s.start),
      );
    let lostInAll = 0;
    for (const day of preview.impact as {
      date: string;
      services: { service: string; gained: number; lost: number }[];
    }[]) {
      const b = starts(before, day.date);
      const a = starts(after, day.date);
      const lost = [...b].filter((s) => !a.has(s)).length;
      const gained = [...a].filter((s) => !b.has(s)).length;
      const paspoort = day.services.find((s) => s.service === 'paspoort') ?? { gained: 0, lost: 0 };
      t.same([paspoort.gained, paspoort.lost], [gained, lost], `${day.date}: +${gained} −${lost}`);
      lostInAll += lost;
    }
    t.ok(lostInAll > 0, `the Thursday evenings are lost (${lostInAll} start times)`);
  });

  t.test('holidays stay closed unless an extra opening says otherwise; a closed date shows its reason', async (t) => {
    const hours = await current();
    const range = 'items=paspoort&from=2026-12-25&to=2026-12-25';
    t.equal((await days(app, range))[0]!.reasonCode, 'holiday', 'Christmas Day is a public holiday');
    const saved = await put({
      ...hours,
      exceptions: [
        ...hours.exceptions,
        { date: '2026-12-25', kind: 'open', opens: '10:00', closes: '12:00' },
        { date: '2026-12-18', kind: 'closed', reason: 'Studiedag', reasonEn: 'Staff training day' },
      ],
    });
    t.equal(saved.statusCode, 200, saved.body);
    const christmas = (await days(app, range))[0]!;
    t.equal(christmas.open, true);
    t.equal(christmas.slots[0]!.start, '2026-12-25T10:00:00+01:00', 'open from 10.00 by the extra opening');
    const studyDay = (await days(app, 'items=paspoort&from=2026-12-18&to=2026-12-18'))[0]!;
    t.match(studyDay, { open: false, reasonCode: 'closure', reason: 'Studiedag' }, "the day's reason for residents");
  });

  t.test('counters: add, rename, close online, choose services; conflicts are plain', async (t) => {
    const counters = '/api/v1/staff/locations/stadskantoor/counters';
    const created = await manager.inject({
      method: 'POST',
      url: counters,
      payload: { name: 'Balie 6', online: false, services: ['paspoort', 'identiteitskaart'] },
    });
    t.equal(created.statusCode, 201, created.body);
    t.same(created.json(), {
      slug: 'balie-6',
      name: 'Balie 6',
      online: false,
      stepFree: false,
      services: ['paspoort', 'identiteitskaart'],
    });
    const taken = await manager.inject({ method: 'POST', url: counters, payload: { name: 'Balie 6' } });
    t.same([taken.statusCode, taken.json().code], [409, 'counter_name_taken']);
    const unknown = await manager.inject({ method: 'POST', url: counters, payload: { name: 'X', services: ['vis'] } });
    t.same([unknown.statusCode, unknown.json().errors[0].field], [422, 'services.0']);

    const renamed = await manager.inject({
      method: 'PATCH',
      url: `${counters}/balie-6`,
      payload: { name: 'Balie 6 (snel)', online: true },
    });
    t.match(renamed.json(), { slug: 'balie-6', name: 'Balie 6 (snel)', online: true }, 'the slug stays');
    t.ok((await manager.inject({ url: counters })).json().counters.some((c: { slug: string }) => c.slug === 'balie-6'));

    // Balie 2 stops serving passports while a passport is booked there: 409, then confirmed.
    const frontOffice = await loginAs(app, 'balie@stadswaard.demo');
    const booked = await frontOffice.inject({
      method: 'POST',
      url: '/api/v1/staff/appointments',
      payload: {
        location: 'stadskantoor',
        items: [{ service: 'paspoort', persons: 1 }],
        start: '2026-12-04T10:00:00+01:00',
        counter: 'balie-2',
        name: 'Balie Twee',
        channel: 'phone',
      },
    });
    const reference = booked.json().reference;
    const narrowed = { services: ['uittreksel-brp'] };
    const refused = await manager.inject({ method: 'PATCH', url: `${counters}/balie-2`, payload: narrowed });
    t.same(
      [refused.statusCode, refused.json().code, refused.json().appointments],
      [409, 'counter_has_appointments', [reference]],
    );
    const away = await manager.inject({
      method: 'PATCH',
      url: `${counters}/balie-2`,
      payload: { active: false, confirm: true },
    });
    t.equal(away.statusCode, 409, 'a counter with appointments is not taken away, even when confirmed');
    const confirmed = await manager.inject({
      method: 'PATCH',
      url: `${counters}/balie-2`,
      payload: { ...narrowed, confirm: true },
    });
    t.match(confirmed.json(), { slug: 'balie-2', services: ['uittreksel-brp'] });
    const gone = await manager.inject({ method: 'PATCH', url: `${counters}/balie-6`, payload: { active: false } });
    t.equal(gone.statusCode, 200, gone.body);
    t.notOk(
      (await manager.inject({ url: counters })).json().counters.some((c: { slug: string }) => c.slug === 'balie-6'),
      'taken away',
    );
  });

  t.test('service settings per location change what residents can book at once', async (t) => {
    const services = '/api/v1/staff/locations/stadskantoor/services';
    const list = (await manager.inject({ url: services })).json();
    t.match(
      list.services.find((s: { service: string }) => s.service === 'rijbewijs'),
      { own: [] },
    );
    const changed = await manager.inject({
      method: 'PATCH',
      url: `${services}/rijbewijs`,
      payload: { minutesPerPerson: 25, fixedMinutes: 5 },
    });
    t.match(changed.json(), { minutesPerPerson: 25, fixedMinutes: 5, own: ['minutesPerPerson', 'fixedMinutes'] });
    const answer = await app.inject({ url: '/api/v1/availability?location=stadskantoor&items=rijbewijs' });
    t.equal(answer.json().durationMinutes, 30, 'residents book 30 minutes now');
    const other = await app.inject({ url: '/api/v1/availability?location=informatiepunt-noord&items=rijbewijs' });
    t.not(other.json().durationMinutes, 30, 'another location keeps the service as it was');
    const back = await manager.inject({
      method: 'PATCH',
      url: `${services}/rijbewijs`,
      payload: { minutesPerPerson: null, fixedMinutes: null },
    });
    t.match(back.json(), { own: [] });
    const zero = await manager.inject({
      method: 'PATCH',
      url: `${services}/rijbewijs`,
      payload: { minutesPerPerson: 0, fixedMinutes: 0 },
    });
    t.equal(zero.statusCode, 422, 'an appointment takes some time');
  });

  if (kind === 'postgres') {
    t.test('an exception saved through one process is seen by another server process within 2 s', async (t) => {
      // A real second process on the same database, with the real clock: the date is two weeks from today's Tuesday.
      const other = await startSecondServer(t, url!);
      t.teardown(() => stop(other.child));
      const today = new Date();
      const date = new Date(today.getTime() + ((9 - today.getUTCDay()) % 7) * DAY_MS + 14 * DAY_MS)
        .toISOString()
        .slice(0, 10);
      const otherDay = async () => {
        const response = await fetch(
          `${other.app}/api/v1/availability?location=stadskantoor&items=paspoort&from=${date}&to=${date}`,
        );
        if (response.status !== 200) throw new Error(await response.text());
        return ((await response.json()) as { days: Day[] }).days[0]!;
      };
      t.equal((await otherDay()).open, true, `the other process has ${date} open (and cached)`);
      const hours = await current();
      const saved = await put({
        ...hours,
        exceptions: [...hours.exceptions, { date, kind: 'closed', reason: 'Verhuizing van de balie' }],
      });
      t.equal(saved.statusCode, 200, saved.body);
      const started = Date.now();
      t.ok(
        await eventually(async () => (await otherDay()).reason === 'Verhuizing van de balie'),
        'the other process shows the closure',
      );
      t.ok(Date.now() - started < 2000, `within ${Date.now() - started} ms`);
    });
  }
});
