import { z } from 'zod';

const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/);

export const MunicipalitySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    phone: z.string().meta({ description: 'Phone number residents can call' }),
    website: z.string(),
  })
  .meta({ id: 'Municipality' });

export const LocationSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    municipality: z.string().meta({ description: 'Municipality slug' }),
    address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }),
    accessibility: z.array(
      z.object({
        code: z.string().meta({ example: 'step-free' }),
        label: z.string().meta({ description: 'Plain words in the requested language' }),
      }),
    ),
    services: z.array(z.string()).meta({ description: 'Slugs of the services offered here' }),
    gridMinutes: z.number().int().meta({ description: 'Appointments start every so many minutes' }),
  })
  .meta({ id: 'Location' });

export const ServiceSchema = z
  .object({
    slug: z.string(),
    municipality: z.string(),
    name: z.string(),
    description: z.string(),
    minutesPerPerson: z.number().int(),
    fixedMinutes: z.number().int().meta({ description: 'Minutes added once per appointment' }),
    maxPersons: z.number().int(),
    bring: z.array(z.string()).meta({ description: 'What to bring, in the requested language' }),
    locations: z.array(z.string()),
    combinableWith: z.array(z.string()),
    minNoticeMinutes: z.number().int(),
    horizonDays: z.number().int(),
  })
  .meta({ id: 'Service' });

export const LocationsQuerySchema = z.object({ municipality: slug.optional() });
export const ServicesQuerySchema = z.object({ municipality: slug.optional(), location: slug.optional() });
