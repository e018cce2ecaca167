// A location manager reads a location's opening hours in the staff contract's shape: the weekly rules and the
// exceptions by date (the first route of #15; changing them comes next).
import t from 'tap';
import { onEachDatabase } from '../helpers/app.js';
import { loginAs } from '../helpers/staff.js';

onEachDatabase(t, async (t, { app }) => {
  t.test("Stadskantoor's week, its evening opening and its exceptions", async (t) => {
    const manager = await loginAs(app, 'beheer@stadswaard.demo');
    const response = await manager.inject({ url: '/api/v1/staff/locations/stadskantoor/opening-hours' });
    t.equal(response.statusCode, 200, response.body);
    const hours = response.json();
    t.equal(hours.location, 'stadskantoor');
    t.same(
      hours.weekly
        .filter((r: { counters?: string[] }) => !r.counters)
        .map((r: { weekday: number }) => r.weekday)
        .sort(),
      [1, 2, 3, 4, 5],
      'Monday to Friday',
    );
    t.match(
      hours.weekly.find((r: { weekday: number }) => r.weekday === 4),
      { opens: '09:00', closes: '20:00' },
      'the Thursday evening',
    );
    t.match(
      hours.exceptions.find((e: { date: string }) => e.date === '2026-12-24'),
      { kind: 'closed', opens: '13:00', closes: '20:00', reason: /Kerstavond/ },
    );
    t.same(
      hours.exceptions.find((e: { date: string }) => e.date === '2026-12-31'),
      { date: '2026-12-31', kind: 'closed', reason: 'Oudejaarsdag', reasonEn: "New Year's Eve" },
      'a whole day closed has no times',
    );
    const frontOffice = await loginAs(app, 'balie@stadswaard.demo');
    const low = await frontOffice.inject({ url: '/api/v1/staff/locations/stadskantoor/opening-hours' });
    t.same([low.statusCode, low.json().code], [403, 'role_too_low'], 'the front office does not manage hours');
  });
});
