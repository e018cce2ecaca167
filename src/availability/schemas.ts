import { z } from 'zod';

const item = /^([a-z0-9-]+)(?::(\d{1,2}))?$/;

/** `paspoort:2,rijbewijs:1`; a service without a count means one person. */
export const ItemsParamSchema = z
  .string()
  .max(500)
  .transform((value, ctx) => {
    const items = value.split(',').map((part) => item.exec(part.trim()));
    if (items.length === 0 || items.some((m) => m === null || Number(m[2] ?? 1) < 1)) {
      ctx.addIssue({ code: 'custom', params: { code: 'items_malformed' } });
      return z.NEVER;
    }
    return items.map((m) => ({ service: m![1]!, persons: Number(m![2] ?? 1) }));
  })
  .meta({ description: 'Services and persons: `paspoort:2,rijbewijs:1`', example: 'paspoort:2,rijbewijs:1' });

export const AvailabilityQuerySchema = z
  .object({
    location: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9-]+$/),
    items: ItemsParamSchema,
    needs: z
      .string()
      .max(100)
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return undefined;
        const parts = value.split(',').map((p) => p.trim());
        if (parts.some((p) => p !== 'extra-time' && p !== 'step-free')) {
          ctx.addIssue({ code: 'custom', params: { code: 'invalid' } });
          return z.NEVER;
        }
        return { extraTime: parts.includes('extra-time'), stepFree: parts.includes('step-free') };
      })
      .meta({
        description: 'Needs that change which times fit: `extra-time`, `step-free` (comma-separated)',
        example: 'extra-time',
      }),
    from: z.iso.date().optional().meta({ description: "First date (YYYY-MM-DD, location's zone); default today" }),
    to: z.iso
      .date()
      .optional()
      .meta({ description: 'Last date, included; default 27 days after `from`; at most 92 days in all' }),
  })
  .strict();

export const SlotSchema = z
  .object({
    start: z.string().meta({ example: '2026-12-01T09:00:00+01:00' }),
    end: z.string().meta({ example: '2026-12-01T09:20:00+01:00' }),
    available: z
      .number()
      .int()
      .meta({ description: 'How many counters could take the appointment at this start; 0 = taken' }),
  })
  .meta({ id: 'Slot' });

export const AvailabilitySchema = z
  .object({
    location: z.string(),
    timezone: z.string(),
    durationMinutes: z.number().int(),
    days: z.array(
      z
        .object({
          date: z.string().meta({ example: '2026-12-01' }),
          open: z.boolean(),
          reasonCode: z
            .enum(['past', 'beyond-horizon', 'holiday', 'closure', 'not-open', 'fully-booked'])
            .optional()
            .meta({
              description:
                'Why the day is closed or has no free time. `past` also for an open today once every start is ' +
                'within the minimum notice (the day is over for booking, not full)',
            }),
          reason: z.string().optional().meta({ description: 'The same in plain words, e.g. "Koningsdag"' }),
          slots: z.array(SlotSchema),
        })
        .meta({ id: 'AvailabilityDay' }),
    ),
  })
  .meta({ id: 'Availability' });
