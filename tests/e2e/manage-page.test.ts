import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import t from 'tap';
import { queryRows } from '../../src/store/database.js';
import { onEachDatabase } from '../helpers/app.js';
import { accessibilityViolations, launchBrowser, screenshot } from '../helpers/browser.js';

// The page behind the manage link, in a real browser, by keyboard only, checked with axe-core. PGlite is enough:
// the page only talks to the API, which the other tests cover on both databases.
// On a developer's machine without Chromium these tests say how to get it; in CI (.ci/run installs it) they must run.
const chromiumMissing = !existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') && !process.env.CI;
if (chromiumMissing) t.comment('Chromium is not installed: `apt-get install chromium` to run the browser tests');

if (!chromiumMissing) onEachDatabase(t, async (t, { app, database, clock, kind }) => {
  if (kind !== 'pglite') return;
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const { browser, close } = await launchBrowser();
  t.teardown(close);
  const book = async (start: string, email: string) => (await app.inject({ method: 'POST', url: '/api/v1/appointments', payload: {
    location: 'stadskantoor', items: [{ service: 'paspoort', persons: 2 }], start, name: 'Henk de Boer', email,
  } })).json();

  t.test('a resident cancels with the keyboard alone; every state passes axe', async (t) => {
    clock.set('2026-11-30T08:00:00Z');
    const booked = await book('2026-12-03T10:00:00+01:00', 'henk@example.nl');
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${base}/afspraak/${booked.reference}#${booked.manageToken}`);
    await page.getByText('Paspoort aanvragen (2)').waitFor();
    t.match(await page.locator('#when').textContent(), /donderdag 3 december 2026/);
    t.same(await accessibilityViolations(page), [], 'the appointment');
    await screenshot(page, 'manage-1-appointment');

    // Tab to the cancel button; nothing is cancelled until the second, explicit press.
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'cancel'; i++) await page.keyboard.press('Tab');
    t.equal(await page.evaluate(() => document.activeElement?.id), 'cancel', 'reachable by Tab');
    await page.keyboard.press('Enter');
    t.equal(await page.evaluate(() => document.activeElement?.id), 'confirm-question', 'focus moves to the question');
    t.same(await accessibilityViolations(page), [], 'the confirmation');
    await screenshot(page, 'manage-2-confirm');
    await page.keyboard.press('Tab');
    t.equal(await page.evaluate(() => document.activeElement?.id), 'confirm-yes');
    await page.keyboard.press('Enter');
    await page.getByText('Je afspraak is geannuleerd').waitFor();
    t.equal(await page.evaluate(() => document.activeElement?.id), 'status', 'focus on the message');
    t.same(await accessibilityViolations(page), [], 'cancelled');
    await screenshot(page, 'manage-3-cancelled');
    const [row] = await queryRows<{ status: string }>(database.db, sql`select status from appointments where reference = ${booked.reference}`);
    t.equal(row!.status, 'cancelled');
    t.notOk(requests.some((url) => url.includes(booked.manageToken)), 'the token never travels in a URL');
    await context.close();
  });

  t.test('after the visit the resident gives a score by keyboard, in English', async (t) => {
    clock.set('2026-11-30T08:00:00Z');
    const booked = await book('2026-12-04T10:00:00+01:00', 'henk2@example.nl');
    clock.set('2026-12-04T10:00:00Z');
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${base}/afspraak/${booked.reference}#${booked.manageToken}`);
    await page.getByRole('heading', { name: 'How was your visit?' }).waitFor();
    t.same(await accessibilityViolations(page), [], 'the feedback form');
    await page.getByLabel('1: bad').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Quick and friendly');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Thank you!').waitFor();
    await screenshot(page, 'manage-4-thanks');
    const [row] = await queryRows<{ score: number; comment: string }>(database.db, sql`
      select f.score, f.comment from feedback f join appointments a on a.id = f.appointment_id where a.reference = ${booked.reference}`);
    t.same(row, { score: 4, comment: 'Quick and friendly' });
    await context.close();
  });

  t.test('a link without its token says what to do instead', async (t) => {
    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(`${base}/afspraak/AAA-AAA`);
    await page.getByText('Deze link is niet compleet').waitFor();
    t.same(await accessibilityViolations(page), []);
    await context.close();
  });
});
