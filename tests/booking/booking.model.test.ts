import fc from 'fast-check';
import { DateTime } from 'luxon';
import t from 'tap';
import { onEachDatabase } from '../helpers/app.js';
import { assertAsyncProperty } from '../helpers/property.js';

// The model: six ten-minute starts on one day at a location with three counters for passports. A claim fills
// exactly one start, so the model only counts: available = 3 − live claims at that start.
const COUNTERS = 3;
const STARTS = 6;
const HOLD_MINUTES = 10;

type Command =
  | { kind: 'hold'; start: number }
  | { kind: 'book'; start: number }
  | { kind: 'move'; appointment: number; start: number }
  | { kind: 'cancel'; appointment: number }
  | { kind: 'wait'; minutes: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('hold' as const), start: fc.nat(STARTS - 1) }),
  fc.record({ kind: fc.constant('book' as const), start: fc.nat(STARTS - 1) }),
  fc.record({ kind: fc.constant('move' as const), appointment: fc.nat(20), start: fc.nat(STARTS - 1) }),
  fc.record({ kind: fc.constant('cancel' as const), appointment: fc.nat(20) }),
  fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 8 }) }),
);

onEachDatabase(
  t,
  async (t, { app, clock }) => {
    let run = 0;
    let resident = 0;

    t.test('hold, book, move, cancel and expiry in any order: availability and the model always agree', async (t) => {
      await assertAsyncProperty(
        t,
        fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 18 }), async (commands) => {
          // Each run gets an open day of its own (no weekend, holiday or closure), so runs do not see each other's
          // claims.
          clock.set('2026-11-30T08:00:00Z');
          let day = DateTime.fromISO('2026-12-01', { zone: 'Europe/Amsterdam' }).plus({ days: run++ });
          const isOpen = async (d: DateTime) =>
            (
              await app.inject({
                url:
                  `/api/v1/availability?location=stadskantoor&items=paspoort&` +
                  `from=${d.toISODate()}&to=${d.toISODate()}`,
              })
            ).json().days[0].open;
          while (!(await isOpen(day))) {
            day = day.plus({ days: 1 });
            run++;
          }
          const startAt = (i: number) => day.set({ hour: 9, minute: 10 * i }).toISO({ suppressMilliseconds: true })!;
          let now = DateTime.fromISO('2026-11-30T08:00:00Z').toMillis();
          clock.set(new Date(now).toISOString());
          const holds: { start: number; expires: number }[] = [];
          const appointments: { start: number; reference: string; token: string; live: boolean }[] = [];
          const live = (start: number) =>
            holds.filter((h) => h.start === start && h.expires > now).length +
            appointments.filter((a) => a.live && a.start === start).length;

          for (const c of commands) {
            if (c.kind === 'wait') {
              now += c.minutes * 60_000;
              clock.set(new Date(now).toISOString());
            } else if (c.kind === 'hold' || c.kind === 'book') {
              const n = resident++;
              const res =
                c.kind === 'hold'
                  ? await app.inject({
                      method: 'POST',
                      url: '/api/v1/holds',
                      payload: {
                        location: 'stadskantoor',
                        items: [{ service: 'paspoort', persons: 1 }],
                        start: startAt(c.start),
                      },
                    })
                  : await app.inject({
                      method: 'POST',
                      url: '/api/v1/appointments',
                      payload: {
                        location: 'stadskantoor',
                        items: [{ service: 'paspoort', persons: 1 }],
                        start: startAt(c.start),
                        name: `Model ${n}`,
                        email: `model${n}@example.nl`,
                      },
                    });
              const expected = live(c.start) < COUNTERS ? 201 : 409;
              if (res.statusCode !== expected)
                throw new Error(`${c.kind} ${startAt(c.start)}: ${res.statusCode}, model says ${expected}`);
              if (res.statusCode === 201 && c.kind === 'hold')
                holds.push({ start: c.start, expires: now + HOLD_MINUTES * 60_000 });
              if (res.statusCode === 201 && c.kind === 'book')
                appointments.push({
                  start: c.start,
                  reference: res.json().reference,
                  token: res.json().manageToken,
                  live: true,
                });
            } else {
              const a = appointments[c.appointment % Math.max(1, appointments.length)];
              if (!a) continue;
              const headers = { authorization: `Bearer ${a.token}` };
              if (c.kind === 'cancel') {
                const res = await app.inject({
                  method: 'POST',
                  url: `/api/v1/appointments/${a.reference}/cancel`,
                  headers,
                });
                if (res.statusCode !== 200) throw new Error(`cancel: ${res.statusCode}`);
                a.live = false;
              } else {
                const res = await app.inject({
                  method: 'POST',
                  url: `/api/v1/appointments/${a.reference}/reschedule`,
                  headers,
                  payload: { start: startAt(c.start) },
                });
                const room = a.start === c.start ? live(c.start) - 1 < COUNTERS : live(c.start) < COUNTERS;
                const expected = !a.live ? 409 : room ? 200 : 409;
                if (res.statusCode !== expected)
                  throw new Error(`move to ${startAt(c.start)}: ${res.statusCode}, model says ${expected}`);
                if (res.statusCode === 200) a.start = c.start;
              }
            }
            const availability = await app.inject({
              url:
                `/api/v1/availability?location=stadskantoor&items=paspoort&` +
                `from=${day.toISODate()}&to=${day.toISODate()}`,
            });
            const slots: { start: string; available: number }[] = availability.json().days[0].slots;
            for (let i = 0; i < STARTS; i++) {
              const shown = slots.find((s) => s.start === startAt(i))?.available;
              if (shown !== COUNTERS - live(i))
                throw new Error(`after ${c.kind}: ${startAt(i)} shows ${shown}, model says ${COUNTERS - live(i)}`);
            }
          }
        }),
        { numRuns: Number(process.env.FC_MODEL_RUNS ?? 30) },
      );
      t.ok(run >= 30, 'every run had a day of its own');
    });
  },
  { env: { RATE_LIMIT_PER_MINUTE: '100000', MAX_LIVE_APPOINTMENTS: '100' } },
);
