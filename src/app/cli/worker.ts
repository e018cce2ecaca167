// npm run worker: sends the outbox's e-mails in a process of its own (set OUTBOX_WORKER=false on the servers).
import { loadConfig } from '../config.js';
import { buildApp } from '../http-app.js';
import { createMailer } from '../../notify/mailer.js';
import { startOutboxWorker } from '../../notify/outbox-worker.js';
import { secretKeyFor } from '../../platform/secret-key.js';
import { databaseOptionsFrom, openDatabase } from '../../platform/database/database.js';
import { migrateDatabase } from '../../platform/database/migrate.js';

const base = loadConfig();
const config = { ...base, SECRET_KEY: secretKeyFor(base).key };
const database = await openDatabase(databaseOptionsFrom(config));
await migrateDatabase(database);
const app = await buildApp({ config, database });
const mailer = createMailer(config, app.log);
const stop = startOutboxWorker(app.deps, mailer, app.log);
app.log.info('outbox worker running');
const shutdown = async () => {
  await stop();
  mailer.close();
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
