import { cursorValue, decodeCursor, encodeCursor } from './pagination';
import { DomainError } from './domain-error';

const ID = '6f9619ff-8b86-4011-b42d-00c04fc964ff';

function refusal(cursor: string, checks: ((value: unknown) => boolean)[]): unknown {
  try {
    decodeCursor(cursor, checks);
  } catch (error) {
    return error instanceof DomainError ? error.details : error;
  }
  return 'accepted';
}

describe('cursor values', () => {
  const { walkInstant, timestamptz, numeric, text } = cursorValue;

  it('takes timestamps as PostgreSQL prints them', () => {
    for (const value of ['2025-03-01 09:00:00.123456+08', '2025-03-01 09:00:00+00', '2024-02-29 23:59:59.5-05:30']) {
      expect([value, timestamptz(value), walkInstant(value)]).toEqual([value, true, true]);
    }
  });

  it('takes ±infinity as a sort key only, never as the instant of a walk', () => {
    for (const value of ['infinity', '-infinity']) {
      expect(timestamptz(value)).toBe(true);
      expect(walkInstant(value)).toBe(false);
    }
  });

  it.each([
    '2025-02-30 10:00:00+08', // no such day
    '2025-02-29 10:00:00+08', // not a leap year
    '2025-13-01 00:00:00+08',
    '2025-00-10 00:00:00+08',
    '0000-01-01 00:00:00+00', // no year 0 in PostgreSQL
    '0999-01-01 00:00:00+00',
    '2025-01-01 24:00:00+08',
    '2025-01-01 23:60:00+08',
    '2025-01-01 23:59:60+08',
    '2025-01-01 00:00:00+16',
    '2025-01-01 00:00:00+08:60',
    '2025-01-01 00:00:00.1234567+08',
    '2025-01-01T00:00:00Z',
    'Infinity',
    'now',
    ' 2025-01-01 00:00:00+08',
  ])('refuses %s as any timestamp', (value) => {
    expect(timestamptz(value)).toBe(false);
    expect(walkInstant(value)).toBe(false);
  });

  it('refuses walk instants before 2000 or more than a day ahead', () => {
    expect(walkInstant('1999-12-31 23:59:59+00')).toBe(false);
    expect(timestamptz('1999-12-31 23:59:59+00')).toBe(true);
    const ahead = new Date(Date.now() + 2 * 24 * 3600_000).toISOString().replace('T', ' ').replace('Z', '+00');
    expect(walkInstant(ahead)).toBe(false);
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '+00');
    expect(walkInstant(now)).toBe(true);
  });

  it('refuses wrong types, NUL in text and numbers out of range', () => {
    for (const value of [1, null, true, [], {}, 1e308]) {
      expect([value, timestamptz(value), walkInstant(value), numeric(value), text(value)]).toEqual([
        value,
        false,
        false,
        false,
        false,
      ]);
    }
    expect(text('a\u0000b')).toBe(false);
    expect(text('酒泉市 & <b>')).toBe(true);
    expect(numeric('1e999')).toBe(false);
    expect(numeric('9'.repeat(16))).toBe(false);
    expect(numeric('-123.5')).toBe(true);
  });

  it('answers a forged cursor with an error naming cursor', () => {
    const checks = [walkInstant, timestamptz, cursorValue.uuid];
    expect(refusal(encodeCursor(['2025-03-01 09:00:00+08', 'infinity', ID]), checks)).toBe('accepted');
    for (const forged of [
      encodeCursor(['infinity', 'infinity', ID]),
      encodeCursor(['2025-03-01 09:00:00+08', 'infinity']),
      Buffer.from('[1,2,3]').toString('base64url'),
      Buffer.from('{"0":1}').toString('base64url'),
      'not base64 at all!',
      '',
    ]) {
      expect(refusal(forged, checks)).toEqual({
        errors: [{ field: 'cursor', message: 'not a cursor this list handed out' }],
      });
    }
  });
});
