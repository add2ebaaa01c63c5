import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { rows } from '../../common/sql';
import { type Period, ratePercent } from '../periods';
import type { WeeklyDeadlinesSection, WeeklyExtensionItem, WeeklyLateSignForItem } from './weekly-deadlines';
import { WEEKLY_EXTENSIONS, WEEKLY_LATE_SIGN_FOR } from './weekly-deadlines.sql';
import { WEEKLY_LIST_LIMIT } from './weekly-report';
import { ReportReader } from '../../database/report-reader';
import { WindowFigures } from '../window-figures';

type ExtensionRow = Omit<
  WeeklyExtensionItem,
  'previousDueAt' | 'requestedDueAt' | 'requestedAt' | 'decision' | 'decidedAt'
> & {
  previousDueAt: Date;
  requestedDueAt: Date;
  requestedAt: Date;
  decisionType: 'approve_extension' | 'refuse_extension' | null;
  decidedAt: Date | null;
};
type LateRow = Omit<WeeklyLateSignForItem, 'signForDueAt' | 'signedForAt'> & {
  signForDueAt: Date;
  signedForAt: Date | null;
};

/** The weekly report's deadline section, as of the report's instant. */
@Injectable()
export class WeeklyDeadlines {
  constructor(
    private readonly reader: ReportReader,
    private readonly window: WindowFigures,
  ) {}

  async section(from: DateTime, end: DateTime, quarter: Period): Promise<WeeklyDeadlinesSection> {
    const span = [from.toJSDate(), end.toJSDate(), WEEKLY_LIST_LIMIT];
    const [
      {
        resolved: [resolved],
        signFor: [signFor],
        redos: [redos],
      },
      extensions,
      late,
    ] = await Promise.all([
      this.window.of(quarter.from.toJSDate(), quarter.to.toJSDate(), end.toJSDate()),
      rows<ExtensionRow>(this.reader.db, WEEKLY_EXTENSIONS, span),
      rows<LateRow>(this.reader.db, WEEKLY_LATE_SIGN_FOR, span),
    ]);
    const total = resolved?.resolved ?? 0;
    return {
      quarterToDate: {
        label: quarter.label,
        onTime: {
          onTime: resolved?.on_time ?? 0,
          resolved: total,
          ratePercent: ratePercent(resolved?.on_time ?? 0, total),
        },
        onTimeWithExtension: {
          onTimeWithExtension: resolved?.on_time_with_extension ?? 0,
          resolved: total,
          ratePercent: ratePercent(resolved?.on_time_with_extension ?? 0, total),
        },
        signFor: {
          timely: signFor?.timely ?? 0,
          due: signFor?.due ?? 0,
          ratePercent: ratePercent(signFor?.timely ?? 0, signFor?.due ?? 0),
        },
        redos: redos?.redos ?? 0,
      },
      extensions: extensions.map(({ decisionType, ...row }) => ({
        ...row,
        previousDueAt: row.previousDueAt.toISOString(),
        requestedDueAt: row.requestedDueAt.toISOString(),
        requestedAt: row.requestedAt.toISOString(),
        decision:
          decisionType === 'approve_extension'
            ? 'approved'
            : decisionType === 'refuse_extension'
              ? 'refused'
              : 'pending',
        decidedAt: row.decidedAt?.toISOString() ?? null,
      })),
      lateSignFor: late.map((row) => ({
        ...row,
        signForDueAt: row.signForDueAt.toISOString(),
        signedForAt: row.signedForAt?.toISOString() ?? null,
      })),
    };
  }
}
