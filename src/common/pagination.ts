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

/**
 * A timestamp as PostgreSQL prints it (`2025-03-01 09:00:00.123456+08`), as milliseconds since
 * the epoch; undefined unless every field is in range (no 30 February, no year 0, no hour 24, an
 * offset within ±15:59), so that PostgreSQL never sees a value it would refuse with an error.
 */
function printedInstant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?([+-])(\d{2})(?::(\d{2}))?$/.exec(value);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offsetHours = Number(match[9]);
  const offsetMinutes = Number(match[10] ?? '0');
  if (year < 1000 || hour > 23 || minute > 59 || second > 59 || offsetHours > 15 || offsetMinutes > 59) {
    return undefined;
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(local);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  const offset = (match[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return local - offset + Math.floor(Number(match[7] ?? '0') * 1000);
}

/** The earliest walk instant a cursor may carry: older than the service, so never handed out. */
const EARLIEST_WALK = Date.UTC(2000, 0, 1);
/** How far ahead of this instance's clock a walk instant may be (another instance's clock). */
const WALK_CLOCK_SKEW_MS = 24 * 3600_000;

/**
 * Checks for the values a cursor may carry, one per position. Whatever passes is a value
 * PostgreSQL takes without an error; anything else is refused with 400 naming `cursor`.
 */
export const cursorValue = {
  /** Text without NUL (PostgreSQL text cannot hold it). */
  text: (value: unknown) => typeof value === 'string' && value.length <= 400 && !value.includes('\u0000'),
  uuid: (value: unknown) => isUuid(value),
  numeric: (value: unknown) => typeof value === 'string' && /^-?\d{1,15}(\.\d{1,12})?$/.test(value),
  /** A sort key: a printed timestamp, or ±infinity (the key of a missing date). */
  timestamptz: (value: unknown) => value === 'infinity' || value === '-infinity' || printedInstant(value) !== undefined,
  /**
   * The instant a walk started (the first page's `now()`): finite, not before 2000 and not later
   * than a day ahead of this clock. Days open and overdue are counted from it.
   */
  walkInstant: (value: unknown) => {
    const at = printedInstant(value);
    return at !== undefined && at >= EARLIEST_WALK && at <= Date.now() + WALK_CLOCK_SKEW_MS;
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
