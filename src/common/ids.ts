import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A path id that is not a UUID names nothing: 404, the same answer as a missing record. */
export const idParam = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound(what) });
