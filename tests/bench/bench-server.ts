// A child process of a benchmark: the real app on PostgreSQL and a bare Fastify route, each on its own port.
// Prints one JSON line { app, bare } with the two base URLs.
import Fastify from 'fastify';
import { loadConfig } from '../../src/app/config.js';
import { buildApp } from '../../src/app/http-app.js';
import { databaseOptionsFrom, openDatabase } from '../../src/platform/database/database.js';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const database = await openDatabase(databaseOptionsFrom(config));
const app = await buildApp({ config, database, logger: false });
const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
const bare = Fastify();
bare.get('/', async () => ({ hello: 'world' }));
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ app: appUrl, bare: bareUrl })}\n`);
process.on('SIGTERM', async () => {
  await app.close();
  await bare.close();
  await database.close();
  process.exit(0);
});
