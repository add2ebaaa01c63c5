import { HttpStatus } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { DomainError, ErrorCode } from './domain-error';

const BODY_LIMIT = '100kb';

/**
 * A request that carries a body must say it is JSON (or a multipart upload, for the routes that take
 * files): a form or text body is refused, not half-understood.
 */
function requireJson(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (hasBody && !req.is(['application/json', 'multipart/form-data'])) {
    return next(
      new DomainError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        ErrorCode.UnsupportedMediaType,
        'send the body as JSON (Content-Type: application/json), or a file as multipart/form-data',
      ),
    );
  }
  next();
}

const PARSER_ERRORS: Record<string, { status: HttpStatus; code: ErrorCode; message: string }> = {
  'entity.parse.failed': {
    status: HttpStatus.BAD_REQUEST,
    code: ErrorCode.ValidationFailed,
    message: 'the request body is not valid JSON',
  },
  'entity.too.large': {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    code: ErrorCode.PayloadTooLarge,
    message: `the request body is larger than ${BODY_LIMIT}`,
  },
};

/** The parser's own errors quote the body; they become coded errors of our own. */
function translateParserError(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  if (error instanceof DomainError) return next(error);
  const known = PARSER_ERRORS[(error as { type?: string })?.type ?? ''];
  if (known) return next(new DomainError(known.status, known.code, known.message));
  const status = (error as { status?: number })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return next(new DomainError(status, ErrorCode.ValidationFailed, 'the request body could not be read'));
  }
  next(error);
}

/** JSON bodies only, at most 100 kB, with clear errors. */
export const jsonBody = [requireJson, express.json({ limit: BODY_LIMIT }), translateParserError];
