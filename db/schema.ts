import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const municipalities = pgTable('municipalities', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull().default('Europe/Amsterdam'),
  widgetOrigins: text('widget_origins').array().notNull().default(sql`'{}'::text[]`),
  retentionDays: integer('retention_days').notNull().default(30),
  /** Holds and bookings without a hold need a solved proof-of-work challenge (ALTCHA); CAPTCHA=off overrides. */
  captcha: boolean('captcha').notNull().default(true),
  emailFrom: text('email_from').notNull(),
  phone: text('phone').notNull(),
  websiteUrl: text('website_url').notNull(),
});

export const locations = pgTable(
  'locations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    /** Codes such as `step-free`, `hearing-loop`; words for them live in src/texts. */
    accessibility: text('accessibility').array().notNull().default(sql`'{}'::text[]`),
    gridMinutes: smallint('grid_minutes').notNull().default(10),
  },
  (t) => [check('locations_grid_positive', sql`${t.gridMinutes} between 1 and 120`)],
);

export const services = pgTable(
  'services',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    slug: text('slug').notNull(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionNl: text('description_nl').notNull(),
    descriptionEn: text('description_en').notNull(),
    minutesPerPerson: smallint('minutes_per_person').notNull(),
    fixedMinutes: smallint('fixed_minutes').notNull().default(0),
    maxPersons: smallint('max_persons').notNull().default(1),
    bringNl: text('bring_nl').array().notNull().default(sql`'{}'::text[]`),
    bringEn: text('bring_en').array().notNull().default(sql`'{}'::text[]`),
    minNoticeMinutes: integer('min_notice_minutes').notNull().default(60),
    horizonDays: integer('horizon_days').notNull().default(60),
    /** Slugs of services of the same municipality that may be booked in the same appointment. */
    combinableWith: text('combinable_with').array().notNull().default(sql`'{}'::text[]`),
    sortOrder: smallint('sort_order').notNull().default(0),
  },
  (t) => [
    unique('services_municipality_slug').on(t.municipalityId, t.slug),
    check(
      'services_minutes_positive',
      sql`${t.minutesPerPerson} >= 0 and ${t.fixedMinutes} >= 0 and ${t.minutesPerPerson} + ${t.fixedMinutes} > 0`,
    ),
    check('services_max_persons_positive', sql`${t.maxPersons} >= 1`),
  ],
);

export const locationServices = pgTable(
  'location_services',
  {
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    // The location's own settings for the service (set by a location manager); null: the service's own.
    minutesPerPerson: smallint('minutes_per_person'),
    fixedMinutes: smallint('fixed_minutes'),
    minNoticeMinutes: integer('min_notice_minutes'),
    horizonDays: integer('horizon_days'),
  },
  (t) => [
    primaryKey({ columns: [t.locationId, t.serviceId] }),
    check(
      'location_services_settings',
      sql`coalesce(${t.minutesPerPerson}, 0) >= 0 and coalesce(${t.fixedMinutes}, 0) >= 0
        and coalesce(${t.minNoticeMinutes}, 0) >= 0 and coalesce(${t.horizonDays}, 1) >= 1`,
    ),
  ],
);

export const counters = pgTable(
  'counters',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id),
    name: text('name').notNull(),
    /** The counter in URLs and the staff API; made from the name when left out (catalogue/counter-slug.sql). */
    slug: text('slug').notNull().default(''),
    onlineBookable: boolean('online_bookable').notNull().default(true),
    /** True when the desk is step-free (lowered, room for a wheelchair). */
    stepFree: boolean('step_free').notNull().default(false),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    unique('counters_location_name').on(t.locationId, t.name),
    unique('counters_location_slug').on(t.locationId, t.slug),
  ],
);

/** A counter with rows here serves only these services; a counter without rows serves all of its location's. */
export const counterServices = pgTable(
  'counter_services',
  {
    counterId: integer('counter_id')
      .notNull()
      .references(() => counters.id, { onDelete: 'cascade' }),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.serviceId] })],
);

/** Weekly wall-clock periods in the location's zone; weekday 1 = Monday … 7 = Sunday (ISO). */
export const openingHours = pgTable(
  'opening_hours',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    counterId: integer('counter_id').references(() => counters.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    opens: time('opens').notNull(),
    closes: time('closes').notNull(),
    validFrom: date('valid_from'),
    validUntil: date('valid_until'),
  },
  (t) => [
    index('opening_hours_location').on(t.locationId),
    check('opening_hours_weekday', sql`${t.weekday} between 1 and 7`),
    check('opening_hours_order', sql`${t.opens} < ${t.closes}`),
  ],
);

/**
 * A closure (`closed`) or an extra opening (`open`) on one date. A closure without times closes the whole
 * day; with times it closes that period. An extra opening always has times.
 */
