import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import t from 'tap';
import { createMailer } from '../../src/notify/mailer.js';
import { MAX_ATTEMPTS, processOutbox, retryDelayMs } from '../../src/notify/outbox-worker.js';
import { queryRows } from '../../src/platform/database/database.js';
import { claimMessages } from '../../src/platform/outbox-store.js';
import { onEachDatabase, testConfig } from '../helpers/app.js';
import { bookOnline } from '../helpers/booking.js';
import { parseCalendar, TEN_OCLOCK_ACROSS_DST } from '../helpers/ical.js';
import { startSmtp } from '../helpers/smtp.js';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** The calendar part of a mail, parsed, with its METHOD. */
const calendarOf = (mail: ParsedMail) =>
  parseCalendar(mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))!.content.toString('utf8'));

onEachDatabase(
  t,
  async (t, { app, database, clock }) => {
    const smtp = await startSmtp();
    t.teardown(smtp.close);
    const mailer = createMailer(testConfig({ SMTP_URL: smtp.url }), quiet);
    t.teardown(() => mailer.close());
    const drain = () => processOutbox(app.deps, mailer, { limit: 50 });
    clock.set('2026-11-30T08:00:00Z');

    t.test('book, move, cancel: three mails whose calendar parts keep the UID and raise the sequence', async (t) => {
      const booked = (
        await app.inject({
          method: 'POST',
          url: '/api/v1/appointments',
          payload: {
            location: 'stadskantoor',
            items: [
              { service: 'paspoort', persons: 1 },
              { service: 'rijbewijs', persons: 1 },
            ],
            start: '2026-12-08T10:00:00+01:00',
            name: 'Jan Jansen',
            email: 'jan@example.nl',
          },
        })
      ).json();
      await drain();
      const auth = { authorization: `Bearer ${booked.manageToken}` };
      await app.inject({
        method: 'POST',
        url: `/api/v1/appointments/${booked.reference}/reschedule`,
        headers: auth,
        payload: { start: '2026-12-09T11:00:00+01:00' },
      });
      await drain();
      await app.inject({ method: 'POST', url: `/api/v1/appointments/${booked.reference}/cancel`, headers: auth });
      await drain();
      const mine = smtp.mails.filter((m) => m.to && JSON.stringify(m.to).includes('jan@example.nl'));
      t.equal(mine.length, 3, 'one mail per change, no reminder or feedback after the cancellation');
      const [confirmation, moved, cancelled] = mine.map((m) => ({ mail: m, ...calendarOf(m) }));
      t.same([confirmation!.method, moved!.method, cancelled!.method], ['REQUEST', 'REQUEST', 'CANCEL']);
      t.equal(moved!.event.uid, confirmation!.event.uid);
      t.equal(cancelled!.event.uid, confirmation!.event.uid);
      t.same([confirmation!.event.sequence, moved!.event.sequence, cancelled!.event.sequence], [0, 1, 2]);
      t.equal(cancelled!.status, 'CANCELLED');
      t.equal(confirmation!.event.startDate.toJSDate().toISOString(), '2026-12-08T09:00:00.000Z');
      t.equal(moved!.event.startDate.toJSDate().toISOString(), '2026-12-09T10:00:00.000Z');

      const text = confirmation!.mail.text!;
      t.match(confirmation!.mail.subject, /^Afspraak bevestigd: dinsdag 8 december 2026 om 10\.00 uur/);
      t.match(text, booked.reference);
      t.match(text, 'Je huidige rijbewijs');
      t.match(text, booked.manageUrl, 'the manage link, derived again from the key');
      t.match(text, /Bel 14 0123/);
      t.match(confirmation!.mail.html as string, /<ul><li>/);
      t.match(confirmation!.mail.messageId, /@balie\.test>$/);
      const qr = confirmation!.mail.attachments.find((a) => a.contentType === 'image/png');
      t.ok(qr, 'the confirmation carries the reference as a QR code');
      t.equal(qr!.content.subarray(1, 4).toString('latin1'), 'PNG');
      t.ok(qr!.cid && qr!.related, 'shown inline by its content id');
      t.match(confirmation!.mail.html as string, `alt="QR-code van je afspraakcode ${booked.reference}"`);
      t.match(text, /Laat de QR-code hieronder scannen bij de balie/);
      t.notOk(
        cancelled!.mail.attachments.some((a) => a.contentType === 'image/png'),
        'a cancellation has nothing to scan',
      );
      t.match(cancelled!.mail.text!, /Deze tijden zijn nog vrij:\n- /, 'a cancellation offers free times');
      const offered = [...cancelled!.mail.text!.matchAll(/^- (.+ om \d{1,2}\.\d\d uur), (.+): (http\S+)$/gm)];
      t.equal(offered.length, 3, 'three, each with the place and a link');
      t.ok(
        offered.every((o) => !/-/.test(o[2]!)),
        `named, not slugs (${offered.map((o) => o[2]).join(', ')})`,
      );
      t.match(offered[0]![3], /^http:\/\/balie\.test\/afspraak-maken\/stadswaard\?dienst=paspoort&locatie=/);
      const html = cancelled!.mail.html as string;
      t.match(html, /<a href="http:\/\/balie\.test\/afspraak-maken\/stadswaard\?dienst=paspoort&amp;locatie=/);
      t.match(
        cancelled!.mail.text!,
        'Een nieuwe afspraak maken kan hier: http://balie.test/afspraak-maken/stadswaard?dienst=paspoort&taal=nl',
        "book again on the municipality's booking page",
      );
      t.match(
        confirmation!.mail.html as string,
        `<a href="http://balie.test/afspraak/${booked.reference}?gemeente=stadswaard&amp;taal=nl#`,
        'the manage link is a real link in the HTML part',
      );
      const html2 = confirmation!.mail.html as string;
      t.match(
        html2,
        /<dl><dt[^>]*>Wat<\/dt><dd[^>]*>Paspoort aanvragen voor 1 persoon, Rijbewijs verlengen voor 1 persoon/,
      );
      t.notMatch(html2, /Wanneer:/, 'the facts are a description list in HTML, not lines');
      const htmlText = html2
        .replace(/<[^>]+>/g, ' ')
        .replaceAll('&amp;', '&')
        .replace(/\s+/g, ' ');
      const missing = confirmation!.mail
        .text!.split('\n')
        .map((line) => line.replace(/^- /, '').trim())
        .filter(Boolean)
        .flatMap((line) => (/^[A-Z][a-z ]+: /.test(line) ? line.split(/: (.*)/s).slice(0, 2) : [line]))
        .filter((part) => !htmlText.includes(part.replace(/\s+/g, ' ')));
      t.same(missing, [], 'the HTML part says everything the plain text says');
      t.ok(
        confirmation!.mail.text!.indexOf(booked.manageUrl) < confirmation!.mail.text!.indexOf('Neem mee'),
        'the manage link comes before what to bring',
      );
    });

    t.test('an English resident gets English mail; the reminder comes 24 hours before', async (t) => {
      const booked = (
        await app.inject({
          method: 'POST',
          url: '/api/v1/appointments',
          payload: {
            location: 'gemeentehuis-veenhoven',
            items: [{ service: 'uittreksel-brp', persons: 1 }],
            start: '2026-12-10T09:00:00+01:00',
            name: 'Maria Silva',
            email: 'maria@example.nl',
            language: 'en',
          },
        })
      ).json();
      t.equal(booked.status, 'booked');
      await drain();
      const confirmation = smtp.mails.find((m) => JSON.stringify(m.to).includes('maria@example.nl'))!;
      t.match(confirmation.subject, /^Appointment confirmed: Thursday 10 December 2026 at 09:00/);
      t.match(confirmation.text!, /Please bring:/);
      clock.set('2026-12-09T07:59:00Z');
      await drain();
      t.equal(smtp.mails.filter((m) => JSON.stringify(m.to).includes('maria@example.nl')).length, 1, 'not yet');
      clock.set('2026-12-09T08:00:00Z');
      await drain();
      const reminder = smtp.mails.filter((m) => JSON.stringify(m.to).includes('maria@example.nl'))[1]!;
      t.match(reminder.subject, /^Reminder: your appointment on Thursday 10 December 2026 at 09:00/);
      clock.set('2026-12-10T10:15:00Z');
      await drain();
      const feedback = smtp.mails.filter((m) => JSON.stringify(m.to).includes('maria@example.nl'))[2]!;
      t.match(feedback.subject, /How was your visit/);
      clock.set('2026-11-30T08:00:00Z');
    });

    t.test(
      'a worker that dies between claiming and marking loses nothing: the claim runs out and the mail goes',
      async (t) => {
        await app.inject({
          method: 'POST',
          url: '/api/v1/appointments',
          payload: {
            location: 'stadskantoor',
            items: [{ service: 'paspoort', persons: 1 }],
            start: '2026-12-11T10:00:00+01:00',
            name: 'Kees',
            email: 'kees@example.nl',
          },
        });
        const claimed = await claimMessages(database.db, clock.now(), 50, 2 * 60_000); // …and then the worker dies
        t.ok(claimed.some((r) => r.kind === 'confirmation'));
        t.equal(await drain(), 0, 'still leased');
        clock.set('2026-11-30T08:02:01Z');
        await drain();
        t.equal(smtp.mails.filter((m) => JSON.stringify(m.to).includes('kees@example.nl')).length, 1);
        clock.set('2026-11-30T08:00:00Z');
      },
    );

    t.test('with SMTP down the booking still succeeds; the mail waits and goes once SMTP is back', async (t) => {
      const down = await startSmtp();
      await down.close();
      const offline = createMailer(testConfig({ SMTP_URL: down.url }), quiet);
      const booked = await app.inject({
        method: 'POST',
        url: '/api/v1/appointments',
        payload: {
          location: 'stadskantoor',
          items: [{ service: 'paspoort', persons: 1 }],
          start: '2026-12-14T10:00:00+01:00',
          name: 'Els',
          email: 'els@example.nl',
        },
      });
      t.equal(booked.statusCode, 201);
      await processOutbox(app.deps, offline, { limit: 50 });
      const [row] = await queryRows<{ status: string; attempts: number }>(
        database.db,
        sql`
      select o.status, o.attempts from outbox o join appointments a on a.id = o.appointment_id where a.email =
        'els@example.nl' and o.kind = 'confirmation'`,
      );
      t.same(row, { status: 'pending', attempts: 1 });
      const back = await startSmtp(down.port);
      t.teardown(back.close);
      const online = createMailer(testConfig({ SMTP_URL: back.url }), quiet);
      clock.set('2026-11-30T08:01:00Z');
      await processOutbox(app.deps, online, { limit: 50 });
      t.equal(back.mails.filter((m) => JSON.stringify(m.to).includes('els@example.nl')).length, 1);
      offline.close();
      online.close();
      clock.set('2026-11-30T08:00:00Z');
    });
    t.test('the e-mail calendar part says 10:00 Amsterdam time in summer and in winter time', async (t) => {
      for (const [now, start, utc] of TEN_OCLOCK_ACROSS_DST) {
        clock.set(now);
        const email = `dst-${start.slice(0, 10)}@example.nl`;
        await app.inject({
          method: 'POST',
          url: '/api/v1/appointments',
          payload: {
            location: 'stadskantoor',
            items: [{ service: 'paspoort', persons: 1 }],
            start,
            name: 'Tijd',
            email,
          },
        });
        await drain();
        const mail = smtp.mails.find((m) => JSON.stringify(m.to).includes(email))!;
        t.equal(calendarOf(mail).event.startDate.toJSDate().toISOString(), utc, start);
      }
      clock.set('2026-11-30T08:00:00Z');
    });

    t.test('no reminder for an appointment made less than REMINDER_HOURS before it', async (t) => {
      clock.set('2026-12-01T07:00:00Z');
      await app.inject({
        method: 'POST',
        url: '/api/v1/appointments',
        payload: {
          location: 'stadskantoor',
          items: [{ service: 'paspoort', persons: 1 }],
          start: '2026-12-01T16:00:00+01:00',
          name: 'Laat',
          email: 'laat@example.nl',
        },
      });
      await drain(); // the confirmation goes, and queues what follows it
      const kinds = await queryRows<{ kind: string }>(
        database.db,
        sql`
      select o.kind from outbox o join appointments a on a.id = o.appointment_id where a.email = 'laat@example.nl'
        order by o.kind`,
      );
      t.same(
        kinds.map((k) => k.kind),
        ['confirmation', 'feedback'],
      );
      clock.set('2026-11-30T08:00:00Z');
    });

    t.test('a booking queues one message; its reminder and feedback follow once, for the time as it is', async (t) => {
      const kindsOf = async (email: string) =>
        (
          await queryRows<{ kind: string; sequence: number }>(
            database.db,
            sql`select o.kind, o.sequence from outbox o join appointments a on a.id = o.appointment_id
              where a.email = ${email} order by o.kind, o.sequence`,
          )
        ).map((r) => `${r.kind}:${r.sequence}`);
      const book = async (email: string) =>
        (await bookOnline(app, { start: '2026-12-10T11:00:00+01:00', name: 'Een Rij', email })).json();
      await book('eenrij@example.nl');
      t.same(await kindsOf('eenrij@example.nl'), ['confirmation:0'], 'one outbox row in the booking');
      await drain();
      await drain();
      t.same(
        await kindsOf('eenrij@example.nl'),
        ['confirmation:0', 'feedback:0', 'reminder:0'],
        'the confirmation went and queued the reminder and the feedback request, once',
      );
      // Moved before the worker took the confirmation up: the move queued its own, the confirmation adds none.
      const early = await book('vroeg@example.nl');
      await app.inject({
        method: 'POST',
        url: `/api/v1/appointments/${early.reference}/reschedule`,
        headers: { authorization: `Bearer ${early.manageToken}` },
        payload: { start: '2026-12-11T11:00:00+01:00' },
      });
      await drain();
      t.same(
        await kindsOf('vroeg@example.nl'),
        ['confirmation:0', 'feedback:1', 'moved:1', 'reminder:1'],
        'only the reminder and feedback of the new time',
      );
    });

    t.test('a message that keeps failing ends as failed after the last attempt, with the error kept', async (t) => {
      const down = await startSmtp();
      await down.close();
      const offline = createMailer(testConfig({ SMTP_URL: down.url }), quiet);
      await app.inject({
        method: 'POST',
        url: '/api/v1/appointments',
        payload: {
          location: 'stadskantoor',
          items: [{ service: 'paspoort', persons: 1 }],
          start: '2026-12-15T10:00:00+01:00',
          name: 'Nooit',
          email: 'nooit@example.nl',
        },
      });
      let at = Date.parse('2026-11-30T08:00:00Z');
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await processOutbox(app.deps, offline, { limit: 50 });
        at += retryDelayMs(attempt);
        clock.set(new Date(at).toISOString());
      }
      const [row] = await queryRows<{ status: string; attempts: number; last_error: string }>(
        database.db,
        sql`
      select o.status, o.attempts, o.last_error from outbox o join appointments a on a.id = o.appointment_id where
        a.email = 'nooit@example.nl' and o.kind = 'confirmation'`,
      );
      t.same([row!.status, row!.attempts], ['failed', MAX_ATTEMPTS]);
      t.ok(row!.last_error.length > 0);
      offline.close();
      clock.set('2026-11-30T08:00:00Z');
    });
  },
  { env: { RATE_LIMIT_PER_MINUTE: '1000' } },
);
