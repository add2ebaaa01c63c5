/**
 * Stable, client-visible error codes. A domain error carries one of these and nothing of HTTP:
 * the error filter (error.filter.ts) holds the one table from code to HTTP status.
 */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  AccountDisabled = 'ACCOUNT_DISABLED',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  Duplicate = 'DUPLICATE',
  LastAdmin = 'LAST_ADMIN',
  InvalidTransition = 'INVALID_TRANSITION',
  /** The lead resolves while an assisting department's part is open, without saying why (assistsNote). */
  AssistsOpen = 'ASSISTS_OPEN',
  /** A same-department reassignment asked for another deadline: only an approved extension moves it. */
  DeadlineKept = 'DEADLINE_KEPT',
  /** A figure published again under the same identity counts other items than the stored one. */
  PublishedDiffers = 'PUBLISHED_DIFFERS',
  VersionMismatch = 'VERSION_MISMATCH',
  VersionRequired = 'VERSION_REQUIRED',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  RateLimited = 'RATE_LIMITED',
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  Internal = 'INTERNAL_ERROR',
}

export interface FieldError {
  field: string;
  message: string;
}

/** An error a client caused or may act on; the global filter turns it into the API error shape. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${what} not found`);
  }

  static forbidden(message = 'your role may not do this'): DomainError {
    return new DomainError(ErrorCode.Forbidden, message);
  }

  static duplicate(field: string, message: string): DomainError {
    return new DomainError(ErrorCode.Duplicate, `${field}: ${message}`, {
      errors: [{ field, message }],
    });
  }

  static invalidField(field: string, message: string): DomainError {
    return new DomainError(ErrorCode.ValidationFailed, `${field}: ${message}`, {
      errors: [{ field, message }],
    });
  }
}

/** For switches that must cover every member of a union. */
export function assertUnreachable(value: never): never {
  throw new Error(`unreachable: ${String(value)}`);
}
