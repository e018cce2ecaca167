// No 5xx for any input: requests made from the OpenAPI document (valid, boundary and malformed values, odd Unicode,
// wrong types and content types, wrong methods and headers) never get an answer of 500 or more; every error is a
// problem+json document; every 2xx JSON body is valid against its schema. Plus what only the HTTP parser sees
// (a broken request line, headers over the limit, an undecodable URL, an overlong path parameter), over a socket.
import { appendFileSync } from 'node:fs';
import { connect } from 'node:net';
import SwaggerParser from '@apidevtools/swagger-parser';
import ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { InjectOptions } from 'light-my-request';
import t from 'tap';
import { renderOpenApi } from '../../src/app/openapi-document.js';
import { onEachDatabase } from '../helpers/app.js';

/** Seeds that once found a failure: each runs again every time, beside a new random one. */
const REGRESSION_SEEDS: number[] = [];
const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);

type Operation = { method: string; path: string; schema: Record<string, unknown> };
type Doc = { paths: Record<string, Record<string, Record<string, unknown>>> };

/** Sometimes `value`, mostly nothing: for what would spoil most requests if it came often. */
const seldom = <T>(value: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });

/** Text that no database column, e-mail or calendar can hold. */
const unusable = fc.constantFrom('\u0000', 'a\u0000b', 'Jan\u0000', '\ud800', 'x\udc00y', '\udfff\ud800');
// Text a resident, a browser or a script might send, and text that no one should.
const odd = fc.oneof(
  { weight: 2, arbitrary: unusable },
  fc.constantFrom(
    '',
    ' ',
    '😀',
    '\u202etxt',
    'e\u0301',
    '９',
    'ﷺ',
    "O'Brien",
    '"',
    '\\',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '%zz',
    'null',
    'true',
    '-1',
    '1e309',
    '0x10',
    'a'.repeat(300),
    'Ä'.repeat(5000),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);
const anyValue = fc.oneof(
  odd,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(odd, { maxLength: 3 }),
  fc.dictionary(odd, odd, { maxKeys: 3 }),
);

/** Path parameters: valid ones from the demo data, boundaries, and what no router expects. */
const pathValue = (valid: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...valid) },
    { weight: 2, arbitrary: odd.map((s) => encode(s)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('%ED%A0%80', '%C0%AF', '%FF', '%', 'a%2Fb', 'A'.repeat(101), '..', 'K7M-4QX%00'),
    },
  );

/** Percent-encoding that also takes a lone surrogate (as its replacement character, the way a browser would). */
const encode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
};

/** A time to book or hold: many different ones, so that bodies are not all refused as taken. */
let drawn = 0;
const someStart = () => {
  drawn++;
  const day = 1 + (drawn % 24);
  const minutes = 9 * 60 + 10 * (Math.floor(drawn / 24) % 42);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `2026-12-${String(day).padStart(2, '0')}T${hh}:${mm}:00+01:00`;
};

const validBodies: Record<string, () => Record<string, unknown>> = {
  'POST /api/v1/holds': () => ({
    location: 'stadskantoor',
    items: [{ service: 'paspoort', persons: 1 }],
    start: someStart(),
  }),
  'POST /api/v1/appointments': () => ({
    location: 'stadskantoor',
    items: [{ service: 'paspoort', persons: 1 }],
    start: someStart(),
    name: 'Fuzz Inwoner',
    email: `fuzz${drawn}@example.nl`,
    phone: '0612345678',
    needs: { extraTime: true, interpreter: 'Arabisch' },
  }),
  'POST /api/v1/appointments/{reference}/reschedule': () => ({ start: someStart() }),
  'POST /api/v1/appointments/{reference}/feedback': () => ({ score: 4, comment: 'Prima' }),
  'POST /api/v1/appointments/{reference}/send-link': () => ({ email: 'fuzz@example.nl' }),
};

/** A body: valid, valid with one field changed, added or taken away, or anything at all. */
const bodyFor = (key: string) => {
  const valid = validBodies[key];
  if (!valid) return fc.option(anyValue, { nil: undefined });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(valid()) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...Object.keys(valid()), 'extra', 'items'),
          fc.oneof({ weight: 3, arbitrary: odd }, anyValue),
          fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
        )
        .map(([field, value, remove]) => {
          const body = valid();
          if (remove) delete body[field];
          else body[field] = field === 'items' ? [{ service: value, persons: value }] : value;
          return body;
        }),
    },
    { weight: 1, arbitrary: anyValue },
  );
};

