import { DateTime } from 'luxon';

/** Text helpers shared by every file the service writes for spreadsheets (exports, the weekly report). */

/** Lets Excel open a UTF-8 CSV with Chinese text correctly. */
export const CSV_BOM = '\uFEFF';
export const CSV_LINE_END = '\r\n';
const CSV_NEEDS_QUOTES = /[",\r\n]/;
/** A cell a spreadsheet would run as a formula (OWASP adds tab and carriage return to = + - @). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180: quoted when it holds a comma, a quote or a line end; quotes doubled. */
export function quoteCsv(text: string): string {
  return CSV_NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record's fields, each quoted where RFC 4180 needs it, without the line end. */
export function csvLine(fields: readonly string[]): string {
  return fields.map(quoteCsv).join(',');
}

/** Text typed by users that a spreadsheet would run as a formula gets a leading `'`. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** An ISO instant as `2025-04-02 09:30` in the report time zone; the text itself if it is not a valid instant. */
export function formatInstant(iso: string, timezone: string): string {
  const value = DateTime.fromISO(iso, { setZone: true }).setZone(timezone);
  return value.isValid ? value.toFormat('yyyy-MM-dd HH:mm') : iso;
}

/** The words after the date of a deadline at the end of a day, in every file and on every page. */
export const END_OF_DAY_WORDS = { zh: '当日24时前', en: 'by end of day' } as const;

/**
 * A date for a spreadsheet cell: `value` carries the report-time-zone wall time in its UTC fields
 * (a spreadsheet date has no zone, and exceljs writes a Date's UTC fields), `numFmt` shows it, and
 * `text` is the same for forms that only take text (the HTML report).
 */
export interface SheetDate {
  value: Date;
  numFmt: string;
  text: string;
}

const INSTANT_FORMAT = 'yyyy-mm-dd hh:mm';

function wallClock(value: DateTime): Date {
  return new Date(Date.UTC(value.year, value.month - 1, value.day, value.hour, value.minute));
}

/** An instant as a spreadsheet date and time in the report time zone; null if it is not a valid instant. */
export function sheetInstant(iso: string, timezone: string): SheetDate | null {
  const value = DateTime.fromISO(iso, { setZone: true }).setZone(timezone);
  if (!value.isValid) return null;
  return { value: wallClock(value), numFmt: INSTANT_FORMAT, text: value.toFormat('yyyy-MM-dd HH:mm') };
}

/** Whether a deadline is exactly midnight in the report time zone: the end of the day before. */
export function isEndOfDay(iso: string, timezone: string): boolean {
  const value = DateTime.fromISO(iso, { setZone: true }).setZone(timezone);
  return value.isValid && value.hour === 0 && value.minute === 0 && value.second === 0 && value.millisecond === 0;
}

/**
 * A deadline as a spreadsheet date: one at midnight is the day before, shown with the words for
 * "by end of day" (`2026-12-14 当日24时前`), as the web app shows it; any other as date and time.
 */
export function sheetDeadline(iso: string, timezone: string, lang: keyof typeof END_OF_DAY_WORDS): SheetDate | null {
  if (!isEndOfDay(iso, timezone)) return sheetInstant(iso, timezone);
  const day = DateTime.fromISO(iso, { setZone: true }).setZone(timezone).minus({ days: 1 });
  const words = END_OF_DAY_WORDS[lang];
  return { value: wallClock(day), numFmt: `yyyy-mm-dd "${words}"`, text: `${day.toFormat('yyyy-MM-dd')} ${words}` };
}
