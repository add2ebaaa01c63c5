import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { rows } from '../../common/sql';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { STATUS_LABELS, type Status } from '../../workflow/statuses';
import { parsePeriod, Period, periodContaining, periodsEndingWith, ratePercent, readPeriod } from '../periods';
import { LiveFigures } from '../live-figures';
import { type Counts, ResolutionCounts } from '../resolution-counts';
import { TIER_LABELS, type Tier } from '../../enterprises/tiers';
import { VisitFiguresService } from '../visits/visit-figures.service';
import {
  WEEKLY_LIST_LIMIT,
  WEEKLY_POLICY_LIMIT,
  WeeklyProblemItem,
  WeeklyDepartmentRow,
  WeeklyRate,
  WeeklyReport,
  WeeklyVisits,
} from './weekly-report';
import {
  type IdleOfficialRow,
  type OverdueEnterpriseRow,
  WEEKLY_IDLE_OFFICIALS,
  WEEKLY_DISTRICT_NAMES_EN,
  WEEKLY_OVERDUE_ENTERPRISES,
} from './weekly-visits.sql';
import { WeeklyWatch } from './weekly-watch.service';
import { AssessmentService } from '../assessment/assessment.service';
import { weeklyAssessment } from './weekly-assessment';
import { WeeklyDeadlines } from './weekly-deadlines.service';
import { WeeklySupervision } from './weekly-supervision.service';
import { PublishedService } from '../published/published.service';
import { WEEKLY_DEFINITIONS, weeklyReconciliations } from './weekly-published';
import { WEEKLY_ASSISTS, type WeeklyAssistRow } from './weekly-assists.sql';
import {
  type DepartmentWeekRow,
  type SummaryRow,
  WEEKLY_DEPARTMENT_NAMES,
  WEEKLY_ITEMS,
  WEEKLY_LIST_IDS,
  WEEKLY_RESOLVED_BY_DEPARTMENT,
  WEEKLY_SUMMARY,
  WEEKLY_WORKING_DAYS_LATE,
} from './weekly.sql';
import { ReportReader } from '../../database/report-reader';
import { SettledQueries } from '../settled/settled-queries';

@Injectable()
export class WeeklyService {
  constructor(
    private readonly reader: ReportReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly counts: ResolutionCounts,
    private readonly live: LiveFigures,
    private readonly visitFigures: VisitFiguresService,
    private readonly watch: WeeklyWatch,
    private readonly assessment: AssessmentService,
    private readonly deadlines: WeeklyDeadlines,
    private readonly supervision: WeeklySupervision,
    private readonly published: PublishedService,
    private readonly settled: SettledQueries,
  ) {}

  /** The report for an ISO week (`2025-W14`), as of its end, or now while it runs (shared by requests that come together). */
  async report(weekLabel: string): Promise<WeeklyReport> {
    const zone = this.config.reportTimezone;
    const week = readPeriod(() => parsePeriod(weekLabel, zone), 'week');
    // A week that has not begun has no figures: refused rather than shown as zeros.
    if (week.from > DateTime.now().setZone(zone)) {
      throw DomainError.invalidField('week', 'week has not started yet; choose this week or an earlier one');
    }
    return this.live.run(`weekly ${weekLabel}`, () => this.build(weekLabel, week));
  }

