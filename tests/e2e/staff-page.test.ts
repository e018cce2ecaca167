// The staff page (/balie/) in Debian's Chromium, by keyboard only: log in, see a resident's online booking appear
// without a reload, check in, start, done, mark a no-show, book for a walk-in without e-mail and print; axe-core
// finds no WCAG 2.2 AA violation in any state. On both databases.
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import t from 'tap';
import { queryRows } from '../../src/platform/database/database.js';
import { onEachDatabase } from '../helpers/app.js';
import {
  accessibilityViolations,
  chromiumHint,
  chromiumMissing,
  launchBrowser,
  screenshot,
  tabTo,
  tabToLabel,
} from '../helpers/browser.js';

if (chromiumMissing) t.comment(chromiumHint);

/** Whether focus comes to the element with `id` within a second (the page moves it once it has drawn). */
const focusOn = (page: Page, id: string) =>
  page
    .waitForFunction((id) => document.activeElement?.id === id, id, { timeout: 1000 })
    .then(() => true)
    .catch(() => false);

const booking = (start: string, n: number) => ({
  method: 'POST' as const,
  url: '/api/v1/appointments',
  payload: {
    location: 'stadskantoor',
    items: [{ service: 'paspoort', persons: 1 }],
    start,
    name: `Balie Inwoner ${n}`,
    email: `baliepagina${n}@example.nl`,
  },
});

