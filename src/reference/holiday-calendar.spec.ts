import { exceptionsFrom, holidayCalendar } from './holiday-calendar';

describe('exceptionsFrom', () => {
  it('keeps weekday holidays and weekend make-up days, with the names of the notices', () => {
    const days = exceptionsFrom({
      holidays: {
        '2023-09-29': 'Mid-autumn Festival,中秋,1', // Friday
        '2023-09-30': 'National Day,国庆节,3', // Saturday: off anyway, not an exception
        '2023-10-02': 'National Day,国庆节,3', // Monday
        '2023-04-05': 'Tomb-sweeping Day,清明,1', // Wednesday
        '2023-06-22': 'Dragon Boat Festival,端午,1', // Thursday
      },
      workdays: {
        '2023-10-07': 'National Day,国庆节,3', // Saturday
        '2023-06-25': 'Dragon Boat Festival,端午,1', // Sunday
        '2023-06-26': 'Dragon Boat Festival,端午,1', // Monday: a working day anyway, not an exception
      },
    });
    expect(days).toEqual([
      { date: '2023-04-05', working: false, name: '清明节' },
      { date: '2023-06-22', working: false, name: '端午节' },
      { date: '2023-06-25', working: true, name: '端午节调休上班' },
      { date: '2023-09-29', working: false, name: '中秋节' },
      { date: '2023-10-02', working: false, name: '国庆节' },
      { date: '2023-10-07', working: true, name: '国庆节调休上班' },
    ]);
  });

  it('refuses an entry without a Chinese name', () => {
    expect(() => exceptionsFrom({ holidays: { '2023-10-02': 'National Day' }, workdays: {} })).toThrow(/National Day/);
  });
});

describe('holidayCalendar', () => {
  it('gives the 2026 National Day holiday as the notice has it', () => {
    // Off Thu 1 to Wed 7 Oct (weekdays 1, 2, 5, 6, 7); at work Sun 20 Sep and Sat 10 Oct.
    const days = holidayCalendar().filter((d) => d.date >= '2026-09-20' && d.date <= '2026-10-10');
    expect(days).toEqual([
      { date: '2026-09-20', working: true, name: '国庆节调休上班' },
      { date: '2026-09-25', working: false, name: '中秋节' },
      { date: '2026-10-01', working: false, name: '国庆节' },
      { date: '2026-10-02', working: false, name: '国庆节' },
      { date: '2026-10-05', working: false, name: '国庆节' },
      { date: '2026-10-06', working: false, name: '国庆节' },
      { date: '2026-10-07', working: false, name: '国庆节' },
      { date: '2026-10-10', working: true, name: '国庆节调休上班' },
    ]);
  });
});
