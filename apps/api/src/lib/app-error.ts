/**
 * The one error type handlers throw. The error handler turns it into problem+json with the
 * status from ERROR_STATUS, so a code means the same HTTP status everywhere.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  not_enough_questions: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  attempt_closed: 409,
  attempt_in_progress: 409,
  answer_locked: 409,
  email_taken: 409,
  nothing_due: 409,
  mock_in_progress: 409,
  too_many_open_attempts: 409,
  start_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  database_unavailable: 503,
  server_busy: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: { field: string; message: string }[] | undefined;
  /** Extra members of the problem body, e.g. the id of the attempt already running. */
  readonly extra: Record<string, string> | undefined;
  /** Sent as Retry-After when set: when the client may try again. */
  retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    fields?: { field: string; message: string }[],
    extra?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.extra = extra;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** A 429 (or 503) that says when to try again: the error handler sends it as Retry-After. */
export function tryAgainLater(code: 'rate_limited' | 'server_busy', message: string, seconds: number): AppError {
  const error = new AppError(code, message);
  error.retryAfterSeconds = seconds;
  return error;
}

/** A 400 that names one field, shaped like the schema validation errors so clients handle both alike. */
export function invalidField(field: string, message: string, code: ErrorCode = 'validation_failed'): AppError {
  return new AppError(code, `Invalid request. ${field}: ${message}`, [{ field, message }]);
}
