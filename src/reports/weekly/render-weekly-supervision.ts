import { SUPERVISION_LEVEL_LABELS } from '../../workflow/supervision-levels';
import type { BouncedProblem } from '../bounced/bounced.response';
import type { Cell, Table } from './render-weekly';
import type { WatchSection } from './render-weekly-watch';
import { formatInstant } from './weekly-labels';
import type { ReportLanguage, WeeklyReport } from './weekly-report';

const WORDS = {
  zh: {
    title: '督办与推诿',
    sheet: '督办与推诿',
    item: '项目',
    value: '数值',
    opened: { reminder: '本周催办', supervision: '本周督办', listed: '本周挂牌督办' },
    activeAtEnd: '周末督办中',
    overdueTotal: '超期未回应督办',
    overdueTitle: '超期未回应督办事项',
    overdueColumns: ['编号', '问题', '责任单位', '级别', '督办领导', '回应期限', '超期工作日'],
    bouncedTitle: '推诿问题（多次退回或改派）',
    bouncedColumns: ['编号', '问题', '流转路径', '退回/改派次数'],
    returned: (name: string, reason: string | null) => `${name}（退回：${reason ?? ''}）`,
    reassigned: (name: string) => `${name}（改派）`,
  },
  en: {
    title: 'Supervision and bounced problems',
    sheet: 'Supervision and bounced',
    item: 'Item',
    value: 'Value',
    opened: { reminder: 'Reminders this week', supervision: 'Supervisions this week', listed: 'Listed this week' },
    activeAtEnd: 'Active at week end',
    overdueTotal: 'Overdue, unanswered',
    overdueTitle: 'Supervisions overdue and unanswered',
    overdueColumns: ['Code', 'Problem', 'Department', 'Level', 'Leader', 'Answer by', 'Working days late'],
    bouncedTitle: 'Bounced problems (returned or reassigned repeatedly)',
    bouncedColumns: ['Code', 'Problem', 'Route', 'Times moved on'],
    returned: (name: string, reason: string | null) => `${name} (returned: ${reason ?? ''})`,
    reassigned: (name: string) => `${name} (reassigned)`,
  },
} as const;

const text = (value: string | null): Cell => ({ kind: 'text', value });
const userText = (value: string | null): Cell => ({ kind: 'text', value, fromUser: true });
const num = (value: number | null): Cell => ({ kind: 'number', value });

/** The route of a bounced problem in one line: each department, and how the problem left it. */
export function routeText(problem: BouncedProblem, lang: ReportLanguage): string {
  const w = WORDS[lang];
  return problem.route
    .map((step) =>
      step.left === 'returned'
        ? w.returned(step.departmentName, step.reason)
        : step.left === 'reassigned'
          ? w.reassigned(step.departmentName)
          : step.departmentName,
    )
    .join(' → ');
}

/** The supervision section as tables (counts, overdue supervisions, bounced problems), or none without it. */
export function supervisionSections(report: WeeklyReport, lang: ReportLanguage): WatchSection[] {
  const section = report.supervision;
  if (!section) return [];
  const w = WORDS[lang];
  const zone = report.week.timezone;
  const counts: Table = {
    title: w.title,
    columns: [
      { heading: w.item, width: 28 },
      { heading: w.value, width: 14 },
    ],
    rows: [
      [text(w.opened.reminder), num(section.openedThisWeek.reminder)],
      [text(w.opened.supervision), num(section.openedThisWeek.supervision)],
      [text(w.opened.listed), num(section.openedThisWeek.listed)],
      [text(w.activeAtEnd), num(section.activeAtEnd)],
      [text(w.overdueTotal), num(section.overdueTotal)],
    ],
  };
  const widths = [14, 36, 18, 10, 12, 12, 12];
  const overdue: Table = {
    title: w.overdueTitle,
    columns: w.overdueColumns.map((heading, i) => ({ heading, width: widths[i]! })),
    rows: section.overdue.map((s) => [
      text(s.code),
      userText(s.title),
      text(s.departmentName),
      text(SUPERVISION_LEVEL_LABELS[s.level][lang]),
      text(s.leaderName),
      text(formatInstant(s.answerBy, zone).slice(0, 10)),
      num(s.workingDaysOverdue),
    ]),
  };
  const bouncedWidths = [14, 36, 60, 12];
  const bounced: Table = {
    title: w.bouncedTitle,
    columns: w.bouncedColumns.map((heading, i) => ({ heading, width: bouncedWidths[i]! })),
    rows: section.bounced.map((p) => [
      text(p.code),
      userText(p.title),
      userText(routeText(p, lang)),
      num(p.departures),
    ]),
  };
  return [{ key: 'supervision', title: w.title, sheet: w.sheet, tables: [counts, overdue, bounced] }];
}
