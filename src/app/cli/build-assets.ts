// The second half of `npm run build`, after tsc: what the compiled tree needs beside its JavaScript. The migrations,
// the SQL functions and the static files are copied; the widget is bundled, and the build fails over its budget.
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAFF_ASSET_FILES } from '../../pages/balie/staff-assets.js';
import { bundleStaffAssets } from '../../pages/balie/staff-bundle.js';
import { bundleWidgetCode } from '../../widget/build.js';
import { BUNDLE_FILE, bundleOf, WIDGET_BUDGET_BYTES } from '../../widget/bundle.js';

// This file runs compiled, as dist/src/app/cli/build-assets.js.
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const dist = join(root, 'dist');

cpSync(join(root, 'db/migrations'), join(dist, 'db/migrations'), { recursive: true });
const copied = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter(
  (f) => f.endsWith('.sql') || f.includes('static/'),
);
for (const file of copied) {
  mkdirSync(dirname(join(dist, 'src', file)), { recursive: true });
  cpSync(join(root, 'src', file), join(dist, 'src', file), { recursive: true });
}

const { code, gzip } = bundleOf(await bundleWidgetCode(join(root, 'src/widget/balie-afspraak.ts')));
writeFileSync(BUNDLE_FILE, code);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(
  `widget/balie.js: ${kb(code.length)} minified, ${kb(gzip.length)} gzipped ` +
    `(budget ${kb(WIDGET_BUDGET_BYTES)} gzipped)`,
);
if (gzip.length > WIDGET_BUDGET_BYTES) {
  console.error('the widget is over its budget: the build fails');
  process.exit(1);
}
const staff = await bundleStaffAssets();
for (const [name, file] of Object.entries(STAFF_ASSET_FILES)) writeFileSync(file, staff[name as keyof typeof staff]);
console.log(`balie/balie.js: ${kb(staff.js.length)}, balie/balie.css: ${kb(staff.css.length)} (staff page)`);
writeFileSync(join(dist, '.build-stamp'), `${new Date().toISOString()}\n`);
