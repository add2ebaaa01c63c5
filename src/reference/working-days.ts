import { DateTime } from 'luxon';

/**
 * Working-day arithmetic (工作日), pure: no database, no clock.
 *
 * The calendar is "Monday to Friday" plus its exceptions: public holidays that fall on weekdays
 * (working = false) and the weekend days moved into work (调休, working = true), keyed by the ISO
 * date 'YYYY-MM-DD'. Days are calendar days in one IANA time zone (the report time zone).
 */
export type CalendarExceptions = ReadonlyMap<string, boolean>;

/** The most working days a time limit may span (categories.default_due_working_days agrees). */
export const MAX_DUE_WORKING_DAYS = 365;

/** A search for working days gives up after this many calendar days (a calendar with none left). */
const MAX_SCAN_DAYS = 20 * 366;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

// Dates are counted as whole days since 1970-01-01 (UTC arithmetic, no zone involved): a loop over
// a year of days stays cheap enough for a job that checks every open problem.
function epochDay(date: string): number | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  const real = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  return real ? ms / MS_PER_DAY : undefined;
}

function parseDate(date: string): number {
  const day = epochDay(date);
  if (day === undefined) throw new RangeError(`"${date}" is not a calendar date YYYY-MM-DD`);
  return day;
}

function dateOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function workingOn(day: number, exceptions: CalendarExceptions): boolean {
  const exception = exceptions.get(dateOf(day));
  if (exception !== undefined) return exception;
  const weekday = new Date(day * MS_PER_DAY).getUTCDay(); // 0 Sunday … 6 Saturday
  return weekday !== 0 && weekday !== 6;
}

/** A real calendar date written 'YYYY-MM-DD' (2025-02-28 yes; 2025-02-30, 2025-2-3, 20250203 no). */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && epochDay(value) !== undefined;
}

/** Is this date a working day? An exception wins; otherwise Monday to Friday. */
export function isWorkingDay(date: string, exceptions: CalendarExceptions): boolean {
  return workingOn(parseDate(date), exceptions);
}

/** The calendar date ('YYYY-MM-DD') that the instant falls on in the zone. */
export function calendarDay(at: Date, zone: string): string {
  const local = DateTime.fromJSDate(at, { zone });
  if (!local.isValid) throw new RangeError(`cannot place ${String(at)} in the time zone "${zone}"`);
  return local.toISODate()!;
}

/** The date `days` calendar days after (or, negative, before) the given one. */
export function addDays(date: string, days: number): string {
  return dateOf(parseDate(date) + days);
}

/** The first instant of the date in the zone (its midnight, or the first instant after a DST gap). */
export function startOfDay(date: string, zone: string): Date {
  parseDate(date);
  const local = DateTime.fromISO(date, { zone }).startOf('day');
  if (!local.isValid) throw new RangeError(`"${zone}" is not an IANA time zone`);
  return local.toJSDate();
}

/** The n-th working day after the given date (n ≥ 1). */
export function nthWorkingDayAfter(date: string, n: number, exceptions: CalendarExceptions): string {
  assertWorkingDays(n);
  let day = parseDate(date);
  for (let counted = 0, scanned = 0; counted < n;) {
    day++;
    if (++scanned > MAX_SCAN_DAYS) throw new RangeError(`no ${n} working days within ${MAX_SCAN_DAYS} days of ${date}`);
    if (workingOn(day, exceptions)) counted++;
  }
  return dateOf(day);
}

/**
 * The deadline of "n working days" from `start`: counting begins the day after start's calendar
 * day in the zone, and the deadline is the end of the n-th working day, i.e. the instant the
 * following day begins in the zone. A problem is on time when resolved before that instant.
 */
export function dueAfterWorkingDays(start: Date, days: number, zone: string, exceptions: CalendarExceptions): Date {
  const last = nthWorkingDayAfter(calendarDay(start, zone), days, exceptions);
  return startOfDay(addDays(last, 1), zone);
}

/**
 * Working days after a's calendar day up to and including b's (0 when b's day is not after a's),
 * both days taken in the zone. Instants close spans, so each day is that of the instant just
 * before (a deadline at 00:00 belongs to the day it ends). The same as the SQL function
 * working_days_between(a, b, tz).
 */
export function workingDaysBetween(a: Date, b: Date, zone: string, exceptions: CalendarExceptions): number {
  const justBefore = (at: Date) => new Date(at.getTime() - 1);
  const last = parseDate(calendarDay(justBefore(b), zone));
  let count = 0;
  for (let day = parseDate(calendarDay(justBefore(a), zone)) + 1; day <= last; day++) {
    if (workingOn(day, exceptions)) count++;
  }
  return count;
}

function assertWorkingDays(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_DUE_WORKING_DAYS) {
    throw new RangeError(`a time limit is a whole number of working days from 1 to ${MAX_DUE_WORKING_DAYS}, got ${n}`);
  }
}
