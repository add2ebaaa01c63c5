import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError, ErrorCode } from '../common/domain-error';

/** Parses `If-Match: "3"` (a weak `W/"3"` or a bare `3` is accepted too) into the version number. */
export function parseIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new DomainError(
      ErrorCode.VersionRequired,
      'send If-Match with the version you last read (the ETag of the GET that read it)',
    );
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw DomainError.invalidField('If-Match', 'must be the ETag last read, e.g. "3"');
  return Number(match[1]);
}

export const IfMatchVersion = createParamDecorator((_: unknown, context: ExecutionContext): number =>
  parseIfMatch(context.switchToHttp().getRequest<Request>().headers['if-match']),
);
