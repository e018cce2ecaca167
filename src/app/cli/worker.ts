// npm run worker: sends the outbox's e-mails in a process of its own (set OUTBOX_WORKER=false on the servers).
import pino from 'pino';
import { createMailer } from '../../notify/mailer.js';
import { startOutboxWorker } from '../../notify/outbox-worker.js';
import { databaseOptionsFrom, openDatabase } from '../../platform/database/database.js';
import { migrateDatabase } from '../../platform/database/migrate.js';
import { logOptions } from '../../platform/logging.js';
import { secretKeyFor } from '../../platform/secret-key.js';
import { composeServices } from '../compose.js';
import { loadConfig } from '../config.js';

const base = loadConfig();
const config = { ...base, SECRET_KEY: secretKeyFor(base).key };
const log = pino(logOptions(config.LOG_LEVEL));
const database = await openDatabase(databaseOptionsFrom(config));
await migrateDatabase(database);
const services = await composeServices({ config, database });
const mailer = createMailer(config, log);
const stop = startOutboxWorker(services, mailer, log);
log.info('outbox worker running');
const shutdown = async () => {
  await stop();
  mailer.close();
  await services.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