const queryFor = (parameters: { name: string; in: string }[], valid: Record<string, string[]>) =>
  fc
    .tuple(
      fc.subarray(parameters.filter((p) => p.in === 'query').map((p) => p.name)),
      fc.array(fc.oneof(odd, fc.constantFrom(...Object.values(valid).flat())), { minLength: 6, maxLength: 6 }),
      fc.boolean(),
      seldom(fc.constantFrom('bust=1', 'items=paspoort', '%zz=1', 'a[b]=c', '__proto__=x')),
    )
    .map(([names, values, useValid, extra]) => {
      const parts = names.map((name, i) => {
        const choices = valid[name];
        const value = useValid && choices ? choices[i % choices.length]! : values[i]!;
        return `${name}=${encode(value)}`;
      });
      if (extra) parts.push(extra);
      return parts.length ? `?${parts.join('&')}` : '';
    });

const headersFor = (token: string) =>
  fc
    .record({
      'content-type': fc.oneof(
        { weight: 6, arbitrary: fc.constant('application/json') },
        fc.constantFrom(
          'application/json; charset=utf-8',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json; charset=latin1',
        ),
      ),
      'accept-language': fc.constantFrom('nl', 'en', 'en-GB,en;q=0.9', '*', 'xx', 'nl;q=abc', ''),
      authorization: fc.oneof(
        { weight: 3, arbitrary: fc.constant(`Bearer ${token}`) },
        seldom(fc.constantFrom('Bearer x', 'Bearer ', 'Basic abc', 'bearer')),
      ),
      'idempotency-key': seldom(fc.constantFrom('k1', 'x'.repeat(300), ' ', 'ключ')),
      origin: seldom(fc.constantFrom('https://evil.example', 'null', 'http://127.0.0.1:1', 'https://stadswaard.nl')),
      accept: fc.constantFrom('application/json', 'text/html', '*/*'),
    })
    .map(
      (headers) =>
        Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>,
    );

function requestArbitrary(operations: Operation[], valid: { reference: string[]; holdId: string[]; token: string }) {
  const values: Record<string, string[]> = {
    location: ['stadskantoor', 'gemeentehuis-veenhoven'],
    municipality: ['stadswaard', 'veenhoven'],
    items: ['paspoort:1', 'paspoort:2,rijbewijs:1'],
    needs: ['extra-time', 'step-free'],
    from: ['2026-12-01', '2026-11-30'],
    to: ['2026-12-10', '2027-06-01'],
    token: ['x'],
    v: ['1'],
  };
  return fc.constantFrom(...operations).chain((op) => {
    const key = `${op.method} ${op.path}`;
    const parameters = (op.schema.parameters ?? []) as { name: string; in: string }[];
    return fc
      .record({
        method: fc.oneof({ weight: 9, arbitrary: fc.constant(op.method) }, fc.constantFrom('PUT', 'PATCH', 'GET')),
        reference: pathValue(valid.reference),
        holdId: pathValue(valid.holdId),
        query: queryFor(parameters, values),
        body: bodyFor(key),
        rawBody: seldom(fc.constantFrom('{', '{"a":', 'null', '[]', '"x"', '\u0000', '{"name":"\\ud800"}')),
        headers: headersFor(valid.token),
      })
      .map((r) => {
        const url = op.path.replace('{reference}', r.reference).replace('{holdId}', r.holdId) + r.query;
        const payload = r.rawBody ?? (r.body === undefined ? undefined : JSON.stringify(r.body));
        return {
          method: r.method as InjectOptions['method'],
          url,
          headers: r.headers,
          ...(payload !== undefined && r.method !== 'GET' && { payload }),
        } satisfies InjectOptions;
      });
  });
}

async function checkAnswer(
  app: FastifyInstance,
  request: InjectOptions,
  validate: (op: string, status: number, body: unknown) => string | undefined,
  operations: Operation[],
) {
  const response = await app.inject(request);
  // FUZZ_DEBUG=file: one line per request (method, path, status, code), to see how deep the requests reach.
  if (process.env.FUZZ_DEBUG)
    appendFileSync(
      process.env.FUZZ_DEBUG,
      `${request.method} ${String(request.url)
        .split('?')[0]!
        .replace(/appointments\/[^/]+/, 'appointments/R')
        .replace(
          /holds\/[^/]+/,
          'holds/H',
        )} ${response.statusCode} ${response.statusCode >= 400 ? response.json().code : ''}\n`,
    );
  const where = `${request.method} ${request.url} → ${response.statusCode}`;
  if (response.statusCode >= 500) return `${where}: ${response.body.slice(0, 300)}`;
  const type = String(response.headers['content-type'] ?? '');
  if (response.statusCode >= 400) {
    if (!type.startsWith('application/problem+json')) return `${where}: not problem+json (${type})`;
    const body = response.json();
    for (const field of ['type', 'title', 'status', 'detail', 'code'])
      if (body[field] === undefined) return `${where}: problem without ${field}`;
    if (body.status !== response.statusCode) return `${where}: problem status ${body.status}`;
    return undefined;
  }
  if (response.statusCode >= 200 && response.statusCode < 300 && type.startsWith('application/json')) {
    const path = String(request.url).split('?')[0]!;
    const op = operations.find(
      (o) =>
        o.method === request.method &&
        new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path.replace(/\/+$/, '')),
    );
    if (op) return validate(`${op.method} ${op.path}`, response.statusCode, response.json());
  }
  return undefined;
}

