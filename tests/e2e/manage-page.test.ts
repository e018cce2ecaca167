import { sql } from 'drizzle-orm';
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

// The link from the e-mail opens the widget in manage mode: see, move, cancel and give feedback, in a real browser,
// by keyboard only, checked with axe-core, on both databases.
if (chromiumMissing) t.comment(chromiumHint);

if (!chromiumMissing)
  onEachDatabase(t, async (t, { app, database, clock }) => {
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const { browser, close } = await launchBrowser();
    t.teardown(close);
    const book = async (start: string, email: string, language: 'nl' | 'en' = 'nl') =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/appointments',
          payload: {
            location: 'stadskantoor',
            items: [{ service: 'paspoort', persons: 2 }],
            start,
            name: 'Henk de Boer',
            email,
            language,
          },
        })
      ).json();
    const statusOf = async (reference: string) =>
      (
        await queryRows<{ status: string; start: string }>(
          database.db,
          sql`
    select status, to_char(starts_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD HH24:MI') as start from appointments
      where reference = ${reference}`,
        )
      )[0]!;
    const open = async (url: string, locale = 'nl-NL', width = 320) => {
      const context = await browser.newContext({ locale, viewport: { width, height: 640 } });
      await context.clock.install({ time: clock.now() });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(url);
      return { page, context, requests };
    };

    t.test('a resident cancels with the keyboard alone; every state passes axe', async (t) => {
      clock.set('2026-11-30T08:00:00Z');
      const booked = await book('2026-12-03T10:00:00+01:00', 'henk@example.nl');
      const { page, context, requests } = await open(`${base}/afspraak/${booked.reference}#${booked.manageToken}`);
      await page.getByText('Paspoort aanvragen voor 2 personen').waitFor();
      t.match(await page.locator('dl').textContent(), /donderdag 3 december, van 10\.00 tot 10\.20 uur/);
      t.same(await accessibilityViolations(page), [], 'the appointment');
      await screenshot(page, 'manage-1-appointment');

      t.ok(await tabTo(page, 'cancel'), 'reachable by Tab');
      await page.keyboard.press('Enter');
      t.equal(await focusedId(page), 'heading', 'focus moves to the question');
      t.match(await page.locator('#cancel-question').textContent(), /Weet je zeker/);
      t.same(await accessibilityViolations(page), [], 'the confirmation');
      await screenshot(page, 'manage-2-confirm');
      t.equal((await statusOf(booked.reference)).status, 'booked', 'nothing is cancelled before the explicit press');
      t.ok(await tabTo(page, 'cancel-yes'));
      await page.keyboard.press('Enter');
      await page.getByText('Je afspraak is afgezegd').waitFor();
      t.equal(await focusedId(page), 'alert', 'focus on the message');
      t.same(await accessibilityViolations(page), [], 'cancelled');
      await screenshot(page, 'manage-3-cancelled');
      t.equal((await statusOf(booked.reference)).status, 'cancelled');
      t.ok(await tabToLabel(page, /^Een nieuwe afspraak maken$/), 'a next step: book again, by keyboard');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Afspraak maken bij de gemeente Stadswaard' }).waitFor();
      t.equal(new URL(page.url()).pathname, '/afspraak-maken/stadswaard', "the municipality's booking page");
      await page.getByText('Stap 1 van 5').waitFor();
      t.same(await accessibilityViolations(page), [], 'the booking page');
      t.notOk(
        requests.some((url) => url.includes(booked.manageToken)),
        'the token never travels in a URL',
      );
      await context.close();
    });

    t.test('a resident moves the appointment with the keyboard alone', async (t) => {
      clock.set('2026-11-30T08:00:00Z');
      const booked = await book('2026-12-03T11:00:00+01:00', 'henk3@example.nl');
      const { page, context } = await open(`${base}/afspraak/${booked.reference}#${booked.manageToken}`);
      await page.getByText('Paspoort aanvragen voor 2 personen').waitFor();
      t.ok(await tabTo(page, 'move'));
      await page.keyboard.press('Enter');
      await page.locator('#day-2026-12-04').waitFor();
      t.ok(await tabTo(page, 'move-stop', 80), 'the resident can change their mind');
      await page.keyboard.press('Enter');
      t.equal(await focusedId(page), 'move', 'back on the appointment, focus on where they were');
      await page.keyboard.press('Enter');
      await page.locator('#day-2026-12-04').waitFor();
      t.equal(await focusedId(page), 'move-heading', 'focus moves to the new times');
      t.same(await accessibilityViolations(page), [], 'choosing a new time');
      t.ok(await tabTo(page, 'day-2026-11-30'), 'the days are one Tab stop: the first with a free time');
      for (let i = 0; i < 4 && (await focusedId(page)) !== 'day-2026-12-04'; i++) {
        await page.keyboard.press('ArrowRight');
      }
      t.equal(await focusedId(page), 'day-2026-12-04', 'the arrow keys go to another day');
      await page.keyboard.press('Tab'); // the first time of that day: 9.00
      await page.keyboard.press('Enter');
      await page.locator('#move-question').waitFor();
      t.match(await page.locator('#move-question').textContent(), /vrijdag 4 december om 9\.00 uur/);
      t.equal((await statusOf(booked.reference)).start, '2026-12-03 11:00', 'nothing moves before the explicit press');
      t.same(await accessibilityViolations(page), [], 'the move question');
      await screenshot(page, 'manage-4-move-confirm');
      t.ok(await tabTo(page, 'move-yes'));
      await page.keyboard.press('Enter');
      await page.getByText('Je afspraak is verzet').waitFor();
      t.equal(await focusedId(page), 'alert');
      t.match(await page.locator('dl').textContent(), /vrijdag 4 december, van 9\.00 tot 9\.20 uur/);
      t.same(await statusOf(booked.reference), { status: 'booked', start: '2026-12-04 09:00' });
      t.same(await accessibilityViolations(page), [], 'moved');
      await screenshot(page, 'manage-5-moved');
      await context.close();
    });

    t.test('after the visit the resident gives a score by keyboard, in English', async (t) => {
      clock.set('2026-11-30T08:00:00Z');
      const booked = await book('2026-12-04T10:00:00+01:00', 'henk2@example.nl');
      clock.set('2026-12-04T10:00:00Z');
      const { page, context } = await open(`${base}/afspraak/${booked.reference}#${booked.manageToken}`, 'en-GB', 1024);
      await page.getByRole('heading', { name: 'How was your visit?' }).waitFor();
      t.same(await accessibilityViolations(page), [], 'the feedback form');
      t.ok(await tabTo(page, 'score-1'));
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Quick and friendly');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByText('Thank you!').waitFor();
      t.same(await accessibilityViolations(page), [], 'thanks');
      await screenshot(page, 'manage-6-thanks');
      const [row] = await queryRows<{ score: number; comment: string }>(
        database.db,
        sql`
      select f.score, f.comment from feedback f join appointments a on a.id = f.appointment_id where a.reference =
        ${booked.reference}`,
      );
      t.same(row, { score: 4, comment: 'Quick and friendly' });
      await context.close();
    });

    t.test("an English booking's link opens in English in a Dutch browser, and names the municipality", async (t) => {
      clock.set('2026-11-30T08:00:00Z');
      const booked = await book('2026-12-07T10:00:00+01:00', 'anna@example.nl', 'en');
      const link = booked.manageUrl.replace('http://balie.test', base);
      t.match(link, /\?gemeente=stadswaard&taal=en#/, 'the link carries the municipality and the language');
      const { page, context } = await open(link, 'nl-NL', 320);
      await page.getByRole('heading', { name: 'Your appointment with the municipality of Stadswaard' }).waitFor();
      t.equal(await page.title(), 'Your appointment with the municipality of Stadswaard | Municipality of Stadswaard');
      t.equal(await page.locator('html').getAttribute('lang'), 'en');
      t.ok(
        await page.locator('header').getByText('Municipality of Stadswaard', { exact: true }).isVisible(),
        'the header names it',
      );
      t.ok(await page.locator('footer').getByRole('link', { name: '14 0123' }).isVisible(), 'its phone number');
      t.equal(await page.locator('body').getAttribute('class'), 'stadswaard', "the municipality's theme");
      await page.getByText(booked.reference).first().waitFor();
      t.ok(
        await page
          .getByRole('button', { name: /Cancel/ })
          .first()
          .isVisible(),
        'the widget speaks English too',
      );
      t.same(await accessibilityViolations(page), [], 'axe');
      await screenshot(page, 'manage-7-english-in-dutch-browser');
      await context.close();
    });

    t.test('a link without its token says what to do instead, and sends the link again', async (t) => {
      const { page, context } = await open(`${base}/afspraak/AAA-AAA`);
      await page.getByText('Deze link is niet compleet').waitFor();
      t.same(await accessibilityViolations(page), []);
      await page.getByRole('button', { name: 'Stuur de link' }).click();
      await page.getByText('Vul je e-mailadres in').first().waitFor();
      await page.getByLabel('Je e-mailadres').fill('iemand@example.nl');
      await page.keyboard.press('Enter');
      await page.getByText('Hoort dit e-mailadres bij de afspraak?').waitFor();
      t.same(await accessibilityViolations(page), [], 'after sending, too');
      await context.close();
    });

    t.test('a wrong link offers a new link and the phone number, not a retry that cannot help', async (t) => {
      const { page, context } = await open(`${base}/afspraak/AAA-AAA?gemeente=stadswaard&taal=nl#not-the-token`);
      await page.getByText('We vinden deze afspraak niet').waitFor();
      const widget = page.locator('balie-afspraak');
      t.ok(await widget.getByRole('button', { name: 'Stuur de link' }).isVisible(), 'the next step: a new link');
      t.equal(await widget.getByRole('button', { name: 'Opnieuw proberen' }).count(), 0, 'no retry button');
      t.ok(
        await widget.getByText('Bel de gemeente op 14 0123. Dan zoeken we samen een tijd.').isVisible(),
        "or call: the municipality's number, in the widget itself",
      );
      t.same(await accessibilityViolations(page), []);
      await widget.getByLabel('Je e-mailadres').fill('iemand@example.nl');
      await page.keyboard.press('Enter');
      await page.getByText('Hoort dit e-mailadres bij de afspraak?').waitFor();
      t.ok(await widget.getByText('Bel de gemeente op 14 0123.', { exact: false }).isVisible(), 'still there after');
      await context.close();
    });
  });
