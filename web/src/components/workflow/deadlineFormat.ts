/**
 * How a deadline reads, the one rule for every page (the service's exports follow the same rule in
 * src/common/spreadsheet-text.ts): a deadline at midnight in the report time zone is the end of
 * the day before, shown as that day and "by end of day" (`2026-12-14 当日24时前`); any other as
 * its date and time (`2026-12-14 17:30`). Pure: the language and the zone are passed in.
 */

export const END_OF_DAY_WORDS = { zh: '当日24时前', en: 'by end of day' } as const;

export type DeadlineLanguage = keyof typeof END_OF_DAY_WORDS;

const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of an instant in a zone, as numbers. */
function wallClock(instant: number, timeZone: string) {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return {
    date: `${part.year}-${part.month}-${part.day}`,
    time: `${part.hour}:${part.minute}`,
    midnight: part.hour === '00' && part.minute === '00' && part.second === '00' && instant % 1000 === 0,
  };
}

/** Whether a deadline is exactly midnight in the zone, i.e. the end of the day before. */
export function isEndOfDay(iso: string, timeZone: string): boolean {
  const instant = Date.parse(iso);
  return !Number.isNaN(instant) && wallClock(instant, timeZone).midnight;
}

/** A deadline as text; the ISO text itself if it is not an instant. */
export function formatDeadline(iso: string, lang: DeadlineLanguage, timeZone: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return iso;
  const clock = wallClock(instant, timeZone);
  if (!clock.midnight) return `${clock.date} ${clock.time}`;
  return `${wallClock(instant - 1, timeZone).date} ${END_OF_DAY_WORDS[lang]}`;
}
