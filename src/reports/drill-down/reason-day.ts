import { DateTime } from 'luxon';

/** An instant's day in the report time zone, as the reasons of the drill-downs write it; '' for none. */
export function day(at: Date | null, timezone: string): string {
  return at ? DateTime.fromJSDate(at).setZone(timezone).toFormat('yyyy-MM-dd') : '';
}
