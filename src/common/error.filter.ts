import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode, FieldError } from './domain-error';
import { redactUrl } from './logging';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldError[];
  [key: string]: unknown;
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '57014', // query_canceled (statement timeout)
]);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Connection is not established',
  'connect ECONNREFUSED',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end',
];

type DriverError = { code?: string; message?: string; driverError?: DriverError };

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as DriverError | undefined; e; e = e.driverError) {
    if (typeof e.code === 'string' && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith('08'))) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => e.message!.includes(m))) return true;
  }
  return false;
}

function sqlState(error: unknown): string | undefined {
  const e = error as DriverError;
  return e?.driverError?.code ?? (typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined);
}

const HTTP_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  429: ErrorCode.RateLimited,
};

/**
 * The one table from an error code to its HTTP status: domain errors carry only the code. A new
 * code does not compile until it has its status here.
 */
export const ERROR_STATUS: Record<ErrorCode, HttpStatus> = {
  [ErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [ErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.AccountDisabled]: HttpStatus.FORBIDDEN,
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ErrorCode.Duplicate]: HttpStatus.CONFLICT,
  [ErrorCode.LastAdmin]: HttpStatus.CONFLICT,
  [ErrorCode.InvalidTransition]: HttpStatus.CONFLICT,
  [ErrorCode.AssistsOpen]: HttpStatus.CONFLICT,
  [ErrorCode.DeadlineKept]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.PublishedDiffers]: HttpStatus.CONFLICT,
  [ErrorCode.VersionMismatch]: HttpStatus.PRECONDITION_FAILED,
  [ErrorCode.VersionRequired]: HttpStatus.PRECONDITION_REQUIRED,
  [ErrorCode.IdempotencyKeyReused]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.UnsupportedMediaType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.DatabaseUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.Internal]: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** Maps every error to the API error shape; nothing internal (stack, SQL) reaches a client. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) {
    return { statusCode: ERROR_STATUS[error.code], code: error.code, message: error.message, ...error.details };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? error.message);
    // An edge error (the body reader's) may name its code; Nest's own are coded by their status.
    const named = typeof response === 'object' ? (response as { code?: unknown }).code : undefined;
    const code = typeof named === 'string' ? named : (HTTP_CODES[status] ?? `HTTP_${status}`);
    return { statusCode: status, code, message };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      code: ErrorCode.DatabaseUnavailable,
      message: 'the database is unavailable; try again shortly',
    };
  }
  switch (sqlState(error)) {
    case '23505':
      return {
        statusCode: HttpStatus.CONFLICT,
        code: ErrorCode.Duplicate,
        message: 'a record with the same unique value exists',
      };
    case '23503':
      return {
        statusCode: HttpStatus.CONFLICT,
        code: ErrorCode.Conflict,
        message: 'a referenced record does not exist or is still in use',
      };
    case '22021': // character_not_in_repertoire: a NUL in text
    case '22P02': // invalid_text_representation
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
    case '22003': // numeric_value_out_of_range
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        code: ErrorCode.ValidationFailed,
        message: 'a value in the request is not valid',
      };
    case '40001':
    case '40P01':
      return {
        statusCode: HttpStatus.CONFLICT,
        code: ErrorCode.Conflict,
        message: 'a concurrent change conflicted; try again',
      };
    default:
      return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: ErrorCode.Internal, message: 'internal error' };
  }
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  catch(error: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request & { id?: unknown }>();
    const response = context.getResponse<Response>();
    const body = toErrorBody(error);
    if (body.statusCode >= 500) {
      const correlationId = String(request.id ?? '');
      this.logger.error(
        { err: error, correlationId, path: redactUrl(request.url) },
        `${body.code} on ${request.method} ${redactUrl(request.url)}`,
      );
      body.correlationId = correlationId;
      if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', '5');
    }
    if (response.headersSent) return;
    if (typeof body.retryAfterSeconds === 'number') response.setHeader('Retry-After', String(body.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }
}
