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
