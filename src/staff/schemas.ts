import { z } from 'zod';
import { phonePattern } from '../booking/domain/phone.js';
import { BookedSchema, ItemSchema as BookingItemSchema, instant, NeedsSchema } from '../booking/schemas.js';
import { MIN_PASSWORD_LENGTH } from '../platform/passwords.js';
import { ROLES } from './domain/roles.js';
import { STAFF_STATUSES } from './domain/status-steps.js';

const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/);

export const LoginSchema = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
  code: z
    .string()
    .max(32)
    .optional()
    .meta({ description: 'The six-digit code of the app, or a recovery code, where the account has a second factor' }),
});

export const SessionSchema = z
  .object({
    user: z.object({
      id: z.uuid(),
      email: z.string(),
      name: z.string(),
      role: z.enum(ROLES),
      municipalities: z.array(z.string()),
      locations: z.array(z.string()),
    }),
    csrfToken: z.string().meta({ description: 'Send as `X-CSRF-Token` with every staff POST, PUT, PATCH and DELETE' }),
    secondFactor: z
      .enum(['on', 'off', 'setup_required'])
      .meta({ description: '`setup_required`: only the second-factor setup is allowed until it is done' }),
  })
  .meta({ id: 'StaffSession' });

export const SecondFactorStartSchema = z.object({
  secret: z.string().meta({ description: 'Base32, for typing into the app by hand' }),
  otpauthUrl: z.string().meta({ description: 'otpauth:// URL, for a QR code' }),
});
export const SecondFactorConfirmSchema = z.object({ code: z.string().min(6).max(12) });
export const RecoveryCodesSchema = z.object({
  recoveryCodes: z.array(z.string()).meta({ description: 'Shown once; each works once instead of a code' }),
});

export const LocationParamsSchema = z.object({ location: slug });
export const DayQuerySchema = z
  .object({ date: z.iso.date().optional().meta({ description: "YYYY-MM-DD in the location's zone; default today" }) })
  .strict();

const ItemSchema = z.object({ service: z.string(), name: z.string(), persons: z.number().int() });
export const EntrySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['appointment', 'block']),
    location: z.string(),
    counter: z.string(),
    start: z.string(),
    end: z.string(),
    status: z.string().optional(),
    reference: z.string().optional(),
    items: z.array(ItemSchema).optional(),
    name: z.string().optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
    needs: z
      .object({
        extraTime: z.boolean().optional(),
        stepFree: z.boolean().optional(),
        interpreter: z.string().optional(),
      })
      .optional(),
    language: z.string().optional(),
    channel: z.string().optional(),
    reason: z.string().optional(),
    mailFailed: z.boolean().optional().meta({ description: 'An e-mail to the resident could not be delivered' }),
    next: z.array(z.enum(STAFF_STATUSES)).optional().meta({ description: 'Statuses this one may go forward to' }),
    back: z.enum(STAFF_STATUSES).optional().meta({ description: 'One step back (a mis-click), on the same day' }),
  })
  .meta({ id: 'StaffEntry' });

export const DaySchema = z
  .object({
    location: z.string(),
    name: z.string(),
    date: z.string(),
    timezone: z.string(),
    counters: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        online: z.boolean(),
        stepFree: z.boolean(),
        entries: z.array(EntrySchema),
        nextFree: z
          .array(z.string())
          .meta({ description: 'The next free starts (one grid step) at this counter, from now on' }),
      }),
    ),
    counts: z.object({
      booked: z.number().int(),
      checked_in: z.number().int(),
      serving: z.number().int(),
      done: z.number().int(),
      no_show: z.number().int(),
      cancelled: z.number().int(),
    }),
  })
  .meta({ id: 'StaffDay' });

export const StatusBodySchema = z.object({ status: z.enum(STAFF_STATUSES) });

export const FindQuerySchema = z
  .object({
    q: z.string().trim().min(2).max(100).meta({ description: 'Reference, part of a name or e-mail address, or phone' }),
    location: slug.optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .strict();
export const FoundSchema = z.object({ appointments: z.array(EntrySchema) });

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH)
  .max(200)
  .meta({ description: `At least ${MIN_PASSWORD_LENGTH} characters` });
export const AccountSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    municipality: z.string(),
    locations: z.array(z.string()).meta({ description: 'Empty: every location of the municipality' }),
    active: z.boolean(),
    secondFactor: z.boolean(),
    recoveryCodesLeft: z.number().int(),
  })
  .meta({ id: 'StaffAccount' });
export const AccountsSchema = z.object({ users: z.array(AccountSchema) });
export const NewAccountSchema = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  locations: z.array(slug).max(100).optional(),
  password,
});
export const AccountChangeSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  locations: z.array(slug).max(100).optional(),
  active: z.boolean().optional(),
  password: password.optional(),
  resetSecondFactor: z.boolean().optional(),
});
export const AccountParamsSchema = z.object({ id: z.uuid() });

export const AuditQuerySchema = z
  .object({ from: z.iso.date(), to: z.iso.date().meta({ description: 'Included' }) })
  .strict();
