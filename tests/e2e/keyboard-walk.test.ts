// One booking by the shortest key path, counted, for the before/after of #16 (typing aside): paspoort for 2 persons
// at a step-free counter, Stadskantoor, name and e-mail, confirm; the time is Tuesday 1 December's first (9.00), or
// its 14.00, or the first free time. The "before" figures (33, 63 and 32 key presses; here 34, 43 and 30) came from
// this walk with the old flow's steps too, as committed in 6029e21, run on f01be86 (docs/decisions.md, "Words and
// themes").
import type { Page } from 'playwright-core';
import t from 'tap';
import { onEachDatabase } from '../helpers/app.js';
import { chromiumMissing, focusedId, launchBrowser, tabTo } from '../helpers/browser.js';

type Time = 'day-2-first' | 'day-2-14' | 'first-free';

/** The focused element inside the widget's shadow root. */
const focusedText = (page: Page) =>
  page.evaluate(() => {
    let e = document.activeElement as HTMLElement | null;
    while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement as HTMLElement;
    return `${e?.getAttribute('aria-label') ?? ''}|${e?.textContent?.trim() ?? ''}`;
  });

async function tabToText(page: Page, text: RegExp) {
  for (let i = 0; i < 40 && !text.test(await focusedText(page)); i++) await page.keyboard.press('Tab');
}

if (!chromiumMissing)
  onEachDatabase(t, async (t, { app, clock, kind }) => {
    if (kind !== 'pglite') return;
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const { browser, close } = await launchBrowser();
    t.teardown(close);

    const walk = async (time: Time) => {
      clock.set('2026-11-30T08:00:00Z');
      const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 800 } });
      await context.clock.install({ time: clock.now() });
      const page = await context.newPage();
      await page.goto(`${base}/widget/demo.html?gemeente=stadswaard`);
      await page.getByText('Stap 1 van 5').waitFor();
      let presses = 0;
      const press = page.keyboard.press.bind(page.keyboard);
      page.keyboard.press = async (key: string) => {
        presses++;
        return press(key);
      };
      await tabTo(page, 'service-paspoort');
      await page.keyboard.press('Space');
      await tabTo(page, 'persons-paspoort');
      await page.keyboard.press('ArrowDown');
      await tabTo(page, 'field-stepFree');
      await page.keyboard.press('Space');
      await tabToText(page, /\|Volgende stap$/);
      await page.keyboard.press('Enter');
      await page.getByText('Stap 2 van 5').waitFor();
      await page.keyboard.press('Tab');
      while ((await focusedId(page)) !== 'location-stadskantoor') await page.keyboard.press('ArrowDown');
      await tabToText(page, /\|Volgende stap$/);
      await page.keyboard.press('Enter');
      await page.getByText('Stap 3 van 5').waitFor();
      if (time === 'first-free') {
        await page.keyboard.press('Tab'); // the first free time is the step's first button
      } else {
        await tabTo(page, 'day-2026-11-30');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Tab'); // the day's first time
        if (time === 'day-2-14') {
          // Down a row while that row's time is not past 14.00, then right: the fewest presses.
          const minutesOf = (text: string) => {
            const [h, m] = text.split('|')[1]!.split('.').map(Number);
            return h! * 60 + m!;
          };
          const below = () =>
            page.evaluate(() => {
              const root = document.querySelector('balie-afspraak')!.shadowRoot!;
              const current = root.activeElement as HTMLElement;
              const top = (e: Element) => Math.round(e.getBoundingClientRect().top);
              const next = [...root.querySelectorAll('ul.times button')].filter((b) => top(b) > top(current));
              const rowTop = Math.min(...next.map(top));
              const x = current.getBoundingClientRect().left;
              const row = next.filter((b) => top(b) === rowTop);
              const nearest = row.reduce<Element | undefined>(
                (best, b) =>
                  !best ||
                  Math.abs(b.getBoundingClientRect().left - x) < Math.abs(best.getBoundingClientRect().left - x)
                    ? b
                    : best,
                undefined,
              );
              return `|${nearest?.textContent?.trim() ?? '99.99'}`;
            });
          while (minutesOf(await below()) <= 14 * 60) await page.keyboard.press('ArrowDown');
          while (minutesOf(await focusedText(page)) < 14 * 60) await page.keyboard.press('ArrowRight');
        }
      }
      const wanted = { 'day-2-first': /9[.:]00/, 'day-2-14': /14[.:]00/, 'first-free': /\d[.:]\d\d/ }[time];
      const focused = await focusedText(page);
      t.match(focused, wanted, `${time}: the time wanted (${focused})`);
      await page.keyboard.press('Enter');
      await page.getByText('Stap 4 van 5').waitFor();
      await tabTo(page, 'field-name');
      await page.keyboard.type('Fatima El Amrani');
      await page.keyboard.press('Tab');
      await page.keyboard.type('fatima@example.nl');
      await page.keyboard.press('Enter');
      await page.getByText('Stap 5 van 5').waitFor();
      t.match(await page.locator('dl').textContent(), /zonder drempels/, 'a step-free counter');
      await tabTo(page, 'confirm');
      await page.keyboard.press('Enter');
      await page.getByText('Je afspraak is gemaakt').waitFor();
      t.comment(`${time}: ${presses} key presses`);
      await context.close();
      return presses;
    };

    const first = await walk('day-2-first');
    const afternoon = await walk('day-2-14');
    const firstFree = await walk('first-free');
    t.ok(afternoon - first <= 10, `14.00 is ${afternoon - first} presses past 9.00 with the arrow keys (was 30 Tabs)`);
    t.ok(firstFree < first, `the first free time is the shortest way (${firstFree} against ${first})`);
    t.ok(first <= 34 && afternoon <= 43 && firstFree <= 30, 'no more presses than measured for #16 (34, 43, 30)');
  });
