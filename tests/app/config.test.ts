import t from 'tap';
import { ConfigError, loadConfig } from '../../src/app/config.js';
import { databaseOptionsFrom } from '../../src/platform/database/database.js';

t.test('defaults need no set-up: embedded database in ./data, port 3000', async (t) => {
  const config = loadConfig({});
  t.equal(config.PORT, 3000);
  t.equal(config.DATA_DIR, './data');
  t.equal(config.DATABASE_URL, undefined);
  t.equal(config.PUBLIC_BASE_URL, 'http://localhost:3000');
  t.equal(config.DEMO_DATA, true);
});

t.test('every wrong variable is named in one clear message', async (t) => {
  const error = t.throws(() =>
    loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }),
  ) as ConfigError;
  t.ok(error instanceof ConfigError);
  t.match(error.message, /PORT="abc"/);
  t.match(error.message, /DATABASE_URL="mysql:\/\/x"/);
  t.match(error.message, /LOG_LEVEL="loud"/);
  t.match(error.message, /README/);
});

t.test('an empty variable counts as unset; a base URL loses its trailing slash', async (t) => {
  const config = loadConfig({ PORT: '', PUBLIC_BASE_URL: 'https://afspraak.stadswaard.example/' });
  t.equal(config.PORT, 3000);
  t.equal(config.PUBLIC_BASE_URL, 'https://afspraak.stadswaard.example');
});

t.test('PostgreSQL gets DATABASE_POOL_SIZE connections per process (10 unless set)', async (t) => {
  const url = 'postgres://localhost/balie';
  t.same(databaseOptionsFrom(loadConfig({ DATABASE_URL: url })), { url, poolSize: 10 });
  t.same(databaseOptionsFrom(loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '50' })), { url, poolSize: 50 });
  const error = t.throws(() => loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '0' })) as ConfigError;
  t.match(error.message, /DATABASE_POOL_SIZE="0"/);
});
