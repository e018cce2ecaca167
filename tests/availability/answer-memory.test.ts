// Bounded memory: 5,000 distinct questions fill the answer cache up to AVAILABILITY_ANSWER_CACHE_MB and no further,
// and a made-up parameter (the "bust=" of a script) is a 400 that is never kept.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DateTime } from 'luxon';
import t from 'tap';
import { onEachDatabase } from '../helpers/app.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 1024 * 1024;
const BOUND_MB = 4;

const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

onEachDatabase(
  t,
  async (t, { app, clock }) => {
    clock.set('2026-11-30T08:00:00Z');
    const ask = (query: string) => app.inject({ url: `/api/v1/availability?${query}` });

    t.test('unknown or repeated parameters are a 400 problem, and nothing is kept for them', async (t) => {
      const busted = await ask('location=stadskantoor&items=paspoort&bust=1');
      t.equal(busted.statusCode, 400);
      t.match(busted.headers['content-type'], /application\/problem\+json/);
      t.equal((await ask('location=stadskantoor&location=stadskantoor&items=paspoort')).statusCode, 400);
      t.equal(app.deps.answers.size, 0, 'the cache is empty');
    });

    t.test('the same question in another order is one entry', async (t) => {
      t.equal((await ask('location=stadskantoor&items=paspoort&from=2026-12-01')).statusCode, 200);
      const size = app.deps.answers.size;
      const again = await ask('from=2026-12-01&items=paspoort&location=stadskantoor');
      t.equal(again.statusCode, 200);
      t.equal(app.deps.answers.size, size, 'no second copy');
    });

    t.test(`5,000 distinct questions keep the cache within ${BOUND_MB} MB and the heap near it`, async (t) => {
      const start = DateTime.fromISO('2026-12-01');
      const questions = Array.from({ length: 5000 }, (_, i) => {
        const from = start.plus({ days: i % 100 });
        const to = from.plus({ days: Math.floor(i / 100) });
        return `location=stadskantoor&items=paspoort:${1 + (i % 2)}&from=${from.toISODate()}&to=${to.toISODate()}`;
      });
      // Over real HTTP: app.inject keeps about 10 KB of every request it made (light-my-request's mock sockets,
      // seen with a bare Fastify app too), which would measure the test, not the service.
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const get = async (query: string) => {
        const response = await fetch(`${base}/api/v1/availability?${query}`);
        await response.arrayBuffer();
        return response.status;
      };
      const before = heapAfterGc();
      let ok = 0;
      for (let i = 0; i < questions.length; i += 20) {
        const statuses = await Promise.all(questions.slice(i, i + 20).map(get));
        ok += statuses.filter((status) => status === 200).length;
      }
      const grown = (heapAfterGc() - before) / MB;
      t.equal(ok, 5000, 'every question answered');
      t.ok(app.deps.answers.size <= BOUND_MB * MB, `cache ${(app.deps.answers.size / MB).toFixed(1)} MB`);
      t.ok(app.deps.answers.size > (BOUND_MB / 2) * MB, 'and it was used up to near its bound');
      const rss = (process.memoryUsage().rss / MB).toFixed(0);
      t.ok(
        grown < BOUND_MB + 16,
        `heap grew ${grown.toFixed(1)} MB (bound ${BOUND_MB} MB + 16 MB margin); RSS ${rss} MB`,
      );
    });
  },
  // One client asks 5,000 questions in seconds: no read limit for this test.
  { env: { AVAILABILITY_ANSWER_CACHE_MB: String(BOUND_MB), RATE_LIMIT_READS_PER_MINUTE: '1000000' } },
);