export const AuditSchema = z.object({
  entries: z.array(
    z.object({
      at: z.string(),
      user: z.string().nullable(),
      action: z.string(),
      object: z.string().nullable(),
      status: z.number().int(),
      note: z.string().nullable(),
    }),
  ),
});

export const CallerBookingSchema = z
  .object({
    location: slug,
    items: z.array(BookingItemSchema).min(1).max(5),
    start: instant.optional().meta({ description: 'Left out for a walk-in (`channel: "counter"`): now' }),
    counter: slug.optional().meta({ description: 'A counter of the location, also one closed to online booking' }),
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254).optional().meta({ description: 'Optional: without it, print the confirmation' }),
    phone: z.string().trim().regex(phonePattern).optional(),
    language: z.enum(['nl', 'en']).optional(),
    needs: NeedsSchema.optional(),
    channel: z.enum(['phone', 'counter']),
    overrideReason: z
      .string()
      .trim()
      .min(3)
      .max(200)
      .optional()
      .meta({ description: 'Books past the limit of live appointments per e-mail address; the reason is audited' }),
  })
  .strict();
export const CallerBookedSchema = BookedSchema.extend({
  printUrl: z.string().meta({ description: 'A printable confirmation with what to bring (staff session)' }),
}).meta({ id: 'StaffBookedAppointment' });
export const CallerRescheduleSchema = z.object({ start: instant, counter: slug.optional() }).strict();
export const CallerCancelSchema = z
  .object({ reason: z.string().trim().max(200).optional().meta({ description: 'Kept in the audit log' }) })
  .strict();

const AffectedSchema = z.object({
  reference: z.string(),
  start: z.string(),
  outcome: z.enum(['moved', 'cancelled']),
  newStart: z.string().optional(),
  newLocation: z.string().optional().meta({ description: 'Where it moved to, when another location' }),
});

const MAX_BLOCK_MS = 14 * 86_400_000;
export const BlockRequestSchema = z
  .object({
    location: slug,
    counter: slug,
    start: instant,
    end: instant,
    reason: z.string().trim().min(1).max(200),
    close: z
      .boolean()
      .optional()
      .meta({ description: 'Move (or else cancel) the appointments in the way, as a closure of the counter does' }),
  })
  .strict()
  .refine((b) => Date.parse(b.end) > Date.parse(b.start), { path: ['end'], params: { code: 'end_before_start' } })
  .refine((b) => Date.parse(b.end) - Date.parse(b.start) <= MAX_BLOCK_MS, {
    path: ['end'],
    params: { code: 'block_too_long' },
  });
export const BlockSchema = z
  .object({
    id: z.uuid(),
    kind: z.literal('block'),
    location: z.string(),
    counter: z.string(),
    start: z.string(),
    end: z.string(),
    reason: z.string(),
    affected: z.array(AffectedSchema).optional().meta({ description: 'With `close`: what became of each appointment' }),
  })
  .meta({ id: 'StaffBlock' });
export const BlockParamsSchema = z.object({ id: z.uuid() });

// Times and dates are checked by the rules of catalogue/domain/schedule-check.ts, so that each wrong one gets a
// field error in plain words; here only their shape.
const clock = z.string().max(5).meta({ description: "HH:MM in the location's zone, on its grid" });
const date = z.iso.date();
const WeeklyRuleSchema = z
  .object({
    weekday: z.number().int().min(1).max(7).meta({ description: '1 = Monday … 7 = Sunday' }),
    opens: clock,
    closes: clock,
    counters: z.array(slug).max(50).optional().meta({ description: 'Only these counters; left out: all' }),
    validFrom: date.optional().meta({ description: 'First date the rule applies (inclusive)' }),
    validUntil: date.optional().meta({ description: 'Last date the rule applies (inclusive)' }),
  })
  .strict();
const ExceptionSchema = z
  .object({
    date,
    kind: z.enum(['closed', 'open']).meta({ description: '`closed`: closed (all day without times); `open`: extra' }),
    opens: clock.optional(),
    closes: clock.optional(),
    counters: z.array(slug).max(50).optional().meta({ description: 'Only these counters; left out: all' }),
    reason: z.string().trim().max(200).optional().meta({ description: 'Dutch; residents read it. Required to close' }),
    reasonEn: z.string().trim().max(200).optional().meta({ description: 'English; left out: the Dutch one' }),
  })
  .strict();
const hours = {
  weekly: z.array(WeeklyRuleSchema).max(200),
  exceptions: z.array(ExceptionSchema).max(1000),
};
export const OpeningHoursSchema = z
  .object({
    location: z.string(),
    gridMinutes: z.number().int().meta({ description: 'Appointments start on this grid; times must be on it' }),
    ...hours,
  })
  .meta({ id: 'StaffOpeningHours' });
export const OpeningHoursChangeSchema = z
  .object({
    location: z.string().optional().meta({ description: 'Ignored (the path names the location)' }),
    gridMinutes: z.number().optional().meta({ description: 'Ignored (read only)' }),
    ...hours,
    confirm: z
      .boolean()
      .optional()
      .meta({ description: 'Save although booked appointments fall outside the new hours (they stay booked)' }),
  })
  .strict()
  .meta({ id: 'StaffOpeningHoursChange' });
