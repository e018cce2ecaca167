import t from 'tap';
import { onEachDatabase } from '../helpers/app.js';
import { parseCalendar as parse, TEN_OCLOCK_ACROSS_DST } from '../helpers/ical.js';

onEachDatabase(
  t,
  async (t, { app, clock }) => {
    const book = async (start: string, extra: object = {}) =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/appointments',
          payload: {
            location: 'stadskantoor',
            items: [{ service: 'paspoort', persons: 2 }],
            start,
            name: 'Fatima El Amrani',
            email: 'fatima@example.nl',
            ...extra,
          },
        })
      ).json();
    const download = (reference: string, token: string) =>
      app.inject({
        url: `/api/v1/appointments/${reference}/calendar.ics`,
        headers: { authorization: `Bearer ${token}` },
      });

    t.test('10:00 in summer and in winter time lands at 10:00 Amsterdam time, whatever the process zone', async (t) => {
      for (const [now, start, utc] of TEN_OCLOCK_ACROSS_DST) {
        clock.set(now);
        const booked = await book(start);
        const res = await download(booked.reference, booked.manageToken);
        t.equal(res.statusCode, 200);
        t.match(res.headers['content-type'], /^text\/calendar/);
        t.match(res.headers['content-disposition'], /afspraak-[A-Z0-9-]+\.ics/);
        const { calendar, vevent, event } = parse(res.body);
        t.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
        t.equal(vevent.getFirstProperty('dtstart')!.getParameter('tzid'), 'Europe/Amsterdam');
        t.equal(event.startDate.toJSDate().toISOString(), utc, start);
        t.equal(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime(), 20 * 60_000);
        t.match(res.body, /DTSTAMP:\d{8}T\d{6}Z/, 'DTSTAMP in UTC');
      }
    });

    t.test(
      'the file names the services, the place, the reference, what to bring and the manage page (no token), nothing ' +
        'of the needs',
      async (t) => {
        clock.set('2026-11-30T08:00:00Z');
        const booked = await book('2026-12-03T10:00:00+01:00', {
          needs: { interpreter: 'Tigrinya', extraTime: true },
          phone: '0612345678',
        });
        const res = await download(booked.reference, booked.manageToken);
        const { vevent, event } = parse(res.body);
        t.equal(event.uid, `${event.uid.split('@')[0]}@balie.test`);
        t.equal(event.summary, 'Afspraak gemeente Stadswaard: Paspoort aanvragen');
        t.equal(event.location, 'Stadskantoor Stadswaard, Markt 1, 1234 AB Stadswaard');
        t.match(event.description, booked.reference);
        t.match(event.description, 'Een pasfoto van minder dan 6 maanden oud');
        t.match(event.description, 'Ringleiding voor slechthorenden');
        t.match(event.description, `/afspraak/${booked.reference}`, 'the manage page');
        t.notOk(event.description.includes(booked.manageToken), 'without the token');
        t.notMatch(res.body, /Tigrinya|0612345678|extraTime/i, 'no needs and no phone number in the file');
        t.equal(vevent.getFirstProperty('attendee')!.getParameter('rsvp'), 'FALSE');
        t.match(String(vevent.getFirstPropertyValue('organizer')), /mailto:noreply@stadswaard\.example/i);
        t.ok(vevent.getFirstSubcomponent('valarm'), 'a reminder alarm');
      },
    );

    t.test('a move keeps the UID and raises the sequence; a wrong token gets 404', async (t) => {
      clock.set('2026-11-30T08:00:00Z');
      const booked = await book('2026-12-04T10:00:00+01:00');
      const before = parse((await download(booked.reference, booked.manageToken)).body).event;
      await app.inject({
        method: 'POST',
        url: `/api/v1/appointments/${booked.reference}/reschedule`,
        headers: { authorization: `Bearer ${booked.manageToken}` },
        payload: { start: '2026-12-04T11:00:00+01:00' },
      });
      const after = parse((await download(booked.reference, booked.manageToken)).body).event;
      t.equal(after.uid, before.uid);
      t.equal(before.sequence, 0);
      t.equal(after.sequence, 1);
      t.equal((await download(booked.reference, 'not-the-token')).statusCode, 404);
      const byHeader = await app.inject({
        url: `/api/v1/appointments/${booked.reference}/calendar.ics`,
        headers: { authorization: `Bearer ${booked.manageToken}` },
      });
      t.equal(byHeader.statusCode, 200);
    });
  },
  { env: { RATE_LIMIT_PER_MINUTE: '1000' } },
);
