import { HttpException } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { DomainError, ErrorCode } from './domain-error';

const BODY_LIMIT = '100kb';

/**
 * A request that carries a body must say it is JSON (or a multipart upload, for the routes that take
 * files): a form or text body is refused, not half-understood.
 */
function requireJson(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  const declared = req.headers['content-type']?.split(';')[0]!.trim().toLowerCase();
  const accepted = declared === 'application/json' || declared === 'multipart/form-data';
  if ((hasBody || declared !== undefined) && !accepted) {
    return next(
      new DomainError(
        ErrorCode.UnsupportedMediaType,
        'send the body as JSON (Content-Type: application/json), or a file as multipart/form-data',
      ),
    );
  }
  next();
}

const PARSER_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  'entity.parse.failed': {
    code: ErrorCode.ValidationFailed,
    message: 'the request body is not valid JSON',
  },
  'entity.too.large': {
    code: ErrorCode.PayloadTooLarge,
    message: `the request body is larger than ${BODY_LIMIT}`,
  },
};

/** The parser's own errors quote the body; they become coded errors of our own. */
function translateParserError(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  if (error instanceof DomainError) return next(error);
  const known = PARSER_ERRORS[(error as { type?: string })?.type ?? ''];
  if (known) return next(new DomainError(known.code, known.message));
  // Any other refusal of the reader (an aborted upload, an unknown charset) keeps the reader's
  // HTTP status: an edge error, not a domain one.
  const status = (error as { status?: number })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const body = { code: ErrorCode.ValidationFailed, message: 'the request body could not be read' };
    return next(new HttpException(body, status));
  }
  next(error);
}

/** Deeper than any body of this API; deeper nesting is an attack on the validators' recursion. */
const MAX_DEPTH = 16;
/**
 * Keys that would reach an object's prototype or shadow its methods (toString, constructor, …):
 * class-transformer drops them silently, so the whitelist never sees them. Refuse them instead.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

/** The first thing wrong with a parsed body's shape, as a field error, or null. */
export function bodyShapeProblem(value: unknown, path = '', depth = 0): { field: string; message: string } | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? { field: path || 'body', message: 'must not contain NUL characters' } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return { field: path || 'body', message: `is nested deeper than ${MAX_DEPTH} levels` };
  for (const [key, item] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) return { field, message: 'unknown field' };
    const problem = bodyShapeProblem(item, field, depth + 1);
    if (problem) return problem;
  }
  return null;
}

function checkBodyShape(req: Request, _res: Response, next: NextFunction): void {
  const problem = bodyShapeProblem(req.body);
  next(problem ? DomainError.invalidField(problem.field, problem.message) : undefined);
}

/** JSON bodies only, at most 100 kB, at most 16 levels deep, with clear errors. */
export const jsonBody = [requireJson, express.json({ limit: BODY_LIMIT }), translateParserError, checkBodyShape];