if (!chromiumMissing)
  onEachDatabase(t, async (t, { app, clock }) => {
    // 09:05 in Amsterdam on Tuesday 1 December: the 09:00 appointment has started, the 10:00 one may check in.
    clock.set('2026-11-30T10:00:00Z');
    const early = await app.inject(booking('2026-12-01T09:00:00+01:00', 1));
    t.equal(early.statusCode, 201, early.body);
    clock.set('2026-12-01T08:05:00Z');
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const { browser, close } = await launchBrowser();
    t.teardown(close);
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    await context.clock.install({ time: clock.now() });
    const page = await context.newPage();
    /** An appointment's status as the database has it. */
    const statusOf = async (reference: string) =>
      (
        await queryRows<{ status: string }>(
          app.deps.db,
          sql`select status from appointments where reference = ${reference}`,
        )
      )[0]?.status;
    const noViolations = async (state: string) => t.same(await accessibilityViolations(page), [], `axe: ${state}`);

    await page.goto(`${base}/balie/`);
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    await noViolations('login');
    t.ok(await tabTo(page, 'email'), 'the e-mail field is reachable by Tab');
    await page.keyboard.type('balie@stadswaard.demo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('balie-demo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /, dinsdag 1 december/ }).waitFor();
    t.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the day heading');
    t.ok(await tabTo(page, 'location'), 'the location is chosen by keyboard');
    await page.keyboard.type('stadskantoor');
    await page.getByRole('heading', { name: /Stadskantoor Stadswaard, dinsdag 1 december/ }).waitFor();
    await noViolations('the day');
    await screenshot(page, 'staff-1-day');
    const sentence = await page.locator('.balie-entry__sentence').first().textContent();
    t.match(
      sentence,
      /09\.00 uur, [A-Z0-9]{3}-[A-Z0-9]{3}, paspoort aanvragen voor 1 persoon, Balie Inwoner 1, geboekt/,
    );

    // A mark on the window: a reload would wipe it.
    await page.evaluate(() => Object.assign(window, { balieNotReloaded: true }));
    clock.set('2026-11-30T12:00:00Z'); // the resident books the day before
    const online = await app.inject(booking('2026-12-01T10:00:00+01:00', 2));
    clock.set('2026-12-01T08:05:00Z');
    t.equal(online.statusCode, 201, online.body);
    await page.getByText('Balie Inwoner 2').waitFor({ timeout: 3000 });
    t.equal(
      await page.evaluate(() => (window as unknown as { balieNotReloaded?: boolean }).balieNotReloaded),
      true,
      "a resident's online booking appears without a reload",
    );
    const second = online.json().reference as string;
    const first = early.json().reference as string;

    for (const [label, status] of [
      ['Aanmelden', 'aangemeld'],
      ['Starten', 'bezig'],
      ['Klaar', 'klaar'],
    ] as const) {
      t.ok(await tabToLabel(page, new RegExp(`^${label}: ${second}$`)), `${label} is reachable by Tab`);
      await page.keyboard.press('Enter');
      await page.getByText(`${second} is nu ${status}.`).waitFor();
      const row = await page.locator(`li.balie-entry:has-text("${second}")`).getAttribute('id');
      t.ok(await focusOn(page, row!), `focus stays on it after ${label}`);
    }
    await noViolations('after check-in, start and done');
    t.ok(await tabToLabel(page, new RegExp(`^Niet gekomen: ${first}$`)), 'no-show is reachable by Tab');
    await page.keyboard.press('Enter');
    await page.getByText(`${first} is nu niet gekomen.`).waitFor();
    await screenshot(page, 'staff-2-statuses');

    t.ok(await tabTo(page, 'book-service'), 'the booking form is reachable by Tab');
    await page.keyboard.type('Paspoort');
    await page.keyboard.press('Tab'); // persons: 1
    await page.keyboard.press('Tab'); // walk-in
    await page.keyboard.press('Space');
    t.ok(await tabTo(page, 'book-name'));
    await page.keyboard.type('Inloop Zonder Mail');
    await page.keyboard.press('Enter');
    await page.locator('#booked-heading').waitFor();
    t.match(
      await page.locator('#booked-heading').textContent(),
      /Afspraak [A-Z0-9]{3}-[A-Z0-9]{3} staat op 2026-12-01 09:06/,
    );
    t.ok(await focusOn(page, 'booked-heading'), 'focus on the new booking');
    await page.getByText('Inloop Zonder Mail').first().waitFor();
    await noViolations('after booking a walk-in');
    await screenshot(page, 'staff-3-booked');
    await page.setViewportSize({ width: 768, height: 1024 });
    t.notOk(
      await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
      'a 768-pixel tablet: nothing wider than the screen',
    );
    await noViolations('on a 768-pixel tablet');
    await screenshot(page, 'staff-3-tablet');
    await page.setViewportSize({ width: 1280, height: 900 });

    const printHref = await page.getByRole('link', { name: 'Bevestiging afdrukken' }).getAttribute('href');
    const print = await context.newPage();
    await print.goto(`${base}${printHref}`);
    await print.getByRole('heading', { name: 'Bevestiging van je afspraak' }).waitFor();
    t.ok(await print.locator('figure.balie-qr svg').count(), 'the reference as a QR code');
    t.match(await print.locator('main').textContent(), /Neem mee/);
    t.same(await accessibilityViolations(print), [], 'axe: the printed confirmation');
    await screenshot(print, 'staff-4-print');

    // A hand scanner types the QR code's reference and Enter into the find box: the walk-in is checked in.
    const walkIn = /Afspraak ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(
      (await page.locator('#booked-heading').textContent())!,
    )![1]!;
    t.ok(await tabTo(page, 'find'), 'the find box is reachable by Tab');
    await page.keyboard.type(walkIn);
    await page.keyboard.press('Enter');
    await page.getByText(`${walkIn} (Inloop Zonder Mail) is aangemeld.`).waitFor();
    t.equal(await statusOf(walkIn), 'checked_in', 'one scan checks the resident in');

    clock.set('2026-11-30T12:00:00Z');
    const later = await app.inject(booking('2026-12-01T11:00:00+01:00', 3));
    clock.set('2026-12-01T08:07:00Z');
    t.equal(later.statusCode, 201);
    await page.getByText('Balie Inwoner 3').waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    const cancelLabel = new RegExp(`^Annuleren: ${later.json().reference}$`);
    t.ok(await tabToLabel(page, cancelLabel), 'cancelling is reachable by Tab');
    await page.keyboard.press('Enter');
    await page.getByText(`${later.json().reference} is geannuleerd.`).waitFor();
    t.equal(await statusOf(later.json().reference), 'cancelled', 'cancelled for a caller, after the question');

    t.ok(await tabToLabel(page, /^Uitloggen$/), 'logging out is reachable by Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    const after = await context.request.get(`${base}/api/v1/staff/session`);
    t.equal(after.status(), 401, 'the session is gone');
  });
