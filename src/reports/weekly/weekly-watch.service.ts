import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { one, rows } from '../../common/sql';
import { PRODUCTION_STATUS_LABELS } from '../../enterprises/production-status';
import { ratePercent } from '../periods';
import { WEEKLY_LIST_LIMIT } from './weekly-report';
import { WEEKLY_ENTERPRISE_COUNTS, WEEKLY_ENTERPRISE_LISTS } from './weekly-enterprises.sql';
import {
  WEEKLY_PROJECTS_HELD_UP,
  WEEKLY_PROJECTS_INVESTMENT,
  WEEKLY_PROJECTS_NOT_STARTED,
  WEEKLY_PROJECTS_STARTED,
} from './weekly-projects.sql';
import type {
  WeeklyEnterpriseItem,
  WeeklyEnterprisesSection,
  WeeklyProjectItem,
  WeeklyProjectsSection,
} from './weekly-watch';
import { ReportReader } from '../../database/report-reader';

type ProjectRow = Omit<WeeklyProjectItem, 'startedAt'> & { startedAt: Date | null; total: number };
type EnterpriseRow = Omit<WeeklyEnterpriseItem, 'since' | 'statusLabel'> & { since: Date | null };

/** The weekly report's sections on key projects and enterprises under watch, as of the report's instant. */
@Injectable()
export class WeeklyWatch {
  constructor(private readonly reader: ReportReader) {}

  /** `from` the week's start, `end` the instant the report is taken at. */
  async sections(
    from: DateTime,
    end: DateTime,
  ): Promise<{ projects: WeeklyProjectsSection; enterprises: WeeklyEnterprisesSection }> {
    const [projects, enterprises] = await Promise.all([this.projects(from, end), this.enterprises(from, end)]);
    return { projects, enterprises };
  }

  private async projects(from: DateTime, end: DateTime): Promise<WeeklyProjectsSection> {
    const span = [from.toJSDate(), end.toJSDate(), WEEKLY_LIST_LIMIT];
    const lastDay = end.minus({ milliseconds: 1 });
    const month = lastDay.startOf('month');
    const [started, notStarted, heldUp, investment] = await Promise.all([
      rows<ProjectRow>(this.reader.db, WEEKLY_PROJECTS_STARTED, span),
      rows<ProjectRow>(this.reader.db, WEEKLY_PROJECTS_NOT_STARTED, span),
      rows<ProjectRow>(this.reader.db, WEEKLY_PROJECTS_HELD_UP, span),
      one<{ monthYuan: string; yearToDateYuan: string; annualPlanYuan: string }>(
        this.reader.db,
        WEEKLY_PROJECTS_INVESTMENT,
        [end.toJSDate(), lastDay.year, month.toISODate()],
      ),
    ]);
    const yearToDate = Number(investment.yearToDateYuan);
    const annualPlan = Number(investment.annualPlanYuan);
    return {
      startedThisWeek: started[0]?.total ?? 0,
      notStartedPastPlan: notStarted[0]?.total ?? 0,
      heldUpByOverdueProblems: heldUp[0]?.total ?? 0,
      investment: {
        month: month.toFormat('yyyy-MM'),
        planYear: lastDay.year,
        monthYuan: Number(investment.monthYuan),
        yearToDateYuan: yearToDate,
        annualPlanYuan: annualPlan,
        percentOfPlan: ratePercent(yearToDate, annualPlan),
      },
      lists: { started: started.map(toProject), notStarted: notStarted.map(toProject), heldUp: heldUp.map(toProject) },
    };
  }

  private async enterprises(from: DateTime, end: DateTime): Promise<WeeklyEnterprisesSection> {
    const span = [from.toJSDate(), end.toJSDate()];
    const [counts, ...lists] = await Promise.all([
      one<Omit<WeeklyEnterprisesSection, 'lists'>>(this.reader.db, WEEKLY_ENTERPRISE_COUNTS, span),
      ...Object.values(WEEKLY_ENTERPRISE_LISTS).map((sql) =>
        rows<EnterpriseRow>(this.reader.db, sql, [...span, WEEKLY_LIST_LIMIT]),
      ),
    ]);
    const [newlyIdleOrReduced, resumed, idleOver30Days] = lists.map((found) => found.map(toEnterprise));
    return {
      ...counts,
      lists: { newlyIdleOrReduced: newlyIdleOrReduced!, resumed: resumed!, idleOver30Days: idleOver30Days! },
    };
  }
}

function toProject({ total: _total, startedAt, ...row }: ProjectRow): WeeklyProjectItem {
  return { ...row, startedAt: startedAt?.toISOString() ?? null };
}

function toEnterprise(row: EnterpriseRow): WeeklyEnterpriseItem {
  return { ...row, statusLabel: PRODUCTION_STATUS_LABELS[row.status].zh, since: row.since?.toISOString() ?? null };
}