  private async build(weekLabel: string, week: Period): Promise<WeeklyReport> {
    const zone = this.config.reportTimezone;
    const end = DateTime.min(week.to, this.reader.now(zone));
    const span = [week.from.toJSDate(), end.toJSDate()];
    const quarter = periodContaining('quarter', week.to.minus({ milliseconds: 1 }));
    const year = parsePeriod(String(week.to.minus({ milliseconds: 1 }).year), zone);

    const [
      visits,
      summary,
      recordedThisWeek,
      departments,
      resolvedByDepartment,
      assists,
      quarterByDepartment,
      quarterToDate,
      yearToDate,
      trend,
      lists,
      watch,
      deadlines,
      supervision,
      reconciliations,
    ] = await Promise.all([
      this.visits(week, quarter, end),
      this.settled.queryAsOf<SummaryRow>(WEEKLY_SUMMARY, span, span[1]!).then(([row]) => row!),
      this.counts.total(week.from.toJSDate(), week.to.toJSDate(), end.toJSDate()),
      rows<Pick<WeeklyDepartmentRow, 'departmentId' | 'name'>>(this.reader.db, WEEKLY_DEPARTMENT_NAMES),
      this.settled.queryAsOf<DepartmentWeekRow>(WEEKLY_RESOLVED_BY_DEPARTMENT, span, span[1]!),
      rows<WeeklyAssistRow>(this.reader.db, WEEKLY_ASSISTS, span),
      this.counts.byGroup('department', quarter.from.toJSDate(), quarter.to.toJSDate(), end.toJSDate()),
      this.rate(quarter, end),
      this.rate(year, end),
      Promise.all(periodsEndingWith('week', week, 8).map((w) => this.rate(w, DateTime.min(w.to, end)))),
      this.lists(span),
      this.watch.sections(week.from, end),
      this.deadlines.section(week.from, end, quarter),
      this.supervision.section(week.from, end),
      weeklyReconciliations(this.published, week.from, end),
    ]);
    // Early in a quarter its figure rests on a few problems; the previous quarter's final figure
    // (as of its end, as published) stands beside it for the first four weeks.
    const earlyInQuarter = week.from < quarter.from.plus({ weeks: 4 });
    const before = periodContaining('quarter', quarter.from.minus({ milliseconds: 1 }));
    const previousQuarter = earlyInQuarter ? await this.rate(before, before.to) : undefined;
    const { openByDepartment, ...totals } = summary;

    return {
      week: { label: weekLabel, from: week.from.toISO()!, to: week.to.toISO()!, timezone: zone },
      asOf: end.toISO()!,
      ...this.reader.readFrom(),
      visits,
      summary: { recordedThisWeek: recordedThisWeek.recorded, ...totals },
      rates: { quarterToDate, yearToDate, ...(previousQuarter ? { previousQuarter } : {}) },
      departments: departments.map((row) => {
        const open = openByDepartment.find((o) => o.departmentId === row.departmentId);
        const counts: Counts = quarterByDepartment.find((g) => g.key === row.departmentId) ?? {
          recorded: 0,
          resolved: 0,
        };
        const assisting = assists.find((a) => a.departmentId === row.departmentId);
        const resolved = resolvedByDepartment.find((r) => r.departmentId === row.departmentId);
        return {
          departmentId: row.departmentId,
          name: row.name,
          open: open?.open ?? 0,
          overdue: open?.overdue ?? 0,
          resolvedThisWeek: resolved?.resolvedThisWeek ?? 0,
          assistsOpen: assisting?.assistsOpen ?? 0,
          assistsDoneThisWeek: assisting?.assistsDoneThisWeek ?? 0,
          recorded: counts.recorded,
          resolved: counts.resolved,
          ratePercent: ratePercent(counts.resolved, counts.recorded),
        };
      }),
      trend,
      ...lists,
      ...watch,
      assessment: await weeklyAssessment(this.assessment, quarter, end),
      deadlines,
      supervision,
      definitions: WEEKLY_DEFINITIONS,
      reconciliations,
    };
  }

