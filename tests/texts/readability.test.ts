// B1 Dutch for residents (#16): every resident text of five words or more, in src/texts and in the seed's services
// and opening exceptions, scores at least 60 on Flesch-Douma, and has at most 15 words per sentence on average.
// Texts with parameters are read with sample values (a number where the name says so, else a name).
// Staff-only words (staff-nl.ts, merged into the problems and fields) are the staff page's, not the residents'.
import { sql } from 'drizzle-orm';
import t from 'tap';
import { queryRows } from '../../src/platform/database/database.js';
import { nl } from '../../src/texts/nl.js';
import { printNl } from '../../src/texts/print.js';
import { staffFieldsNl, staffProblemsNl } from '../../src/texts/staff-nl.js';
import { widgetNl } from '../../src/texts/widget.js';
import { freshDatabase } from '../helpers/databases.js';
import { readability, syllables, wordsOf } from '../helpers/readability.js';

const MIN_SCORE = 60;
const MAX_WORDS_PER_SENTENCE = 15;

/** Sample values: counts, minutes and the like are numbers; the rest reads as a short word. */
const sampleParams = new Proxy(
  {},
  {
    get: (_, key) =>
      key === Symbol.toPrimitive
        ? () => 2 // a text that takes one number (print.persons)
        : typeof key !== 'string'
          ? undefined
          : /^(n|count|minutes|persons|seconds|limit|hours|days|step|total|max|min)/i.test(key)
            ? 2
            : 'Jan',
  },
);

/** Every text in a words object, by its path; a function is read with the sample values. */
function* textsIn(value: unknown, path: string, skip: Set<string>): Generator<[string, string]> {
  if (skip.has(path)) return;
  if (typeof value === 'string') yield [path, value];
  else if (typeof value === 'function') yield* textsIn(value(sampleParams, sampleParams), path, skip);
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* textsIn(v, `${path}[${i}]`, skip);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* textsIn(v, `${path}.${k}`, skip);
}

const staffOnly = new Set([
  ...Object.keys(staffProblemsNl).map((k) => `nl.problems.${k}`),
  ...Object.keys(staffFieldsNl).map((k) => `nl.fields.${k}`),
]);

t.test('the readability measure behaves as Flesch-Douma', async (t) => {
  t.equal(syllables('geïnteresseerd'), 5);
  t.equal(syllables('afspraak'), 2);
  t.equal(syllables('identiteitskaart'), 5);
  t.same(wordsOf("Om 9.10 uur is 's middags"), ['Om', 'uur', 'is', 's', 'middags']);
  t.ok(readability('Je maakt een afspraak. Je komt naar de balie.').score > 80, 'short words, short sentences');
  const heavy = readability(
    'Indien verificatie van uw identiteitsgegevens noodzakelijk geacht wordt, dient u de desbetreffende ' +
      'documentatie voorafgaand aan de afspraak elektronisch te overhandigen aan de gemeentelijke organisatie.',
  );
  t.ok(heavy.score < MIN_SCORE, `official Dutch scores low (${heavy.score.toFixed(0)})`);
  t.ok(heavy.wordsPerSentence > MAX_WORDS_PER_SENTENCE);
});

t.test('every resident text is B1', async (t) => {
  const database = await freshDatabase('pglite', { seed: true });
  t.teardown(database.drop);
  const seed = await queryRows<{ path: string; text: string }>(
    database.database.db,
    sql`select 'seed.service.' || slug || '.name' as path, name_nl as text from services
        union all select 'seed.service.' || slug || '.description', description_nl from services
        union all select 'seed.service.' || slug || '.bring', unnest(bring_nl) from services
        union all select 'seed.exception.' || date::text, reason_nl from opening_exceptions`,
  );
  const texts: [string, string][] = [
    ...textsIn(nl, 'nl', staffOnly),
    ...textsIn(widgetNl, 'widget', new Set()),
    ...textsIn(printNl, 'print', new Set()),
    ...seed.map((r) => [r.path, r.text] as [string, string]),
  ];
  t.ok(texts.length > 200, `${texts.length} texts read`);
  t.ok(seed.length > 30, `${seed.length} of them from the seed`);
  const hard: string[] = [];
  let measured = 0;
  const seen = new Set<string>();
  for (const [path, text] of texts) {
    if (seen.has(`${path} ${text}`)) continue; // the seed's two municipalities share their services' words
    seen.add(`${path} ${text}`);
    const r = readability(text);
    if (r.words < 5) continue;
    measured++;
    if (r.score < MIN_SCORE || r.wordsPerSentence > MAX_WORDS_PER_SENTENCE)
      hard.push(`${path} (${r.score.toFixed(0)}, ${r.wordsPerSentence.toFixed(1)} words a sentence): ${text}`);
  }
  t.same(hard, [], `${measured} texts of five words or more, each ≥ ${MIN_SCORE} and ≤ ${MAX_WORDS_PER_SENTENCE}`);
});
