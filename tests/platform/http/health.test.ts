import t from 'tap';
import { onEachDatabase } from '../../helpers/app.js';

onEachDatabase(
  t,
  async (t, { app, database }) => {
    t.test('live and ready answer ok while the database answers', async (t) => {
      t.same((await app.inject({ url: '/health/live' })).json(), { status: 'ok' });
      const ready = await app.inject({ url: '/health/ready' });
      t.equal(ready.statusCode, 200);
    });

    t.test('ready is a 503 problem once the database is gone; live still answers', async (t) => {
      await database.close();
      const ready = await app.inject({ url: '/health/ready' });
      t.equal(ready.statusCode, 503);
      t.equal(ready.json().code, 'not_ready');
      t.equal((await app.inject({ url: '/health/live' })).statusCode, 200);
    });
  },
  { seed: false },
);
