import { DateTime } from 'luxon';
import { assertUnreachable, DomainError } from '../common/domain-error';

/** A half-open interval [from, to) of report time. */
export interface Period {
  label: string;
  from: DateTime;
  to: DateTime;
  timezone: string;
}

export class PeriodError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs `read`, which parses periods or instants a client sent, and answers a PeriodError as the
 * field error a client sees: on its own field, or on `field` when the caller names the parameter.
 */
export function readPeriod<T>(read: () => T, field?: string): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof PeriodError ? DomainError.invalidField(field ?? error.field, error.message) : error;
  }
}

const PATTERNS: { pattern: RegExp; build: (m: RegExpExecArray, zone: string) => [DateTime, DateTime] }[] = [
  {
    pattern: /^(\d{4})-Q([1-4])$/,
    build: (m, zone) => {
      const from = DateTime.fromObject({ year: +m[1]!, month: (+m[2]! - 1) * 3 + 1, day: 1 }, { zone });
      return [from, from.plus({ months: 3 })];
    },
  },
  {
    pattern: /^(\d{4})-(0[1-9]|1[0-2])$/,
    build: (m, zone) => {
      const from = DateTime.fromObject({ year: +m[1]!, month: +m[2]!, day: 1 }, { zone });
      return [from, from.plus({ months: 1 })];
    },
  },
  {
    pattern: /^(\d{4})-W(\d{2})$/,
    build: (m, zone) => {
      const from = DateTime.fromObject({ weekYear: +m[1]!, weekNumber: +m[2]!, weekday: 1 }, { zone });
      if (!from.isValid || from.weekYear !== +m[1]! || from.weekNumber !== +m[2]!) {
        throw new PeriodError('period', `${m[0]} does not exist: ${m[1]} has ${weeksInYear(+m[1]!, zone)} ISO weeks`);
      }
      return [from, from.plus({ weeks: 1 })];
    },
  },
  {
    pattern: /^(\d{4})$/,
    build: (m, zone) => {
      const from = DateTime.fromObject({ year: +m[1]!, month: 1, day: 1 }, { zone });
      return [from, from.plus({ years: 1 })];
    },
  },
];

function weeksInYear(year: number, zone: string): number {
  return DateTime.fromObject({ year, month: 12, day: 28 }, { zone }).weekNumber;
}

/** `2025-Q1`, `2025-03`, `2025-W14` (Monday 00:00 to Monday 00:00) or `2025`, in `zone`. */
export function parsePeriod(text: string, zone: string): Period {
  for (const { pattern, build } of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const year = Number(match[1]);
    if (year < 2000 || year > 2099) throw new PeriodError('period', 'the year must be from 2000 to 2099');
    const [from, to] = build(match, zone);
    return { label: text, from, to, timezone: zone };
  }
  throw new PeriodError(
    'period',
    'expected a quarter (2025-Q1), a month (2025-03), an ISO week (2025-W14) or a year (2025)',
  );
}

export const GRANULARITIES = ['quarter', 'month', 'week'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The period of this granularity that contains `at`. */
export function periodContaining(granularity: Granularity, at: DateTime): Period {
  const zone = at.zoneName!;
  switch (granularity) {
    case 'quarter':
      return parsePeriod(`${at.year}-Q${at.quarter}`, zone);
    case 'month':
      return parsePeriod(at.toFormat('yyyy-MM'), zone);
    case 'week':
      return parsePeriod(at.toFormat("kkkk-'W'WW"), zone);
    default:
      return assertUnreachable(granularity);
  }
}

/** `count` consecutive periods of one granularity, the last one being `last`. */
export function periodsEndingWith(granularity: Granularity, last: Period, count: number): Period[] {
  const periods = [last];
  while (periods.length < count) periods.unshift(periodContaining(granularity, periods[0]!.from.minus({ days: 1 })));
  return periods;
}

/** An instant with offset, or a date (`2025-03-01`) meaning its midnight in `zone`. */
export function parseInstant(text: string, zone: string, field: string): DateTime {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? DateTime.fromISO(text, { zone })
    : /(Z|[+-]\d{2}:\d{2})$/.test(text)
      ? DateTime.fromISO(text, { setZone: true }).setZone(zone)
      : DateTime.invalid('no offset');
  if (!value.isValid || value.year < 2000 || value.year > 2099) {
    throw new PeriodError(
      field,
      `${field} must be a date (2025-03-01) or a timestamp with an offset (2025-03-01T00:00:00+08:00)`,
    );
  }
  return value;
}

/** An explicit range; `to` is exclusive, so `from=2025-01-01&to=2025-04-01` is the first quarter. */
export function explicitPeriod(fromText: string, toText: string, zone: string): Period {
  const from = parseInstant(fromText, zone, 'from');
  const to = parseInstant(toText, zone, 'to');
  if (to <= from) throw new PeriodError('to', 'to must be after from');
  return { label: `${fromText}/${toText}`, from, to, timezone: zone };
}

/**
 * 100 × part / whole rounded half-up to one decimal (116/127 → 91.3), in integer arithmetic so
 * that no binary fraction tips a .x5 case; null when whole is 0.
 */
export function ratePercent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.floor((2000 * part + whole) / (2 * whole)) / 10;
}
