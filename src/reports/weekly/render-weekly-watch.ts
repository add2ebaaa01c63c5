import { PRODUCTION_STATUS_LABELS } from '../../enterprises/production-status';
import { assessmentSections } from './weekly-assessment';
import { formatInstant } from './weekly-labels';
import type { ReportLanguage, WeeklyReport } from './weekly-report';
import type { WeeklyEnterpriseItem, WeeklyProjectItem } from './weekly-watch';
import type { Cell, Table } from './render-weekly';
import { deadlineSection } from './render-weekly-deadlines';
import { supervisionSections } from './render-weekly-supervision';
import { publishedSections } from './weekly-published';

/** One section of the report on projects or enterprises under watch: its title, its sheet, its tables. */
export interface WatchSection {
  key: 'projects' | 'enterprises' | 'deadlines' | 'supervision' | 'assessment' | 'definitions' | 'reconciliations';
  title: string;
  sheet: string;
  tables: Table[];
}

const WORDS = {
  zh: {
    projects: '重点项目',
    enterprises: '停产减产企业',
    item: '项目',
    value: '数值',
    projectCounts: {
      startedThisWeek: '本周开工项目',
      notStartedPastPlan: '逾期未开工项目',
      heldUpByOverdueProblems: '因问题超期受阻项目',
    },
    investment: (month: string) => `${month} 完成投资（元）`,
    yearToDate: (year: number) => `${year} 年累计完成投资（元）`,
    annualPlan: (year: number) => `${year} 年计划投资（元）`,
    percentOfPlan: '完成计划比例（%）',
    projectLists: { started: '本周开工项目', notStarted: '逾期未开工项目', heldUp: '因问题超期受阻项目' },
    projectColumns: ['编号', '项目名称', '县区', '责任单位', '计划开工', '开工时间', '逾期天数', '超期问题数'],
    enterpriseCounts: {
      idleAtEnd: '停产企业',
      reducedAtEnd: '减产企业',
      newlyIdleOrReduced: '本周新增停产减产',
      resumedThisWeek: '本周恢复正常',
      idleOver30Days: '停产超过 30 天',
    },
    enterpriseLists: {
      newlyIdleOrReduced: '本周新增停产减产企业',
      resumed: '本周恢复正常企业',
      idleOver30Days: '停产超过 30 天企业',
    },
    enterpriseColumns: ['企业名称', '县区', '行业', '周初状态', '周末状态', '起始时间', '持续天数'],
  },
  en: {
    projects: 'Key projects',
    enterprises: 'Idle and reduced enterprises',
    item: 'Item',
    value: 'Value',
    projectCounts: {
      startedThisWeek: 'Started this week',
      notStartedPastPlan: 'Past planned start, not started',
      heldUpByOverdueProblems: 'Held up by overdue problems',
    },
    investment: (month: string) => `Investment completed in ${month} (yuan)`,
    yearToDate: (year: number) => `Investment completed in ${year} so far (yuan)`,
    annualPlan: (year: number) => `Planned investment ${year} (yuan)`,
    percentOfPlan: 'Share of plan completed (%)',
    projectLists: {
      started: 'Projects started this week',
      notStarted: 'Projects past their planned start',
      heldUp: 'Projects held up by overdue problems',
    },
    projectColumns: [
      'Code',
      'Project',
      'District',
      'Department',
      'Planned start',
      'Started',
      'Days late',
      'Overdue problems',
    ],
    enterpriseCounts: {
      idleAtEnd: 'Idle',
      reducedAtEnd: 'Reduced output',
      newlyIdleOrReduced: 'Newly idle or reduced',
      resumedThisWeek: 'Back to normal this week',
      idleOver30Days: 'Idle more than 30 days',
    },
    enterpriseLists: {
      newlyIdleOrReduced: 'Enterprises newly idle or reduced',
      resumed: 'Enterprises back to normal',
      idleOver30Days: 'Enterprises idle more than 30 days',
    },
    enterpriseColumns: ['Enterprise', 'District', 'Industry', 'At week start', 'At week end', 'Since', 'Days'],
  },
} as const;

const text = (value: string | null): Cell => ({ kind: 'text', value });
const userText = (value: string | null): Cell => ({ kind: 'text', value, fromUser: true });
const num = (value: number | null): Cell => ({ kind: 'number', value });
const rate = (value: number | null): Cell => ({ kind: 'rate', value });
const instant = (iso: string | null, zone: string): Cell =>
  iso === null ? text(null) : text(formatInstant(iso, zone).slice(0, 10));

