import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { ConfigError, loadConfig } from '../config/app-config';
import { pendingMigrations } from '../database/migrate';
import { LiveFigures } from '../reports/live-figures';
import { ResolutionRateReport, ReportsService } from '../reports/reports.service';
import { ResolutionCounts } from '../reports/resolution-counts';
import { SettledQueries } from '../reports/settled/settled-queries';
import { SettledFigures } from '../reports/settled/settled-figures';
import { LiveDelta } from '../reports/settled/live-delta';
import { LiveBases } from '../reports/settled/live-bases';
import { WindowFigures } from '../reports/window-figures';
import { GROUP_BYS, type GroupBy } from '../reports/resolution-rate.sql';
import { PROJECT_GROUP_BYS, type ProjectGroupBy } from '../projects/project.dto';
import { ProjectFiguresRepository } from '../projects/projects-figures.repository';
import { type ProjectFiguresReport, ProjectFiguresService } from '../projects/projects-figures.service';
import type { VisitsReport } from '../reports/visits/visit-figures.response';
import { VisitFiguresService } from '../reports/visits/visit-figures.service';
import { VISIT_GROUP_BYS, type VisitGroupBy } from '../reports/visits/visit-figures.sql';
import { consoleOutput, runMain, withCliContext } from './cli-context';

const USAGE = `usage: npm run report -- --period 2025-Q1 [--group-by department|district|category|industry] [--as-of <instant>|now]
       npm run report -- --from 2025-01-01 --to 2025-04-01 [...]
       npm run report -- --figure visits --period 2025-Q1 [--group-by district|official|tier] [--as-of <instant>|now]
       npm run report -- --figure projects --period 2025-Q1 [--group-by district|industry|department] [--as-of …]`;

/** The figures the command prints: the resolution rate (default), the visit or the key project figures. */
const FIGURES = ['resolution-rate', 'visits', 'projects'] as const;

/** Terminal columns a string takes: CJK characters are two wide. */
function width(text: string): number {
  return [...text].reduce(
    (sum, c) =>
      sum +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1),
    0,
  );
}

function pad(text: string, columns: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, columns - width(text)));
  return right ? fill + text : text + fill;
}

const rate = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} %`);

/** Rows under a header, numbers right-aligned, the total after a rule. */
function table(header: string[], rows: string[][], total: string[]): string[] {
  const all = [...rows, total];
  const widths = header.map((h, i) => Math.max(width(h), ...all.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line), ...(rows.length > 0 ? [rule] : []), line(total)];
}

/** The visit figures as a table: visits, coverage (n / N and rate), on schedule, problems per visit. */
export function formatVisitsReport(report: VisitsReport): string {
  const cells = (g: Omit<VisitsReport, 'period' | 'asOf' | 'definitions' | 'groupBy' | 'groups'>) => [
    String(g.visits),
    `${g.enterprisesVisited} / ${g.enterprisesResponsible}`,
    rate(g.coverageRatePercent),
    `${g.onScheduleRate.onSchedule} / ${g.onScheduleRate.responsible}`,
    rate(g.onScheduleRate.ratePercent),
    g.problemsPerVisit.value === null ? '—' : g.problemsPerVisit.value.toFixed(1),
  ];
  const header = [
    report.groupBy ?? '',
    '走访 visits',
    '已走访/包联 visited/responsible',
    '覆盖率 coverage',
    '按期/包联 on schedule',
    '按期率 rate',
    '问题/次 problems per visit',
  ];
  const policies = report.policiesPromoted.slice(0, 5).map((p) => `${p.policy} ${p.visits}`);
  return [
    `走访覆盖率 visit coverage · ${report.period.label} [${report.period.from}, ${report.period.to}) ${report.period.timezone}`,
    `as of ${report.asOf}`,
    '',
    ...table(
      header,
      (report.groups ?? []).map((g) => [g.label, ...cells(g)]),
      ['合计 Total', ...cells(report)],
    ),
    ...(policies.length > 0 ? ['', `政策 policies promoted: ${policies.join(', ')}`] : []),
  ].join('\n');
}

export function formatProjectsReport(report: ProjectFiguresReport): string {
  const rate = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} %`);
  const yi = (yuan: number) => `${(yuan / 1e8).toFixed(2)} 亿元`;
  const row = (
    label: string,
    f: Omit<ProjectFiguresReport, 'period' | 'asOf' | 'definitions' | 'planYear' | 'groups'>,
  ) =>
    `${pad(label, 16)}  ${f.started} / ${f.planned} = ${rate(f.startRatePercent)}   ` +
    `${yi(f.investmentYuan)} vs ${yi(f.previousYearInvestmentYuan)} (${rate(f.investmentGrowthPercent)})`;
  return [
    `重点项目 key projects · ${report.period.label} · plan ${report.planYear} · as of ${report.asOf}`,
    `开工率 started / planned = rate   完成投资 investment vs a year earlier (growth)`,
    ...(report.groups ?? []).map((g) => row(g.label, g)),
    row('合计 Total', report),
  ].join('\n');
}

