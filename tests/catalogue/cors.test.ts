import t from 'tap';
import { onEachDatabase } from '../helpers/app.js';

// The demo data allow https://www.stadswaard.example for Stadswaard and https://www.veenhoven.example for Veenhoven.
const stadswaard = 'https://www.stadswaard.example';
const veenhoven = 'https://www.veenhoven.example';

onEachDatabase(t, async (t, { app, database }) => {
  t.test(
    "a municipality's own site may call the API from the browser; the preflight says what it may send",
    async (t) => {
      const preflight = await app.inject({
        method: 'OPTIONS',
        url: '/api/v1/appointments',
        headers: {
          origin: stadswaard,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,idempotency-key',
        },
      });
      t.equal(preflight.statusCode, 204);
      t.equal(preflight.headers['access-control-allow-origin'], stadswaard);
      t.match(preflight.headers['access-control-allow-headers'], /idempotency-key/);
      t.match(preflight.headers['access-control-allow-headers'], /x-altcha/, 'the proof of work crosses origins');
      t.match(preflight.headers['access-control-allow-headers'], /x-balie-client/);
      t.notOk(preflight.headers['access-control-allow-credentials'], 'no cookies, no credentials');
      const services = await app.inject({
        url: '/api/v1/services?municipality=stadswaard',
        headers: { origin: stadswaard },
      });
      t.equal(services.statusCode, 200);
      t.equal(services.headers['access-control-allow-origin'], stadswaard);
      t.match(services.headers['access-control-expose-headers'], /etag/);
    },
  );

  t.test('any other site is refused with a problem that says what to do', async (t) => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/holds',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    t.notOk(preflight.headers['access-control-allow-origin'], 'the browser will not send it');
    const res = await app.inject({
      url: '/api/v1/services?municipality=stadswaard',
      headers: { origin: 'https://evil.example', 'accept-language': 'en' },
    });
    t.equal(res.statusCode, 403);
    t.match(res.json(), { code: 'origin_not_allowed', detail: /https:\/\/evil\.example.*municipality's website/ });
  });

  t.test("one municipality's site may not book at the other's locations", async (t) => {
    const availability = await app.inject({
      url: '/api/v1/availability?location=stadskantoor&items=paspoort',
      headers: { origin: veenhoven },
    });
    t.equal(availability.statusCode, 403);
    const hold = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      headers: { origin: veenhoven },
      payload: {
        location: 'stadskantoor',
        items: [{ service: 'paspoort', persons: 1 }],
        start: '2026-12-01T09:00:00+01:00',
      },
    });
    t.equal(hold.statusCode, 403, 'named in the body');
    const own = await app.inject({
      url: '/api/v1/availability?location=gemeentehuis-veenhoven&items=paspoort',
      headers: { origin: veenhoven },
    });
    t.equal(own.statusCode, 200);
  });

  t.test("the service's own pages need no listing, and a new origin counts as soon as it is stored", async (t) => {
    t.equal(
      (await app.inject({ url: '/api/v1/services?municipality=stadswaard', headers: { origin: 'http://balie.test' } }))
        .statusCode,
      200,
    );
    const site = 'https://afspraken.stadswaard.example';
    t.equal(
      (await app.inject({ url: '/api/v1/services?municipality=stadswaard', headers: { origin: site } })).statusCode,
      403,
    );
    await database.db.execute(
      `update municipalities set widget_origins = array_append(widget_origins, '${site}') where slug = 'stadswaard'`,
    );
    const until = Date.now() + 2000;
    let status = 0;
    while (Date.now() < until && status !== 200) {
      status = (await app.inject({ url: '/api/v1/services?municipality=stadswaard', headers: { origin: site } }))
        .statusCode;
      await new Promise((r) => setTimeout(r, 20));
    }
    t.equal(status, 200, 'the catalogue change reaches every process by the change feed');
  });
});
