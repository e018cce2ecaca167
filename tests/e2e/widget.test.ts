import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import t from 'tap';
import { queryRows } from '../../src/platform/database/database.js';
import { onEachDatabase } from '../helpers/app.js';
import {
  accessibilityViolations,
  chromiumHint,
  chromiumMissing,
  focusedAccessibleName,
  focusedId,
  launchBrowser,
  screenshot,
} from '../helpers/browser.js';
import { solvedChallenge } from '../helpers/captcha.js';

const DARK_TOKENS = readFileSync(
  new URL('../../node_modules/@utrecht/design-tokens/dist/dark/index.css', import.meta.url),
  'utf8',
);

/** WCAG contrast ratio of two computed colours (`rgb(…)`). */
function contrastRatio(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

// The booking widget on the demo page, in Debian's Chromium, by keyboard only, checked with axe-core in every state.
// On both databases, like the API under it, with the hold's proof of work (ALTCHA) on.
if (chromiumMissing) t.comment(chromiumHint);

if (!chromiumMissing)
  onEachDatabase(
    t,
    async (t, { app, database, clock }) => {
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const { browser, close } = await launchBrowser();
      t.teardown(close);
      /** A browser page whose clock agrees with the service's test clock (the hold's countdown uses it). */
      const open = async (
        url: string,
        options: { locale?: string; width?: number; forcedColors?: 'active'; darkTokens?: boolean } = {},
      ) => {
        const context = await browser.newContext({
          locale: options.locale ?? 'nl-NL',
          viewport: { width: options.width ?? 1024, height: 800 },
          ...(options.forcedColors && { forcedColors: options.forcedColors, reducedMotion: 'reduce' as const }),
        });
        // A municipality's dark theme: the Utrecht dark tokens in the page's style sheet, switched on by their class.
        if (options.darkTokens)
          await context.route('**/widget/demo.css', async (route) => {
            const own = await (await route.fetch()).text();
            await route.fulfill({ contentType: 'text/css', body: `${own}\n${DARK_TOKENS}` });
          });
        await context.clock.install({ time: clock.now() });
        const page = await context.newPage();
        const requests: string[] = [];
        const holdClients: string[] = [];
        page.on('request', (r) => {
          requests.push(`${r.url()} ${r.postData() ?? ''}`);
          if (r.method() === 'POST' && r.url().endsWith('/api/v1/holds'))
            holdClients.push(r.headers()['x-balie-client']!);
        });
        const console: string[] = [];
        page.on('console', (m) => console.push(m.text()));
        await page.goto(url);
        if (options.darkTokens)
          await page.evaluate(() => document.body.classList.add('utrecht-theme--color-scheme-dark'));
        return { page, context, requests, holdClients, console };
      };
      const noViolations = async (page: Page, state: string) =>
        t.same(await accessibilityViolations(page), [], `axe: ${state}`);

      t.test('a resident books by keyboard alone on a 320 px screen; every step passes axe', async (t) => {
        clock.set('2026-11-30T08:00:00Z');
        const { page, context, requests, holdClients, console } = await open(
          `${base}/widget/demo.html?gemeente=stadswaard`,
          {
            width: 320,
          },
        );
        await page.getByText('Stap 1 van 5').waitFor();
        await noViolations(page, 'services');
        await screenshot(page, 'widget-1-services');
        t.not(await focusedId(page), 'heading', 'loading the page does not move its focus');
        // Every key press of the booking is counted (the closing note of #16 gives the count).
        let presses = 0;
        const press = async (key: string) => {
          presses++;
          await page.keyboard.press(key);
        };
        const pressTo = async (id: string) => {
          for (let i = 0; i < 40 && (await focusedId(page)) !== id; i++) await press('Tab');
          return (await focusedId(page)) === id;
        };

        t.ok(await pressTo('service-paspoort'), 'the first service is reachable by Tab');
        await press('Space');
        t.ok(await pressTo('persons-paspoort'), 'the number of persons comes right after');
        await press('ArrowDown'); // 2 persons
        await page.getByText("Je afspraak duurt zo'n 20 minuten.").waitFor();
        // What the counter needs to arrange is asked before the time: a step-free counter changes which times fit.
        t.ok(await pressTo('field-stepFree'), 'the needs come with the services');
        await press('Space');
        await press('Tab');
        await press('Tab');
        await press('Enter');

        await page.getByText('Stap 2 van 5').waitFor();
        t.equal(await focusedId(page), 'heading', 'focus moves to the step heading, which says the step number');
        t.ok(
          await page.getByRole('heading', { name: 'Stap 2 van 5 Waar wil je heen?', exact: true }).isVisible(),
          'read as one sentence',
        );
        await noViolations(page, 'location');
        await screenshot(page, 'widget-2-location');
        await press('Tab');
        t.equal(await focusedId(page), 'location-informatiepunt-noord', 'three locations offer passports');
        for (let i = 0; i < 3 && (await focusedId(page)) !== 'location-stadskantoor'; i++) await press('ArrowDown');
        t.equal(await focusedId(page), 'location-stadskantoor', 'arrow keys choose within the group');
        await press('Tab');
        await press('Enter');

        await page.getByText('Stap 3 van 5').waitFor();
        t.equal(await focusedId(page), 'heading');
        t.match(await page.title(), /^Stap 3 van 5: Wanneer wil je komen\? - \S/, 'the title says the step first');
        t.ok(
          await page.getByText('zaterdag 5 december en zondag 6 december: gesloten', { exact: true }).isVisible(),
          'the closed days of the week folded into one line',
        );
        t.match(
          await page.locator('#first-free').textContent(),
          /^Eerste vrije tijd: maandag 30 november om \d+\.\d\d uur$/,
          'the first free time, one key press away',
        );
        await noViolations(page, 'days');
        await screenshot(page, 'widget-3-times');
        t.ok(await pressTo('day-2026-11-30'), "the week's days are one Tab stop: the chosen day");
        await press('ArrowRight');
        t.equal(await focusedId(page), 'day-2026-12-01', 'the right arrow goes to the next day and shows its times');
        t.equal(await focusedAccessibleName(page), 'dinsdag 1 december, 47 tijden vrij', 'a day read in full');
        t.match(await page.locator('#times-heading').textContent(), /Tijden op dinsdag 1 december/);
        await press('Tab');
        t.equal(await focusedAccessibleName(page), 'dinsdag 1 december, 9.00 uur', 'the times are the next Tab stop');
        await press('ArrowRight');
        await press('ArrowRight');
        t.equal(await focusedAccessibleName(page), 'dinsdag 1 december, 9.20 uur', 'each time read with its day');
        await press('ArrowDown');
        t.not(await focusedAccessibleName(page), 'dinsdag 1 december, 9.20 uur', 'down goes to the next row');
        await press('ArrowUp');
        t.equal(await focusedAccessibleName(page), 'dinsdag 1 december, 9.20 uur', 'and up comes back');
        await noViolations(page, 'times');
        await press('Enter');

        await page.getByText('Stap 4 van 5').waitFor();
        t.match(
          await page.locator('#hold-status').textContent(),
          /We houden dinsdag 1 december 9\.20 uur voor je vast tot 9\.10 uur/,
        );
        t.match(holdClients, [/^[0-9a-f]{32}$/], "the hold carries this visit's random client id");
        // Sending the form empty: an error summary at the top that links to each field.
        t.ok(await pressTo('field-name'));
        await press('Enter');
        t.equal(await focusedId(page), 'error-summary', 'focus on the error summary');
        t.match(await page.locator('#error-summary').textContent(), /Vul je naam in.*Vul je e-mailadres in/);
        await noViolations(page, 'form with errors');
        await screenshot(page, 'widget-4-errors');
        await press('Tab');
        await press('Enter');
        t.equal(await focusedId(page), 'field-name', 'the summary link goes to the field');
        await page.keyboard.type('Fatima El Amrani');
        await press('Tab');
        await page.keyboard.type('fatima@example.nl');
        await press('Enter');

        await page.getByText('Stap 5 van 5').waitFor();
        t.match(
          await page.locator('dl').textContent(),
          new RegExp(
            [
              'Paspoort aanvragen voor 2 personen',
              'dinsdag 1 december, van 9.20 tot 9.40 uur',
              'Stadskantoor',
              'Fatima El Amrani',
              'fatima@example\\.nl',
              'Wij regelen voor je',
              'een balie zonder drempels',
            ].join('.*'),
            's',
          ),
        );
        await noViolations(page, 'check');
        await screenshot(page, 'widget-5-check');
        t.ok(await pressTo('confirm'));
        await press('Enter');

        await page.getByText('Je afspraak is gemaakt').waitFor();
        t.match(await page.locator('dl').textContent(), /Wij regelen voor je.*een balie zonder drempels/s);
        t.comment(`key presses for this booking with every detour (typing aside): ${presses}`);
        t.equal(await focusedId(page), 'heading');
        await noViolations(page, 'done');
        await screenshot(page, 'widget-6-done');
        const reference = (await page.locator('dd strong').textContent())!;
        const [row] = await queryRows<{ name: string; status: string; needs: unknown; start: string }>(
          database.db,
          sql`
      select name, status, needs, to_char(starts_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD HH24:MI') as start
        from appointments where reference = ${reference}`,
        );
        t.same(row, {
          name: 'Fatima El Amrani',
          status: 'booked',
          needs: { stepFree: true },
          start: '2026-12-01 09:20',
        });
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Zet in je agenda' }).click(),
        ]);
        t.equal(download.suggestedFilename(), `afspraak-${reference}.ics`, 'a calendar file to add');
        t.match(readFileSync(await download.path()).toString('utf8'), /BEGIN:VCALENDAR/);
        t.notOk(
          requests.some((r) => /[?&]token=/.test(r.split(' ')[0]!)),
          'fetched with the token in the header, not in the address',
        );
        t.notOk(
          requests.some((r) => r.split(' ')[0]!.includes('fatima')),
          'no personal data in any URL',
        );
        t.same(
          await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length]),
          ['', 0, 0],
          'nothing kept in the browser',
        );
        t.same(
          console.filter((m) => /Content Security Policy|Refused to/.test(m)),
          [],
          "nothing the page's strict CSP had to refuse",
        );
        await context.close();
      });

      t.test('the time in two taps on a phone, or the first free time in two key presses', async (t) => {
        clock.set('2026-11-30T08:00:00Z');
        const phone = await open(`${base}/widget/demo.html?gemeente=stadswaard`, { width: 360 });
        const { page } = phone;
        await page.getByText('Stap 1 van 5').waitFor();
        await page.locator('#service-paspoort').click();
        await page.getByRole('button', { name: 'Volgende stap' }).click();
        await page.locator('#location-stadskantoor').click();
        await page.getByRole('button', { name: 'Volgende stap' }).click();
        await page.getByText('Stap 3 van 5').waitFor();
        let taps = 0;
        await page.locator('#day-2026-12-03').click();
        taps++;
        const strip = (await page.locator('ul.week').boundingBox())!;
        const panel = (await page.locator('.times-panel').boundingBox())!;
        t.ok(panel.y - (strip.y + strip.height) < 120, 'the times are right under the week');
        const time = page.getByRole('button', { name: 'donderdag 3 december, 9.00 uur', exact: true });
        const box = (await time.boundingBox())!;
        const reach = Math.round(box.y + box.height - strip.y);
        t.ok(reach < 400, `the days and the first time fit on one phone screen together (${reach} px)`);
        t.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'no sideways scrolling');
        await time.click();
        taps++;
        await page.getByText('Stap 4 van 5').waitFor();
        t.equal(taps, 2, 'a time on another day held in two taps after the services and the place');
        await noViolations(page, 'details at 360 px');
        await phone.context.close();

        const desk = await open(`${base}/widget/demo.html?gemeente=veenhoven&lang=en`, { width: 1280 });
        await desk.page.getByText('Step 1 of 4').waitFor();
        let presses = 0;
        const press = async (key: string) => {
          presses++;
          await desk.page.keyboard.press(key);
        };
        while ((await focusedId(desk.page)) !== 'service-paspoort' && presses < 20) await press('Tab');
        await press('Space');
        await desk.page.getByRole('button', { name: 'Next step' }).focus(); // counted below as the Tabs it takes
        const tabsToNext = await desk.page.evaluate(() => {
          const root = document.querySelector('balie-afspraak')!.shadowRoot!;
          const all = [...root.querySelectorAll<HTMLElement>('input, select, button')].filter((e) => e.tabIndex >= 0);
          return (
            all.findIndex((e) => e.textContent === 'Next step') - all.findIndex((e) => e.id === 'service-paspoort')
          );
        });
        presses += tabsToNext;
        await press('Enter');
        await desk.page.getByText('Step 2 of 4').waitFor();
        t.equal(await focusedId(desk.page), 'heading');
        const before = presses;
        await press('Tab');
        t.equal(await focusedId(desk.page), 'first-free', 'the first free time is the first thing after the heading');
        t.match(await focusedAccessibleName(desk.page), /^First free time: Monday 30 November at \d\d:\d\d$/);
        await press('Enter');
        await desk.page.getByText('Step 3 of 4').waitFor();
        t.equal(presses - before, 2, 'held in two key presses');
        t.comment(`key presses from the page to a held time (Veenhoven, first free time): ${presses}`);
        await desk.context.close();
      });

      t.test(
        'a time taken meanwhile: the widget says so kindly and the resident books one of the alternatives',
        async (t) => {
          clock.set('2026-11-30T08:00:00Z');
          const { page, context } = await open(
            `${base}/widget/demo.html?gemeente=stadswaard&service=rijbewijs&location=stadskantoor`,
          );
          await page.getByText('Stap 1 van 5').waitFor();
          t.ok(await page.locator('#service-rijbewijs').isChecked(), 'the service attribute preselects');
          await page.getByRole('button', { name: 'Volgende stap' }).click();
          await page.getByRole('button', { name: 'Volgende stap' }).click();
          await page.locator('#day-2026-12-02').click();
          // Meanwhile, every counter that does driving licences is booked at 10:00 by others.
          for (let n = 0; n < 3; n++) {
            await app.inject({
              method: 'POST',
              url: '/api/v1/appointments',
              headers: { 'x-altcha': await solvedChallenge(app) },
              payload: {
                location: 'stadskantoor',
                items: [{ service: 'rijbewijs', persons: 1 }],
                start: '2026-12-02T10:00:00+01:00',
                name: `Ander ${n}`,
                email: `ander${n}@example.nl`,
              },
            });
          }
          await page.getByRole('button', { name: 'woensdag 2 december, 10.00 uur', exact: true }).click();
          await page.getByText('Deze tijd is net bezet').waitFor();
          t.equal(await focusedId(page), 'alert', 'focus on the message');
          const alternatives = page.locator('#alert button');
          t.equal(await alternatives.count(), 3, 'three alternatives from the API');
          t.match(
            await alternatives.first().textContent(),
            /woensdag 2 december om (9\.50|10\.10) uur bij Stadskantoor/,
          );
          await noViolations(page, 'time taken');
          await screenshot(page, 'widget-7-taken');
          await alternatives.first().click();
          await page.getByText('Stap 4 van 5').waitFor();
          t.match(
            await page.locator('#hold-status').textContent(),
            /woensdag 2 december (9\.50|10\.10) uur/,
            'the alternative is held',
          );
          await context.close();
        },
      );

      t.test('nothing free for four weeks: the widget says why and what is possible', async (t) => {
        clock.set('2026-11-30T08:00:00Z');
        // Veenhoven's town hall closes for a renovation from today for five weeks.
        await database.db.execute(sql`
      insert into opening_exceptions (location_id, date, kind, reason_nl, reason_en)
      select l.id, d::date, 'closed', 'Gesloten wegens verbouwing', 'Closed for renovation'
      from locations l, generate_series('2026-11-30'::date, '2027-01-03'::date, interval '1 day') as d
      where l.slug = 'gemeentehuis-veenhoven'`);
        const { page, context } = await open(`${base}/widget/demo.html?gemeente=veenhoven&service=paspoort`);
        await page.getByText('Stap 1 van 4').waitFor();
        await page.getByRole('button', { name: 'Volgende stap' }).click();
        // One town hall: no "where" step.
        await page.getByText('Stap 2 van 4').waitFor();
        await page.getByText(/Tot en met zondag 27 december is er geen tijd vrij/).waitFor();
        t.match(
          await page.locator('ul.days-off').textContent(),
          /maandag 30 november, .* en zondag 6 december: gesloten \(Gesloten wegens verbouwing\)/,
          'the closed days folded into one line with their reason',
        );
        t.ok(
          await page.getByRole('link', { name: 'Maak een afspraak bij de gemeente Stadswaard' }).isVisible(),
          'the sister municipality',
        );
        t.ok(await page.getByText('Bel de gemeente op 0123 45 67 89.').isVisible(), 'the phone number');
        await noViolations(page, 'nothing free');
        await screenshot(page, 'widget-9-nothing-free');
        await page.getByRole('button', { name: 'Kijk verder in de tijd' }).click();
        await page.locator('#day-2027-01-04').waitFor();
        t.match(
          await page.getByRole('button', { name: /^maandag 4 januari, \d+ tijden vrij$/ }).getAttribute('id'),
          'day-2027-01-04',
          'later weeks have times again: the first is shown',
        );
        await database.db.execute(sql`delete from opening_exceptions where reason_nl = 'Gesloten wegens verbouwing'`);
        await context.close();
      });

      t.test(
        "on a municipality's own site (another origin) the widget works; on a site not listed the API refuses it",
        async (t) => {
          const host = createServer((_request, response) => {
            response.setHeader('content-type', 'text/html; charset=utf-8');
            response.end(`<!doctype html><html lang="nl"><head><title>Gemeente</title>
        <script src="${base}/widget/balie.js" type="module"></script></head>
        <body><main><h1>Afspraak</h1><balie-afspraak municipality="stadswaard"></balie-afspraak></main></body></html>`);
          });
          await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
          t.teardown(() => host.close());
          const site = `http://127.0.0.1:${(host.address() as { port: number }).port}`;
          const refused = await open(`${site}/`);
          await refused.page.getByText('Het laden lukte niet').waitFor();
          t.ok(
            refused.console.some((m) => /\/api\/v1\/services\?municipality=stadswaard.*blocked by CORS policy/.test(m)),
            'not listed: the browser may not read the API',
          );
          t.equal(
            await refused.page.locator('balie-afspraak input').count(),
            0,
            'and the widget offers nothing to choose',
          );
          t.same(await accessibilityViolations(refused.page), [], 'axe: could not load');
          await refused.context.close();
          await database.db.execute(
            sql`update municipalities set widget_origins = array_append(widget_origins, ${site}) where slug =
            'stadswaard'`,
          );
          await new Promise((r) => setTimeout(r, 300)); // the change feed reaches the app
          const allowed = await open(`${site}/`);
          await allowed.page.getByText('Stap 1 van 5').waitFor();
          t.ok(
            await allowed.page.locator('#service-paspoort').isVisible(),
            'listed: the services come from the API across origins',
          );
          await allowed.context.close();
        },
      );

      t.test('with forced colours (Windows high contrast) and reduced motion the steps stay usable', async (t) => {
        clock.set('2026-11-30T08:00:00Z');
        const { page, context } = await open(
          `${base}/widget/demo.html?gemeente=stadswaard&service=paspoort&location=stadskantoor`,
          { forcedColors: 'active', width: 320 },
        );
        await page.getByText('Stap 1 van 5').waitFor();
        await page.getByRole('button', { name: 'Volgende stap' }).click();
        await page.getByRole('button', { name: 'Volgende stap' }).click();
        await page.locator('#day-2026-12-01').click();
        t.equal(
          await page.locator('#day-2026-12-01').getAttribute('aria-pressed'),
          'true',
          'the chosen day is marked without colour',
        );
        t.equal(
          await page
            .locator('li.day-off')
            .first()
            .evaluate((e) => getComputedStyle(e).borderTopWidth),
          '0px',
          'a day without a time has no border: it does not look like a button',
        );
        const border = await page.locator('#day-2026-12-01').evaluate((e) => getComputedStyle(e).borderTopStyle);
        t.equal(border, 'double', 'and in forced colours by a double border');
        await noViolations(page, 'forced colours');
        await screenshot(page, 'widget-10-forced-colours');
        await context.close();
      });

      t.test(
        'at 320 px with a 60-character e-mail address and the Utrecht dark tokens: no sideways scrolling, axe clean',
        async (t) => {
          clock.set('2026-11-30T08:00:00Z');
          const email = 'fatima.el-amrani.van-den-berg.de-vries.thuis123@voorbeeld.nl';
          t.equal(email.length, 60);
          const { page, context } = await open(`${base}/widget/demo.html?gemeente=stadswaard`, {
            width: 320,
            darkTokens: true,
          });
          const fits = async (state: string) => {
            t.equal(
              await page.evaluate(() => document.documentElement.scrollWidth),
              320,
              `${state}: no sideways scroll`,
            );
            await noViolations(page, `dark, 320 px: ${state}`);
          };
          await page.getByText('Stap 1 van 5').waitFor();
          t.equal(
            await page.locator('balie-afspraak').evaluate((e) => getComputedStyle(e).backgroundColor),
            'rgb(38, 38, 38)',
            'the dark tokens reach the widget',
          );
          await fits('services');
          // A theme's heading and focus tokens reach the widget too.
          await page.evaluate(() => {
            document.body.style.setProperty('--utrecht-heading-color', 'rgb(255, 221, 0)');
            document.body.style.setProperty('--utrecht-heading-font-family', 'serif');
            document.body.style.setProperty('--utrecht-focus-outline-color', 'rgb(0, 255, 255)');
            document.body.style.setProperty('--utrecht-focus-outline-style', 'dashed');
          });
          const heading = await page.locator('#heading').evaluate((e) => {
            const style = getComputedStyle(e);
            return [style.color, style.fontFamily];
          });
          t.same(heading, ['rgb(255, 221, 0)', 'serif'], 'the heading follows the heading tokens');
          for (
            let i = 0;
            i < 15 && !(await page.evaluate(() => document.activeElement?.localName === 'balie-afspraak'));
            i++
          )
            await page.keyboard.press('Tab');
          const focus = await page.evaluate(() => {
            const widget = document.querySelector('balie-afspraak')!;
            const focused = widget.shadowRoot!.activeElement;
            return focused ? [getComputedStyle(focused).outlineColor, getComputedStyle(focused).outlineStyle] : [];
          });
          t.same(focus, ['rgb(0, 255, 255)', 'dashed'], 'the focus ring follows the focus tokens');
          await page.evaluate(() => {
            for (const token of ['heading-color', 'heading-font-family', 'focus-outline-color', 'focus-outline-style'])
              document.body.style.removeProperty(`--utrecht-${token}`);
          });
          await page.locator('#service-paspoort').click();
          await page.getByRole('button', { name: 'Volgende stap' }).click();
          await page.getByText('Stap 2 van 5').waitFor();
          await fits('location');
          await page.locator('#location-stadskantoor').click();
          await page.getByRole('button', { name: 'Volgende stap' }).click();
          await page.getByText('Stap 3 van 5').waitFor();
          await page.locator('#day-2026-12-01').click();
          await page.locator('#times-heading').waitFor();
          await fits('days and times');
          await page.locator('ul.times button').first().click();
          await page.getByText('Stap 4 van 5').waitFor();
          await page.getByRole('button', { name: 'Volgende stap' }).click();
          await page.locator('#error-summary').waitFor();
          await fits('form with errors');
          await page.locator('#field-name').fill('Fatima El Amrani');
          await page.locator('#field-email').fill(email);
          const typed = await page.locator('#field-email').evaluate((e) => {
            const style = getComputedStyle(e);
            return [style.color, style.backgroundColor];
          });
          const ratio = contrastRatio(typed[0]!, typed[1]!);
          t.ok(ratio >= 4.5, `typed text on its field: ${ratio.toFixed(1)}:1 (${typed.join(' on ')})`);
          await fits('details filled in');
          await screenshot(page, 'widget-11-dark-details');
          await page.getByRole('button', { name: 'Volgende stap' }).click();
          await page.getByText('Stap 5 van 5').waitFor();
          t.match(await page.locator('dl').textContent(), email, 'the whole address is shown');
          await fits('check');
          await screenshot(page, 'widget-12-dark-check');
          await page.getByRole('button', { name: 'Afspraak maken' }).click();
          await page.getByText('Je afspraak is gemaakt').waitFor();
          await fits('done');
          await screenshot(page, 'widget-13-dark-done');
          await context.close();
        },
      );

      t.test('the hold warns before it runs out and the resident extends it', async (t) => {
        clock.set('2026-11-30T08:00:00Z');
        const { page, context } = await open(`${base}/widget/demo.html?gemeente=veenhoven&service=paspoort&lang=en`, {
          width: 360,
        });
        await page.getByText('Step 1 of 4').waitFor();
        await page.getByRole('button', { name: 'Next step' }).click();
        await page.locator('#day-2026-12-01').click();
        await page.locator('#times-heading').waitFor();
        await page.locator('ul.times button').first().click();
        await page.getByText('Step 3 of 4').waitFor();
        await noViolations(page, 'English details');
        await page.locator('#field-email').focus();
        /** Where the field is on the page (not on the screen: the page may scroll to keep it in sight). */
        const onPage = async () =>
          (await page.locator('#field-email').boundingBox())!.y + (await page.evaluate(() => window.scrollY));
        const before = await onPage();
        clock.set('2026-11-30T08:08:30Z');
        await context.clock.fastForward('08:30');
        await page.locator('#hold-notice').waitFor();
        t.match(await page.locator('#hold-notice').textContent(), /Your time is almost up/);
        t.equal(Math.round((await onPage()) - before), 0, 'the warning moves nothing: the field stays in its place');
        const notice = (await page.locator('#hold-notice').boundingBox())!;
        const field = (await page.locator('#field-email').boundingBox())!;
        t.ok(field.y + field.height <= notice.y, 'and it does not cover the field being typed in');
        t.equal(await focusedId(page), 'field-email', 'focus stays in the field');
        await noViolations(page, 'hold warning');
        await screenshot(page, 'widget-8-hold-warning');
        await page.getByRole('button', { name: 'Keep my time for 10 more minutes' }).click();
        await page.locator('#hold-notice').waitFor({ state: 'detached' });
        t.match(await page.locator('#hold-status').textContent(), /until 09:18/);
        t.equal(await focusedId(page), 'field-email', 'focus goes back to the field the resident was in');
        const held = async () =>
          (
            await queryRows<{ n: number }>(
              database.db,
              sql`
      select count(*)::int as n from appointments a join locations l on l.id = a.location_id where a.status = 'held'
        and l.slug = 'gemeentehuis-veenhoven'`,
            )
          )[0]!.n;
        t.equal(await held(), 1);
        // The browser's Back is "previous step" and keeps the held time; Forward goes on again.
        await page.goBack();
        await page.getByText('Step 2 of 4').waitFor();
        t.equal(await held(), 1, 'Back to the times keeps the held time');
        await page.goForward();
        await page.getByText('Step 3 of 4').waitFor();
        t.match(await page.locator('#hold-status').textContent(), /until 09:18/, 'Forward: the same held time');
        await page.getByRole('button', { name: 'Previous step' }).click();
        await page.getByText('Step 2 of 4').waitFor();
        await page.getByRole('button', { name: 'Previous step' }).click();
        await page.getByText('Step 1 of 4').waitFor();
        const until = Date.now() + 2000;
        while ((await held()) !== 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
        t.equal(await held(), 0, 'going back before the time step lets the held time go');
        await page.getByRole('button', { name: 'Next step' }).click();
        await page.locator('#day-2026-12-01').click();
        await page.locator('ul.times button').first().click();
        await page.getByText('Step 3 of 4').waitFor();
        t.equal(await held(), 1);
        await page.close({ runBeforeUnload: true });
        const closed = Date.now() + 3000;
        while ((await held()) !== 0 && Date.now() < closed) await new Promise((r) => setTimeout(r, 50));
        t.equal(await held(), 0, 'closing the page lets the held time go too');
        await context.close();
      });
    },
    // The proof of work is on, as in production: the widget solves it while the times are shown.
    { env: { CAPTCHA: 'on' } },
  );
