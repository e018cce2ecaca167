import { z } from 'zod';
import { phonePattern } from './domain/phone.js';

export const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/);
export const instant = z.iso
  .datetime({ offset: true })
  .meta({ description: 'ISO 8601 with an offset or Z', example: '2026-12-01T09:00:00+01:00' });

export const ItemSchema = z
  .object({
    service: slug.meta({ description: 'Service slug' }),
    persons: z.number().int().min(1).max(20).default(1),
  })
  .strict()
  .meta({ id: 'Item' });

export const NeedsSchema = z
  .object({
    extraTime: z.boolean().optional().meta({ description: 'Lengthens the appointment by half, at least 10 minutes' }),
    stepFree: z.boolean().optional().meta({ description: 'A step-free desk (wheelchair)' }),
    interpreter: z
      .string()
      .trim()
      .min(2)
      .max(40)
      .optional()
      .meta({ description: 'Language for which an interpreter is wanted' }),
  })
  .strict()
  .meta({ id: 'Needs' });

export const HoldRequestSchema = z
  .object({
    location: slug,
    items: z.array(ItemSchema).min(1).max(5),
    start: instant,
    needs: NeedsSchema.optional(),
  })
  .strict()
  .meta({ id: 'HoldRequest' });

export const HoldSchema = z
  .object({
    holdId: z.uuid(),
    expiresAt: z.string().meta({ description: 'Until when the time is kept' }),
    location: z.string(),
    start: z.string(),
    end: z.string(),
  })
  .meta({ id: 'Hold' });

export const HoldParamsSchema = z.object({ holdId: z.uuid() });

export const BookingRequestSchema = z
  .object({
    holdId: z
      .uuid()
      .optional()
      .meta({ description: 'A hold from POST /api/v1/holds; or give location, items and start' }),
    location: slug.optional(),
    items: z.array(ItemSchema).min(1).max(5).optional(),
    start: instant.optional(),
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254),
    phone: z.string().trim().regex(phonePattern).optional(),
    language: z
      .enum(['nl', 'en'])
      .optional()
      .meta({ description: 'Language of e-mails and calendar file; default nl' }),
    needs: NeedsSchema.optional(),
  })
  .strict()
  .meta({ id: 'BookingRequest' });

export const AppointmentSchema = z
  .object({
    reference: z.string().meta({ example: 'K7M-4QX' }),
    status: z.enum(['held', 'booked', 'checked_in', 'serving', 'done', 'no_show', 'cancelled']),
    start: z.string(),
    end: z.string(),
    durationMinutes: z.number().int(),
    municipality: z.string().meta({ description: 'Municipality slug' }),
    location: z.string(),
    locationName: z.string(),
    address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }),
    items: z.array(z.object({ service: z.string(), persons: z.number().int(), name: z.string() })),
    bring: z.array(z.string()),
    name: z.string(),
    email: z
      .string()
      .nullable()
      .meta({ description: 'Null only for an appointment staff made for a caller or walk-in without an address' }),
    phone: z.string().nullable(),
    language: z.enum(['nl', 'en']),
    needs: NeedsSchema,
    sequence: z.number().int().meta({ description: 'Calendar sequence; goes up with every change' }),
    canCancel: z.boolean().meta({ description: 'Whether it can still be moved or cancelled now' }),
    canGiveFeedback: z.boolean().meta({ description: 'Whether the visit has started, so feedback can be given' }),
    manageUrl: z.string(),
    calendarUrl: z.string(),
  })
  .meta({ id: 'Appointment' });

export const BookedSchema = AppointmentSchema.extend({
  manageToken: z
    .string()
    .meta({ description: 'Returned once; send it as `Authorization: Bearer <token>` to manage the appointment' }),
}).meta({ id: 'BookedAppointment' });

/** A malformed reference is answered like an unknown one (404), so the answer tells nothing about which exist. */
export const ReferenceParamsSchema = z.object({
  reference: z
    .string()
    .max(20)
    .meta({ description: 'Reference such as K7M-4QX (any case); one of another form is a 404', example: 'K7M-4QX' }),
});
export const RescheduleRequestSchema = z.object({ start: instant }).strict().meta({ id: 'RescheduleRequest' });
export const FeedbackRequestSchema = z
  .object({
    score: z.number().int().min(1).max(5),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict()
  .meta({ id: 'FeedbackRequest' });
export const SendLinkRequestSchema = z
  .object({ email: z.email().max(254).meta({ description: 'The e-mail address the appointment was booked with' }) })
  .strict()
  .meta({ id: 'SendLinkRequest' });
export const SendLinkSchema = z
  .object({ message: z.string().meta({ description: 'What happens now, in the language asked for' }) })
  .meta({ id: 'SendLink' });
export const FeedbackSchema = z
  .object({ reference: z.string(), score: z.number().int(), comment: z.string().nullable() })
  .meta({ id: 'Feedback' });
