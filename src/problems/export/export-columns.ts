import type { ExportProblemRow } from '../problem-list.sql';
import { STATUS_LABELS } from '../../workflow/statuses';
import type { Source } from '../problem.dto';
import {
  CSV_LINE_END,
  quoteCsv,
  deadlineDate,
  guardFormula,
  instantDate,
  minuteText,
  type SheetDate,
  wallClockIn,
} from '../../common/spreadsheet-text';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_LANGUAGES = ['zh', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

type Label = Record<ExportLanguage, string>;

/** What a cell's value may depend on besides the problem. */
export interface CellContext {
  lang: ExportLanguage;
  /** The report time zone: dates are written as text in it. */
  timezone: string;
}

/**
 * A date: a real date in the spreadsheet (with its number format), and in the CSV the
 * `yyyy-MM-dd HH:mm` text in the report time zone that programs reading it parse. The
 * spreadsheet's form is only worked out when asked for: the CSV never needs it.
 */
export interface DateCell {
  sheet: () => SheetDate;
  csv: string;
}

/** A cell: text, a number, a date, or empty. */
export type CellValue = string | number | DateCell | null;

export interface ExportColumn {
  heading: Label;
  /** Spreadsheet column width, in characters. */
  width: number;
  value: (problem: ExportProblemRow, context: CellContext) => CellValue;
}

const SOURCE_LABELS: Record<Source, Label> = {
  visit: { zh: '走访', en: 'Visit' },
  hotline: { zh: '12345热线', en: '12345 hotline' },
  online: { zh: '网上', en: 'Online' },
  meeting: { zh: '会议', en: 'Meeting' },
  other: { zh: '其他', en: 'Other' },
};

/** Event types as the list shows them; a type not listed here (a newer one) is shown as it is. */
const EVENT_LABELS: Record<string, Label> = {
  created: { zh: '登记', en: 'Recorded' },
  assign: { zh: '交办', en: 'Assigned' },
  accept: { zh: '签收', en: 'Accepted' },
  progress: { zh: '进展', en: 'Progress' },
  resolve: { zh: '办结', en: 'Resolved' },
  return: { zh: '退回', en: 'Returned' },
  verify: { zh: '回访', en: 'Verified' },
  reopen: { zh: '重新办理', en: 'Reopened' },
  withdraw: { zh: '撤回', en: 'Withdrawn' },
  escalate: { zh: '督办', en: 'Escalated' },
};

const YES_NO: Record<'yes' | 'no', Label> = { yes: { zh: '是', en: 'Yes' }, no: { zh: '否', en: 'No' } };

/** An instant as a date cell. */
function instantCell(at: number | null, timezone: string): DateCell | null {
  const clock = at === null ? null : wallClockIn(at, timezone);
  return clock && { sheet: () => instantDate(clock), csv: minuteText(clock) };
}

/** A deadline as a date cell: one at midnight shows as its day and "by end of day" in the spreadsheet. */
function deadlineCell(at: number | null, { timezone, lang }: CellContext): DateCell | null {
  const clock = at === null ? null : wallClockIn(at, timezone);
  return clock && { sheet: () => deadlineDate(clock, lang), csv: minuteText(clock) };
}

function statusLabel(p: ExportProblemRow, lang: ExportLanguage): string {
  const labels = STATUS_LABELS[p.status] as Label | undefined;
  return labels?.[lang] ?? p.status;
}

function lastEvent(p: ExportProblemRow, { lang, timezone }: CellContext): string | null {
  const type = p.lastEventType;
  if (!type) return null;
  const label = EVENT_LABELS[type]?.[lang] ?? type;
  const at = wallClockIn(p.updatedAt, timezone);
  return at ? `${label} ${minuteText(at)}` : label;
}

/**
 * The columns of the exported resolution list, in order: one entry per column, so a new column
 * is one line here (and its field one more in problemExportQuery).
 */
export const EXPORT_COLUMNS: ExportColumn[] = [
  { heading: { zh: '编号', en: 'Code' }, width: 14, value: (p) => p.code },
  { heading: { zh: '标题', en: 'Title' }, width: 40, value: (p) => p.title },
  { heading: { zh: '企业', en: 'Enterprise' }, width: 30, value: (p) => p.enterpriseName },
  { heading: { zh: '县区', en: 'District' }, width: 12, value: (p) => p.districtName },
  { heading: { zh: '类别', en: 'Category' }, width: 12, value: (p) => p.categoryName },
  { heading: { zh: '来源', en: 'Source' }, width: 12, value: (p, c) => SOURCE_LABELS[p.source]?.[c.lang] ?? p.source },
  { heading: { zh: '状态', en: 'Status' }, width: 10, value: (p, c) => statusLabel(p, c.lang) },
  { heading: { zh: '责任单位', en: 'Department' }, width: 22, value: (p) => p.departmentName },
  { heading: { zh: '登记时间', en: 'Reported' }, width: 17, value: (p, c) => instantCell(p.reportedAt, c.timezone) },
  { heading: { zh: '办理时限', en: 'Due' }, width: 17, value: (p, c) => deadlineCell(p.dueAt, c) },
  { heading: { zh: '已办天数', en: 'Days open' }, width: 10, value: (p) => p.daysOpen },
  { heading: { zh: '超期工作日', en: 'Working days overdue' }, width: 12, value: (p) => p.daysOverdue },
  { heading: { zh: '督办', en: 'Escalated' }, width: 8, value: (p, c) => YES_NO[p.escalated ? 'yes' : 'no'][c.lang] },
  { heading: { zh: '最近动态', en: 'Latest activity' }, width: 24, value: lastEvent },
  { heading: { zh: '协办单位', en: 'Assisting departments' }, width: 28, value: (p) => p.assistingDepartments },
];

export function headings(lang: ExportLanguage): string[] {
  return EXPORT_COLUMNS.map((column) => column.heading[lang]);
}

export function cells(problem: ExportProblemRow, context: CellContext): CellValue[] {
  return EXPORT_COLUMNS.map((column) => column.value(problem, context));
}

// ---------------------------------------------------------------- CSV (RFC 4180, for Excel)

function csvText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') return value.csv;
  return guardFormula(value);
}

/** A row as exceljs takes it: dates as Date values (their number formats are set by `xlsxFormats`). */
export function xlsxValues(values: CellValue[]): (string | number | Date | null)[] {
  return values.map((value) => (value !== null && typeof value === 'object' ? value.sheet().value : value));
}

/** The number format of each date cell of a row, by 1-based column. */
export function xlsxFormats(values: CellValue[]): [number, string][] {
  return values.flatMap((value, index): [number, string][] =>
    value !== null && typeof value === 'object' ? [[index + 1, value.sheet().numFmt]] : [],
  );
}

/**
 * One CSV record with its CRLF; text is guarded against formulas and quoted where RFC 4180 needs
 * it (csvLine's fields, in one pass: a million rows make the arrays between the steps count).
 */
export function csvRecord(values: CellValue[]): string {
  let record = '';
  for (let i = 0; i < values.length; i++) record += (i === 0 ? '' : ',') + quoteCsv(csvText(values[i]!));
  return record + CSV_LINE_END;
}
