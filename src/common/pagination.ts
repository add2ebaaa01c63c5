import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from './domain-error';
import { isUuid } from './ids';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'opaque; the nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Cursors carry the sort key of the last row as PostgreSQL printed it (timestamps keep their
 * microseconds that way) plus its id, so the next page starts strictly after it.
 */
export function encodeCursor(values: string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Checks for the values a cursor may carry, one per position. */
export const cursorValue = {
  text: (value: unknown) => typeof value === 'string' && value.length <= 400,
  uuid: (value: unknown) => isUuid(value),
  numeric: (value: unknown) => typeof value === 'string' && /^-?\d{1,15}(\.\d{1,12})?$/.test(value),
  /** A timestamp as PostgreSQL prints it (`2025-03-01 09:00:00.123456+08`), or ±infinity for a missing date. */
  timestamptz: (value: unknown) => {
    if (typeof value !== 'string') return false;
    if (/^-?infinity$/.test(value)) return true;
    const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)([+-]\d{2})(:\d{2})?$/.exec(value);
    return match !== null && !Number.isNaN(Date.parse(`${match[1]}T${match[2]}${match[3]}${match[4] ?? ':00'}`));
  },
};

export function decodeCursor(cursor: string, checks: ((value: unknown) => boolean)[]): string[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === checks.length && values.every((v, i) => checks[i]!(v))) {
      return values as string[];
    }
  } catch {
    // fall through
  }
  throw DomainError.invalidField('cursor', 'not a cursor this list handed out');
}

/** Rows fetched with limit + 1: the extra row only says whether another page exists. */
export function toPage<R, T>(rows: R[], limit: number, toItem: (row: R) => T, cursorOf: (row: R) => string[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}
