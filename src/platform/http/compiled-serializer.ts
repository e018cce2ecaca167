import fastJson from 'fast-json-stringify';
import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializer } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';

type Serialize = (data: unknown) => string;
const compiled = new WeakMap<object, Serialize>();

/**
 * A response serializer compiled once per schema (#17): the route's zod schema as JSON Schema, written out by
 * fast-json-stringify, Fastify's own, instead of zod encoding each answer before JSON.stringify. Like zod it writes
 * only the declared fields (nothing else a use case returns leaks out) and throws on a missing required one; it
 * does not check formats again, so it is kept to the hot routes, whose answers our own code builds. A schema JSON
 * Schema cannot state (a transform) keeps zod's serializer.
 */
export const compiledSerializer = <T>(route: FastifyRouteSchemaDef<T>): Serialize => {
  const schema = route.schema as ZodType;
  let serialize = compiled.get(schema);
  if (!serialize) {
    try {
      serialize = fastJson(
        z.toJSONSchema(schema, { io: 'output', unrepresentable: 'throw', target: 'draft-7' }) as fastJson.AnySchema,
      ) as Serialize;
    } catch {
      serialize = zodSerializer(route as Parameters<typeof zodSerializer>[0]) as Serialize;
    }
    compiled.set(schema, serialize);
  }
  return serialize;
};