export const openingExceptions = pgTable(
  'opening_exceptions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    counterId: integer('counter_id').references(() => counters.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    kind: text('kind', { enum: ['closed', 'open'] }).notNull(),
    opens: time('opens'),
    closes: time('closes'),
    reasonNl: text('reason_nl').notNull(),
    reasonEn: text('reason_en').notNull(),
  },
  (t) => [
    index('opening_exceptions_location_date').on(t.locationId, t.date),
    check('opening_exceptions_kind', sql`${t.kind} in ('closed', 'open')`),
    check(
      'opening_exceptions_times',
      sql`(${t.opens} is null and ${t.closes} is null and ${t.kind} = 'closed') or (${t.opens} < ${t.closes})`,
    ),
  ],
);

export const appointmentStatuses = ['held', 'booked', 'checked_in', 'serving', 'done', 'no_show', 'cancelled'] as const;

/**
 * Everything that takes a counter's time: appointments (with holds as status `held`) and staff blocks
 * (kind `block`). One table, so that one exclusion constraint (migration 0001) guarantees that a counter
 * never has two live claims at once.
 */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['appointment', 'block'] })
      .notNull()
      .default('appointment'),
    reference: text('reference').unique(),
    // The place is checked by the trigger appointments_place, not by foreign keys (migration 0017: a foreign key
    // locks its parent row, and in a rush every booking locked the same municipality, location and counter).
    municipalityId: integer('municipality_id').notNull(),
    locationId: integer('location_id').notNull(),
    counterId: integer('counter_id').notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    status: text('status', { enum: appointmentStatuses }).notNull(),
    holdExpiresAt: instant('hold_expires_at'),
    sequence: integer('sequence').notNull().default(0),
    name: text('name'),
    email: text('email'),
    phone: text('phone'),
    language: text('language', { enum: ['nl', 'en'] })
      .notNull()
      .default('nl'),
    needs: jsonb('needs').$type<{ extraTime?: boolean; stepFree?: boolean; interpreter?: string }>(),
    channel: text('channel', { enum: ['online', 'phone', 'counter'] })
      .notNull()
      .default('online'),
    blockReason: text('block_reason'),
    manageTokenHash: text('manage_token_hash'),
    /** Random; with the server's SECRET_KEY it gives the manage token again for e-mails (the token is never stored). */
    manageNonce: text('manage_nonce'),
    /**
     * Who made a hold: a keyed digest of the widget's client id, or else of the address (MAX_HOLDS_PER_CLIENT).
     * Erased with the resident's details.
     */
    holdClient: text('hold_client'),
    /**
     * The start of the MD5 of the booking's idempotency key (`balie_book`): with it the claims index knows a claim
     * that an identical earlier request made, so a retry is answered again instead of refused from memory (#17).
     */
    requestTag: text('request_tag'),
    /** Who the appointment counts against for the per-e-mail limit: lower-cased e-mail. */
    emailKey: text('email_key'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    /** When retention removed the resident's details (name, e-mail, phone, needs, token); null while they are kept. */
    erasedAt: instant('erased_at'),
  },
  (t) => [
    index('appointments_location_time').on(t.locationId, t.startsAt),
    index('appointments_email_key').on(t.municipalityId, t.emailKey),
    index('appointments_live_hold_client').on(t.holdClient, t.holdExpiresAt).where(sql`${t.status} = 'held'`),
    index('appointments_to_erase').on(t.endsAt).where(sql`${t.erasedAt} is null and ${t.kind} = 'appointment'`),
    check('appointments_time_order', sql`${t.startsAt} < ${t.endsAt}`),
    check(
      'appointments_status',
      sql`${t.status} in ('held', 'booked', 'checked_in', 'serving', 'done', 'no_show', 'cancelled')`,
    ),
  ],
);

export const appointmentItems = pgTable(
  'appointment_items',
  {
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    /** Checked by the trigger appointment_items_service, not by a foreign key (migration 0017). */
    serviceId: integer('service_id').notNull(),
    persons: smallint('persons').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.appointmentId, t.serviceId] }),
    check('appointment_items_persons', sql`${t.persons} >= 1`),
  ],
);

