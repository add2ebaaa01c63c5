import { Injectable } from '@nestjs/common';
import type { DateTime } from 'luxon';
import { one, rows } from '../../common/sql';
import type { BouncedProblem } from '../bounced/bounced.response';
import { WEEKLY_LIST_LIMIT } from './weekly-report';
import type { WeeklyOverdueSupervision, WeeklySupervisionSection } from './weekly-supervision.response';
import {
  WEEKLY_BOUNCED_IDS,
  WEEKLY_BOUNCED_ROUTES,
  WEEKLY_SUPERVISION_COUNTS,
  WEEKLY_SUPERVISION_OVERDUE,
} from './weekly-supervision.sql';
import { SettledQueries } from '../settled/settled-queries';
import { ReportReader } from '../../database/report-reader';

type BouncedIds = Pick<BouncedProblem, 'id' | 'departures' | 'departments'>;
type OverdueRow = Omit<WeeklyOverdueSupervision, 'answerBy'> & { answerBy: Date; total: number };

/** The weekly report's supervision section, as of the report's instant. */
@Injectable()
export class WeeklySupervision {
  constructor(
    private readonly reader: ReportReader,
    private readonly settled: SettledQueries,
  ) {}

  /** `from` the week's start, `end` the instant the report is taken at. */
  async section(from: DateTime, end: DateTime): Promise<WeeklySupervisionSection> {
    const span = [from.toJSDate(), end.toJSDate()];
    const [counts, overdue, bounced] = await Promise.all([
      one<{ openedReminder: number; openedSupervision: number; openedListed: number; activeAtEnd: number }>(
        this.reader.db,
        WEEKLY_SUPERVISION_COUNTS,
        span,
      ),
      rows<OverdueRow>(this.reader.db, WEEKLY_SUPERVISION_OVERDUE, [end.toJSDate(), WEEKLY_LIST_LIMIT]),
      this.settled
        .queryAsOf<BouncedIds>(WEEKLY_BOUNCED_IDS, [...span, WEEKLY_LIST_LIMIT], span[1]!)
        .then((ids) =>
          ids.length > 0
            ? rows<BouncedProblem>(this.reader.db, WEEKLY_BOUNCED_ROUTES, [JSON.stringify(ids), span[1]])
            : [],
        ),
    ]);
    return {
      openedThisWeek: {
        reminder: counts.openedReminder,
        supervision: counts.openedSupervision,
        listed: counts.openedListed,
      },
      activeAtEnd: counts.activeAtEnd,
      overdueTotal: overdue[0]?.total ?? 0,
      overdue: overdue.map(({ total: _total, answerBy, ...row }) => ({ ...row, answerBy: answerBy.toISOString() })),
      bounced,
    };
  }
}
