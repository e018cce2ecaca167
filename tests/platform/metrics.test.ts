// /metrics in Prometheus format for the holder of METRICS_TOKEN: requests and latency per route pattern, bookings,
// problems by code, live holds, the outbox, event-loop lag; never a reference or a token in a label.
import t from 'tap';
import { onEachDatabase } from '../helpers/app.js';

const TOKEN = 'metrics-token-for-tests-0123456789';

onEachDatabase(
  t,
  async (t, { app, clock }) => {
    clock.set('2026-11-30T08:00:00Z');
    const slot = { location: 'stadskantoor', items: [{ service: 'paspoort', persons: 1 }] };
    await app.inject({ url: '/api/v1/municipalities' });
    await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { ...slot, start: '2026-12-01T09:00:00+01:00' },
    });
    const booked = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/appointments',
        payload: { ...slot, start: '2026-12-01T10:00:00+01:00', name: 'Meet Baar', email: 'meet@example.nl' },
      })
    ).json();
    await app.inject({
      url: `/api/v1/appointments/${booked.reference}`,
      headers: { authorization: `Bearer ${booked.manageToken}` },
    });
    await app.inject({ url: '/api/v1/availability?location=stadskantoor&items=paspoort&bust=1' });

    const hidden = await app.inject({ url: '/metrics' });
    t.equal(hidden.statusCode, 404, 'without the token: no such route');
    t.match(hidden.headers['content-type'], /problem\+json/);
    t.equal((await app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode, 404);

    const scraped = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    t.equal(scraped.statusCode, 200);
    t.match(scraped.headers['content-type'], /text\/plain/);
    const text = scraped.body;
    t.match(text, /balie_http_requests_total\{method="GET",route="\/api\/v1\/municipalities",status="200"\} 1/);
    t.match(
      text,
      /balie_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/v1\/municipalities"\}/,
    );
    t.match(
      text,
      /balie_http_requests_total\{method="GET",route="\/api\/v1\/appointments\/:reference",status="200"\} 1/,
    );
    t.match(text, /balie_bookings_total 1/);
    t.match(text, /balie_holds_total 1/);
    t.match(text, /balie_problems_total\{code="invalid_request",status="400"\} 1/);
    t.match(text, /balie_holds_live\{all=|balie_holds_live 1/);
    t.match(text, /balie_outbox_messages\{status="pending"\} [1-9]/);
    t.match(text, /nodejs_eventloop_lag_seconds /);
    t.notOk(text.includes(booked.reference), 'no reference in any label');
    t.notOk(text.includes(booked.manageToken), 'no token');
  },
  { env: { METRICS_TOKEN: TOKEN } },
);
