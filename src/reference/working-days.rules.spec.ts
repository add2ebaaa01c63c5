import { addDays, calendarDay, isCalendarDate, nthWorkingDayAfter, startOfDay } from './working-days';

describe('working days: what is refused', () => {
  it('a calendar date is a real day written YYYY-MM-DD and nothing around it', () => {
    for (const bad of ['2025-02-30', '2025-13-01', '2025-00-10', '0099-01-01', 'x2025-01-01', '2025-01-01x']) {
      expect(isCalendarDate(bad)).toBe(false);
    }
    expect(isCalendarDate({ toString: () => '2025-01-01' })).toBe(false);
    expect(isCalendarDate(20250101)).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
  });

  it('date arithmetic refuses a date that is not one, naming it', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(new RangeError('"2025-02-30" is not a calendar date YYYY-MM-DD'));
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
  });

  it('refuses an unknown time zone', () => {
    expect(() => calendarDay(new Date('2025-03-01T00:00:00Z'), 'Mars/Olympus')).toThrow(
      'in the time zone "Mars/Olympus"',
    );
    expect(() => startOfDay('2025-03-01', 'Mars/Olympus')).toThrow(
      new RangeError('"Mars/Olympus" is not an IANA time zone'),
    );
    expect(startOfDay('2025-03-01', 'Asia/Shanghai').toISOString()).toBe('2025-02-28T16:00:00.000Z');
  });

  it('gives up on a calendar without working days after 20 × 366 days, and counts them exactly', () => {
    const none = { get: () => false } as unknown as ReadonlyMap<string, boolean>;
    expect(() => nthWorkingDayAfter('2025-01-01', 1, none)).toThrow(
      new RangeError('no 1 working days within 7320 days of 2025-01-01'),
    );
    // A single working day exactly 7320 days on is still found; one day later is not.
    const at = (day: string) => ({ get: (d: string) => d === day }) as unknown as ReadonlyMap<string, boolean>;
    expect(nthWorkingDayAfter('2025-01-01', 1, at(addDays('2025-01-01', 7320)))).toBe(addDays('2025-01-01', 7320));
    expect(() => nthWorkingDayAfter('2025-01-01', 1, at(addDays('2025-01-01', 7321)))).toThrow('no 1 working days');
  });

  it('names the allowed range of a time limit', () => {
    expect(() => nthWorkingDayAfter('2025-01-01', 0, new Map())).toThrow(
      new RangeError('a time limit is a whole number of working days from 1 to 365, got 0'),
    );
  });
});
