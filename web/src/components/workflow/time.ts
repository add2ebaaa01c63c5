import { offsetAt, reportTimeZone } from '../../timeZone';

const DAY_MS = 24 * 60 * 60 * 1000;

/** An instant as the wall time of a `datetime-local` input (`2025-03-12T10:00`), in the report time zone. */
export function toLocalInput(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: reportTimeZone(),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.formatToParts(instant).find((p) => p.type === type)?.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** A `datetime-local` value read as report-time-zone wall time, as an ISO 8601 instant with offset. */
export function fromLocalInput(value: string): string {
  return `${value}:00${offsetAt(value)}`;
}

/** The end of a calendar day (`2025-04-15`) in the report time zone: the instant the next day begins. */
export function endOfDay(date: string): string {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return new Date(`${next}T00:00:00${offsetAt(`${next}T00:00`)}`).toISOString();
}

/** Whole calendar days from now until an instant (negative once it has passed). */
export function daysUntil(iso: string): number {
  return Math.floor((Date.parse(iso) - Date.now()) / DAY_MS);
}
