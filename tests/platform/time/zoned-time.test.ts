import fc from 'fast-check';
import { DateTime } from 'luxon';
import t from 'tap';
import { addDays, isoInZone, isoOnDate } from '../../../src/platform/time/zoned-time.js';
import { assertProperty } from '../../helpers/property.js';

const numRuns = Number(process.env.FC_RUNS ?? 1000);
// Zones with DST both ways and offsets that are not whole hours.
const zones = [
  'Europe/Amsterdam',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/St_Johns',
  'Pacific/Chatham',
  'UTC',
];
// Dates around the changes of 2026 and at random in 2026–2027.
const dates = fc.oneof(
  fc.constantFrom('2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01', '2026-12-31'),
  fc.integer({ min: 0, max: 729 }).map((d) => addDays('2026-01-01', d)),
);

t.test(
  'isoOnDate gives exactly the text of isoInZone for every whole minute of a day and just around it',
  async (t) => {
    assertProperty(
      t,
      fc.property(fc.constantFrom(...zones), dates, fc.integer({ min: -120, max: 1560 }), (zone, date, minute) => {
        const midnight = DateTime.fromISO(date, { zone }).startOf('day').toMillis();
        const instant = midnight + minute * 60_000;
        return isoOnDate(date, zone)(instant) === isoInZone(instant, zone);
      }),
      { numRuns },
    );
  },
);

t.test('addDays agrees with the calendar, remembered or not', async (t) => {
  assertProperty(
    t,
    fc.property(
      dates,
      fc.integer({ min: -400, max: 400 }),
      (date, days) => addDays(date, days) === DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate(),
    ),
    { numRuns },
  );
  t.equal(addDays('2026-12-31', 1), '2027-01-01');
  t.equal(addDays('2028-03-01', -1), '2028-02-29');
});
