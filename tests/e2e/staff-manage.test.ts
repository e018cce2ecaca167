// A location manager on the staff page (#15), in Debian's Chromium, by keyboard: add a closed date with a reason
// in the hours table and see it in the resident widget as the day's reason; close a counter for an afternoon
// through the preview; block a counter from the day view. axe-core finds no WCAG 2.2 AA violation in any state.
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import t from 'tap';
import { queryRows } from '../../src/platform/database/database.js';
import { onEachDatabase } from '../helpers/app.js';
import {
  accessibilityViolations,
  chromiumHint,
  chromiumMissing,
  focusedId,
  launchBrowser,
  screenshot,
  tabTo,
  tabToLabel,
} from '../helpers/browser.js';
import { loginAs } from '../helpers/staff.js';

if (chromiumMissing) t.comment(chromiumHint);

if (!chromiumMissing)
  onEachDatabase(t, async (t, { app, clock }) => {
    clock.set('2026-12-01T08:05:00Z'); // Tuesday 1 December, 09:05 in Amsterdam
    // A resident on Balie 2 next Tuesday afternoon, whose counter will close.
    const frontOffice = await loginAs(app, 'balie@stadswaard.demo');
    const booked = await frontOffice.inject({
      method: 'POST',
      url: '/api/v1/staff/appointments',
      payload: {
        location: 'stadskantoor',
        items: [{ service: 'paspoort', persons: 1 }],
        start: '2026-12-08T14:00:00+01:00',
        counter: 'balie-2',
        name: 'Middag Inwoner',
        email: 'middag@example.nl',
        channel: 'phone',
      },
    });
    t.equal(booked.statusCode, 201, booked.body);
    const reference = booked.json().reference;

    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const { browser, close } = await launchBrowser();
    t.teardown(close);
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    await context.clock.install({ time: clock.now() });
    const page = await context.newPage();
    const noViolations = async (p: Page, state: string) =>
      t.same(await accessibilityViolations(p), [], `axe: ${state}`);
    const status = () => page.locator('[role=status]').textContent();

    await page.goto(`${base}/balie/`);
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    t.ok(await tabTo(page, 'email'));
    await page.keyboard.type('beheer@stadswaard.demo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('balie-demo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /, dinsdag 1 december/ }).waitFor();
    t.ok(await tabTo(page, 'location'));
    await page.keyboard.type('stadskantoor');
    await page.getByRole('heading', { name: /Stadskantoor Stadswaard, dinsdag 1 december/ }).waitFor();

    t.test('a closed date with a reason, in the table of hours, reaches the resident widget', async (t) => {
      t.ok(await tabToLabel(page, /^Openingstijden en balies$/), 'the management tab is reachable by Tab');
      await page.keyboard.press('Enter');
      await page.getByRole('table', { name: /Openingstijden per week/ }).waitFor();
      await noViolations(page, 'hours, counters and closures');
      await screenshot(page, 'staff-manage-1-hours');
      t.ok(await tabToLabel(page, /^Gesloten dag of extra opening toevoegen$/, 200), 'adding an exception by keyboard');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /^hours-exceptions-\d+-date$/.test(document.activeElement?.id ?? ''));
      const row = Number((await focusedId(page)).split('-')[2]);
      // The date segments' order follows Chromium's own language, not the page's: the value is set directly.
      await page.locator(`#hours-exceptions-${row}-date`).fill('2026-12-18');
      // Kind "closed" and no times: the whole day. (Tab steps through a time field's parts one by one.)
      t.ok(await tabTo(page, `hours-exceptions-${row}-reason`, 20), 'on to the reason');
      await page.keyboard.type('Studiedag');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Staff training day');
      t.ok(await tabToLabel(page, /^Bekijk de gevolgen$/, 200), 'the dry run first');
      await page.keyboard.press('Enter');
      await page.locator('#hours-preview').waitFor();
      t.equal(await focusedId(page), 'hours-preview', 'focus moves to what the change would do');
      t.match(await page.locator('#hours-preview').textContent(), /vrijdag 18 december: 0 erbij, \d+ minder/);
      await noViolations(page, 'the preview of the hours');
      t.ok(await tabToLabel(page, /^Opslaan$/, 200));
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /opgeslagen/.test(document.querySelector('[role=status]')?.textContent ?? ''));
      t.match(await status(), 'De openingstijden zijn opgeslagen.');

      const resident = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
      await resident.clock.install({ time: clock.now() });
      await resident.goto(`${base}/widget/demo.html?gemeente=stadswaard&service=paspoort`);
      await resident.getByText('Stap 1 van 5').waitFor();
      await resident.getByRole('button', { name: 'Volgende stap' }).click();
      await resident.getByText('Stap 2 van 5').waitFor();
      await resident.locator('#location-stadskantoor').check();
      await resident.getByRole('button', { name: 'Volgende stap' }).click();
      await resident.getByText('Stap 3 van 5').waitFor();
      const daysOff = resident.locator('ul.days-off');
      for (let i = 0; i < 4 && !/18 december/.test((await daysOff.textContent()) ?? ''); i++) {
        await resident.locator('#next-week').click();
      }
      t.match(
        await daysOff.textContent(),
        /vrijdag 18 december: gesloten \(Studiedag\)/,
        "the widget shows the day's reason",
      );
      await resident.context().close();
    });

    t.test("a counter's services are chosen in the table of counters", async (t) => {
      t.ok(await tabTo(page, 'counter-services-balie-3', 300), "Balie 3's services are reachable by Tab");
      await page.keyboard.type('paspoort, identiteitskaart');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() =>
        /Balie 3 is opgeslagen/.test(document.querySelector('[role=status]')?.textContent ?? ''),
      );
      const [row] = await queryRows<{ services: string }>(
        app.deps.db,
        sql`select string_agg(s.slug, ',' order by s.slug) as services from counter_services cs
          join counters c on c.id = cs.counter_id join services s on s.id = cs.service_id where c.slug = 'balie-3'
            and c.location_id = (select id from locations where slug = 'stadskantoor')`,
      );
      t.equal(row!.services, 'identiteitskaart,paspoort', 'saved');
      await noViolations(page, 'the counters');
    });

    t.test('a counter closes for an afternoon through the preview', async (t) => {
      t.ok(await tabTo(page, 'closure-counter-balie-2', 200), 'the counters of the closure are reachable by Tab');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.locator('#closure-from').fill('2026-12-08T13:00');
      await page.locator('#closure-until').fill('2026-12-08T17:00');
      t.ok(await tabTo(page, 'closure-reason'));
      await page.keyboard.type('Stroomstoring');
      t.ok(await tabToLabel(page, /^Bekijk wie het raakt$/));
      await page.keyboard.press('Enter');
      await page.locator('#closure-preview').waitFor();
      t.equal(await focusedId(page), 'closure-preview', 'focus moves to the preview list');
      t.match(
        await page.locator('#closure-preview').textContent(),
        new RegExp(`${reference}, dinsdag 8 december, 14.00 uur: houdt de tijd, bij balie-[134]`),
        'the resident keeps the time at another counter',
      );
      await noViolations(page, 'the preview of the closure');
      await screenshot(page, 'staff-manage-2-closure-preview');
      const before = await queryRows<{ n: number }>(
        app.deps.db,
        sql`select count(*)::int as n from appointments where kind = 'block'`,
      );
      t.ok(await tabToLabel(page, /^Sluiting doorvoeren$/), 'the confirm button comes after the preview');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /Gesloten\./.test(document.querySelector('[role=status]')?.textContent ?? ''));
      t.match(await status(), 'Gesloten. 0 afspraken verzet, 0 afgezegd, 1 bij een andere balie.');
      const [row] = await queryRows<{ counter: string; starts_at: string }>(
        app.deps.db,
        sql`select c.slug as counter, a.starts_at::text from appointments a join counters c on c.id = a.counter_id
          where a.reference = ${reference}`,
      );
      t.not(row!.counter, 'balie-2');
      t.equal(Date.parse(row!.starts_at), Date.parse('2026-12-08T14:00:00+01:00'));
      const after = await queryRows<{ n: number }>(
        app.deps.db,
        sql`select count(*)::int as n from appointments where kind = 'block'`,
      );
      t.equal(after[0]!.n, before[0]!.n + 1, 'the afternoon is blocked');
      await noViolations(page, 'after the closure');
    });

    t.test('a block from the day view', async (t) => {
      t.ok(await tabToLabel(page, /^Dagoverzicht$/));
      await page.keyboard.press('Enter');
      await page.locator('.balie-counters').waitFor();
      await page.locator('#counter-balie-3').scrollIntoViewIfNeeded();
      t.ok(await tabToLabel(page, /^Balie 3 blokkeren$/, 200), "the block form's disclosure is reachable by Tab");
      await page.keyboard.press('Enter');
      await page.locator('#block-balie-3-from').fill('15:00');
      await page.locator('#block-balie-3-until').fill('16:00');
      t.ok(await tabTo(page, 'block-balie-3-reason', 20));
      await page.keyboard.type('Werkoverleg');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /geblokkeerd/.test(document.querySelector('[role=status]')?.textContent ?? ''));
      const counter3 = page.locator('section', { has: page.locator('#counter-balie-3') });
      const shown = await counter3
        .getByText('15:00–16:00 Geblokkeerd: Werkoverleg')
        .waitFor({ timeout: 3000 })
        .then(() => true)
        .catch(() => false);
      t.ok(shown, 'the block is in the day view of Balie 3');
      await noViolations(page, 'the day with a block');
      await screenshot(page, 'staff-manage-3-block');
    });
  });
