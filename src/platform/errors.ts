import type { FieldCode, ProblemCode } from '../texts/index.js';

export type TextParams = Record<string, string | number>;
export type FieldError = { field: string; code: FieldCode | ProblemCode; params?: TextParams };
export type Alternative = { start: string; end: string; location: string };

/**
 * A failure the resident or integrator can act on; the HTTP layer turns it into problem details. It carries no stack
 * trace: it is an answer, not a fault, and no one reads one (a rush refuses thousands a second, #17).
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly params: TextParams = {},
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(code);
    Error.stackTraceLimit = limit;
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  readonly status = 404;
}

/** Well-formed input that breaks a rule (a service not offered here, too many persons). */
export class Unprocessable extends DomainError {
  readonly status = 422;
  constructor(
    code: ProblemCode,
    params: TextParams = {},
    readonly errors: FieldError[] = [],
  ) {
    super(code, params);
  }
}

/** Input that is malformed field by field. */
export class Invalid extends DomainError {
  readonly status = 400;
  constructor(
    readonly errors: FieldError[],
    code: ProblemCode = 'invalid_request',
  ) {
    super(code);
  }
}

export class Conflict extends DomainError {
  readonly status = 409;
  constructor(
    code: ProblemCode,
    params: TextParams = {},
    readonly alternatives: readonly Alternative[] = [],
  ) {
    super(code, params);
  }
}

/** A change staff asked for that live appointments stand in the way of; the problem lists their references. */
export class InTheWay extends DomainError {
  readonly status = 409;
  constructor(
    code: ProblemCode,
    readonly appointments: string[],
    params: TextParams = {},
  ) {
    super(code, params);
  }
}

/** No (valid) login: a staff route without a session, or a login that failed. */
export class Unauthorized extends DomainError {
  readonly status = 401;
}

export class Forbidden extends DomainError {
  readonly status = 403;
}

export class TooMany extends DomainError {
  readonly status = 429;
  constructor(
    code: ProblemCode,
    readonly retryAfterSeconds: number,
    params: TextParams = {},
  ) {
    super(code, params);
  }
}

export class Unavailable extends DomainError {
  readonly status = 503;
}
