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

/** The fields of a wall clock in a time zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const HOUR_MS = 3_600_000;
/** Per time zone, its offset in minutes per hour of UTC, when it is the same all through that hour. */
const offsets = new Map<string, Map<number, number | null>>();

/**
 * The offset of `timezone` during the UTC hour holding `ms`, or null when it changes within that
 * hour. Every offset change in the time zone database is more than an hour from the next, so an
 * hour with the same offset at both ends has it throughout. An export writes several dates per
 * row: luxon's zone conversion, asked for each, took most of the export's time. Kept per zone by
 * the hour's number, so that a look-up builds no key.
 */
function hourOffset(ms: number, timezone: string): number | null {
  const hour = Math.floor(ms / HOUR_MS);
  let zone = offsets.get(timezone);
  if (!zone) offsets.set(timezone, (zone = new Map()));
  let offset = zone.get(hour);
  if (offset === undefined) {
    const start = DateTime.fromMillis(hour * HOUR_MS, { zone: timezone });
    const end = DateTime.fromMillis(hour * HOUR_MS + HOUR_MS - 1, { zone: timezone });
    offset = start.isValid && start.offset === end.offset ? start.offset : null;
    if (zone.size >= 100_000) zone.clear();
    zone.set(hour, offset);
  }
  return offset;
}

/**
 * An instant's wall clock in `timezone`, or null if it is not a valid instant. Milliseconds since
 * the epoch, or an ISO instant as the service writes it (toISOString), take the quick way; any
 * other text is read by luxon, which refuses what Date.parse would roll over (a 30th of February).
 */
export function wallClockIn(instant: string | number, timezone: string): WallClock | null {
  let ms: number;
  if (typeof instant === 'string') {
    ms = Date.parse(instant);
    if (Number.isNaN(ms) || new Date(ms).toISOString() !== instant) {
      return luxonWallClock(DateTime.fromISO(instant, { setZone: true }), timezone);
    }
  } else {
    ms = instant;
    if (!Number.isFinite(ms)) return null;
  }
  const offset = hourOffset(ms, timezone);
  if (offset === null) return luxonWallClock(DateTime.fromMillis(ms), timezone);
  const local = new Date(ms + offset * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(),
  };
}

function luxonWallClock(instant: DateTime, timezone: string): WallClock | null {
  const value = instant.setZone(timezone);
  if (!value.isValid) return null;
  const { year, month, day, hour, minute, second, millisecond } = value;
  return { year, month, day, hour, minute, second, millisecond };
}

const two = (n: number) => String(n).padStart(2, '0');
const dayText = (w: WallClock) => `${String(w.year).padStart(4, '0')}-${two(w.month)}-${two(w.day)}`;
/** A wall clock as `2025-04-02 09:30`. */
export const minuteText = (w: WallClock) => `${dayText(w)} ${two(w.hour)}:${two(w.minute)}`;

/** An ISO instant as `2025-04-02 09:30` in the report time zone; the text itself if it is not a valid instant. */
export function formatInstant(iso: string, timezone: string): string {
  const value = wallClockIn(iso, timezone);
  return value ? minuteText(value) : iso;
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

function wallClock(value: WallClock): Date {
  return new Date(Date.UTC(value.year, value.month - 1, value.day, value.hour, value.minute));
}

/** An instant as a spreadsheet date and time in the report time zone; null if it is not a valid instant. */
export function sheetInstant(iso: string, timezone: string): SheetDate | null {
  const value = wallClockIn(iso, timezone);
  return value && instantDate(value);
}

/** A wall clock as a spreadsheet date and time. */
export function instantDate(value: WallClock): SheetDate {
  return { value: wallClock(value), numFmt: INSTANT_FORMAT, text: minuteText(value) };
}

const isMidnight = (w: WallClock) => w.hour === 0 && w.minute === 0 && w.second === 0 && w.millisecond === 0;

/** Whether a deadline is exactly midnight in the report time zone: the end of the day before. */
export function isEndOfDay(iso: string, timezone: string): boolean {
  const value = wallClockIn(iso, timezone);
  return value !== null && isMidnight(value);
}

/**
 * A deadline as a spreadsheet date: one at midnight is the day before, shown with the words for
 * "by end of day" (`2026-12-14 当日24时前`), as the web app shows it; any other as date and time.
 */
export function sheetDeadline(iso: string, timezone: string, lang: keyof typeof END_OF_DAY_WORDS): SheetDate | null {
  const value = wallClockIn(iso, timezone);
  return value && deadlineDate(value, lang);
}

/** A deadline's wall clock as a spreadsheet date (see sheetDeadline). */
export function deadlineDate(value: WallClock, lang: keyof typeof END_OF_DAY_WORDS): SheetDate {
  if (!isMidnight(value)) return instantDate(value);
  const before = new Date(Date.UTC(value.year, value.month - 1, value.day - 1));
  const day = { ...value, year: before.getUTCFullYear(), month: before.getUTCMonth() + 1, day: before.getUTCDate() };
  const words = END_OF_DAY_WORDS[lang];
  return { value: wallClock(day), numFmt: `yyyy-mm-dd "${words}"`, text: `${dayText(day)} ${words}` };
}
