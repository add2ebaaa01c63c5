import type { DateTime } from 'luxon';
import type { AssessmentService } from '../assessment/assessment.service';
import type { AssessmentReport } from '../assessment/assessment.response';
import { COMPONENTS } from '../assessment/assessment-score';
import { COMPONENT_LABELS } from '../assessment/render-assessment';
import type { Period } from '../periods';
import type { Cell, Table } from './render-weekly';
import type { WatchSection } from './render-weekly-watch';
import type { ReportLanguage, WeeklyReport } from './weekly-report';

/**
 * The weekly report's department assessment (考核): the quarter-to-date ranking of the quarter
 * holding the week's last day, as of the report's instant, taken by the same service and SQL as
 * GET /reports/assessment.
 */
export function weeklyAssessment(
  service: AssessmentService,
  quarter: Period,
  end: DateTime,
): Promise<AssessmentReport> {
  return service.rankingOf(quarter, end);
}

const WORDS = {
  zh: {
    title: (q: string) => `部门考核排名（${q} 季度累计）`,
    sheet: '部门考核',
    rank: '排名',
    department: '部门',
    score: '得分',
  },
  en: {
    title: (q: string) => `Department assessment (${q} to date)`,
    sheet: 'Assessment',
    rank: 'Rank',
    department: 'Department',
    score: 'Score',
  },
} as const;

/** The ranking as one table of the report (spreadsheet sheet, CSV section, HTML and Word section). */
export function assessmentSections(report: WeeklyReport, lang: ReportLanguage): WatchSection[] {
  const ranking = report.assessment;
  if (!ranking) return [];
  const w = WORDS[lang];
  const num = (value: number): Cell => ({ kind: 'number', value });
  const table: Table = {
    title: w.title(ranking.period.label),
    columns: [
      { heading: w.rank, width: 8 },
      { heading: w.department, width: 24 },
      { heading: w.score, width: 10 },
      ...COMPONENTS.map((c) => ({ heading: `${COMPONENT_LABELS[c][lang]} (${ranking.weights[c]})`, width: 14 })),
    ],
    rows: ranking.departments.map((d) => [
      num(d.rank),
      { kind: 'text', value: d.name, fromUser: true },
      num(d.score),
      ...COMPONENTS.map((c) => num(d.components[c].points)),
    ]),
  };
  return [{ key: 'assessment', title: table.title, sheet: w.sheet, tables: [table] }];
}
