import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ReportReader } from '../database/report-reader';
import { DEFINITION_IDS } from '../reports/drill-down/definitions';
import { parseInstant, parsePeriod, ratePercent, readPeriod } from '../reports/periods';
import type { PeriodInfo } from '../reports/reports.service';
import type { ProjectFiguresQuery, ProjectGroupBy } from './project.dto';
import { ProjectFiguresRepository } from './projects-figures.repository';
import type { ProjectFigureRow } from './projects-figures.sql';

export interface ProjectFigures {
  planned: number;
  started: number;
  startRatePercent: number | null;
  investmentYuan: number;
  previousYearInvestmentYuan: number;
  investmentGrowthPercent: number | null;
}

/** The definition (口径) each figure is computed under: the start rate's (investment has none yet). */
export interface ProjectDefinitions {
  startRate: string;
}

export const PROJECT_DEFINITIONS: ProjectDefinitions = { startRate: DEFINITION_IDS['project-start-rate'] };

export interface ProjectFiguresReport extends ProjectFigures {
  period: PeriodInfo;
  definitions: ProjectDefinitions;
  asOf: string;
  planYear: number;
  groupBy?: ProjectGroupBy;
  groups?: ({ key: string | null; label: string } & ProjectFigures)[];
}

/** The label of a group without a value. */
const NO_KEY_LABEL: Record<ProjectGroupBy, string> = { district: '未填写', industry: '未填写', department: '未指定' };

/**
 * Year-on-year growth in percent, half-up to one decimal away from zero (like the resolution rate);
 * null when the previous amount is 0.
 */
export function growthPercent(current: number, previous: number): number | null {
  if (previous === 0) return null;
  const change = current - previous;
  const magnitude = ratePercent(Math.abs(change), previous)!;
  return change < 0 ? -magnitude : magnitude;
}

function figuresOf(row: Omit<ProjectFigureRow, 'key' | 'label'>): ProjectFigures {
  return {
    planned: row.planned,
    started: row.started,
    startRatePercent: ratePercent(row.started, row.planned),
    investmentYuan: row.investmentYuan,
    previousYearInvestmentYuan: row.previousYearInvestmentYuan,
    investmentGrowthPercent: growthPercent(row.investmentYuan, row.previousYearInvestmentYuan),
  };
}

/** The first day of the month that starts at or after `at`. */
function monthCeiling(at: DateTime): DateTime {
  const start = at.startOf('month');
  return start.equals(at) ? start : start.plus({ months: 1 });
}

const day = (at: DateTime) => at.toFormat('yyyy-MM-dd');

@Injectable()
export class ProjectFiguresService {
  constructor(
    private readonly figures: ProjectFiguresRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reader: ReportReader,
  ) {}

  /** The start rate and completed investment of a period as of an instant (docs/domain.md, "Key projects"). */
  async report(query: ProjectFiguresQuery): Promise<ProjectFiguresReport> {
    const zone = this.config.reportTimezone;
    const { period, asOf } = readPeriod(() => {
      const period = parsePeriod(query.period, zone);
      const now = this.reader.now(zone);
      const asOf =
        query.asOf === 'now'
          ? now
          : query.asOf !== undefined
            ? parseInstant(query.asOf, zone, 'asOf')
            : DateTime.min(period.to, now);
      return { period, asOf };
    });
    this.reader.readAsOf(asOf);
    const first = monthCeiling(period.from);
    const end = monthCeiling(period.to);
    const window = {
      planYear: period.from.year,
      to: period.to.toJSDate(),
      asOf: asOf.toJSDate(),
      months: [day(first), day(end)] as [string, string],
      previousMonths: [day(first.minus({ years: 1 })), day(end.minus({ years: 1 }))] as [string, string],
    };
    const [total] = await this.figures.figures('total', window);
    const report: ProjectFiguresReport = {
      period: { label: period.label, from: period.from.toISO()!, to: period.to.toISO()!, timezone: period.timezone },
      asOf: asOf.toISO()!,
      ...this.reader.readFrom(),
      definitions: { ...PROJECT_DEFINITIONS },
      planYear: window.planYear,
      ...figuresOf(total ?? { planned: 0, started: 0, investmentYuan: 0, previousYearInvestmentYuan: 0 }),
    };
    if (!query.groupBy) return report;
    const groupBy = query.groupBy;
    const groups = await this.figures.figures(groupBy, window);
    return {
      ...report,
      groupBy,
      groups: groups.map((g) => ({ key: g.key, label: g.label ?? g.key ?? NO_KEY_LABEL[groupBy], ...figuresOf(g) })),
    };
  }
}
