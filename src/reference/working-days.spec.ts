import {
  addDays,
  calendarDay,
  dueAfterWorkingDays,
  isCalendarDate,
  isWorkingDay,
  nthWorkingDayAfter,
  startOfDay,
  workingDaysBetween,
} from './working-days';

const ZONE = 'Asia/Shanghai';

/**
 * Spring Festival 2025, written out by hand (State Council notice 国办发明电〔2024〕12号): off from
 * Tuesday 28 January (除夕) to Tuesday 4 February, of which the weekdays are 28, 29, 30, 31 Jan and
 * 3, 4 Feb; make-up working days Sunday 26 January and Saturday 8 February.
 */
const SPRING_FESTIVAL_2025: ReadonlyMap<string, boolean> = new Map([
  ['2025-01-01', false], // 元旦, a Wednesday
  ['2025-01-26', true], // Sunday, 春节调休上班
  ['2025-01-28', false],
  ['2025-01-29', false],
  ['2025-01-30', false],
  ['2025-01-31', false],
  ['2025-02-03', false],
  ['2025-02-04', false],
  ['2025-02-08', true], // Saturday, 春节调休上班
]);
const NONE: ReadonlyMap<string, boolean> = new Map();

const at = (iso: string) => new Date(iso);
const due = (start: string, days: number, exceptions = SPRING_FESTIVAL_2025) =>
  dueAfterWorkingDays(at(start), days, ZONE, exceptions).toISOString();
const between = (a: string, b: string, exceptions = SPRING_FESTIVAL_2025) =>
  workingDaysBetween(at(a), at(b), ZONE, exceptions);

describe('isWorkingDay', () => {
  it('takes Monday to Friday as working days when there is no exception', () => {
    expect(isWorkingDay('2025-03-03', NONE)).toBe(true); // Monday
    expect(isWorkingDay('2025-03-07', NONE)).toBe(true); // Friday
    expect(isWorkingDay('2025-03-08', NONE)).toBe(false); // Saturday
    expect(isWorkingDay('2025-03-09', NONE)).toBe(false); // Sunday
  });

  it('lets an exception win over the day of the week', () => {
    expect(isWorkingDay('2025-01-28', SPRING_FESTIVAL_2025)).toBe(false); // Tuesday, 除夕
    expect(isWorkingDay('2025-01-26', SPRING_FESTIVAL_2025)).toBe(true); // Sunday, make-up day
    expect(isWorkingDay('2025-02-08', SPRING_FESTIVAL_2025)).toBe(true); // Saturday, make-up day
    expect(isWorkingDay('2025-02-01', SPRING_FESTIVAL_2025)).toBe(false); // Saturday inside the holiday
    expect(isWorkingDay('2025-02-05', SPRING_FESTIVAL_2025)).toBe(true); // Wednesday, back to work
  });

  it('refuses what is not a real date', () => {
    expect(() => isWorkingDay('2025-02-30', NONE)).toThrow(RangeError);
    expect(() => isWorkingDay('2025-2-3', NONE)).toThrow(RangeError);
    expect(() => isWorkingDay('20250203', NONE)).toThrow(RangeError);
  });
});

describe('isCalendarDate and date helpers', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true); // leap year
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-02-30')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-W05-1')).toBe(false); // ISO week date: valid ISO, not our format
    expect(isCalendarDate('2025-01-28T00:00:00Z')).toBe(false);
    expect(isCalendarDate(20250128)).toBe(false);
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('gives the midnight of a date in the zone', () => {
    // Beijing is UTC+8 all year: midnight 2025-02-06 there is 16:00 UTC the day before.
    expect(startOfDay('2025-02-06', ZONE).toISOString()).toBe('2025-02-05T16:00:00.000Z');
    expect(startOfDay('2025-02-06', 'UTC').toISOString()).toBe('2025-02-06T00:00:00.000Z');
  });
});

