import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { rows } from '../../common/sql';
import { TIER_LABELS, TIERS } from '../../enterprises/tiers';
import { DEFINITION_IDS } from '../drill-down/definitions';
import { LiveFigures } from '../live-figures';
import { Period, ratePercent } from '../periods';
import { ReportsService } from '../reports.service';
import type { VisitsQuery } from './visit-figures.dto';
import type { FiguresQuery } from '../report.dto';
import type {
  FiguresWithVisitsReport,
  VisitDefinitions,
  VisitFigures,
  VisitFiguresGroup,
  VisitsReport,
} from './visit-figures.response';
import {
  type VisitCountsRow,
  visitCountsSql,
  type VisitGroupBy,
  type VisitGrouping,
  VISIT_GROUP_LABELS,
  visitPoliciesSql,
  type VisitPolicyRow,
} from './visit-figures.sql';
import { ReportReader } from '../../database/report-reader';
import { SettledQueries } from '../settled/settled-queries';

/** The definitions the visit figures are computed under: the coverage rate's (the others have none yet). */
export const VISIT_DEFINITIONS: VisitDefinitions = { coverageRate: DEFINITION_IDS['visit-coverage-rate'] };

/** The most policies a figure lists. */
export const MAX_POLICIES = 20;

/** Label of the group of visits or enterprises without a key (none in practice: every enterprise has a district and a tier). */
const NO_KEY = '未填写';

const ZERO: Omit<VisitCountsRow, 'key'> = {
  visits: 0,
  enterprisesReached: 0,
  enterprisesResponsible: 0,
  enterprisesVisited: 0,
  onSchedule: 0,
  problems: 0,
};

/** Problems per visit: one decimal, half-up, in integer arithmetic like the rates; null with no visit. */
export function perVisit(problems: number, visits: number): number | null {
  if (visits === 0) return null;
  return Math.floor((20 * problems + visits) / (2 * visits)) / 10;
}

/** The visit figures (docs/domain.md, "Visit figures"): coverage, on schedule, problems per visit, policies. */
@Injectable()
export class VisitFiguresService {
  constructor(
    private readonly reader: ReportReader,
    private readonly reports: ReportsService,
    private readonly live: LiveFigures,
    private readonly settled: SettledQueries,
  ) {}

  async visits(query: VisitsQuery): Promise<VisitsReport> {
    const { period, asOf, live } = this.reports.resolve(query);
    if (!live) return this.at(period, asOf, query.groupBy);
    const key = `visits ${period.label} ${period.from.toISO()} ${period.to.toISO()} ${query.groupBy ?? ''}`;
    return this.live.run(key, () => this.at(period, this.reports.now(), query.groupBy));
  }

  /** Every figure of GET /reports/figures, and the visit figures of the same period as of the same instant. */
  async figuresWithVisits(query: FiguresQuery): Promise<FiguresWithVisitsReport> {
    const report = await this.reports.figures(query);
    const { period, asOf } = this.reports.resolve({ ...query, asOf: report.asOf });
    const {
      period: _period,
      asOf: _asOf,
      definitions: _definitions,
      readFrom: _readFrom,
      ...visits
    } = await this.at(period, asOf);
    return { ...report, visits };
  }

  /** The figures of the period as of `asOf`, and with a grouping those of each group. */
  async at(period: Period, asOf: DateTime, groupBy?: VisitGroupBy): Promise<VisitsReport> {
    const total = await this.figures(period, asOf, 'total');
    const report: VisitsReport = {
      ...this.reports.describe(period, asOf),
      definitions: { ...VISIT_DEFINITIONS },
      ...(total.get('') ?? figuresOf(ZERO, [])),
    };
    if (!groupBy) return report;
    const byKey = await this.figures(period, asOf, groupBy);
    const labels = await this.labels(groupBy, [...byKey.keys()]);
    const groups: VisitFiguresGroup[] = labels.map(({ key, label }) => ({
      key,
      label,
      ...(byKey.get(key) ?? figuresOf(ZERO, [])),
    }));
    for (const [key, figures] of byKey) {
      if (!labels.some((l) => l.key === key)) groups.push({ key, label: key ?? NO_KEY, ...figures });
    }
    return { ...report, groupBy, groups };
  }

  private async figures(
    period: Period,
    asOf: DateTime,
    grouping: VisitGrouping,
  ): Promise<Map<string | null, VisitFigures>> {
    const params: [Date, Date, Date] = [period.from.toJSDate(), period.to.toJSDate(), asOf.toJSDate()];
    // Kept once settled, like the problem figures; by district, the enterprise's current one.
    const kept = { byEnterprise: grouping === 'district' };
    const [counts, policies] = await Promise.all([
      this.settled.query<VisitCountsRow>(visitCountsSql(grouping), params, kept),
      this.settled.query<VisitPolicyRow>(visitPoliciesSql(grouping), params, kept),
    ]);
    return new Map(
      counts.map((row) => [
        row.key,
        figuresOf(
          row,
          policies.filter((p) => p.key === row.key),
        ),
      ]),
    );
  }

  /** The groups every answer lists, in order: every district, every tier; officials by name. */
  private async labels(
    groupBy: VisitGroupBy,
    keys: (string | null)[],
  ): Promise<{ key: string | null; label: string }[]> {
    switch (groupBy) {
      case 'district':
        return rows(this.reader.db, VISIT_GROUP_LABELS.district);
      case 'tier':
        return TIERS.map((tier) => ({ key: tier, label: TIER_LABELS[tier].zh }));
      case 'official':
        return rows(this.reader.db, VISIT_GROUP_LABELS.official, [keys.filter((k): k is string => k !== null)]);
    }
  }
}

function figuresOf(counts: Omit<VisitCountsRow, 'key'>, policies: VisitPolicyRow[]): VisitFigures {
  return {
    visits: counts.visits,
    enterprisesResponsible: counts.enterprisesResponsible,
    enterprisesVisited: counts.enterprisesVisited,
    coverageRatePercent: ratePercent(counts.enterprisesVisited, counts.enterprisesResponsible),
    enterprisesReached: counts.enterprisesReached,
    onScheduleRate: {
      onSchedule: counts.onSchedule,
      responsible: counts.enterprisesResponsible,
      ratePercent: ratePercent(counts.onSchedule, counts.enterprisesResponsible),
    },
    problemsPerVisit: {
      problems: counts.problems,
      visits: counts.visits,
      value: perVisit(counts.problems, counts.visits),
    },
    policiesPromoted: policies.slice(0, MAX_POLICIES).map((p) => ({ policy: p.policy, visits: p.visits })),
  };
}
