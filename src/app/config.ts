import { z } from 'zod';

/** 0 asks the system for any free port (tests). */
const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

const ConfigSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Connections to PostgreSQL per process (a week opening queues less with more: README, "Performance"). */
  DATABASE_POOL_SIZE: positiveInt.default(10),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Derives manage tokens for e-mails; without it the server keeps a generated key in DATA_DIR/secret.key. */
  SECRET_KEY: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: z.stringbool().default(true),
  HOLD_MINUTES: positiveInt.default(10),
  /** Live holds one client (widget visit, or else address) may have at once. */
  MAX_HOLDS_PER_CLIENT: positiveInt.default(2),
  /** Send the outbox's e-mails from the server process; false when `npm run worker` runs beside it. */
  OUTBOX_WORKER: z.stringbool().default(true),
  MAX_LIVE_APPOINTMENTS: positiveInt.default(3),
  /**
   * How often (ms) this process reads the changes other processes made (the `changes` table) into its caches;
   * 0 reads none (one process only, e.g. a test of the writers' own signal).
   */
  CHANGE_FEED_MS: z.coerce.number().int().min(0).max(10_000).default(50),
  /** The reminder e-mail goes out this many hours before the appointment. */
  REMINDER_HOURS: positiveInt.default(24),
  /** The .eml files of the mailbox used without SMTP_URL are deleted this many days after they were written. */
  MAIL_FILE_DAYS: positiveInt.default(7),
  /** ALTCHA proof of work for holds and bookings without a hold (per municipality: `municipalities.captcha`). */
  CAPTCHA: z.enum(['on', 'off']).default('on'),
  /** The challenge's range: a browser tries half of it on average (50,000: about a second on a phone). */
  CAPTCHA_MAX_NUMBER: positiveInt.default(50_000),
  CAPTCHA_EXPIRES_SECONDS: positiveInt.default(600),
  /** /metrics (Prometheus) answers only `Authorization: Bearer <METRICS_TOKEN>`; without it there is no /metrics. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Redis (or Valkey): rate limits and used captcha solutions shared by every process. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Holds, bookings and the routes of one appointment, per client address per minute. */
  RATE_LIMIT_PER_MINUTE: positiveInt.default(120),
  /** Every other API request, per client address per minute. */
  RATE_LIMIT_READS_PER_MINUTE: positiveInt.default(1200),
  /** Addresses or CIDRs of the reverse proxies in front (comma-separated): their X-Forwarded-For is believed. */
  TRUST_PROXY: z.string().max(2000).optional(),
  /** Computed availability days kept in memory; 0 turns the cache off (benchmarks measure both). */
  AVAILABILITY_CACHE_SIZE: z.coerce.number().int().min(0).default(50_000),
  /** Memory for whole availability answers, in MB; 0 turns that cache off. */
  AVAILABILITY_ANSWER_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
  /** Locations whose live claims are kept in memory for availability; 0 reads them from the database each time. */
  CLAIMS_INDEX_LOCATIONS: z.coerce.number().int().min(0).default(1_000),
  /** A staff session ends after this many hours without a request (a counter shift)... */
  STAFF_IDLE_HOURS: z.coerce.number().positive().max(24).default(8),
  /** ...and this many hours after logging in, whatever happens. */
  STAFF_SESSION_HOURS: z.coerce.number().positive().max(72).default(12),
  /** Roles that must log in with a second factor (TOTP), comma-separated, or `none`. */
  STAFF_SECOND_FACTOR_ROLES: z
    .string()
    .regex(/^(none|(front_office|location_manager|admin)(,(front_office|location_manager|admin))*)$/)
    .default('admin'),
  /** The demo staff accounts' password (demo data only). */
  DEMO_STAFF_PASSWORD: z.string().min(8).default('balie-demo'),
  /** Server processes sharing the port (one per core); more than one needs PostgreSQL. */
  WORKERS: positiveInt.max(64).default(1),
});

export type Config = Omit<z.infer<typeof ConfigSchema>, 'PUBLIC_BASE_URL'> & { PUBLIC_BASE_URL: string };

export class ConfigError extends Error {}

const invalid = (lines: string[]) =>
  new ConfigError(
    `Balie cannot start: the configuration is not valid.\n${lines.join('\n')}\nSee README.md, "Configuration".`,
  );

/** Reads the environment; throws a ConfigError that names every wrong variable in one message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `- ${name}=${JSON.stringify(env[name])}: ${issue.message}`;
    });
    throw invalid(lines);
  }
  const config = parsed.data;
  if (config.WORKERS > 1 && !config.DATABASE_URL) {
    throw invalid([
      `- WORKERS=${JSON.stringify(env.WORKERS)}: more than one process needs PostgreSQL (DATABASE_URL); the embedded ` +
        `database belongs to one process`,
    ]);
  }
  return {
    ...config,
    PUBLIC_BASE_URL: (config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, ''),
  };
}
