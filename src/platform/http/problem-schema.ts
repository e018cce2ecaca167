import { z } from 'zod';

export const AlternativeSchema = z
  .object({
    start: z
      .string()
      .meta({ description: "ISO 8601 with the location's offset", example: '2026-12-01T09:00:00+01:00' }),
    end: z.string(),
    location: z.string().meta({ description: 'Location slug' }),
  })
  .meta({ id: 'Alternative' });

export const ProblemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z
      .string()
      .meta({ description: 'Plain-language explanation that says what to do next, in the requested language' }),
    code: z.string().meta({ description: 'Stable machine-readable code, e.g. `location_not_found`' }),
    requestId: z.string().meta({ description: 'Quote this when you contact the municipality' }),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    alternatives: z.array(AlternativeSchema).optional(),
    appointments: z
      .array(z.string())
      .optional()
      .meta({ description: 'References of the live appointments in the way of a staff change' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

/** The error responses a route declares, each a Problem. */
export function problemResponses<S extends 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503>(
  ...statuses: S[]
) {
  return Object.fromEntries(statuses.map((status) => [status, ProblemSchema])) as { [K in S]: typeof ProblemSchema };
}
