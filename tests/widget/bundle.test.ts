import { gunzipSync } from 'node:zlib';
import t from 'tap';
import { bundleWidgetCode } from '../../src/widget/build.js';
import { bundleOf, WIDGET_BUDGET_BYTES } from '../../src/widget/bundle.js';
import { onEachDatabase } from '../helpers/app.js';

t.test('the widget stays within its budget: at most 30 KB gzipped, JS and CSS together', async (t) => {
  const { code, gzip } = bundleOf(await bundleWidgetCode());
  t.comment(`widget/balie.js: ${code.length} bytes minified, ${gzip.length} bytes gzipped`);
  t.ok(gzip.length <= WIDGET_BUDGET_BYTES, `${gzip.length} ≤ ${WIDGET_BUDGET_BYTES}`);
  t.ok(code.length > 10_000, 'it is the real bundle, with lit and the widget in it');
  const text = code.toString('utf8');
  t.notMatch(text, /\beval\(|new Function\(/, 'nothing a strict CSP forbids');
  t.match(text, /customElements\.define\("balie-afspraak"/, 'it defines the element');
  t.match(text, /Wat wil je regelen\?/, 'with its Dutch words');
  t.match(text, /What do you want to arrange\?/, 'and its English ones');
});

onEachDatabase(t, async (t, { app }) => {
  t.test('the service serves it to any site, gzipped when asked, and answers 304 to its ETag', async (t) => {
    const plain = await app.inject({ url: '/widget/balie.js', headers: { origin: 'https://www.stadswaard.example' } });
    t.equal(plain.statusCode, 200);
    t.match(plain.headers['content-type'], /^text\/javascript/);
    t.equal(
      plain.headers['access-control-allow-origin'],
      '*',
      'a module script from another site is fetched with CORS',
    );
    const zipped = await app.inject({ url: '/widget/balie.js', headers: { 'accept-encoding': 'gzip, br' } });
    t.equal(zipped.headers['content-encoding'], 'gzip');
    t.equal(gunzipSync(zipped.rawPayload).toString('utf8'), plain.body);
    const again = await app.inject({
      url: '/widget/balie.js',
      headers: { 'if-none-match': String(plain.headers.etag) },
    });
    t.equal(again.statusCode, 304);
  });

  t.test(
    'the demo page looks like a municipal page, runs under a strict CSP and passes the attributes on',
    async (t) => {
      const page = await app.inject({ url: '/widget/demo.html?gemeente=veenhoven&lang=en&service=paspoort' });
      t.equal(page.statusCode, 200);
      t.match(page.headers['content-security-policy'], /script-src 'self'; style-src 'self'/);
      t.match(page.body, /<balie-afspraak municipality="veenhoven" lang="en" service="paspoort"><\/balie-afspraak>/);
      t.match(page.body, /Gemeente Veenhoven/);
      const hostile = await app.inject({ url: '/widget/demo.html?service=%22%3E%3Cscript%3Ealert(1)%3C/script%3E' });
      t.notMatch(hostile.body, /<script>alert/, 'attributes are escaped');
    },
  );
});
