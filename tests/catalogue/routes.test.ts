import t from 'tap';
import { onEachDatabase } from '../helpers/app.js';

onEachDatabase(t, async (t, { app }) => {
  t.test('lists both demo municipalities with slug and name', async (t) => {
    const res = await app.inject({ url: '/api/v1/municipalities' });
    t.equal(res.statusCode, 200);
    const body = res.json();
    t.same(body.map((m: { slug: string }) => m.slug).sort(), ['stadswaard', 'veenhoven']);
    t.ok(body.every((m: { name: string; phone: string }) => m.name.length > 0 && m.phone.length > 0));
  });

  t.test('locations of one municipality carry address, accessibility words and services', async (t) => {
    const res = await app.inject({ url: '/api/v1/locations?municipality=stadswaard' });
    t.equal(res.statusCode, 200);
    const locations = res.json();
    t.equal(locations.length, 3);
    t.ok(locations.every((l: { municipality: string }) => l.municipality === 'stadswaard'));
    const office = locations.find((l: { slug: string }) => l.slug === 'stadskantoor');
    t.same(office.address, { street: 'Markt 1', postalCode: '1234 AB', city: 'Stadswaard' });
    t.same(office.accessibility[0], { code: 'step-free', label: 'Geen drempels of trappen (ook met een rolstoel)' });
    t.ok(office.services.includes('naturalisatie'));
  });

  t.test('all locations without a filter: at least four', async (t) => {
    const res = await app.inject({ url: '/api/v1/locations' });
    t.ok(res.json().length >= 4);
  });

  t.test('services follow Accept-Language and the location filter', async (t) => {
    const nl = (await app.inject({ url: '/api/v1/services?municipality=veenhoven' })).json();
    const en = (
      await app.inject({
        url: '/api/v1/services?municipality=veenhoven',
        headers: { 'accept-language': 'en-GB,en;q=0.9' },
      })
    ).json();
    t.ok(nl.length >= 8);
    const passportNl = nl.find((s: { slug: string }) => s.slug === 'paspoort');
    const passportEn = en.find((s: { slug: string }) => s.slug === 'paspoort');
    t.equal(passportNl.name, 'Paspoort aanvragen');
    t.equal(passportEn.name, 'Apply for a passport');
    t.match(passportEn.bring[0], /passport/);
    t.same(passportNl.locations, ['gemeentehuis-veenhoven']);

    const atZuid = (await app.inject({ url: '/api/v1/services?location=informatiepunt-zuid' })).json();
    t.same(
      atZuid.map((s: { slug: string }) => s.slug),
      ['paspoort', 'identiteitskaart', 'uittreksel-brp'],
    );
  });

  t.test('an unknown municipality is a 404 problem that names the ones there are', async (t) => {
    const res = await app.inject({
      url: '/api/v1/services?municipality=atlantis',
      headers: { 'accept-language': 'en' },
    });
    t.equal(res.statusCode, 404);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    const body = res.json();
    t.equal(body.code, 'municipality_not_found');
    t.match(body.detail, /stadswaard, veenhoven/);
    t.equal(res.headers['content-language'], 'en');
  });

  t.test('an unknown location is a 404 problem', async (t) => {
    const res = await app.inject({ url: '/api/v1/services?location=maanbasis' });
    t.equal(res.statusCode, 404);
    t.equal(res.json().code, 'location_not_found');
  });

  t.test('a location of the other municipality is a 422 problem naming the field', async (t) => {
    const res = await app.inject({ url: '/api/v1/services?municipality=veenhoven&location=stadskantoor' });
    t.equal(res.statusCode, 422);
    t.same(
      res.json().errors.map((e: { field: string }) => e.field),
      ['location'],
    );
  });

  t.test('a malformed filter is a 400 problem with a Dutch field message', async (t) => {
    const res = await app.inject({ url: '/api/v1/locations?municipality=Stads%20Waard!' });
    t.equal(res.statusCode, 400);
    const body = res.json();
    t.equal(body.code, 'invalid_request');
    t.equal(body.errors[0].field, 'municipality');
    t.match(body.errors[0].message, /klopt niet/);
  });
});
