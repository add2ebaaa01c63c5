import { DateTime } from 'luxon';
import { type Status, STATUS_LABELS } from '../../workflow/statuses';
import type { ReportLanguage, WeeklyReport } from './weekly-report';

/** The sections of the weekly report, in the order they are rendered. */
export const SECTION_KEYS = [
  'visitSummary',
  'visitCoverage',
  'idleOfficials',
  'overdueEnterprises',
  'policies',
  'summary',
  'rates',
  'departments',
  'trend',
  'new',
  'overdue',
  'escalated',
  'unsatisfied',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** The spreadsheet's sheets: the rates share the summary sheet. */
export const SHEET_KEYS = [
  'visits',
  'summary',
  'departments',
  'trend',
  'new',
  'overdue',
  'escalated',
  'unsatisfied',
] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

export type SummaryKey = keyof WeeklyReport['summary'];
export type RateKey = keyof WeeklyReport['rates'];

export type ProblemColumnKey =
  | 'code'
  | 'title'
  | 'enterprise'
  | 'district'
  | 'category'
  | 'department'
  | 'status'
  | 'reportedAt'
  | 'dueAt'
  | 'daysOverdue'
  | 'note';

export type DepartmentColumnKey =
  | 'name'
  | 'open'
  | 'resolvedThisWeek'
  | 'overdue'
  | 'recorded'
  | 'resolved'
  | 'rate'
  | 'assistsOpen'
  | 'assistsDoneThisWeek';

export type RateColumnKey = 'item' | 'period' | 'recorded' | 'resolved' | 'rate';

export type TrendColumnKey = 'week' | 'recorded' | 'resolved' | 'rate';

export type VisitSummaryKey =
  | 'visitsThisWeek'
  | 'enterprisesReached'
  | 'quarterVisited'
  | 'quarterResponsible'
  | 'quarterCoverage'
  | 'overdueTotal';

export type CoverageColumnKey = 'district' | 'visited' | 'responsible' | 'rate';

export type OverdueEnterpriseColumnKey =
  'enterprise' | 'district' | 'tier' | 'lastVisitAt' | 'nextVisitDueAt' | 'daysOverdue' | 'officials';

export interface WeeklyLabels {
  /** The HTML `lang` attribute. */
  htmlLang: string;
  /** The language itself (the words of an end-of-day deadline follow it). */
  language: ReportLanguage;
  reportTitle: string;
  /** The week's dates after the title, e.g. `（2025-03-31 至 2025-04-06）`. */
  dateRange: (first: string, last: string) => string;
  asOf: string;
  weekInProgress: string;
  none: string;
  sections: Record<SectionKey, string>;
  sheets: Record<SheetKey, string>;
  summary: Record<SummaryKey, string>;
  /** The headings of the summary table: item, value. */
  summaryColumns: { item: string; value: string };
  rates: Record<RateKey, string>;
  rateColumns: Record<RateColumnKey, string>;
  departmentColumns: Record<DepartmentColumnKey, string>;
  trendColumns: Record<TrendColumnKey, string>;
  problemColumns: Record<ProblemColumnKey, string>;
  visitSummary: Record<VisitSummaryKey, string>;
  coverageColumns: Record<CoverageColumnKey, string>;
  /** The last row of the coverage table. */
  total: string;
  idleColumns: { name: string; enterprises: string };
  overdueEnterpriseColumns: Record<OverdueEnterpriseColumnKey, string>;
  policyColumns: { policy: string; visits: string };
  /** Shown in the overdue enterprises' last-visit column when never visited. */
  neverVisited: string;
  charts: { departmentRates: string; trend: string; coverage: string };
  statuses: Record<Status, string>;
}

function statusLabels(lang: ReportLanguage): Record<Status, string> {
  const entries = Object.entries(STATUS_LABELS) as [Status, { zh: string; en: string }][];
  return Object.fromEntries(entries.map(([status, label]) => [status, label[lang]])) as Record<Status, string>;
}

const ZH: WeeklyLabels = {
  htmlLang: 'zh-CN',
  language: 'zh',
  reportTitle: '酒泉市涉企问题办理周调度报告',
  dateRange: (first, last) => `（${first} 至 ${last}）`,
  asOf: '数据截至',
  weekInProgress: '本周尚未结束，数据为截至上述时间的情况',
  none: '无',
  sections: {
    visitSummary: '走访情况',
    visitCoverage: '季度累计走访覆盖率（分县区）',
    idleOfficials: '本周未走访的包联干部',
    overdueEnterprises: '超期未走访企业',
    policies: '本周宣传政策',
    summary: '概况',
    rates: '办结率',
    departments: '各责任单位',
    trend: '近八周趋势',
    new: '本周新增问题',
    overdue: '超期问题',
    escalated: '督办问题',
    unsatisfied: '不满意回访',
  },
  sheets: {
    visits: '走访情况',
    summary: '概况',
    departments: '各责任单位',
    trend: '趋势',
    new: '本周新增',
    overdue: '超期',
    escalated: '督办',
    unsatisfied: '不满意回访',
  },
  summary: {
    recordedThisWeek: '本周登记',
    resolvedThisWeek: '本周办结',
    closedThisWeek: '本周关闭/销号',
    openAtEnd: '周末在办',
    overdueAtEnd: '周末超期',
    escalatedThisWeek: '本周督办',
  },
  summaryColumns: { item: '项目', value: '数值' },
  rates: { quarterToDate: '季度累计办结率', yearToDate: '年度累计办结率', previousQuarter: '上季度最终办结率' },
  rateColumns: { item: '项目', period: '统计期', recorded: '登记', resolved: '办结', rate: '办结率（%）' },
  departmentColumns: {
    name: '责任单位',
    open: '在办',
    resolvedThisWeek: '本周办结',
    overdue: '超期',
    recorded: '季度累计登记',
    resolved: '季度累计办结',
    rate: '季度累计办结率（%）',
    assistsOpen: '协办在办',
    assistsDoneThisWeek: '本周协办完成',
  },
  trendColumns: { week: '周次', recorded: '登记', resolved: '办结', rate: '办结率（%）' },
  problemColumns: {
    code: '编号',
    title: '标题',
    enterprise: '企业',
    district: '县区',
    category: '类别',
    department: '责任单位',
    status: '状态',
    reportedAt: '登记时间',
    dueAt: '办理时限',
    daysOverdue: '超期工作日',
    note: '备注',
  },
  visitSummary: {
    visitsThisWeek: '本周走访次数',
    enterprisesReached: '本周走访企业数',
    quarterVisited: '季度累计已走访包联企业',
    quarterResponsible: '季度累计包联企业',
    quarterCoverage: '季度累计走访覆盖率（%）',
    overdueTotal: '超期未走访企业',
  },
  coverageColumns: { district: '县区', visited: '已走访', responsible: '包联企业', rate: '覆盖率（%）' },
  total: '合计',
  idleColumns: { name: '包联干部', enterprises: '包联企业数' },
  overdueEnterpriseColumns: {
    enterprise: '企业',
    district: '县区',
    tier: '层级',
    lastVisitAt: '最近走访',
    nextVisitDueAt: '应走访日期',
    daysOverdue: '超期天数',
    officials: '包联干部',
  },
  policyColumns: { policy: '政策', visits: '走访次数' },
  neverVisited: '从未走访',
  charts: { departmentRates: '各责任单位季度累计办结率', trend: '近八周办结率', coverage: '各县区季度累计走访覆盖率' },
  statuses: statusLabels('zh'),
};

const EN: WeeklyLabels = {
  htmlLang: 'en',
  language: 'en',
  reportTitle: 'Jiuquan business problem resolution: weekly coordination report',
  dateRange: (first, last) => ` (${first} to ${last})`,
  asOf: 'Figures as of',
  weekInProgress: 'The week has not ended; the figures are as of the time above',
  none: 'None',
  sections: {
    visitSummary: 'Visits',
    visitCoverage: 'Quarter-to-date visit coverage by district',
    idleOfficials: 'Officials with no visit this week',
    overdueEnterprises: 'Enterprises overdue for a visit',
    policies: 'Policies promoted this week',
    summary: 'Summary',
    rates: 'Rates',
    departments: 'By department',
    trend: 'Eight-week trend',
    new: 'New this week',
    overdue: 'Overdue',
    escalated: 'Escalated',
    unsatisfied: 'Unsatisfied feedback',
  },
  sheets: {
    visits: 'Visits',
    summary: 'Summary',
    departments: 'By department',
    trend: 'Trend',
    new: 'New this week',
    overdue: 'Overdue',
    escalated: 'Escalated',
    unsatisfied: 'Unsatisfied feedback',
  },
  summary: {
    recordedThisWeek: 'Recorded this week',
    resolvedThisWeek: 'Resolved this week',
    closedThisWeek: 'Closed this week',
    openAtEnd: 'Open at end of week',
    overdueAtEnd: 'Overdue at end of week',
    escalatedThisWeek: 'Escalated this week',
  },
  summaryColumns: { item: 'Item', value: 'Value' },
  rates: {
    quarterToDate: 'Quarter-to-date resolution rate',
    yearToDate: 'Year-to-date resolution rate',
    previousQuarter: 'Previous quarter, final resolution rate',
  },
  rateColumns: { item: 'Item', period: 'Period', recorded: 'Recorded', resolved: 'Resolved', rate: 'Rate (%)' },
  departmentColumns: {
    name: 'Department',
    open: 'Open',
    resolvedThisWeek: 'Resolved this week',
    overdue: 'Overdue',
    recorded: 'Recorded (QTD)',
    resolved: 'Resolved (QTD)',
    rate: 'Resolution rate, QTD (%)',
    assistsOpen: 'Assisting, open',
    assistsDoneThisWeek: 'Assisting parts done this week',
  },
  trendColumns: { week: 'Week', recorded: 'Recorded', resolved: 'Resolved', rate: 'Rate (%)' },
  problemColumns: {
    code: 'Code',
    title: 'Title',
    enterprise: 'Enterprise',
    district: 'District',
    category: 'Category',
    department: 'Department',
    status: 'Status',
    reportedAt: 'Reported',
    dueAt: 'Due',
    daysOverdue: 'Working days overdue',
    note: 'Note',
  },
  visitSummary: {
    visitsThisWeek: 'Visits this week',
    enterprisesReached: 'Enterprises reached this week',
    quarterVisited: 'Enterprises visited (QTD)',
    quarterResponsible: 'Enterprises under responsibility (QTD)',
    quarterCoverage: 'Visit coverage, QTD (%)',
    overdueTotal: 'Enterprises overdue for a visit',
  },
  coverageColumns: {
    district: 'District',
    visited: 'Visited',
    responsible: 'Under responsibility',
    rate: 'Coverage (%)',
  },
  total: 'Total',
  idleColumns: { name: 'Official', enterprises: 'Enterprises' },
  overdueEnterpriseColumns: {
    enterprise: 'Enterprise',
    district: 'District',
    tier: 'Tier',
    lastVisitAt: 'Last visit',
    nextVisitDueAt: 'Visit due',
    daysOverdue: 'Days overdue',
    officials: 'Responsible officials',
  },
  policyColumns: { policy: 'Policy', visits: 'Visits' },
  neverVisited: 'Never visited',
  charts: {
    coverage: 'Quarter-to-date visit coverage by district',
    departmentRates: 'Quarter-to-date resolution rate by department',
    trend: 'Resolution rate, last eight weeks',
  },
  statuses: statusLabels('en'),
};

const LABELS: Record<ReportLanguage, WeeklyLabels> = { zh: ZH, en: EN };

/** The labels of `lang`; Simplified Chinese for anything but `en`. */
export function weeklyLabels(lang: ReportLanguage): WeeklyLabels {
  return lang === 'en' ? LABELS.en : LABELS.zh;
}

const DATE_FORMAT = 'yyyy-MM-dd';
/** Rates are rounded to one decimal (116/127 → 91.3). */
export const RATE_DECIMALS = 1;
/** Shown for a missing value (a rate with nothing recorded, a problem without a deadline). */
export const NO_VALUE = '—';

function inZone(iso: string, timezone: string): DateTime {
  return DateTime.fromISO(iso, { setZone: true }).setZone(timezone);
}

/** `91.3 %`, or `—` when there is no rate (nothing recorded). */
export function formatRate(ratePercent: number | null): string {
  return ratePercent === null ? NO_VALUE : `${ratePercent.toFixed(RATE_DECIMALS)} %`;
}

/** The first and the last calendar day of the report's week: `to` is exclusive, so the last day is the day before it. */
export function weekDays(report: WeeklyReport): { first: string; last: string } {
  const { from, to, timezone } = report.week;
  return {
    first: inZone(from, timezone).toFormat(DATE_FORMAT),
    last: inZone(to, timezone).minus({ days: 1 }).toFormat(DATE_FORMAT),
  };
}

/** `酒泉市涉企问题办理周调度报告 2025-W14（2025-03-31 至 2025-04-06）`. */
export function reportHeading(report: WeeklyReport, lang: ReportLanguage): string {
  const labels = weeklyLabels(lang);
  const { first, last } = weekDays(report);
  return `${labels.reportTitle} ${report.week.label}${labels.dateRange(first, last)}`;
}

/** Whether the report was computed before its week ended (its figures can still change). */
export function isWeekInProgress(report: WeeklyReport): boolean {
  return DateTime.fromISO(report.asOf) < DateTime.fromISO(report.week.to);
}

export { formatInstant } from '../../common/spreadsheet-text';
