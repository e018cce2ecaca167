// `npm start` runs the compiled build (dist/). On a fresh clone, or after the sources changed, it builds first, so
// that `npm install && npm start` is all a newcomer needs. Plain JavaScript: it runs before anything is compiled.
import { execSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const stamp = join(root, 'dist/.build-stamp');
const mtime = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
};
const newest = (folder) =>
  Math.max(
    0,
    ...readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' }).map((f) => mtime(join(root, folder, f))),
  );

const built = mtime(stamp);
const sources = Math.max(
  newest('src'),
  newest('db'),
  mtime(join(root, 'package-lock.json')),
  mtime(join(root, 'tsconfig.json')),
);
if (built === 0 || sources > built) {
  console.error(
    built === 0
      ? 'No build yet: building first (npm run build).'
      : 'The sources changed since the last build: building first.',
  );
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