/**
 * Answers to booking requests by idempotency key (the client's `Idempotency-Key`, or one derived from the
 * request to catch a double click). The row is written in the booking's own transaction, so a concurrent
 * request with the same key waits for it and then returns the same answer. It keeps no personal data and no token:
 * `request_hash` is an HMAC of the request under the server's key, `body` names the appointment and the answer's
 * language (the answer is rebuilt from the appointment, its token from the nonce). Rows of a client's key are
 * deleted after a day, those of a double click after a minute.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    key: text('key').primaryKey(),
    requestHash: text('request_hash').notNull(),
    status: smallint('status').notNull(),
    body: jsonb('body').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('idempotency_keys_created').on(t.createdAt)],
);

/** Messages to send, written in the same transaction as the change that causes them (DESIGN invariant 4). */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['confirmation', 'moved', 'cancelled', 'reminder', 'feedback', 'link'] }).notNull(),
    /** The appointment's calendar sequence when the message was made. */
    sequence: integer('sequence').notNull(),
    /** What the message says beyond the appointment as it is now: the time before a move, the reason of a closure. */
    details: jsonb('details').$type<{
      previous?: { start: string; end: string; location: string };
      reason?: { nl: string; en: string };
    }>(),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    createdAt: instant('created_at').notNull().defaultNow(),
    sentAt: instant('sent_at'),
    lastError: text('last_error'),
  },
  (t) => [index('outbox_pending').on(t.status, t.nextAttemptAt)],
);

/**
 * A counter or a whole location closed for a period at short notice (illness, a power failure): its blocks keep the
 * time, and `affected` says what became of each appointment that was there (moved or cancelled), so that applying
 * the same closure again changes nothing and gives the same answer.
 */
export const closures = pgTable(
  'closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id),
    /** The closed counters' ids, sorted, joined by commas; empty when the whole location closes. */
    counterKey: text('counter_key').notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    reasonNl: text('reason_nl').notNull(),
    reasonEn: text('reason_en').notNull(),
    affected: jsonb('affected').notNull(),
    /** The staff account that applied it. */
    createdBy: uuid('created_by'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('closures_once').on(t.locationId, t.counterKey, t.startsAt, t.endsAt),
    check('closures_time_order', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

export const feedback = pgTable(
  'feedback',
  {
    appointmentId: uuid('appointment_id')
      .primaryKey()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    score: smallint('score').notNull(),
    comment: text('comment'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [check('feedback_score', sql`${t.score} between 1 and 5`)],
);

export const staffRoles = ['front_office', 'location_manager', 'admin'] as const;

/** Front-office staff, location managers and admins of one municipality (src/staff). */
export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    /** Lower-cased; the login name. */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: staffRoles }).notNull(),
    /** The locations (slugs) the account works at; empty: every location of its municipality. */
    locations: text('locations').array().notNull().default(sql`'{}'::text[]`),
    /** argon2id (PHC string). */
    passwordHash: text('password_hash').notNull(),
    /** The TOTP secret, sealed under the server's key (platform/sealed-box.ts); set once the second factor is on. */
    totpSecret: text('totp_secret'),
    /** A secret being enrolled, sealed; it becomes totp_secret when a code from it is confirmed. */
    totpPending: text('totp_pending'),
    /** The last TOTP time step used, so that a code works once. */
    totpLastStep: integer('totp_last_step'),
    /** SHA-256 digests of the unused recovery codes. */
    recoveryCodes: text('recovery_codes').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [check('staff_users_role', sql`${t.role} in ('front_office', 'location_manager', 'admin')`)],
);

/** A staff session: the cookie holds a random token, the table its SHA-256 digest; logout and expiry end it. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    /** Until the account's second factor is set up (where it is due), only that setup is allowed. */
    secondFactorPending: boolean('second_factor_pending').notNull().default(false),
    createdAt: instant('created_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('staff_sessions_user').on(t.userId)],
);

/** Failed logins, as keyed digests of the account and the address, for the growing delay. Kept a day. */
export const staffLoginFailures = pgTable(
  'staff_login_failures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    account: text('account').notNull(),
    address: text('address').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [
    index('staff_login_failures_account').on(t.account, t.at),
    index('staff_login_failures_address').on(t.address, t.at),
  ],
);

/** What staff did: who, what, to which object (a reference or an id, never a name), the result, when. */
export const staffAudit = pgTable(
  'staff_audit',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    at: instant('at').notNull(),
    municipalityId: integer('municipality_id').references(() => municipalities.id),
    userId: uuid('user_id').references(() => staffUsers.id),
    action: text('action').notNull(),
    object: text('object'),
    /** The HTTP status of the answer. */
    status: smallint('status').notNull(),
    /** Why, where staff must say (the limit per e-mail address overridden, a cancellation): staff's own words. */
    note: text('note'),
  },
  (t) => [index('staff_audit_municipality_at').on(t.municipalityId, t.at)],
);

/**
 * Every committed change that residents or staff can see (claims:<location>:<start ms>:<end ms>, or catalogue),
 * written by triggers in the changing transaction itself: each process reads the new rows (claims/change-feed.ts)
 * and raises them on its change signal. A row is durable with its change, so a process that dies right after its
 * commit cannot leave the others' caches wrong; and unlike NOTIFY it takes no lock that orders all commits.
 */
export const changes = pgTable('changes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  payload: text('payload').notNull(),
  /** Housekeeping drops rows after a few minutes: every process has read them by then. */
  createdAt: instant('created_at').notNull().defaultNow(),
});
