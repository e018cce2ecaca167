// How long a browser takes to solve the hold's proof of work (ALTCHA, the default CAPTCHA_MAX_NUMBER), in Debian's
// Chromium: ten challenges from the server, solved the way altcha-lib's solveChallenge does (SHA-256 of salt and
// number with Web Crypto, one number after the other), as the widget does.
import t from 'tap';
import { onEachDatabase } from '../helpers/app.js';
import { chromiumHint, chromiumMissing, launchBrowser } from '../helpers/browser.js';

if (chromiumMissing) t.comment(chromiumHint);

if (!chromiumMissing)
  onEachDatabase(
    t,
    async (t, { app }) => {
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const { browser, close } = await launchBrowser();
      t.teardown(close);
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/widget/demo.html?gemeente=stadswaard`);
      const times = await page.evaluate(async () => {
        const hex = (buffer: ArrayBuffer) =>
          [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
        const took: number[] = [];
        for (let round = 0; round < 10; round++) {
          const c = await (await fetch('/api/v1/captcha')).json();
          const started = performance.now();
          for (let n = 0; n <= c.maxnumber; n++) {
            const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(c.salt + n));
            if (hex(digest) === c.challenge) break;
          }
          took.push(performance.now() - started);
        }
        return took;
      });
      const sorted = [...times].sort((a, b) => a - b);
      const median = (sorted[4]! + sorted[5]!) / 2;
      t.comment(`solve times (ms): ${sorted.map((ms) => ms.toFixed(0)).join(', ')}; median ${median.toFixed(0)}`);
      t.equal(times.length, 10, 'ten challenges solved');
      t.ok(median < 4000, `the median solve is a few seconds at most on this machine (${median.toFixed(0)} ms)`);
      await context.close();
    },
    { env: { CAPTCHA: 'on' } },
  );
