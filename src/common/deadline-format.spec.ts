import { formatDeadline, isEndOfDay as webIsEndOfDay } from '../../web/src/components/workflow/deadlineFormat';
import { isEndOfDay, sheetDeadline } from './spreadsheet-text';

/**
 * The one deadline rendering: the web app's formatter (web/src/components/workflow/deadlineFormat.ts)
 * and the exports' (sheetDeadline) say the same of every deadline.
 */
describe('deadline rendering', () => {
  const SHANGHAI = 'Asia/Shanghai';

  it('shows a deadline at midnight as the day before, by end of day, in each language', () => {
    // 2026-12-15 00:00 in Beijing.
    expect(formatDeadline('2026-12-14T16:00:00.000Z', 'zh', SHANGHAI)).toBe('2026-12-14 当日24时前');
    expect(formatDeadline('2026-12-14T16:00:00.000Z', 'en', SHANGHAI)).toBe('2026-12-14 by end of day');
    expect(formatDeadline('2026-12-15T00:00:00+08:00', 'zh', SHANGHAI)).toBe('2026-12-14 当日24时前');
  });

  it('shows any other deadline as its date and time in the report time zone', () => {
    expect(formatDeadline('2026-12-15T09:30:00Z', 'zh', SHANGHAI)).toBe('2026-12-15 17:30');
    expect(formatDeadline('2026-12-15T09:30:00Z', 'en', SHANGHAI)).toBe('2026-12-15 17:30');
    // One second after midnight is not the end of the day before.
    expect(formatDeadline('2026-12-14T16:00:01Z', 'zh', SHANGHAI)).toBe('2026-12-15 00:00');
    // Midnight in UTC is 08:00 in Beijing.
    expect(formatDeadline('2026-12-15T00:00:00Z', 'en', SHANGHAI)).toBe('2026-12-15 08:00');
    expect(formatDeadline('2026-12-15T00:00:00Z', 'en', 'UTC')).toBe('2026-12-14 by end of day');
  });

  it('crosses month and year ends', () => {
    expect(formatDeadline('2027-01-01T00:00:00+08:00', 'zh', SHANGHAI)).toBe('2026-12-31 当日24时前');
    expect(formatDeadline('2028-03-01T00:00:00+08:00', 'en', SHANGHAI)).toBe('2028-02-29 by end of day');
  });

  it('leaves text that is not an instant as it is', () => {
    expect(formatDeadline('soon', 'zh', SHANGHAI)).toBe('soon');
  });

  it('says the same as the exports for the same deadlines', () => {
    const deadlines = [
      '2026-12-14T16:00:00.000Z',
      '2026-12-15T09:30:00Z',
      '2027-01-01T00:00:00+08:00',
      '2026-12-14T16:00:01Z',
      '2025-03-31T16:00:00Z',
    ];
    for (const iso of deadlines) {
      expect(webIsEndOfDay(iso, SHANGHAI)).toBe(isEndOfDay(iso, SHANGHAI));
      for (const lang of ['zh', 'en'] as const) {
        expect(formatDeadline(iso, lang, SHANGHAI)).toBe(sheetDeadline(iso, SHANGHAI, lang)!.text);
      }
    }
  });
});
