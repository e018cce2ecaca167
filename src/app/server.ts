import { loadDemoData } from '../../db/seed.js';
import { createMailer } from '../notify/mailer.js';
import { startOutboxWorker } from '../notify/outbox-worker.js';
import { databaseOptionsFrom, openDatabase } from '../platform/database/database.js';
import { migrateDatabase } from '../platform/database/migrate.js';
import { secretKeyFor } from '../platform/secret-key.js';
import { isWorker, superviseWorkers, workerIndex } from './cluster.js';
import { composeServices } from './compose.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { buildApp } from './http-app.js';

const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity } as const;

/**
 * Log lines like the app's own (pino's JSON, LOG_LEVEL), for what happens before the app exists or without one
 * (a supervisor).
 */
function startLogFor(config: Config) {
  const logAt = (level: number) => (obj: object, msg: string) => {
    if (level >= LEVELS[config.LOG_LEVEL])
      console.log(JSON.stringify({ level, time: Date.now(), pid: process.pid, ...obj, msg }));
  };
  return { info: logAt(30), warn: logAt(40), error: logAt(50) };
}
const newKeyWarning = (config: Config) =>
  [{ file: `${config.DATA_DIR}/secret.key` }, 'no SECRET_KEY set: made one and kept it in DATA_DIR'] as const;

/** The database is made ready once, before any process answers: migrations, then demo data into an empty one. */
async function prepareDatabase(config: Config, log: { info: (obj: object, msg: string) => void }) {
  const database = await openDatabase(databaseOptionsFrom(config));
  await migrateDatabase(database);
  if (config.DEMO_DATA && (await loadDemoData(database.db, { staffPassword: config.DEMO_STAFF_PASSWORD })))
    log.info({}, 'demo data loaded into the empty database');
  return database;
}

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
  const startLog = startLogFor(config);
  if (config.WORKERS > 1 && !isWorker()) {
    if (secret.source === 'new file') startLog.warn(...newKeyWarning(config));
    await (await prepareDatabase(config, startLog)).close();
    await superviseWorkers(config.WORKERS, startLog);
    startLog.info({ workers: config.WORKERS, docs: `${config.PUBLIC_BASE_URL}/docs` }, 'Balie is ready');
    return;
  }
  // Housekeeping and the outbox worker run once per service: in the first worker when there are several.
  const first = workerIndex() === 0;
  const database = isWorker()
    ? await openDatabase(databaseOptionsFrom(config))
    : await prepareDatabase(config, startLog);
  const services = await composeServices({ config, database });
  const app = await buildApp({ services, housekeeping: first });
  if (secret.source === 'new file') app.log.warn(...newKeyWarning(config));

  const mailer = createMailer(config, app.log);
  const stopWorker = config.OUTBOX_WORKER && first ? startOutboxWorker(services, mailer, app.log) : async () => {};

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: finishing requests in flight');
    const timer = setTimeout(() => process.exit(1), 15_000).unref();
    try {
      await app.close();
      await stopWorker();
      await services.close();
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
