/**
 * The report time zone: dates, deadlines and periods are shown and entered in it, whatever the
 * device's zone. The service says which one it is (GET /meta); main.tsx asks before the first render.
 */
let zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function reportTimeZone(): string {
  return zone;
}

let loaded: Promise<void> | null = null;

/** Asks the service for its report time zone (once); the device's zone stays if it cannot answer. */
export function loadReportTimeZone(): Promise<void> {
  loaded ??= askReportTimeZone();
  return loaded;
}

async function askReportTimeZone(): Promise<void> {
  try {
    const response = await fetch('/api/v1/meta', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { reportTimezone } = (await response.json()) as { reportTimezone?: unknown };
    if (typeof reportTimezone === 'string' && reportTimezone) zone = reportTimezone;
  } catch (error) {
    console.warn('the report time zone could not be read; showing times in the device zone', error);
  }
}

const MINUTE_MS = 60_000;
const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** Minutes the report zone's wall clock is ahead of UTC at an instant. */
function offsetMinutesAt(instant: number): number {
  let format = wallClocks.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    wallClocks.set(zone, format);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(format.formatToParts(instant).find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((wall - Math.floor(instant / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/**
 * The report zone's UTC offset (`+08:00`) at a wall time there (`2025-04-15T00:00`), so that
 * `${wallTime}:00${offset}` is the instant the API takes.
 */
export function offsetAt(wallTime: string): string {
  const asUtc = Date.parse(`${wallTime.slice(0, 16)}Z`);
  let minutes = offsetMinutesAt(asUtc);
  minutes = offsetMinutesAt(asUtc - minutes * MINUTE_MS);
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}
