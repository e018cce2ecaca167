import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { problem } from './problem-details.js';

/** A number read when Prometheus scrapes (live holds, messages waiting): the features give these to the app. */
export type ScrapedGauge = {
  name: string;
  help: string;
  labels?: string[];
  read: () => Promise<Record<string, number>>;
};
/** Answers that count as an event of their own: a 201 of POST /api/v1/appointments is a booking. */
export type CountedAnswer = { name: string; help: string; method: string; route: string; status: number };

declare module 'fastify' {
  interface FastifyInstance {
    /** Counts a problem answer by its code (the problems plugin calls it); a no-op without metrics. */
    countProblem: (code: string, status: number) => void;
  }
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Prometheus metrics (prom-client) at `/metrics`, for the holder of METRICS_TOKEN only (without one configured the
 * route does not exist): requests and latency per route (the route's pattern, never the address asked for, so
 * that no reference or token becomes a label), problems by code, the counted answers and scraped gauges of the
 * features, and the process's own (event-loop lag, memory, garbage collection).
 */
export const metricsPlugin = fp(
  async (app: FastifyInstance, options: { token?: string; gauges: ScrapedGauge[]; counted: CountedAnswer[] }) => {
    if (!options.token) {
      app.decorate('countProblem', () => {});
      return;
    }
    const token = options.token;
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const requests = new Counter({
      name: 'balie_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    });
    const latency = new Histogram({
      name: 'balie_http_request_duration_seconds',
      help: 'Time to answer, by method and route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    const problems = new Counter({
      name: 'balie_problems_total',
      help: 'Problem answers (refusals and failures), by code and status',
      labelNames: ['code', 'status'],
      registers: [registry],
    });
    const counted = options.counted.map((c) => ({
      ...c,
      counter: new Counter({ name: c.name, help: c.help, registers: [registry] }),
    }));
    for (const gauge of options.gauges) {
      new Gauge({
        name: gauge.name,
        help: gauge.help,
        labelNames: gauge.labels ?? [],
        registers: [registry],
        async collect() {
          const values = await gauge.read().catch(() => ({}));
          for (const [label, value] of Object.entries(values)) {
            if (gauge.labels?.length) this.set({ [gauge.labels[0]!]: label }, value);
            else this.set(value);
          }
        },
      });
    }
    app.decorate('countProblem', (code: string, status: number) => problems.inc({ code, status }));

    app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      const route = request.routeOptions.url ?? 'unmatched';
      if (route !== '/metrics') {
        requests.inc({ method: request.method, route, status: reply.statusCode });
        latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
        for (const c of counted)
          if (c.method === request.method && c.route === route && c.status === reply.statusCode) c.counter.inc();
      }
      done();
    });

    app.get('/metrics', { schema: { hide: true }, config: { rateLimit: false } }, async (request, reply) => {
      const header = request.headers.authorization ?? '';
      if (!same(header, `Bearer ${token}`)) {
        return reply
          .code(404)
          .type('application/problem+json; charset=utf-8')
          .send(problem(request.language, 404, 'route_not_found', request.id, { params: { path: '/metrics' } }));
      }
      return reply
        .header('cache-control', 'no-store')
        .type(registry.contentType)
        .send(await registry.metrics());
    });
  },
);
