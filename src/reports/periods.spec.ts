import { DateTime } from 'luxon';
import { explicitPeriod, parseInstant, parsePeriod, Period, PeriodError, ratePercent } from './periods';

const ZONE = 'Asia/Shanghai';

/** An instant written with its offset. */
function at(iso: string): DateTime {
  const value = DateTime.fromISO(iso, { setZone: true });
  if (!value.isValid) throw new Error(`bad test instant ${iso}`);
  return value;
}

/** Half-open: from <= t < to. */
function contains(period: Period, iso: string): boolean {
  const t = at(iso).toMillis();
  return period.from.toMillis() <= t && t < period.to.toMillis();
}

function periodErrorOf(fn: () => unknown): PeriodError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PeriodError) return error;
    throw error;
  }
  throw new Error('expected a PeriodError, but nothing was thrown');
}

describe('parsePeriod: quarters', () => {
  it('2025-Q1 runs from 1 January to 1 April, midnight Beijing time', () => {
    const q1 = parsePeriod('2025-Q1', ZONE);
    expect(q1.label).toBe('2025-Q1');
    expect(q1.timezone).toBe(ZONE);
    expect(q1.from.toISO()).toBe('2025-01-01T00:00:00.000+08:00');
    expect(q1.to.toISO()).toBe('2025-04-01T00:00:00.000+08:00');
    expect(q1.from.toUTC().toISO()).toBe('2024-12-31T16:00:00.000Z');
    expect(q1.to.toUTC().toISO()).toBe('2025-03-31T16:00:00.000Z');
  });

  it.each([
    { label: '2025-Q2', from: '2025-04-01T00:00:00.000+08:00', to: '2025-07-01T00:00:00.000+08:00' },
    { label: '2025-Q3', from: '2025-07-01T00:00:00.000+08:00', to: '2025-10-01T00:00:00.000+08:00' },
    { label: '2025-Q4', from: '2025-10-01T00:00:00.000+08:00', to: '2026-01-01T00:00:00.000+08:00' },
  ])('$label runs from $from to $to', ({ label, from, to }) => {
    const period = parsePeriod(label, ZONE);
    expect(period.from.toISO()).toBe(from);
    expect(period.to.toISO()).toBe(to);
  });

  it('a problem reported at 23:30 on 31 March (Beijing) is inside 2025-Q1', () => {
    expect(contains(parsePeriod('2025-Q1', ZONE), '2025-03-31T23:30:00+08:00')).toBe(true);
    expect(contains(parsePeriod('2025-Q2', ZONE), '2025-03-31T23:30:00+08:00')).toBe(false);
  });

  it('07:00 on 1 April Beijing time (still 31 March in UTC) is inside 2025-Q2, not Q1', () => {
    expect(at('2025-04-01T07:00:00+08:00').toUTC().toISO()).toBe('2025-03-31T23:00:00.000Z');
    expect(contains(parsePeriod('2025-Q1', ZONE), '2025-04-01T07:00:00+08:00')).toBe(false);
    expect(contains(parsePeriod('2025-Q2', ZONE), '2025-04-01T07:00:00+08:00')).toBe(true);
  });

  it('the end of a quarter is exclusive: 1 April 00:00 Beijing time belongs to Q2', () => {
    expect(contains(parsePeriod('2025-Q1', ZONE), '2025-04-01T00:00:00+08:00')).toBe(false);
    expect(contains(parsePeriod('2025-Q2', ZONE), '2025-04-01T00:00:00+08:00')).toBe(true);
    expect(contains(parsePeriod('2025-Q1', ZONE), '2025-03-31T23:59:59.999+08:00')).toBe(true);
  });

  it('the start of a quarter is inclusive: 1 January 00:00 Beijing time belongs to Q1', () => {
    expect(contains(parsePeriod('2025-Q1', ZONE), '2025-01-01T00:00:00+08:00')).toBe(true);
    expect(contains(parsePeriod('2025-Q1', ZONE), '2024-12-31T16:00:00Z')).toBe(true);
    expect(contains(parsePeriod('2025-Q1', ZONE), '2024-12-31T15:59:59Z')).toBe(false);
  });
});

describe('parsePeriod: months', () => {
  it('2025-03 runs from 1 March to 1 April, midnight Beijing time', () => {
    const march = parsePeriod('2025-03', ZONE);
    expect(march.label).toBe('2025-03');
    expect(march.from.toISO()).toBe('2025-03-01T00:00:00.000+08:00');
    expect(march.to.toISO()).toBe('2025-04-01T00:00:00.000+08:00');
  });

  it('February 2024 (a leap year) ends on 1 March after 29 days', () => {
    const february = parsePeriod('2024-02', ZONE);
    expect(february.to.toISO()).toBe('2024-03-01T00:00:00.000+08:00');
    expect(february.to.diff(february.from, 'days').days).toBe(29);
  });

  it('December 2025 ends at midnight on 1 January 2026', () => {
    const december = parsePeriod('2025-12', ZONE);
    expect(december.from.toISO()).toBe('2025-12-01T00:00:00.000+08:00');
    expect(december.to.toISO()).toBe('2026-01-01T00:00:00.000+08:00');
  });

  it('07:00 on 1 April Beijing time is in April, not in March', () => {
    expect(contains(parsePeriod('2025-03', ZONE), '2025-04-01T07:00:00+08:00')).toBe(false);
    expect(contains(parsePeriod('2025-04', ZONE), '2025-04-01T07:00:00+08:00')).toBe(true);
  });
});