onEachDatabase(
  t,
  async (t, { app, clock }) => {
    clock.set('2026-11-30T08:00:00Z');
    const doc = (await SwaggerParser.dereference(JSON.parse(await renderOpenApi()))) as unknown as Doc;
    const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, schema]) => ({ method: method.toUpperCase(), path, schema })),
    );
    const ajv = new ajv2020.default({ strict: false, allErrors: false });
    addFormats.default(ajv);
    const validators = new Map<string, ReturnType<typeof ajv.compile>>();
    const validate = (key: string, status: number, body: unknown) => {
      const op = operations.find((o) => `${o.method} ${o.path}` === key)!;
      const responses = op.schema.responses as Record<string, { content?: Record<string, { schema: object }> }>;
      const schema = responses[String(status)]?.content?.['application/json']?.schema;
      if (!schema) return `${key} → ${status}: status not in the document`;
      const id = `${key} ${status}`;
      if (!validators.has(id)) validators.set(id, ajv.compile(schema));
      const check = validators.get(id)!;
      return check(body) ? undefined : `${key} → ${status}: ${ajv.errorsText(check.errors)}`;
    };

    // Something real to aim at: a booking with its reference and a hold.
    const open = { location: 'stadskantoor', items: [{ service: 'paspoort', persons: 1 }] };
    const booked = await app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      payload: { ...open, start: '2026-12-01T09:00:00+01:00', name: 'Fuzz Doel', email: 'doel@example.nl' },
    });
    const hold = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { ...open, start: '2026-12-01T09:30:00+01:00' },
    });
    t.same([booked.statusCode, hold.statusCode], [201, 201]);
    const valid = {
      reference: [booked.json().reference, 'AAA-AAA'],
      holdId: [hold.json().holdId],
      token: booked.json().manageToken,
    };

    const seeds = [...REGRESSION_SEEDS, Math.floor(Math.random() * 2 ** 31)];
    for (const seed of seeds) {
      const runs = seed === seeds.at(-1) ? RUNS : 500;
      const failures: string[] = [];
      let sent = 0;
      await fc
        .assert(
          fc.asyncProperty(requestArbitrary(operations, valid), async (request) => {
            sent++;
            const failure = await checkAnswer(app, request, validate, operations);
            if (failure) failures.push(failure);
            return failure === undefined;
          }),
          { numRuns: runs, seed, endOnFailure: true },
        )
        .catch(() => {});
      t.same(failures.slice(0, 3), [], `seed ${seed}: ${sent} requests, none answered 5xx or off the document`);
      t.ok(sent >= runs || failures.length > 0, `seed ${seed} ran`);
    }
  },
  { env: { RATE_LIMIT_PER_MINUTE: '1000000' } },
);

t.test('what the HTTP parser refuses is problem+json too', async (t) => {
  const { buildApp } = await import('../../src/app/http-app.js');
  const { freshDatabase } = await import('../helpers/databases.js');
  const { testConfig } = await import('../helpers/app.js');
  const { database, drop } = await freshDatabase('pglite');
  const app = await buildApp({ config: testConfig(), database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  t.teardown(async () => {
    await app.close();
    await drop();
  });
  const port = (app.server.address() as { port: number }).port;
  const raw = (text: string) =>
    new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk;
      });
      socket.on('close', () => resolve(answer));
      socket.on('error', () => resolve(answer));
      socket.write(text);
      setTimeout(() => socket.end(), 500);
    });
  const cases: [string, string, number][] = [
    ['a broken request line', 'GARBAGE\r\n\r\n', 400],
    ['headers over the limit', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ['an address over the limit', `GET /api/v1/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431],
    ['an undecodable address', 'GET /api/v1/appointments/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
    [
      'a path parameter over its maximum length',
      `GET /api/v1/appointments/${'A'.repeat(200)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      414,
    ],
  ];
  for (const [what, text, status] of cases) {
    const answer = await raw(text);
    t.match(answer, new RegExp(`^HTTP/1\\.1 ${status} `), `${what}: ${status}`);
    t.match(answer, /content-type: application\/problem\+json/i, `${what}: problem+json`);
    const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
    t.match(JSON.parse(body), { status, code: String, title: String, detail: String }, `${what}: a problem`);
  }
});
