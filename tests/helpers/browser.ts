import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with no background traffic (STACK-NOTES); playwright gives it a fresh profile. */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { browser, close: () => browser.close() };
}

/** axe-core with the WCAG 2.0/2.1/2.2 A and AA rules; returns the violations. */
export async function accessibilityViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const shots = new URL('../e2e/screenshots/', import.meta.url).pathname;
export async function screenshot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/**
 * Whether the browser tests must be skipped: on a developer's machine without Chromium they say how to get it; in
 * CI (.ci/run installs it) they always run.
 */
export const chromiumMissing = !existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') && !process.env.CI;
export const chromiumHint = 'Chromium is not installed: `apt-get install chromium` to run the browser tests';

/** The id of the focused element, looking inside shadow roots (the widget's) where focus is there. */
export const focusedId = (page: Page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.id ?? '';
  });

/** Presses Tab until the element with `id` has focus (at most `max` times); says whether it got there. */
export async function tabTo(page: Page, id: string, max = 40) {
  for (let i = 0; i < max && (await focusedId(page)) !== id; i++) await page.keyboard.press('Tab');
  return (await focusedId(page)) === id;
}

/**
 * Presses Tab until the focused element's accessible label (aria-label or text, inside shadow roots too) matches;
 * says whether it did.
 */
export async function tabToLabel(page: Page, label: RegExp, max = 80) {
  const focused = () =>
    page.evaluate(() => {
      let e = document.activeElement as HTMLElement | null;
      while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement as HTMLElement;
      return e?.getAttribute('aria-label') ?? e?.textContent?.trim() ?? '';
    });
  for (let i = 0; i < max && !label.test(await focused()); i++) await page.keyboard.press('Tab');
  return label.test(await focused());
}

/** The accessible name of the focused element in Chromium's own accessibility tree (what a screen reader reads). */
export async function focusedAccessibleName(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        role?: { value?: string };
        name?: { value?: string };
        properties?: { name: string; value: { value?: unknown } }[];
      }[];
    };
    // The document is focused too (RootWebArea): the element is the other one.
    const focused = nodes.find(
      (n) =>
        n.role?.value !== 'RootWebArea' && n.properties?.some((p) => p.name === 'focused' && p.value.value === true),
    );
    return String(focused?.name?.value ?? '');
  } finally {
    await cdp.detach();
  }
}