describe('parsePeriod: ISO weeks', () => {
  it('2025-W14 runs from Monday 31 March 00:00 to Monday 7 April 00:00, Beijing time', () => {
    const week = parsePeriod('2025-W14', ZONE);
    expect(week.label).toBe('2025-W14');
    expect(week.from.toISO()).toBe('2025-03-31T00:00:00.000+08:00');
    expect(week.to.toISO()).toBe('2025-04-07T00:00:00.000+08:00');
    expect(week.from.weekday).toBe(1);
    expect(week.to.weekday).toBe(1);
  });

  it('2025-W14 contains Sunday 6 April 23:59 but not Monday 7 April 00:00', () => {
    const week = parsePeriod('2025-W14', ZONE);
    expect(contains(week, '2025-04-06T23:59:59+08:00')).toBe(true);
    expect(contains(week, '2025-04-07T00:00:00+08:00')).toBe(false);
    expect(contains(week, '2025-03-30T23:59:59+08:00')).toBe(false);
  });

  it('2026-W01 begins on Monday 29 December 2025, because 2026 starts on a Thursday', () => {
    expect(DateTime.fromISO('2026-01-01', { zone: ZONE }).weekday).toBe(4);
    const week = parsePeriod('2026-W01', ZONE);
    expect(week.from.toISO()).toBe('2025-12-29T00:00:00.000+08:00');
    expect(week.to.toISO()).toBe('2026-01-05T00:00:00.000+08:00');
  });

  it('2025-W01 begins on Monday 30 December 2024', () => {
    const week = parsePeriod('2025-W01', ZONE);
    expect(week.from.toISO()).toBe('2024-12-30T00:00:00.000+08:00');
    expect(week.to.toISO()).toBe('2025-01-06T00:00:00.000+08:00');
  });

  it('2020-W53 exists and runs from Monday 28 December 2020 to Monday 4 January 2021', () => {
    const week = parsePeriod('2020-W53', ZONE);
    expect(week.from.toISO()).toBe('2020-12-28T00:00:00.000+08:00');
    expect(week.to.toISO()).toBe('2021-01-04T00:00:00.000+08:00');
  });

  it('2025-W53 does not exist: 2025 has 52 ISO weeks', () => {
    const error = periodErrorOf(() => parsePeriod('2025-W53', ZONE));
    expect(error.field).toBe('period');
    expect(error.message).toBe('2025-W53 does not exist: 2025 has 52 ISO weeks');
  });

  it('week 00 does not exist', () => {
    const error = periodErrorOf(() => parsePeriod('2025-W00', ZONE));
    expect(error.field).toBe('period');
    expect(error.message).toContain('2025-W00 does not exist');
  });
});

describe('parsePeriod: years', () => {
  it('2025 runs from 1 January 2025 to 1 January 2026, midnight Beijing time', () => {
    const year = parsePeriod('2025', ZONE);
    expect(year.label).toBe('2025');
    expect(year.from.toISO()).toBe('2025-01-01T00:00:00.000+08:00');
    expect(year.to.toISO()).toBe('2026-01-01T00:00:00.000+08:00');
  });

  it('Monday 29 December 2025 is in the year 2025 even though it is in ISO week 2026-W01', () => {
    expect(contains(parsePeriod('2025', ZONE), '2025-12-29T10:00:00+08:00')).toBe(true);
    expect(contains(parsePeriod('2026', ZONE), '2025-12-29T10:00:00+08:00')).toBe(false);
  });

  it('rejects a year outside 2000–2099', () => {
    expect(periodErrorOf(() => parsePeriod('1999', ZONE)).field).toBe('period');
    expect(periodErrorOf(() => parsePeriod('2100-Q1', ZONE)).message).toBe('the year must be from 2000 to 2099');
  });
});

describe('parsePeriod: malformed periods', () => {
  it.each([
    { text: '2025-Q5' },
    { text: '2025-Q0' },
    { text: '2025-13' },
    { text: '2025-00' },
    { text: 'Q1-2025' },
    { text: '' },
    { text: '2025-W1' },
    { text: '2025-3' },
    { text: ' 2025-Q1' },
    { text: '2025q1' },
  ])('rejects "$text" with a PeriodError on the field "period"', ({ text }) => {
    const error = periodErrorOf(() => parsePeriod(text, ZONE));
    expect(error).toBeInstanceOf(PeriodError);
    expect(error.field).toBe('period');
  });

  it('the error for a malformed period shows the accepted forms', () => {
    expect(periodErrorOf(() => parsePeriod('Q1-2025', ZONE)).message).toBe(
      'expected a quarter (2025-Q1), a month (2025-03), an ISO week (2025-W14) or a year (2025)',
    );
  });
});

