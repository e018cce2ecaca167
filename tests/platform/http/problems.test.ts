import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import t, { type Test } from 'tap';
import { z } from 'zod';
import { onEachDatabase } from '../../helpers/app.js';

onEachDatabase(t, async (t, { app }) => {
  // Routes for this test only: the real error handling around a body-taking and a failing handler.
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/test/echo',
    { schema: { body: z.object({ name: z.string().min(2), persons: z.number().int().max(5) }).strict() } },
    async (req) => req.body,
  );
  r.get('/test/fail', async () => {
    throw new Error('secret internals: password=hunter2');
  });

  const isProblem = (
    t: Test,
    res: { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown> },
    status: number,
    code: string,
  ) => {
    t.equal(res.statusCode, status);
    t.match(String(res.headers['content-type']), /^application\/problem\+json/);
    const body = res.json();
    t.equal(body.status, status);
    t.equal(body.code, code);
    t.type(body.title, 'string');
    t.type(body.detail, 'string');
    t.match(String(body.type), /^urn:balie:problem:/);
    return body;
  };

  t.test('an unknown route is a 404 problem', async (t) => {
    isProblem(t, await app.inject({ url: '/api/v1/nothing-here' }), 404, 'route_not_found');
  });

  t.test('a wrong method is a 405 problem with an Allow header', async (t) => {
    const res = await app.inject({ method: 'DELETE', url: '/api/v1/municipalities' });
    isProblem(t, res, 405, 'method_not_allowed');
    t.match(res.headers.allow, /GET/);
  });

  t.test('malformed JSON is a 400 problem', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "Ann',
    });
    isProblem(t, res, 400, 'malformed_json');
  });

  t.test('an empty JSON body is a 400 problem', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    isProblem(t, res, 400, 'empty_body');
  });

  t.test('a body over the limit is a 413 problem', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(100_000), persons: 1 }),
    });
    isProblem(t, res, 413, 'body_too_large');
  });

  t.test('another content type is a 415 problem', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'text/plain' },
      payload: 'name=Ann',
    });
    const body = isProblem(t, res, 415, 'unsupported_media_type');
    t.match(body.detail, /text\/plain/);
  });

  t.test('invalid fields are a 400 problem listing each field in plain words', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'accept-language': 'en' },
      payload: { name: 'A', persons: 9, extra: true },
    });
    const body = isProblem(t, res, 400, 'invalid_request') as { errors: { field: string; message: string }[] };
    const byField = Object.fromEntries(body.errors.map((e) => [e.field, e.message]));
    t.equal(byField.name, 'Use at least 2 characters.');
    t.equal(byField.persons, 'This may be at most 5.');
    t.match(body.errors.find((e) => e.message.includes('extra'))?.message, /Leave it out/);
  });

  t.test('a missing field says "fill this in"', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/test/echo', payload: { persons: 1 } });
    const body = isProblem(t, res, 400, 'invalid_request') as { errors: { field: string; message: string }[] };
    t.same(body.errors, [{ field: 'name', message: 'Vul dit in.' }]);
  });

  t.test('an unexpected failure is a 500 problem without internals, carrying the request id', async (t) => {
    const res = await app.inject({ url: '/test/fail' });
    const body = isProblem(t, res, 500, 'internal_error');
    t.notMatch(res.body, /hunter2|secret|stack|at /);
    const code = String(body.requestId).replaceAll('-', '').slice(0, 8).toUpperCase();
    t.match(
      String(body.detail),
      `${code.slice(0, 4)}-${code.slice(4)}`,
      'a code short enough to read out on the phone',
    );
    t.notMatch(String(body.detail), String(body.requestId), 'not the whole 36-character id');
  });
});
