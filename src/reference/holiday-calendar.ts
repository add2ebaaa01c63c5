import holidayData from 'chinese-days/dist/chinese-days.json';

/**
 * The State Council's holiday schedules (国务院办公厅关于部分节假日安排的通知) as the `chinese-days`
 * package keeps them, turned into the rows of `calendar_days`: only the exceptions to Monday–Friday,
 * that is the holidays that fall on a weekday and the weekend days moved into work (调休).
 *
 * The package is maintained: when a new year's notice is published, upgrading it and adding a
 * migration that calls `insertMissingDays` for it brings that year in.
 */
export interface CalendarException {
  /** 'YYYY-MM-DD' */
  date: string;
  working: boolean;
  name: string;
}

/** The package writes each day as "English name,中文名,days", e.g. "National Day,国庆节,3". */
type PackageDays = Record<string, string>;

interface HolidayPackage {
  holidays: PackageDays;
  workdays: PackageDays;
}

const MAKE_UP_SUFFIX = '调休上班';

/** The package shortens three names; the notices (and the rows seeded before it) write them in full. */
const NOTICE_NAMES: Readonly<Record<string, string>> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function chineseName(entry: string): string {
  const name = entry.split(',')[1]?.trim();
  if (!name) throw new Error(`chinese-days: cannot read a Chinese name from "${entry}"`);
  return NOTICE_NAMES[name] ?? name;
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The exceptions of the given package data, by date. Exported for tests; use `holidayCalendar()`. */
export function exceptionsFrom(data: HolidayPackage): CalendarException[] {
  const offDays = Object.entries(data.holidays)
    .filter(([date]) => !isWeekend(date))
    .map(([date, entry]) => ({ date, working: false, name: chineseName(entry) }));
  const makeUpDays = Object.entries(data.workdays)
    .filter(([date]) => isWeekend(date))
    .map(([date, entry]) => ({ date, working: true, name: chineseName(entry) + MAKE_UP_SUFFIX }));
  return [...offDays, ...makeUpDays].sort((a, b) => a.date.localeCompare(b.date));
}

/** Every exception the installed package knows, by date. */
export function holidayCalendar(): CalendarException[] {
  return exceptionsFrom(holidayData);
}

/** The years the installed package covers, first and last. */
export function holidayCalendarYears(): { first: number; last: number } {
  const years = Object.keys(holidayData.holidays).map((date) => Number(date.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
}