  /** The visits section: the week's visits, the quarter's coverage by district, the two lists, the policies. */
  private async visits(week: Period, quarter: Period, end: DateTime): Promise<WeeklyVisits> {
    const at = end.toJSDate();
    const [thisWeek, coverage, idle, overdue, districtNames] = await Promise.all([
      this.visitFigures.at(week, end),
      this.visitFigures.at(quarter, end, 'district'),
      rows<IdleOfficialRow>(this.reader.db, WEEKLY_IDLE_OFFICIALS, [week.from.toJSDate(), at, WEEKLY_LIST_LIMIT]),
      rows<OverdueEnterpriseRow>(this.reader.db, WEEKLY_OVERDUE_ENTERPRISES, [at, WEEKLY_LIST_LIMIT]),
      rows<{ code: string; nameEn: string }>(this.reader.db, WEEKLY_DISTRICT_NAMES_EN),
    ]);
    const nameEn = new Map(districtNames.map((d) => [d.code, d.nameEn]));
    return {
      visitsThisWeek: thisWeek.visits,
      enterprisesReached: thisWeek.enterprisesReached,
      coverage: {
        label: quarter.label,
        enterprisesVisited: coverage.enterprisesVisited,
        enterprisesResponsible: coverage.enterprisesResponsible,
        coverageRatePercent: coverage.coverageRatePercent,
        districts: (coverage.groups ?? []).map((g) => ({
          districtCode: g.key,
          name: g.label,
          nameEn: (g.key !== null && nameEn.get(g.key)) || g.label,
          enterprisesVisited: g.enterprisesVisited,
          enterprisesResponsible: g.enterprisesResponsible,
          coverageRatePercent: g.coverageRatePercent,
        })),
      },
      officialsWithoutVisit: idle,
      overdueEnterprises: overdue.map(({ total: _total, ...row }) => ({
        ...row,
        tierLabel: TIER_LABELS[row.tier as Tier].zh,
        lastVisitAt: row.lastVisitAt?.toISOString() ?? null,
        nextVisitDueAt: row.nextVisitDueAt.toISOString(),
      })),
      overdueTotal: overdue[0]?.total ?? 0,
      policies: thisWeek.policiesPromoted.slice(0, WEEKLY_POLICY_LIMIT),
    };
  }

  /** The resolution rate of problems reported in the period up to `asOf`, as of `asOf`. */
  private async rate(period: Period, asOf: DateTime): Promise<WeeklyRate> {
    const counts = await this.counts.total(period.from.toJSDate(), period.to.toJSDate(), asOf.toJSDate());
    return {
      label: period.label,
      definition: WEEKLY_DEFINITIONS.resolutionRate,
      ...counts,
      ratePercent: ratePercent(counts.resolved, counts.recorded),
    };
  }

  /**
   * Each list, cut at WEEKLY_LIST_LIMIT problems (one more is asked for, to know whether it was
   * cut). The lists are made of the events alone, so a closed week's are kept, as the summary is
   * (SettledQueries); the overdue list's working days late are counted fresh, by the calendar an
   * administrator may still edit, and the display fields are read fresh.
   */
  private async lists(span: Date[]): Promise<Pick<WeeklyReport, 'lists' | 'listsTruncated'>> {
    const entries = await Promise.all(
      Object.entries(WEEKLY_LIST_IDS).map(async ([name, sql]) => {
        type Listed = { id: string; note: string | null; dueAt?: string };
        // The overdue list is taken at the report's instant alone.
        const params = name === 'overdue' ? [span[1], WEEKLY_LIST_LIMIT + 1] : [...span, WEEKLY_LIST_LIMIT + 1];
        const found = await this.settled.queryAsOf<Listed>(sql, params, span[1]!);
        const picked = found.slice(0, WEEKLY_LIST_LIMIT);
        const [details, late] = await Promise.all([
          rows<
            Omit<WeeklyProblemItem, 'statusLabel' | 'daysOverdue' | 'note' | 'reportedAt' | 'dueAt'> & {
              reportedAt: Date;
              dueAt: Date | null;
            }
          >(this.reader.db, WEEKLY_ITEMS, [picked.map((p) => p.id), span[1]]),
          name === 'overdue' && picked.length > 0
            ? rows<{ days: number }>(this.reader.db, WEEKLY_WORKING_DAYS_LATE, [picked.map((p) => p.dueAt), span[1]])
            : [],
        ]);
        const byId = new Map(details.map((detail) => [detail.id, detail]));
        const items = picked.map((p, i): WeeklyProblemItem => {
          const detail = byId.get(p.id)!;
          return {
            ...detail,
            statusLabel: STATUS_LABELS[detail.status as Status].zh,
            reportedAt: detail.reportedAt.toISOString(),
            dueAt: detail.dueAt?.toISOString() ?? null,
            daysOverdue: late[i]?.days ?? null,
            note: p.note,
          };
        });
        return { name, items, truncated: found.length > WEEKLY_LIST_LIMIT };
      }),
    );
    return {
      lists: Object.fromEntries(entries.map((e) => [e.name, e.items])) as WeeklyReport['lists'],
      listsTruncated: Object.fromEntries(entries.map((e) => [e.name, e.truncated])) as WeeklyReport['listsTruncated'],
    };
  }
}
