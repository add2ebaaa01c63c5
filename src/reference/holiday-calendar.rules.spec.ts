import { exceptionsFrom, holidayCalendar, holidayCalendarYears } from './holiday-calendar';

describe('holiday calendar: reading the package data', () => {
  it('trims the Chinese name and writes the shortened ones in full', () => {
    const exceptions = exceptionsFrom({
      holidays: { '2025-04-04': 'Tomb-sweeping Day, 清明 ,1', '2025-10-01': 'National Day,国庆节,7' },
      workdays: { '2025-04-27': 'Labour Day, 劳动节 ,5' },
    });
    expect(exceptions).toEqual([
      { date: '2025-04-04', working: false, name: '清明节' },
      { date: '2025-04-27', working: true, name: '劳动节调休上班' },
      { date: '2025-10-01', working: false, name: '国庆节' },
    ]);
  });

  it('refuses an entry without a Chinese name', () => {
    expect(() => exceptionsFrom({ holidays: { '2025-10-01': 'National Day' }, workdays: {} })).toThrow(
      'chinese-days: cannot read a Chinese name from "National Day"',
    );
  });

  it('names the first and last year the installed package covers', () => {
    const years = holidayCalendar().map((e) => Number(e.date.slice(0, 4)));
    const { first, last } = holidayCalendarYears();
    expect(first).toBe(Math.min(...years));
    expect(last).toBe(Math.max(...years));
    expect(first).toBeLessThan(last);
  });
});