function countsTable(title: string, words: { item: string; value: string }, rows: [string, Cell][]): Table {
  return {
    title,
    columns: [
      { heading: words.item, width: 34 },
      { heading: words.value, width: 16 },
    ],
    rows: rows.map(([label, cell]) => [text(label), cell]),
  };
}

function projectTable(
  title: string,
  headings: readonly string[],
  items: WeeklyProjectItem[],
  zone: string,
  lang: ReportLanguage,
): Table {
  const widths = [14, 36, 12, 20, 12, 12, 10, 10];
  return {
    title,
    columns: headings.map((heading, i) => ({ heading, width: widths[i]! })),
    rows: items.map((p) => [
      text(p.code),
      userText(p.name),
      text(lang === 'en' ? p.districtNameEn : p.districtName),
      userText(p.departmentName),
      text(p.plannedStartDate),
      instant(p.startedAt, zone),
      num(p.daysLate),
      num(p.overdueProblems),
    ]),
  };
}

function enterpriseTable(
  title: string,
  headings: readonly string[],
  items: WeeklyEnterpriseItem[],
  zone: string,
  lang: ReportLanguage,
): Table {
  const widths = [30, 12, 18, 10, 10, 12, 10];
  return {
    title,
    columns: headings.map((heading, i) => ({ heading, width: widths[i]! })),
    rows: items.map((e) => [
      userText(e.name),
      text(lang === 'en' ? e.districtNameEn : e.districtName),
      text(e.industry),
      text(PRODUCTION_STATUS_LABELS[e.previousStatus][lang]),
      text(PRODUCTION_STATUS_LABELS[e.status][lang]),
      instant(e.since, zone),
      num(e.days),
    ]),
  };
}

/** The projects and enterprises sections as tables, or none when the report carries neither. */
export function watchSections(report: WeeklyReport, lang: ReportLanguage): WatchSection[] {
  const w = WORDS[lang];
  const zone = report.week.timezone;
  const sections: WatchSection[] = [];
  const projects = report.projects;
  if (projects) {
    const inv = projects.investment;
    sections.push({
      key: 'projects',
      title: w.projects,
      sheet: w.projects,
      tables: [
        countsTable(w.projects, w, [
          [w.projectCounts.startedThisWeek, num(projects.startedThisWeek)],
          [w.projectCounts.notStartedPastPlan, num(projects.notStartedPastPlan)],
          [w.projectCounts.heldUpByOverdueProblems, num(projects.heldUpByOverdueProblems)],
          [w.investment(inv.month), num(inv.monthYuan)],
          [w.yearToDate(inv.planYear), num(inv.yearToDateYuan)],
          [w.annualPlan(inv.planYear), num(inv.annualPlanYuan)],
          [w.percentOfPlan, rate(inv.percentOfPlan)],
        ]),
        projectTable(w.projectLists.started, w.projectColumns, projects.lists.started, zone, lang),
        projectTable(w.projectLists.notStarted, w.projectColumns, projects.lists.notStarted, zone, lang),
        projectTable(w.projectLists.heldUp, w.projectColumns, projects.lists.heldUp, zone, lang),
      ],
    });
  }
  const enterprises = report.enterprises;
  if (enterprises) {
    const c = w.enterpriseCounts;
    sections.push({
      key: 'enterprises',
      title: w.enterprises,
      sheet: w.enterprises,
      tables: [
        countsTable(w.enterprises, w, [
          [c.idleAtEnd, num(enterprises.idleAtEnd)],
          [c.reducedAtEnd, num(enterprises.reducedAtEnd)],
          [c.newlyIdleOrReduced, num(enterprises.newlyIdleOrReduced)],
          [c.resumedThisWeek, num(enterprises.resumedThisWeek)],
          [c.idleOver30Days, num(enterprises.idleOver30Days)],
        ]),
        ...(['newlyIdleOrReduced', 'resumed', 'idleOver30Days'] as const).map((list) =>
          enterpriseTable(w.enterpriseLists[list], w.enterpriseColumns, enterprises.lists[list], zone, lang),
        ),
      ],
    });
  }
  // Deadlines (时限管理, render-weekly-deadlines.ts) follow in every format, then supervision and
  // bounced problems, then the assessment.
  const deadlines = deadlineSection(report, lang);
  if (deadlines) sections.push(deadlines);
  // Last, the definitions of the rates printed (口径) and the week's reconciliations (口径核对).
  return [
    ...sections,
    ...supervisionSections(report, lang),
    ...assessmentSections(report, lang),
    ...publishedSections(report, lang),
  ];
}
