// What residents read says days, times and durations in words: no raw ISO date, minute count or slug; a day that
// is over is over (not "full"); a public holiday has its name in the resident's language.
import t from 'tap';
import { onEachDatabase } from '../helpers/app.js';

const ISO = /\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/;

onEachDatabase(t, async (t, { app, clock }) => {
  const days = async (query: string, language = 'nl') => {
    const answer = await app.inject({
      url: `/api/v1/availability?location=stadskantoor&items=paspoort:1&${query}`,
      headers: { 'accept-language': language },
    });
    t.equal(answer.statusCode, 200);
    return answer.json().days as { date: string; open: boolean; reasonCode?: string; reason?: string }[];
  };

  t.test('late in the evening, today is over for booking, not full', async (t) => {
    clock.set('2026-11-30T21:30:00Z');
    const [today] = await days('from=2026-11-30&to=2026-11-30');
    t.match(today, { open: true, reasonCode: 'past', reason: 'Vandaag kun je geen afspraak meer maken.' });
    const [english] = await days('from=2026-11-30&to=2026-11-30', 'en');
    t.equal(english!.reason, 'You can no longer book a time for today.');
  });

  t.test('a day beyond the horizon names the last day in words', async (t) => {
    clock.set('2026-11-30T08:00:00Z');
    const later = (await days('from=2027-03-01&to=2027-03-03')).find((d) => d.reasonCode === 'beyond-horizon');
    t.ok(later, 'a day beyond the booking horizon');
    t.notMatch(later!.reason, ISO, `no raw date: "${later!.reason}"`);
    t.match(later!.reason, /tot en met \w+dag \d+ \w+ 2027\./);
  });

  t.test('too short notice says how long in words and when, without minute counts or ISO times', async (t) => {
    clock.set('2026-11-30T08:00:00Z');
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      payload: {
        location: 'stadskantoor',
        items: [{ service: 'paspoort', persons: 1 }],
        start: '2026-11-30T09:20:00+01:00',
        name: 'Kort Dag',
        email: 'kort@example.nl',
      },
    });
    t.equal(refused.statusCode, 422);
    const { detail } = refused.json();
    t.notMatch(detail, ISO, `no ISO time: "${detail}"`);
    t.notMatch(detail, /\b\d{2,} minuten\b/, 'no count of minutes');
    t.match(detail, /minstens 1 uur van tevoren/);
    t.match(detail, /maandag 30 november 2026 om 10\.00 uur/);
  });

  t.test('a public holiday is named in the resident language', async (t) => {
    clock.set('2026-11-30T08:00:00Z');
    const nl = (await days('from=2026-12-25&to=2026-12-26')).map((d) => d.reason);
    const en = (await days('from=2026-12-25&to=2026-12-26', 'en')).map((d) => d.reason);
    t.same(nl, ['Kerstmis', 'Tweede kerstdag']);
    t.same(en, ['Christmas Day', 'Boxing Day']);
  });
});
