// Lines at most 120 characters in everything written by hand (Biome's formatter wraps code, not strings, SQL or
// comments, so this test holds the rest). Generated migrations (db/migrations) are left as drizzle-kit writes them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import t from 'tap';

const MAX = 120;
const root = new URL('../..', import.meta.url).pathname;
const written = /\.(ts|mjs|cjs|sql|css)$/;

function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path.endsWith(join('db', 'migrations')) ? [] : filesIn(path);
    return written.test(entry.name) ? [path] : [];
  });
}

t.test(`no line longer than ${MAX} characters in src, db, tests and .ci`, async (t) => {
  const files = [...['src', 'db', 'tests'].flatMap((d) => filesIn(join(root, d))), join(root, '.ci', 'run')];
  t.ok(files.length > 100, `${files.length} files read`);
  const long = files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => ([...line].length > MAX ? [`${relative(root, file)}:${i + 1}`] : [])),
  );
  t.same(long, [], 'lines over the limit');
});
