import { DateTime } from 'luxon';
import { formatInstant, isEndOfDay, sheetDeadline, sheetInstant } from './spreadsheet-text';

/**
 * The dates of the files the service writes take a quick way for the instants it writes itself
 * (an offset kept per hour of UTC); they must say exactly what luxon's zone conversion says.
 */
describe('spreadsheet dates in a time zone', () => {
  const ZONES = [
    'Asia/Shanghai',
    'UTC',
    'America/New_York',
    'Europe/London',
    // Summer time of half an hour, and an offset of 5 h 45 min.
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
  ];

  /** What luxon says, as the files said before the quick way. */
  function reference(iso: string, zone: string) {
    const value = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
    const midnight = value.hour === 0 && value.minute === 0 && value.second === 0 && value.millisecond === 0;
    const shown = midnight ? value.minus({ days: 1 }) : value;
    return {
      text: value.toFormat('yyyy-MM-dd HH:mm'),
      endOfDay: midnight,
      sheet: Date.UTC(shown.year, shown.month - 1, shown.day, midnight ? 0 : shown.hour, midnight ? 0 : shown.minute),
      deadline: midnight ? `${shown.toFormat('yyyy-MM-dd')} 当日24时前` : value.toFormat('yyyy-MM-dd HH:mm'),
    };
  }

  /** Every instant on a grid around each zone's changes of offset in 2025 and 2026, plus random ones. */
  function instants(): string[] {
    const out: string[] = [];
    for (let ms = Date.UTC(2025, 2, 1); ms < Date.UTC(2025, 3, 10); ms += 15 * 60_000)
      out.push(new Date(ms).toISOString());
    for (let ms = Date.UTC(2025, 8, 25); ms < Date.UTC(2025, 10, 10); ms += 15 * 60_000)
      out.push(new Date(ms).toISOString());
    let seed = 7;
    for (let i = 0; i < 2_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      out.push(new Date(Date.UTC(2000, 0, 1) + (seed / 2 ** 31) * 40 * 365 * 86_400_000).toISOString());
    }
    return out;
  }

  it('gives what luxon gives, in zones with and without summer time', () => {
    const all = instants();
    const differences: string[] = [];
    let endsOfDay = 0;
    for (const zone of ZONES) {
      for (const iso of all) {
        const expected = reference(iso, zone);
        const actual = {
          text: formatInstant(iso, zone),
          endOfDay: isEndOfDay(iso, zone),
          sheet: sheetDeadline(iso, zone, 'zh')!.value.getTime(),
          deadline: sheetDeadline(iso, zone, 'zh')!.text,
        };
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          differences.push(`${iso} ${zone}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
        }
        if (expected.endOfDay) endsOfDay++;
      }
    }
    expect(differences).toEqual([]);
    // The grid holds midnights of every zone.
    expect(endsOfDay).toBeGreaterThan(100);
  });

  it('reads other ISO forms as luxon does, and leaves what is not an instant', () => {
    expect(formatInstant('2026-12-15T00:00:00+08:00', 'Asia/Shanghai')).toBe('2026-12-15 00:00');
    expect(formatInstant('2026-12-15T09:30Z', 'Asia/Shanghai')).toBe('2026-12-15 17:30');
    // A midnight deadline written with an offset: the day before, as a date the sheet can hold.
    expect(sheetDeadline('2027-01-01T00:00:00+08:00', 'Asia/Shanghai', 'zh')).toEqual({
      value: new Date(Date.UTC(2026, 11, 31)),
      numFmt: 'yyyy-mm-dd "当日24时前"',
      text: '2026-12-31 当日24时前',
    });
    // Date.parse would roll these over into March and the next day.
    expect(formatInstant('2025-02-30T00:00:00.000Z', 'UTC')).toBe('2025-02-30T00:00:00.000Z');
    expect(sheetInstant('2025-02-30T00:00:00.000Z', 'UTC')).toBeNull();
    expect(isEndOfDay('soon', 'UTC')).toBe(false);
  });
});
