// npm run staff:create makes the first admin of an installation: the password from STAFF_PASSWORD (never an
// argument), a wrong role or an unknown municipality refused with words that say what to give, no account twice.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { buildApp } from '../../src/app/http-app.js';
import { openDatabase } from '../../src/platform/database/database.js';
import { TestClock, testConfig } from '../helpers/app.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'balie-staff-create-'));
t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
const cli = (args: string[], extra: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', 'src/app/cli/staff-create.ts', ...args], {
    cwd: root,
    env: { ...env, ...extra },
  }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );

t.test('the first admin, then a login with that password', async (t) => {
  await run(process.execPath, ['--import', 'tsx', 'src/app/cli/seed.ts'], { cwd: root, env });
  const args = ['--email', 'Eerste.Admin@Stadswaard.nl', '--role', 'admin', '--municipality', 'stadswaard'];
  const made = await cli(args, { STAFF_PASSWORD: 'een-lang-wachtwoord' });
  t.equal(made.code, 0, made.err);
  t.match(JSON.parse(made.out), { email: 'eerste.admin@stadswaard.nl', role: 'admin' });
  t.match((await cli(args, { STAFF_PASSWORD: 'een-lang-wachtwoord' })).err, /already/, 'not twice');
  t.match((await cli([...args.slice(0, 2), '--role', 'baas', '--municipality', 'stadswaard'])).err, /--role/);
  const unknown = await cli(['--email', 'x@y.nl', '--role', 'admin', '--municipality', 'nergens'], {
    STAFF_PASSWORD: 'een-lang-wachtwoord',
  });
  t.match(unknown.err, /no municipality "nergens"/);
  t.match((await cli(args, { STAFF_PASSWORD: 'kort' })).err, /at least 10/);

  const database = await openDatabase({ dataDir: join(dataDir, 'pglite') });
  const app = await buildApp({ config: testConfig(), database, clock: new TestClock().now, logger: false });
  t.teardown(async () => {
    await app.close();
    await database.close();
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/staff/session',
    payload: { email: 'eerste.admin@stadswaard.nl', password: 'een-lang-wachtwoord' },
  });
  t.equal(login.statusCode, 200, login.body);
  t.equal(login.json().secondFactor, 'setup_required', 'an admin sets up the second factor first');
});
