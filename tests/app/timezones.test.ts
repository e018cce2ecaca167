import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import t from 'tap';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

t.test('availability answers are the same whatever the process time zone (UTC, New York, Amsterdam)', async (t) => {
  const answers = await Promise.all(
    ['UTC', 'America/New_York', 'Europe/Amsterdam'].map(async (TZ) => {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'tests/helpers/availability-answers.ts'], {
        cwd: root,
        env: { ...process.env, TZ },
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    }),
  );
  const [utc, newYork, amsterdam] = answers;
  t.ok(utc!.length > 1000, 'there are answers to compare');
  t.match(utc!, /"2026-03-29T09:00:00\+02:00"/, 'the spring DST day is in them');
  t.equal(newYork, utc);
  t.equal(amsterdam, utc);
});
