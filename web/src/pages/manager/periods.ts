import { offsetAt, reportTimeZone } from '../../timeZone';

/**
 * Calendar arithmetic for the report pages. Dates are `YYYY-MM-DD` strings of the report time
 * zone, computed in UTC so the device's own zone and its daylight saving never shift a day.
 */

const DAY_MS = 86_400_000;

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return format(new Date(parse(date).getTime() + days * DAY_MS));
}

/** Today in the report time zone. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: reportTimeZone() }).format(new Date());
}

/** Midnight at the start of `date` in the report time zone, as the API takes instants. */
export function startOfDay(date: string): string {
  return `${date}T00:00:00${offsetAt(`${date}T00:00`)}`;
}

/** An instant from the API as a date of the report time zone. */
export function reportDate(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: reportTimeZone() }).format(new Date(instant));
}

// Quarters: 2025-Q1.

export const isQuarter = (label: string | null): label is string => !!label && /^20\d{2}-Q[1-4]$/.test(label);

export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The first day of the quarter and the first day after it. */
export function quarterDays(label: string): { first: string; next: string } {
  const year = Number(label.slice(0, 4));
  const quarter = Number(label.slice(6));
  const first = new Date(Date.UTC(year, (quarter - 1) * 3, 1));
  const next = new Date(Date.UTC(year, quarter * 3, 1));
  return { first: format(first), next: format(next) };
}

export function shiftQuarter(label: string, by: number): string {
  const index = Number(label.slice(0, 4)) * 4 + Number(label.slice(6)) - 1 + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

// ISO weeks: 2025-W14, Monday to Sunday; week 1 holds the year's first Thursday.

/** A week label that exists (2026-W53 does not). */
export function isIsoWeek(label: string | null): label is string {
  return !!label && /^20\d{2}-W\d{2}$/.test(label) && isoWeekOf(isoWeekMonday(label)) === label;
}

export function isoWeekOf(date: string): string {
  const day = parse(date);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(day.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week. */
export function isoWeekMonday(label: string): string {
  const year = Number(label.slice(0, 4));
  const week = Number(label.slice(6));
  const january4 = Date.UTC(year, 0, 4);
  const firstMonday = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * DAY_MS;
  return format(new Date(firstMonday + (week - 1) * 7 * DAY_MS));
}

export function shiftWeek(label: string, by: number): string {
  return isoWeekOf(addDays(isoWeekMonday(label), by * 7));
}
