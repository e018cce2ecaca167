import { ConfigError, loadConfig, type Config } from './config.js';
import { buildApp } from './http/app.js';
import { databaseOptionsFrom, openDatabase } from './store/database.js';
import { migrateDatabase } from './store/migrate.js';
import { loadDemoData } from '../db/seed.js';
import { secretKeyFor } from './secret-key.js';
import { createMailer } from './notify/mailer.js';
import { startOutboxWorker } from './notify/outbox-worker.js';

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  const secret = secretKeyFor(config);
  config = { ...config, SECRET_KEY: secret.key };
  const database = await openDatabase(databaseOptionsFrom(config));
  await migrateDatabase(database);
  const app = await buildApp({ config, database, housekeeping: true });
  if (config.DEMO_DATA && (await loadDemoData(database.db))) app.log.info('demo data loaded into the empty database');
  if (secret.source === 'new file') app.log.warn({ file: `${config.DATA_DIR}/secret.key` }, 'no SECRET_KEY set: made one and kept it in DATA_DIR');

  const mailer = createMailer(config, app.log);
  const stopWorker = config.OUTBOX_WORKER ? startOutboxWorker(app.deps, mailer, app.log) : async () => {};

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: finishing requests in flight');
    const timer = setTimeout(() => process.exit(1), 15_000).unref();
    try {
      await app.close();
      await stopWorker();
      mailer.close();
      await database.close();
      clearTimeout(timer);
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'failed to stop cleanly');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info({ database: database.kind, docs: `${config.PUBLIC_BASE_URL}/docs` }, 'Balie is ready');
}

await main();
