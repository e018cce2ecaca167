// The hot routes (a hold, a booking, their refusals) write their answers with fast-json-stringify, compiled from the
// zod schema (#17). Proved: the same bytes as zod's serializer for the same answer, nothing undeclared written, a
// missing field refused, a codec left to zod; and through the real app, a booking and a
// refusal carry exactly their schema's fields.
import { serializerCompiler as zodSerializer } from 'fastify-type-provider-zod';
import t from 'tap';
import { z } from 'zod';
import { BookedSchema, HoldSchema } from '../../../src/booking/schemas.js';
import { compiledSerializer } from '../../../src/platform/http/compiled-serializer.js';
import { ProblemSchema } from '../../../src/platform/http/problem-schema.js';
import { onEachDatabase } from '../../helpers/app.js';
import { bookOnline } from '../../helpers/booking.js';

const route = (schema: unknown) => ({ schema, method: 'POST', url: '/x', httpStatus: '201' });
const both = (schema: unknown) => ({
  compiled: compiledSerializer(route(schema)),
  zod: zodSerializer(route(schema) as Parameters<typeof zodSerializer>[0]),
});

t.test('a hold and a problem with alternatives: the same bytes as zod writes', async (t) => {
  const hold = {
    holdId: '5b0e9a4e-1c1d-4c1e-9a1b-123456789abc',
    expiresAt: '2026-12-01T09:10:00+01:00',
    location: 'stadskantoor',
    start: '2026-12-01T09:20:00+01:00',
    end: '2026-12-01T09:30:00+01:00',
  };
  const h = both(HoldSchema);
  t.equal(h.compiled(hold), h.zod(hold));
  t.same(JSON.parse(h.compiled({ ...hold, client: 'secret-client-key' })), hold, 'an undeclared field is not written');
  const problem = {
    type: 'about:blank',
    title: 'Bezet',
    status: 409,
    detail: 'Iemand was je voor. Kies een andere tijd.',
    code: 'time_taken',
    requestId: 'r-1',
    max: 2,
    alternatives: [{ start: '2026-12-01T09:40:00+01:00', end: '2026-12-01T09:50:00+01:00', location: 'stadskantoor' }],
  };
  const p = both(ProblemSchema);
  t.equal(p.compiled(problem), p.zod(problem), 'with the extension member a problem may carry');
});

t.test('a missing required field is refused, not written half', async (t) => {
  const { compiled } = both(HoldSchema);
  t.throws(() => compiled({ holdId: '5b0e9a4e-1c1d-4c1e-9a1b-123456789abc', location: 'x' }));
});

t.test('a schema JSON Schema cannot state (a codec from a date) keeps zod', async (t) => {
  const schema = z.object({
    at: z.codec(z.iso.datetime(), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() }),
  });
  const { compiled, zod } = both(schema);
  const data = { at: new Date('2026-12-01T08:00:00Z') };
  t.equal(compiled(data), zod(data));
  t.equal(compiled(data), '{"at":"2026-12-01T08:00:00.000Z"}');
});

onEachDatabase(t, async (t, { app, clock }) => {
  clock.set('2026-11-30T08:00:00Z');
  const start = '2026-12-02T09:00:00+01:00';
  const booked = await bookOnline(app, { start, name: 'Compiled Answer', email: 'compiled@example.nl' });
  t.equal(booked.statusCode, 201);
  const body = booked.json();
  t.same(Object.keys(body).sort(), Object.keys(BookedSchema.shape).sort(), 'a booking: exactly its fields');
  t.same(body, BookedSchema.parse(body), 'and each of the declared type');
  t.match(body.manageToken, /^\S{20,}$/);
  const counters = (
    await app.inject('/api/v1/availability?location=stadskantoor&items=paspoort&from=2026-12-02&to=2026-12-02')
  )
    .json()
    .days[0].slots.find((s: { start: string }) => s.start === start).available;
  for (let n = 0; n < counters; n++) await bookOnline(app, { start, name: `Vol ${n}`, email: `vol${n}@example.nl` });
  const refused = await bookOnline(app, { start, name: 'Te Laat', email: 'laat@example.nl' });
  t.equal(refused.statusCode, 409);
  t.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
  const problem = refused.json();
  t.equal(problem.code, 'time_taken');
  t.ok(problem.alternatives.length > 0, 'with alternatives');
  t.same(problem, ProblemSchema.parse(problem));
});