describe('parseInstant', () => {
  it('reads a date as its midnight in the report zone', () => {
    const value = parseInstant('2025-03-01', ZONE, 'asOf');
    expect(value.toISO()).toBe('2025-03-01T00:00:00.000+08:00');
    expect(value.toUTC().toISO()).toBe('2025-02-28T16:00:00.000Z');
  });

  it('reads a timestamp with a +08:00 offset', () => {
    expect(parseInstant('2025-03-31T23:30:00+08:00', ZONE, 'asOf').toUTC().toISO()).toBe('2025-03-31T15:30:00.000Z');
  });

  it('reads a UTC timestamp and shows it in the report zone', () => {
    const value = parseInstant('2025-03-31T23:00:00Z', ZONE, 'asOf');
    expect(value.toISO()).toBe('2025-04-01T07:00:00.000+08:00');
    expect(value.zoneName).toBe(ZONE);
  });

  it('rejects a timestamp without an offset, naming the field', () => {
    const error = periodErrorOf(() => parseInstant('2025-03-31T23:30:00', ZONE, 'asOf'));
    expect(error.field).toBe('asOf');
    expect(error.message).toContain('asOf must be a date (2025-03-01) or a timestamp with an offset');
  });

  it.each([
    { text: '2025-02-30' },
    { text: 'yesterday' },
    { text: '' },
    { text: '1999-12-31' },
    { text: '2025-13-01T00:00:00Z' },
  ])('rejects "$text"', ({ text }) => {
    expect(periodErrorOf(() => parseInstant(text, ZONE, 'from')).field).toBe('from');
  });
});

describe('explicitPeriod', () => {
  it('from=2025-01-01&to=2025-04-01 is exactly the first quarter', () => {
    const period = explicitPeriod('2025-01-01', '2025-04-01', ZONE);
    const q1 = parsePeriod('2025-Q1', ZONE);
    expect(period.label).toBe('2025-01-01/2025-04-01');
    expect(period.timezone).toBe(ZONE);
    expect(period.from.toMillis()).toBe(q1.from.toMillis());
    expect(period.to.toMillis()).toBe(q1.to.toMillis());
  });

  it('accepts timestamps with offsets and converts them to the report zone', () => {
    const period = explicitPeriod('2025-03-31T16:00:00Z', '2025-04-07T00:00:00+08:00', ZONE);
    expect(period.from.toISO()).toBe('2025-04-01T00:00:00.000+08:00');
    expect(period.to.toISO()).toBe('2025-04-07T00:00:00.000+08:00');
    expect(period.label).toBe('2025-03-31T16:00:00Z/2025-04-07T00:00:00+08:00');
  });

  it('rejects to before from, naming the field "to"', () => {
    const error = periodErrorOf(() => explicitPeriod('2025-04-01', '2025-01-01', ZONE));
    expect(error.field).toBe('to');
    expect(error.message).toBe('to must be after from');
  });

  it('rejects an empty range, even when the same instant is written with different offsets', () => {
    expect(periodErrorOf(() => explicitPeriod('2025-04-01', '2025-04-01', ZONE)).field).toBe('to');
    expect(periodErrorOf(() => explicitPeriod('2025-04-01', '2025-03-31T16:00:00Z', ZONE)).field).toBe('to');
  });

  it('names the field that is malformed', () => {
    expect(periodErrorOf(() => explicitPeriod('2025-01-01T00:00:00', '2025-04-01', ZONE)).field).toBe('from');
    expect(periodErrorOf(() => explicitPeriod('2025-01-01', 'April', ZONE)).field).toBe('to');
  });
});

describe('ratePercent', () => {
  it('is null, never NaN, when nothing was recorded', () => {
    expect(ratePercent(0, 0)).toBeNull();
  });

  it.each([
    { resolved: 116, recorded: 127, rate: 91.3 }, // 91.338… (the published Q1 2025 figure)
    { resolved: 1, recorded: 8, rate: 12.5 }, // exact
    { resolved: 1, recorded: 16, rate: 6.3 }, // 6.25 → half-up
    { resolved: 1, recorded: 3, rate: 33.3 }, // 33.333…
    { resolved: 2, recorded: 3, rate: 66.7 }, // 66.666…
    { resolved: 5, recorded: 5, rate: 100 },
    { resolved: 0, recorded: 7, rate: 0 },
    { resolved: 1, recorded: 40, rate: 2.5 }, // exact
    { resolved: 1, recorded: 80, rate: 1.3 }, // 1.25 → half-up
    { resolved: 3, recorded: 80, rate: 3.8 }, // 3.75 → half-up
    { resolved: 7, recorded: 80, rate: 8.8 }, // 8.75 → half-up
    { resolved: 1, recorded: 6, rate: 16.7 }, // 16.666…
    { resolved: 126, recorded: 127, rate: 99.2 }, // 99.212…
  ])('$resolved of $recorded resolved is $rate %', ({ resolved, recorded, rate }) => {
    const value = ratePercent(resolved, recorded);
    expect(value).toBe(rate);
    expect(Number.isNaN(value)).toBe(false);
  });
});
