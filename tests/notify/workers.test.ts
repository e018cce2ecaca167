import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import t from 'tap';
import { buildApp } from '../../src/app/http-app.js';
import { createMailer } from '../../src/notify/mailer.js';
import { processOutbox } from '../../src/notify/outbox-worker.js';
import { openDatabase } from '../../src/platform/database/database.js';
import { onEachDatabase, testConfig } from '../helpers/app.js';
import { startSmtp } from '../helpers/smtp.js';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

onEachDatabase(
  t,
  async (t, { app, database, clock, config, kind }) => {
    clock.set('2026-11-30T08:00:00Z');
    const booked = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/appointments',
        payload: {
          location: 'stadskantoor',
          items: [{ service: 'paspoort', persons: 1 }],
          start: '2026-12-08T10:00:00+01:00',
          name: 'Noor',
          email: 'noor@example.nl',
        },
      })
    ).json();
    t.equal(booked.status, 'booked');

    t.test('without SMTP_URL every message is written as an .eml file, and the log names no resident', async (t) => {
      const dir = mkdtempSync(join(tmpdir(), 'balie-mail-'));
      t.teardown(() => rmSync(dir, { recursive: true, force: true }));
      const lines: object[] = [];
      const mailer = createMailer(testConfig({ DATA_DIR: dir }), { info: (obj) => lines.push(obj) });
      await processOutbox(app.deps, mailer, { limit: 50 });
      const files = readdirSync(join(dir, 'mail'));
      t.equal(files.length, 1);
      t.match(readFileSync(join(dir, 'mail', files[0]!), 'utf8'), /text\/calendar; charset=utf-8; method=REQUEST/);
      t.notMatch(JSON.stringify(lines), /noor|Noor/);
    });

    if (kind === 'postgres') {
      t.test('two workers on PostgreSQL drain 500 messages: each is sent exactly once', async (t) => {
        // Due by the test's clock, not the database's: now() is a real day that the clock may lie before.
        await database.db.execute(sql`
        insert into outbox (appointment_id, kind, sequence, next_attempt_at)
        select a.id, 'confirmation', 0, ${clock.now().toISOString()}::timestamptz from appointments a,
          generate_series(1, 500) where a.reference = ${booked.reference}`);
        const smtp = await startSmtp();
        t.teardown(smtp.close);
        const url = new URL(process.env.TEST_DATABASE_URL!);
        const [current] = (await database.db.execute(sql`select current_database() as name`)) as unknown as {
          name: string;
        }[];
        url.pathname = `/${current!.name}`;
        const second = await openDatabase({ url: url.toString() });
        const secondApp = await buildApp({ config, database: second, clock: clock.now, logger: false });
        t.teardown(async () => {
          await secondApp.close();
          await second.close();
        });
        const drain = async (deps: typeof app.deps) => {
          const mailer = createMailer(testConfig({ SMTP_URL: smtp.url }), quiet);
          while ((await processOutbox(deps, mailer, { limit: 25 })) > 0);
          mailer.close();
        };
        await Promise.all([drain(app.deps), drain(secondApp.deps)]);
        const ids = smtp.mails.map((m) => m.messageId);
        t.equal(ids.length, 500);
        t.equal(new Set(ids).size, 500, 'no message twice');
      });
    }
  },
  { env: { RATE_LIMIT_PER_MINUTE: '1000' } },
);
