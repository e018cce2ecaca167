// A counter closes at short notice (#15): every booked appointment in the period keeps its time at another
// counter, or is moved to the nearest free time that fits, or else cancelled; each resident whose time changed gets
// exactly one message; the closed time is no longer offered; applying the closure again changes nothing.
import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import t from 'tap';
import { createMailer } from '../../src/notify/mailer.js';
import { processOutbox } from '../../src/notify/outbox-worker.js';
import { queryRows } from '../../src/platform/database/database.js';
import { onEachDatabase, testConfig } from '../helpers/app.js';
import { parseCalendar } from '../helpers/ical.js';
import { startSmtp } from '../helpers/smtp.js';
import { loginAs } from '../helpers/staff.js';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const calendarOf = (mail: ParsedMail) =>
  parseCalendar(mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))!.content.toString('utf8'));
const DAY = '2026-12-08'; // a Tuesday: Stadskantoor is open 9.00–17.00
const CLOSED = { start: `${DAY}T09:00:00+01:00`, end: `${DAY}T17:00:00+01:00` };

type Affected = { reference: string; start: string; outcome: string; newStart?: string; newLocation?: string };

onEachDatabase(t, async (t, { app, clock }) => {
  clock.set('2026-12-01T07:00:00Z');
  const smtp = await startSmtp();
  t.teardown(smtp.close);
  const mailer = createMailer(testConfig({ SMTP_URL: smtp.url }), quiet);
  t.teardown(() => mailer.close());
  const drain = async () => {
    while ((await processOutbox(app.deps, mailer, { limit: 50 })) > 0);
  };
  const frontOffice = await loginAs(app, 'balie@stadswaard.demo');
  const manager = await loginAs(app, 'beheer@stadswaard.demo');
  const post = (client: typeof manager, url: string, payload: object) =>
    client.inject({ method: 'POST', url, payload });
  const outboxCount = async () =>
    (await queryRows<{ n: number }>(app.deps.db, sql`select count(*)::int as n from outbox`))[0]!.n;
  const appointmentsState = async () =>
    queryRows<{ reference: string; status: string; starts_at: string; counter_id: number; location_id: number }>(
      app.deps.db,
      sql`select reference, status, starts_at::text, counter_id, location_id from appointments
        where kind = 'appointment' order by reference`,
    );

  // Ten residents on Balie 1 over the day: eight for a passport, two (the last) for naturalisation.
  const booked: { reference: string; email: string; start: string; service: string }[] = [];
  for (let n = 0; n < 10; n++) {
    // Passports every half hour from 9.00 (10 minutes each); naturalisation (45 minutes) at 15.00 and 16.00.
    const minutes = n < 8 ? 9 * 60 + 30 * n : (15 + n - 8) * 60;
    const clock = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const start = `${DAY}T${clock}:00+01:00`;
    const service = n >= 8 ? 'naturalisatie' : 'paspoort';
    const email = `inwoner${n}@example.nl`;
    const response = await post(frontOffice, '/api/v1/staff/appointments', {
      location: 'stadskantoor',
      items: [{ service, persons: 1 }],
      start,
      counter: 'balie-1',
      name: `Inwoner ${n}`,
      email,
      ...(n === 3 && { needs: { stepFree: true } }),
      ...(n === 1 && { language: 'en' }),
      channel: 'phone',
    });
    t.equal(response.statusCode, 201, response.body);
    booked.push({ reference: response.json().reference, email, start, service });
  }
  await drain();
  const confirmations = new Map(
    booked.map((b) => {
      const mail = smtp.mails.find((m) => JSON.stringify(m.to).includes(b.email))!;
      return [b.reference, calendarOf(mail).event] as const;
    }),
  );

  // The colleagues of Balie 2–4 are at a training that day; naturalisation is booked at least two weeks ahead and at
  // most eight days ahead here for now: no time fits it.
  for (const counter of ['balie-2', 'balie-3', 'balie-4']) {
    const block = await post(frontOffice, '/api/v1/staff/blocks', {
      location: 'stadskantoor',
      counter,
      start: `${DAY}T08:00:00+01:00`,
      end: `${DAY}T18:00:00+01:00`,
      reason: 'Training',
    });
    t.equal(block.statusCode, 201, block.body);
  }
  const setting = await manager.inject({
    method: 'PATCH',
    url: '/api/v1/staff/locations/stadskantoor/services/naturalisatie',
    payload: { minNoticeMinutes: 14 * 24 * 60, horizonDays: 8 },
  });
  t.equal(setting.statusCode, 200, setting.body);
  t.match(setting.json(), { minNoticeMinutes: 14 * 24 * 60, horizonDays: 8, own: ['minNoticeMinutes', 'horizonDays'] });

  const freeOnDay = async () => {
    const response = await app.inject({
      url: `/api/v1/availability?location=stadskantoor&items=paspoort&from=${DAY}&to=${DAY}`,
    });
    t.equal(response.statusCode, 200, response.body);
    return response.json().days[0].slots.filter((s: { available: number }) => s.available > 0).length;
  };
  t.ok((await freeOnDay()) > 0, 'before: Balie 1 still has free times that day');

  const closure = {
    location: 'stadskantoor',
    counters: ['balie-1'],
    ...CLOSED,
    reason: 'Een collega is ziek',
    reasonEn: 'A colleague is ill',
  };

  t.test('the dry run shows what would happen and writes nothing', async (t) => {
    const before = { outbox: await outboxCount(), appointments: await appointmentsState() };
    const response = await post(manager, '/api/v1/staff/closures', { ...closure, dryRun: true });
    t.equal(response.statusCode, 200, response.body);
    const preview = response.json();
    t.equal(preview.dryRun, true);
    t.equal(preview.id, undefined, 'nothing saved');
    t.same(preview.affected.map((a: Affected) => a.reference).sort(), booked.map((b) => b.reference).sort());
    t.same(preview.reassigned, [], 'the other counters are at the training');
    t.same({ outbox: await outboxCount(), appointments: await appointmentsState() }, before, 'nothing written');
    t.ok((await freeOnDay()) > 0, 'the times are still offered');
  });

  t.test('applied: each appointment moved or cancelled exactly once, one message each', async (t) => {
    const response = await post(manager, '/api/v1/staff/closures', closure);
    t.equal(response.statusCode, 201, response.body);
    const applied = response.json();
    t.match(applied, { dryRun: false, replayed: false, id: /^[0-9a-f-]{36}$/, counters: ['balie-1'] });
    const affected: Affected[] = applied.affected;
    t.same(affected.map((a) => a.reference).sort(), booked.map((b) => b.reference).sort(), 'each once');
    const outcomeOf = new Map(affected.map((a) => [a.reference, a]));
    for (const b of booked) {
      const a = outcomeOf.get(b.reference)!;
      t.equal(a.outcome, b.service === 'naturalisatie' ? 'cancelled' : 'moved', `${b.reference}: ${a.outcome}`);
      if (a.outcome !== 'moved') continue;
      const newStart = Date.parse(a.newStart!);
      t.ok(
        newStart < Date.parse(CLOSED.start) || newStart >= Date.parse(CLOSED.end) || a.newLocation,
        `${b.reference} left the closed time (${a.newStart})`,
      );
      t.ok(newStart > clock.now().getTime(), 'never into the past');
    }
    const rows = await appointmentsState();
    for (const b of booked) {
      const row = rows.find((r) => r.reference === b.reference)!;
      const a = outcomeOf.get(b.reference)!;
      t.equal(row.status, a.outcome === 'moved' ? 'booked' : 'cancelled');
      if (a.outcome === 'moved') t.equal(Date.parse(row.starts_at), Date.parse(a.newStart!), 'the database agrees');
    }
    const stepFree = outcomeOf.get(booked[3]!.reference)!;
    const [stepFreeCounter] = await queryRows<{ step_free: boolean }>(
      app.deps.db,
      sql`select c.step_free from appointments a join counters c on c.id = a.counter_id
        where a.reference = ${booked[3]!.reference}`,
    );
    t.ok(stepFreeCounter!.step_free, `the resident who needs a step-free desk has one (${stepFree.newStart})`);

    const messages = await queryRows<{ reference: string; kind: string }>(
      app.deps.db,
      sql`select a.reference, o.kind from outbox o join appointments a on a.id = o.appointment_id
        where o.kind in ('moved', 'cancelled') order by a.reference`,
    );
    t.same(
      messages,
      booked
        .map((b) => ({ reference: b.reference, kind: outcomeOf.get(b.reference)!.outcome }))
        .sort((x, y) => x.reference.localeCompare(y.reference)),
      'exactly one message per resident, of the right kind',
    );
    const [stale] = await queryRows<{ n: number }>(
      app.deps.db,
      sql`select count(*)::int as n from outbox o join appointments a on a.id = o.appointment_id
        where o.kind in ('reminder', 'feedback') and o.status = 'pending'
          and (o.sequence <> a.sequence or a.status <> 'booked')`,
    );
    t.equal(stale!.n, 0, 'no reminder or feedback request left for an old time or a cancelled appointment');
    t.equal(await freeOnDay(), 0, 'availability no longer offers the closed time');

    const day = (await frontOffice.inject({ url: `/api/v1/staff/locations/stadskantoor/day?date=${DAY}` })).json();
    const counter1 = day.counters.find((c: { slug: string }) => c.slug === 'balie-1');
    t.match(
      counter1.entries.filter((e: { kind: string }) => e.kind === 'block'),
      [{ reason: 'Een collega is ziek' }],
      'the day view shows the closed counter as blocked, with the reason',
    );

    smtp.mails.length = 0;
    await drain();
    for (const b of booked) {
      const mails = smtp.mails.filter((m) => JSON.stringify(m.to).includes(b.email));
      t.equal(mails.length, 1, `${b.email}: one e-mail`);
      const mail = mails[0]!;
      const a = outcomeOf.get(b.reference)!;
      const english = b.email === 'inwoner1@example.nl';
      t.match(mail.text, english ? 'A colleague is ill' : 'Een collega is ziek', 'the reason');
      const calendar = calendarOf(mail);
      t.equal(calendar.event.uid, confirmations.get(b.reference)!.uid, 'the same calendar UID');
      t.equal(calendar.event.sequence, confirmations.get(b.reference)!.sequence + 1, 'SEQUENCE + 1');
      if (a.outcome === 'moved') {
        t.equal(calendar.method, 'REQUEST');
        t.equal(calendar.event.startDate.toJSDate().getTime(), Date.parse(a.newStart!), 'the new time');
        t.match(
          mail.text,
          english
            ? /Old time \(no longer yours\): Tuesday 8 December 2026/
            : /Oude tijd \(vervalt\): dinsdag 8 december/,
        );
        t.match(mail.text, `http://balie.test/afspraak/${b.reference}?gemeente=stadswaard&taal=`, 'the manage link');
      } else {
        t.equal(calendar.method, 'CANCEL');
        t.match(mail.text, /Een nieuwe afspraak maken kan hier/, 'a link to book again');
      }
    }
  });

  t.test('applying the same closure again changes nothing more', async (t) => {
    const before = { outbox: await outboxCount(), appointments: await appointmentsState() };
    const first = await queryRows<{ affected: unknown }>(app.deps.db, sql`select affected from closures`);
    const response = await post(manager, '/api/v1/staff/closures', closure);
    t.equal(response.statusCode, 200, response.body);
    t.match(response.json(), { replayed: true, dryRun: false });
    t.equal(response.json().affected.length, 10, 'the first answer again');
    t.same({ outbox: await outboxCount(), appointments: await appointmentsState() }, before, 'nothing changed');
    t.same(await queryRows(app.deps.db, sql`select affected from closures`), first, 'one closure');
  });

  t.test('with a counter free at the same time, the appointment only changes counter: no message', async (t) => {
    const response = await post(frontOffice, '/api/v1/staff/appointments', {
      location: 'stadskantoor',
      items: [{ service: 'paspoort', persons: 1 }],
      start: '2026-12-09T10:00:00+01:00',
      counter: 'balie-2',
      name: 'Inwoner Woensdag',
      email: 'woensdag@example.nl',
      channel: 'phone',
    });
    const reference = response.json().reference;
    const before = await outboxCount();
    const closed = await post(manager, '/api/v1/staff/closures', {
      location: 'stadskantoor',
      counters: ['balie-2'],
      start: '2026-12-09T09:00:00+01:00',
      end: '2026-12-09T12:00:00+01:00',
      reason: 'Stroomstoring',
    });
    t.equal(closed.statusCode, 201, closed.body);
    t.same(closed.json().affected, []);
    t.match(closed.json().reassigned, [{ reference, start: '2026-12-09T10:00:00+01:00', counter: /^balie-[134]$/ }]);
    t.equal(await outboxCount(), before, 'the resident need not hear of it');
  });

  t.test('a closure checks its fields and its scope', async (t) => {
    const wrong = await post(manager, '/api/v1/staff/closures', {
      location: 'stadskantoor',
      counters: ['balie-9'],
      start: '2026-11-30T09:00:00+01:00',
      end: '2026-11-30T10:00:00+01:00',
      reason: 'Test',
    });
    t.equal(wrong.statusCode, 422, wrong.body);
    t.same(
      wrong
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
      ['counters.0', 'end'],
    );
    t.match(wrong.json().errors[0].message, /Deze locatie heeft geen balie "balie-9"/);
    const elsewhere = await post(manager, '/api/v1/staff/closures', { ...closure, location: 'gemeentehuis-veenhoven' });
    t.equal(elsewhere.statusCode, 404, "another municipality's location is not there");
    const low = await post(frontOffice, '/api/v1/staff/closures', closure);
    t.equal(low.statusCode, 403, 'the front office blocks, but does not close');
  });

  t.test('a block over appointments, when asked, closes like a closure', async (t) => {
    const response = await post(frontOffice, '/api/v1/staff/appointments', {
      location: 'stadskantoor',
      items: [{ service: 'paspoort', persons: 1 }],
      start: '2026-12-10T14:00:00+01:00',
      counter: 'balie-3',
      name: 'Inwoner Donderdag',
      email: 'donderdag@example.nl',
      channel: 'phone',
    });
    const reference = response.json().reference;
    const block = {
      location: 'stadskantoor',
      counter: 'balie-3',
      start: '2026-12-10T13:00:00+01:00',
      end: '2026-12-10T15:00:00+01:00',
      reason: 'Werkoverleg',
    };
    const refused = await post(frontOffice, '/api/v1/staff/blocks', block);
    t.same([refused.statusCode, refused.json().appointments], [409, [reference]]);
    const closing = await post(frontOffice, '/api/v1/staff/blocks', { ...block, close: true });
    t.equal(closing.statusCode, 201, closing.body);
    t.match(closing.json(), { kind: 'block', counter: 'balie-3', reason: 'Werkoverleg', affected: [] });
    const [row] = await queryRows<{ starts_at: string; counter: string }>(
      app.deps.db,
      sql`select a.starts_at::text, c.slug as counter from appointments a join counters c on c.id = a.counter_id
        where a.reference = ${reference}`,
    );
    t.not(row!.counter, 'balie-3', 'the resident keeps the time at another counter');
    t.equal(Date.parse(row!.starts_at), Date.parse('2026-12-10T14:00:00+01:00'));
  });
});