describe('dueAfterWorkingDays', () => {
  it('spans the 2025 Spring Festival, counting the make-up Sunday 26 January', () => {
    // Assigned Friday 2025-01-24 (10:00 Beijing), 3 working days, counted from Saturday 25th:
    //   Sat 25 Jan  weekend                 —
    //   Sun 26 Jan  make-up working day     1
    //   Mon 27 Jan  weekday                 2
    //   Tue 28 Jan … Tue 4 Feb  Spring Festival (Sat 1, Sun 2 Feb are weekend anyway)  —
    //   Wed  5 Feb  weekday                 3
    // Due at the end of Wednesday 5 February = Thursday 6 Feb 00:00 +08:00 = 5 Feb 16:00 UTC.
    expect(due('2025-01-24T10:00:00+08:00', 3)).toBe('2025-02-05T16:00:00.000Z');
    // Without the calendar it would have been Mon 27, Tue 28, Wed 29: end of Wed 29 January.
    expect(due('2025-01-24T10:00:00+08:00', 3, NONE)).toBe('2025-01-29T16:00:00.000Z');
  });

  it('counts the make-up Saturday 8 February', () => {
    // Assigned Wednesday 2025-02-05, 3 working days: Thu 6 (1), Fri 7 (2), Sat 8 make-up day (3).
    // Due at the end of Saturday 8 February = 8 Feb 16:00 UTC (not Monday 10th, as without 调休).
    expect(due('2025-02-05T09:00:00+08:00', 3)).toBe('2025-02-08T16:00:00.000Z');
    expect(due('2025-02-05T09:00:00+08:00', 3, NONE)).toBe('2025-02-10T16:00:00.000Z');
  });

  it('runs through the whole holiday and both kinds of exception', () => {
    // Assigned Monday 2025-01-27, 5 working days: Tue 28 Jan … Tue 4 Feb off; Wed 5 (1), Thu 6 (2),
    // Fri 7 (3), Sat 8 make-up (4), Sun 9 off, Mon 10 (5). End of Monday 10 February = 10 Feb 16:00 UTC.
    expect(due('2025-01-27T15:00:00+08:00', 5)).toBe('2025-02-10T16:00:00.000Z');
    // Assigned Thursday 2025-01-23, 10 working days: Fri 24 (1), Sun 26 (2), Mon 27 (3), Wed 5 Feb
    // (4), Thu 6 (5), Fri 7 (6), Sat 8 (7), Mon 10 (8), Tue 11 (9), Wed 12 (10): end of 12 February.
    expect(due('2025-01-23T11:00:00+08:00', 10)).toBe('2025-02-12T16:00:00.000Z');
  });

  it('skips an ordinary weekend', () => {
    // Assigned Thursday 2025-03-13, 3 working days: Fri 14 (1), Sat 15 and Sun 16 off, Mon 17 (2),
    // Tue 18 (3). Due at the end of Tuesday 18 March = 18 Mar 16:00 UTC.
    expect(due('2025-03-13T14:00:00+08:00', 3)).toBe('2025-03-18T16:00:00.000Z');
  });

  it('gives Monday for one working day from an ordinary Friday, whatever the hour', () => {
    // Friday 2025-03-07: Sat 8 and Sun 9 off, Mon 10 (1). End of Monday 10 March = 10 Mar 16:00 UTC.
    expect(due('2025-03-07T00:00:00+08:00', 1)).toBe('2025-03-10T16:00:00.000Z');
    expect(due('2025-03-07T23:59:59+08:00', 1)).toBe('2025-03-10T16:00:00.000Z');
  });

  it('gives the make-up Sunday for one working day from Friday 24 January 2025', () => {
    // Friday 2025-01-24: Sat 25 off, Sun 26 is a make-up working day (1). End of Sunday 26 January.
    expect(due('2025-01-24T10:00:00+08:00', 1)).toBe('2025-01-26T16:00:00.000Z');
  });

  describe('time-zone boundary: the start day is the Beijing date', () => {
    it('15:30Z on 24 January is still Friday 24 January in Beijing (23:30)', () => {
      expect(calendarDay(at('2025-01-24T15:30:00Z'), ZONE)).toBe('2025-01-24');
      expect(at('2025-01-24T23:30:00+08:00').toISOString()).toBe('2025-01-24T15:30:00.000Z');
      // Counted from Sat 25: Sun 26 (1), Mon 27 (2), Wed 5 Feb (3): end of 5 February.
      expect(due('2025-01-24T15:30:00Z', 3)).toBe('2025-02-05T16:00:00.000Z');
    });

    it('16:30Z on 24 January is already Saturday 25 January in Beijing (00:30)', () => {
      expect(calendarDay(at('2025-01-24T16:30:00Z'), ZONE)).toBe('2025-01-25');
      expect(calendarDay(at('2025-01-24T16:30:00Z'), 'UTC')).toBe('2025-01-24');
      // Counted from Sun 26: Sun 26 (1), Mon 27 (2), Wed 5 Feb (3). The same deadline as from the
      // Friday, because the Saturday in between is not a working day either way.
      expect(due('2025-01-24T16:30:00Z', 3)).toBe('2025-02-05T16:00:00.000Z');
    });

    it('makes a difference when the Beijing date is a make-up working day', () => {
      // 2025-02-07T15:30Z is Friday 7 Feb 23:30 in Beijing: 1 working day is Sat 8 Feb (make-up).
      expect(due('2025-02-07T15:30:00Z', 1)).toBe('2025-02-08T16:00:00.000Z');
      // 2025-02-07T16:30Z is Saturday 8 Feb 00:30 in Beijing, the make-up day itself: counting
      // starts on Sun 9 (off), so 1 working day is Monday 10 February.
      expect(due('2025-02-07T16:30:00Z', 1)).toBe('2025-02-10T16:00:00.000Z');
      // Counted in UTC instead, 16:30Z would still be Friday 7 Feb and the deadline UTC midnight.
      expect(dueAfterWorkingDays(at('2025-02-07T16:30:00Z'), 1, 'UTC', SPRING_FESTIVAL_2025).toISOString()).toBe(
        '2025-02-09T00:00:00.000Z',
      );
    });
  });

  it('agrees with workingDaysBetween: n working days end just before the deadline', () => {
    for (const start of ['2025-01-20T08:00:00+08:00', '2025-01-24T23:30:00+08:00', '2025-02-08T12:00:00+08:00']) {
      for (let n = 1; n <= 40; n++) {
        const dueAt = dueAfterWorkingDays(at(start), n, ZONE, SPRING_FESTIVAL_2025);
        expect(workingDaysBetween(at(start), new Date(dueAt.getTime() - 1), ZONE, SPRING_FESTIVAL_2025)).toBe(n);
        // and the last day of the limit is itself a working day
        const last = nthWorkingDayAfter(calendarDay(at(start), ZONE), n, SPRING_FESTIVAL_2025);
        expect(isWorkingDay(last, SPRING_FESTIVAL_2025)).toBe(true);
        expect(startOfDay(addDays(last, 1), ZONE)).toEqual(dueAt);
      }
    }
  });

  it('accepts 1 to 365 working days and nothing else', () => {
    // 365 working days from Wednesday 2025-01-01 with no exceptions: 73 whole weeks (Thu–Wed) hold
    // exactly 365 weekdays, so the last one is Wednesday 2026-05-27 (1 Jan 2025 + 73 × 7 = 511 days).
    expect(due('2025-01-01T09:00:00+08:00', 365, NONE)).toBe('2026-05-27T16:00:00.000Z');
    for (const days of [0, -1, 366, 1.5, Number.NaN]) {
      expect(() => due('2025-01-01T09:00:00+08:00', days)).toThrow(RangeError);
    }
  });

  it('refuses an unknown time zone', () => {
    expect(() => dueAfterWorkingDays(at('2025-01-24T10:00:00+08:00'), 1, 'Mars/Olympus', NONE)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts across the Spring Festival holiday with both make-up days', () => {
    // After Fri 24 Jan up to and including Mon 10 Feb: Sun 26 (1), Mon 27 (2), [28 Jan – 4 Feb off],
    // Wed 5 (3), Thu 6 (4), Fri 7 (5), Sat 8 make-up (6), [Sun 9 off], Mon 10 (7).
    expect(between('2025-01-24T10:00:00+08:00', '2025-02-10T09:00:00+08:00')).toBe(7);
    // Plain Monday to Friday it would be 27, 28, 29, 30, 31 Jan, 3, 4, 5, 6, 7, 10 Feb: 11.
    expect(between('2025-01-24T10:00:00+08:00', '2025-02-10T09:00:00+08:00', NONE)).toBe(11);
    // Inside the holiday nothing counts: after Mon 27 up to Tue 4 Feb.
    expect(between('2025-01-27T10:00:00+08:00', '2025-02-04T18:00:00+08:00')).toBe(0);
  });

  it('is 0 when b is on the same day as a, or before it', () => {
    expect(between('2025-03-03T08:00:00+08:00', '2025-03-03T23:59:59+08:00')).toBe(0);
    expect(between('2025-03-05T08:00:00+08:00', '2025-03-03T08:00:00+08:00')).toBe(0);
  });

  it('takes both days in the zone', () => {
    // a = Fri 7 Feb 23:30 Beijing, b = Sat 8 Feb 00:30 Beijing (the make-up day): 1.
    expect(between('2025-02-07T15:30:00Z', '2025-02-07T16:30:00Z')).toBe(1);
    // In UTC both are Friday 7 February: 0.
    expect(
      workingDaysBetween(at('2025-02-07T15:30:00Z'), at('2025-02-07T16:30:00Z'), 'UTC', SPRING_FESTIVAL_2025),
    ).toBe(0);
  });
});