export const DryRunQuerySchema = z
  .object({
    dryRun: z
      .enum(['true', 'false'])
      .optional()
      .meta({ description: '`true`: show what the change would do, write nothing' }),
  })
  .strict();
const StrandedSchema = z.object({ reference: z.string(), start: z.string(), end: z.string(), counter: z.string() });
const DayImpactSchema = z.object({
  date: z.string(),
  before: z.number().int().meta({ description: 'Start times bookable for at least one service, now' }),
  after: z.number().int().meta({ description: '… after the change' }),
  gained: z.number().int(),
  lost: z.number().int(),
  services: z
    .array(
      z.object({
        service: z.string(),
        before: z.number().int(),
        after: z.number().int(),
        gained: z.number().int(),
        lost: z.number().int(),
      }),
    )
    .meta({ description: 'Per service at one person, where the change makes a difference' }),
});
export const OpeningHoursSavedSchema = OpeningHoursSchema.extend({
  dryRun: z.boolean().optional().meta({ description: 'True: nothing was saved' }),
  stranded: z
    .array(StrandedSchema)
    .meta({ description: 'Booked appointments the change leaves outside the hours (they stay booked)' }),
  impact: z
    .array(DayImpactSchema)
    .optional()
    .meta({ description: 'Dry run only: per day of the next six weeks, the start times residents gain and lose' }),
}).meta({ id: 'StaffOpeningHoursSaved' });

export const CounterParamsSchema = z.object({ location: slug, counter: slug });
export const CounterSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    online: z.boolean().meta({ description: 'Residents can book it online' }),
    stepFree: z.boolean().meta({ description: 'A lowered desk with room for a wheelchair' }),
    services: z.array(z.string()).meta({ description: "The services it serves; empty: all of the location's" }),
  })
  .meta({ id: 'StaffCounter' });
export const CounterListSchema = z.object({ location: z.string(), counters: z.array(CounterSchema) });
export const CounterCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    online: z.boolean().optional().meta({ description: 'Left out: open for online booking' }),
    stepFree: z.boolean().optional(),
    services: z.array(slug).max(50).optional().meta({ description: "Left out or empty: all of the location's" }),
  })
  .strict();
export const CounterPatchSchema = CounterCreateSchema.partial()
  .extend({
    active: z
      .boolean()
      .optional()
      .meta({ description: '`false` takes the counter away (its past stays); only without live appointments' }),
    confirm: z.boolean().optional().meta({ description: 'Save although booked appointments can no longer be served' }),
  })
  .strict();

export const ServiceParamsSchema = z.object({ location: slug, service: slug });
export const ServiceSettingSchema = z
  .object({
    service: z.string(),
    name: z.string(),
    minutesPerPerson: z.number().int(),
    fixedMinutes: z.number().int(),
    minNoticeMinutes: z.number().int(),
    horizonDays: z.number().int(),
    own: z.array(z.string()).meta({ description: "Which of the settings are this location's own" }),
  })
  .meta({ id: 'StaffServiceSetting' });
export const ServiceSettingListSchema = z.object({ location: z.string(), services: z.array(ServiceSettingSchema) });
const setting = (max: number) => z.number().int().min(0).max(max).nullable().optional();
export const ServiceSettingPatchSchema = z
  .object({
    minutesPerPerson: setting(480).meta({ description: "null: the service's own again" }),
    fixedMinutes: setting(480),
    minNoticeMinutes: setting(60 * 24 * 60),
    horizonDays: z.number().int().min(1).max(730).nullable().optional(),
  })
  .strict()
  .meta({ id: 'StaffServiceSettingChange' });

export const ClosureRequestSchema = z
  .object({
    location: slug,
    counters: z.array(slug).min(1).max(50).optional().meta({ description: 'Left out: every counter (the location)' }),
    start: instant,
    end: instant,
    reason: z.string().trim().min(1).max(200).meta({ description: 'Dutch; the residents affected read it' }),
    reasonEn: z.string().trim().min(1).max(200).optional().meta({ description: 'English; left out: the Dutch one' }),
    dryRun: z.boolean().optional().meta({ description: 'Show what would happen, write nothing' }),
  })
  .strict()
  .refine((b) => Date.parse(b.end) > Date.parse(b.start), { path: ['end'], params: { code: 'end_before_start' } });
export const ClosureSchema = z
  .object({
    id: z.uuid().optional().meta({ description: 'Left out in a dry run' }),
    dryRun: z.boolean(),
    location: z.string(),
    counters: z.array(z.string()),
    start: z.string(),
    end: z.string(),
    reason: z.string(),
    replayed: z.boolean().meta({ description: 'True: this closure was applied before; nothing more changed' }),
    affected: z
      .array(AffectedSchema)
      .meta({ description: 'Appointments whose time changed or that were cancelled: each resident got one message' }),
    reassigned: z
      .array(z.object({ reference: z.string(), start: z.string(), counter: z.string() }))
      .meta({ description: 'Appointments that keep their time at another counter: nothing changes for the resident' }),
  })
  .meta({ id: 'StaffClosure' });
