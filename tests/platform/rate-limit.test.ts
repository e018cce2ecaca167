// Rate limits per client on every route family, generous for many residents behind one address; the client is
// the one the municipality's proxy forwards when TRUST_PROXY names it; with REDIS_URL the count is shared.
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { buildApp } from '../../src/app/http-app.js';
import { onEachDatabase, testConfig } from '../helpers/app.js';

const two = (n: number) => String(n).padStart(2, '0');
const hold = (n: number) => ({
  location: 'stadskantoor',
  items: [{ service: 'paspoort', persons: 1 }],
  start: `2026-12-${two(1 + (n % 20))}T${two(9 + (Math.floor(n / 20) % 7))}:${two((n % 3) * 10)}:00+01:00`,
});
const postHold = (app: FastifyInstance, n: number, headers: Record<string, string> = {}, remoteAddress = '10.1.1.1') =>
  app.inject({ method: 'POST', url: '/api/v1/holds', payload: hold(n), headers, remoteAddress });

onEachDatabase(t, async (t, { app, clock }) => {
  clock.set('2026-11-30T08:00:00Z');

  t.test(
    '120 holds a minute from one address (a town hall, a library, a school) pass; the 121st is a 429',
    async (t) => {
      const answers = [];
      for (let n = 0; n < 121; n++) answers.push(await postHold(app, n));
      const limited = answers.filter((a) => a.statusCode === 429);
      t.equal(limited.length, 1, `${answers.length - limited.length} not limited`);
      t.equal(answers.at(-1)!.statusCode, 429);
      t.match(answers.at(-1)!.headers['content-type'], /problem\+json/);
      t.ok(Number(answers.at(-1)!.headers['retry-after']) > 0, 'with Retry-After');
      t.equal((await postHold(app, 200, {}, '10.1.1.2')).statusCode !== 429, true, 'another address is not limited');
    },
  );
});

t.test('TRUST_PROXY: the forwarded client counts, not the proxy; without it the header is not believed', async (t) => {
  const { freshDatabase } = await import('../helpers/databases.js');
  const { database, drop } = await freshDatabase('pglite');
  t.teardown(drop);
  const make = (env: Record<string, string>) =>
    buildApp({
      config: testConfig({ RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_READS_PER_MINUTE: '5', ...env }),
      database,
      clock: () => new Date('2026-11-30T08:00:00Z'),
      logger: false,
    });
  const behindProxy = await make({ TRUST_PROXY: '127.0.0.1/8' });
  const direct = await make({});
  t.teardown(async () => {
    await behindProxy.close();
    await direct.close();
  });
  const from = (client: string) => ({ 'x-forwarded-for': client });
  for (let n = 0; n < 3; n++) await postHold(behindProxy, n, from('192.0.2.10'), '127.0.0.1');
  t.equal((await postHold(behindProxy, 3, from('192.0.2.10'), '127.0.0.1')).statusCode, 429, 'one resident is limited');
  t.not((await postHold(behindProxy, 4, from('192.0.2.11'), '127.0.0.1')).statusCode, 429, 'another is not');
  for (let n = 10; n < 13; n++) await postHold(direct, n, from(`192.0.2.${n}`), '127.0.0.1');
  t.equal(
    (await postHold(direct, 13, from('192.0.2.99'), '127.0.0.1')).statusCode,
    429,
    'without TRUST_PROXY a forged X-Forwarded-For does not make a new client',
  );

  const reads = [];
  for (let n = 0; n < 6; n++)
    reads.push((await direct.inject({ url: '/api/v1/municipalities', remoteAddress: '10.9.9.9' })).statusCode);
  t.same(reads, [200, 200, 200, 200, 200, 429], 'reads have their limit too');
  const health = [];
  for (let n = 0; n < 8; n++)
    health.push((await direct.inject({ url: '/health/live', remoteAddress: '10.9.9.9' })).statusCode);
  t.ok(
    health.every((s) => s === 200),
    'health checks are not limited',
  );
});

const redisUrl = process.env.TEST_REDIS_URL;
t.test('with REDIS_URL the count is shared by every process', { skip: !redisUrl && 'no Redis' }, async (t) => {
  const { freshDatabase } = await import('../helpers/databases.js');
  const { database, drop } = await freshDatabase('pglite');
  t.teardown(drop);
  const config = testConfig({ RATE_LIMIT_PER_MINUTE: '4', REDIS_URL: redisUrl! });
  const one = await buildApp({ config, database, clock: () => new Date('2026-11-30T08:00:00Z'), logger: false });
  const two = await buildApp({ config, database, clock: () => new Date('2026-11-30T08:00:00Z'), logger: false });
  t.teardown(async () => {
    await one.close();
    await two.close();
  });
  const client = `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const statuses = [];
  for (let n = 0; n < 5; n++) statuses.push((await postHold(n % 2 ? one : two, 30 + n, {}, client)).statusCode);
  t.equal(statuses.filter((s) => s === 429).length, 1, `four in all, over two processes (${statuses.join(', ')})`);
});
