import t from 'tap';
import { en } from '../../src/texts/en.js';
import { negotiateLanguage } from '../../src/texts/index.js';
import { nl } from '../../src/texts/nl.js';

t.test('Dutch is the default; English when asked for, by quality', async (t) => {
  t.equal(negotiateLanguage(undefined), 'nl');
  t.equal(negotiateLanguage('de-DE,fr'), 'nl');
  t.equal(negotiateLanguage('en-US,en;q=0.9'), 'en');
  t.equal(negotiateLanguage('nl;q=0.5,en;q=0.8'), 'en');
  t.equal(negotiateLanguage('en;q=0,nl'), 'nl');
  t.equal(negotiateLanguage('EN'), 'en');
});

t.test('every Dutch text has an English twin and the other way round', async (t) => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
    );
  t.same(keys(en).sort(), keys(nl).sort());
});
