// A child process of a benchmark: the real app on PostgreSQL and a bare Fastify route, each on its own port.
// Prints one JSON line { app, bare } with the two base URLs.
//
// The app is the compiled build (dist/, as `npm start` and production run it), not these sources through tsx: tsx's
// transform wraps every named function in a `__name` call and is not what runs (measure.ts builds it first).
import Fastify from 'fastify';

const dist = (path: string) => new URL(`../../dist/src/${path}`, import.meta.url).href;
const { loadConfig }: typeof import('../../src/app/config.js') = await import(dist('app/config.js'));
const { buildApp }: typeof import('../../src/app/http-app.js') = await import(dist('app/http-app.js'));
const { databaseOptionsFrom, openDatabase }: typeof import('../../src/platform/database/database.js') = await import(
  dist('platform/database/database.js')
);

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const database = await openDatabase(databaseOptionsFrom(config));
const app = await buildApp({ config, database, logger: false });
const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
// The bare route: what Node and Fastify alone cost per request on this machine, in the same run. The POST reads a
// JSON body as the booking's route does and answers 201.
const bare = Fastify();
bare.get('/', async () => ({ hello: 'world' }));
bare.post('/', async (_request, reply) => reply.code(201).send({ hello: 'world' }));
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ app: appUrl, bare: bareUrl })}\n`);
process.on('SIGTERM', async () => {
  await app.close();
  await bare.close();
  await database.close();
  process.exit(0);
});