export function formatReport(report: ResolutionRateReport): string {
  const rows = [
    ...(report.groups ?? []).map((g) => [g.label, String(g.recorded), String(g.resolved), rate(g.ratePercent)]),
    ['合计 Total', String(report.recorded), String(report.resolved), rate(report.ratePercent)],
  ];
  const header = [report.groupBy ?? '', '登记 recorded', '办结 resolved', '办结率 rate'];
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ');
  return [
    `办结率 resolution rate · ${report.period.label} [${report.period.from}, ${report.period.to}) ${report.period.timezone}`,
    `as of ${report.asOf}`,
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(0, -1).map(line),
    ...(rows.length > 1 ? [widths.map((w) => '-'.repeat(w)).join('  ')] : []),
    line(rows[rows.length - 1]!),
  ].join('\n');
}

/** The report's services alone (ReportsModule would bring its controller and the weekly report too). */
@Module({
  providers: [
    ReportsService,
    VisitFiguresService,
    ResolutionCounts,
    SettledQueries,
    SettledFigures,
    LiveDelta,
    LiveBases,
    WindowFigures,
    LiveFigures,
    ProjectFiguresService,
    ProjectFiguresRepository,
  ],
})
class ReportCliModule {}

/** A report on a database whose schema is behind the code would be wrong or fail half-way: it is refused. */
class PendingMigrationsError extends Error {}

async function report(): Promise<void> {
  const { values } = parseArgs({
    options: {
      period: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'as-of': { type: 'string' },
      'group-by': { type: 'string' },
      figure: { type: 'string', default: 'resolution-rate' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const figure = values.figure as (typeof FIGURES)[number];
  if (!FIGURES.includes(figure)) throw DomainError.invalidField('figure', `expected one of ${FIGURES.join(', ')}`);
  const groupBy = values['group-by'];
  const groupBys: readonly string[] =
    figure === 'visits' ? VISIT_GROUP_BYS : figure === 'projects' ? PROJECT_GROUP_BYS : GROUP_BYS;
  if (groupBy !== undefined && !groupBys.includes(groupBy)) {
    throw DomainError.invalidField('group-by', `expected one of ${groupBys.join(', ')}`);
  }
  const config = loadConfig();
  // Read-only: no migrations, no admin, no demo data; PostgreSQL refuses any write of the pool.
  const options = {
    config,
    imports: [ReportCliModule],
    statementTimeoutMs: config.dbStatementTimeoutMs,
    readOnly: true,
    io: consoleOutput,
  };
  await withCliContext(options, async (context) => {
    const pending = await pendingMigrations(context.get(DataSource));
    if (pending.length > 0) {
      throw new PendingMigrationsError(
        `the database lacks migrations ${pending.join(', ')}: run "npm run migration:run" (or start the service) first; ` +
          'a report never changes the database',
      );
    }
    const query = { period: values.period, from: values.from, to: values.to, asOf: values['as-of'] };
    if (figure === 'visits') {
      const report = await context.get(VisitFiguresService).visits({ ...query, groupBy: groupBy as VisitGroupBy });
      console.log(values.json ? JSON.stringify(report, null, 2) : formatVisitsReport(report));
      return;
    }
    if (figure === 'projects') {
      if (values.period === undefined) throw DomainError.invalidField('period', 'give a period such as 2025-Q1');
      const figures = await context.get(ProjectFiguresService).report({
        period: values.period,
        asOf: values['as-of'],
        groupBy: groupBy as ProjectGroupBy | undefined,
      });
      console.log(values.json ? JSON.stringify(figures, null, 2) : formatProjectsReport(figures));
      return;
    }
    const report = await context.get(ReportsService).resolutionRate({ ...query, groupBy: groupBy as GroupBy });
    console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
  });
}

/** `npm run report`: the resolution rate, the visit or the key project figures, in the terminal. */
async function main(): Promise<number> {
  try {
    await report();
    return 0;
  } catch (error) {
    if (error instanceof DomainError || error instanceof ConfigError) {
      console.error(`${error.message}\n${USAGE}`);
    } else if (error instanceof PendingMigrationsError) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    return 1;
  }
}

runMain(main);
