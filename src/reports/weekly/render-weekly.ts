import type ExcelJS from 'exceljs';
import { excel } from '../../common/excel';
import { renderChartSvg } from '../charts/render-svg';
import { escapeHtml } from '../charts/rate-charts';
import { coverageChart, departmentRatesChart, type SizedChart, weeklyTrendChart } from '../charts/weekly-charts';
import { TIER_LABELS, type Tier } from '../../enterprises/tiers';
import {
  formatInstant,
  formatRate,
  isWeekInProgress,
  NO_VALUE,
  RATE_DECIMALS,
  type ProblemColumnKey,
  reportHeading,
  type SectionKey,
  SECTION_KEYS,
  type SheetKey,
  SHEET_KEYS,
  weeklyLabels,
  type WeeklyLabels,
} from './weekly-labels';
import type { ReportLanguage, WeeklyCoverageRow, WeeklyProblemItem, WeeklyRate, WeeklyReport } from './weekly-report';
import { watchSections } from './render-weekly-watch';
import {
  CSV_BOM,
  CSV_LINE_END,
  csvLine,
  guardFormula,
  sheetDeadline,
  sheetInstant,
  type SheetDate,
} from '../../common/spreadsheet-text';

/*
 * The report is first turned into tables of typed cells, the same for the three forms; each form then
 * writes the cells its own way (escaped HTML, CSV with formula guard, typed spreadsheet cells).
 */

/** A text cell; `fromUser` marks text people typed (titles, names, notes), which the CSV guards against formulas. */
interface TextCell {
  kind: 'text';
  value: string | null;
  fromUser?: boolean;
}
interface NumberCell {
  kind: 'number';
  value: number | null;
}
/** A percentage with one decimal, e.g. 91.3. */
interface RateCell {
  kind: 'rate';
  value: number | null;
}
/** A date: a real date in the spreadsheet, its text in the HTML, the `yyyy-MM-dd HH:mm` text in the CSV. */
interface DateCell {
  kind: 'date';
  value: SheetDate | null;
  csv: string | null;
}
export type Cell = TextCell | NumberCell | RateCell | DateCell;

interface Column {
  heading: string;
  /** Spreadsheet column width, in characters. */
  width: number;
}

export interface Table {
  title: string;
  columns: Column[];
  rows: Cell[][];
}

const WIDTH = { code: 14, title: 40, name: 28, short: 12, status: 10, instant: 17, number: 12, note: 40 };

const textCell = (value: string | null): TextCell => ({ kind: 'text', value });
const userCell = (value: string | null): TextCell => ({ kind: 'text', value, fromUser: true });
const numberCell = (value: number | null): NumberCell => ({ kind: 'number', value });
const rateCell = (value: number | null): RateCell => ({ kind: 'rate', value });
const instantCell = (iso: string, zone: string): DateCell => ({
  kind: 'date',
  value: sheetInstant(iso, zone),
  csv: formatInstant(iso, zone),
});
/** A deadline at midnight shows as its day and "by end of day", as everywhere else. */
const deadlineCell = (iso: string | null, zone: string, labels: WeeklyLabels): DateCell =>
  iso === null
    ? { kind: 'date', value: null, csv: null }
    : { kind: 'date', value: sheetDeadline(iso, zone, labels.language), csv: formatInstant(iso, zone) };

// ---------------------------------------------------------------- tables

function summaryTable(report: WeeklyReport, labels: WeeklyLabels): Table {
  const keys = Object.keys(labels.summary) as (keyof WeeklyReport['summary'])[];
  return {
    title: labels.sections.summary,
    columns: [
      { heading: labels.summaryColumns.item, width: WIDTH.name },
      { heading: labels.summaryColumns.value, width: WIDTH.number },
    ],
    rows: keys.map((key) => [textCell(labels.summary[key]), numberCell(report.summary[key])]),
  };
}

function ratesTable(report: WeeklyReport, labels: WeeklyLabels): Table {
  const c = labels.rateColumns;
  const row = (name: string, rate: WeeklyRate): Cell[] => [
    textCell(name),
    textCell(rate.label),
    numberCell(rate.recorded),
    numberCell(rate.resolved),
    rateCell(rate.ratePercent),
  ];
  return {
    title: labels.sections.rates,
    columns: [
      { heading: c.item, width: WIDTH.name },
      { heading: c.period, width: WIDTH.short },
      { heading: c.recorded, width: WIDTH.number },
      { heading: c.resolved, width: WIDTH.number },
      { heading: c.rate, width: WIDTH.number },
    ],
    rows: [
      row(labels.rates.quarterToDate, report.rates.quarterToDate),
      row(labels.rates.yearToDate, report.rates.yearToDate),
      ...(report.rates.previousQuarter ? [row(labels.rates.previousQuarter, report.rates.previousQuarter)] : []),
    ],
  };
}

function departmentsTable(report: WeeklyReport, labels: WeeklyLabels): Table {
  const c = labels.departmentColumns;
  return {
    title: labels.sections.departments,
    columns: [
      { heading: c.name, width: WIDTH.name },
      ...[
        c.open,
        c.resolvedThisWeek,
        c.overdue,
        c.recorded,
        c.resolved,
        c.rate,
        c.assistsOpen,
        c.assistsDoneThisWeek,
      ].map((heading) => ({
        heading,
        width: WIDTH.number,
      })),
    ],
    rows: report.departments.map((d) => [
      userCell(d.name),
      numberCell(d.open),
      numberCell(d.resolvedThisWeek),
      numberCell(d.overdue),
      numberCell(d.recorded),
      numberCell(d.resolved),
      rateCell(d.ratePercent),
      numberCell(d.assistsOpen),
      numberCell(d.assistsDoneThisWeek),
    ]),
  };
}

function trendTable(report: WeeklyReport, labels: WeeklyLabels): Table {
  const c = labels.trendColumns;
  return {
    title: labels.sections.trend,
    columns: [
      { heading: c.week, width: WIDTH.short },
      { heading: c.recorded, width: WIDTH.number },
      { heading: c.resolved, width: WIDTH.number },
      { heading: c.rate, width: WIDTH.number },
    ],
    rows: report.trend.map((t) => [
      textCell(t.label),
      numberCell(t.recorded),
      numberCell(t.resolved),
      rateCell(t.ratePercent),
    ]),
  };
}

const BASE_PROBLEM_COLUMNS: ProblemColumnKey[] = [
  'code',
  'title',
  'enterprise',
  'district',
  'category',
  'department',
  'status',
  'reportedAt',
  'dueAt',
];

const PROBLEM_COLUMN_WIDTHS: Record<ProblemColumnKey, number> = {
  code: WIDTH.code,
  title: WIDTH.title,
  enterprise: WIDTH.name,
  district: WIDTH.short,
  category: WIDTH.short,
  department: WIDTH.name,
  status: WIDTH.status,
  reportedAt: WIDTH.instant,
  dueAt: WIDTH.instant,
  daysOverdue: WIDTH.number,
  note: WIDTH.note,
};

type ListKey = keyof WeeklyReport['lists'];

/** The columns of each list: the overdue list adds the working days overdue, the escalated and unsatisfied ones the note. */
const LIST_COLUMNS: Record<ListKey, ProblemColumnKey[]> = {
  new: BASE_PROBLEM_COLUMNS,
  overdue: [...BASE_PROBLEM_COLUMNS, 'daysOverdue'],
  escalated: [...BASE_PROBLEM_COLUMNS, 'note'],
  unsatisfied: [...BASE_PROBLEM_COLUMNS, 'note'],
};

function problemCell(item: WeeklyProblemItem, key: ProblemColumnKey, zone: string, labels: WeeklyLabels): Cell {
  switch (key) {
    case 'code':
      return textCell(item.code);
    case 'title':
      return userCell(item.title);
    case 'enterprise':
      return userCell(item.enterpriseName);
    case 'district':
      return userCell(labels.htmlLang === 'en' ? item.districtNameEn : item.districtName);
    case 'category':
      return userCell(labels.htmlLang === 'en' ? item.categoryNameEn : item.categoryName);
    case 'department':
      return userCell(item.departmentName);
    case 'status':
      return textCell(labels.statuses[item.status] ?? item.statusLabel);
    case 'reportedAt':
      return instantCell(item.reportedAt, zone);
    case 'dueAt':
      return deadlineCell(item.dueAt, zone, labels);
    case 'daysOverdue':
      return numberCell(item.daysOverdue);
    case 'note':
      return userCell(item.note);
  }
}

function problemTable(report: WeeklyReport, list: ListKey, labels: WeeklyLabels): Table {
  const keys = LIST_COLUMNS[list];
  return {
    title: labels.sections[list],
    columns: keys.map((key) => ({ heading: labels.problemColumns[key], width: PROBLEM_COLUMN_WIDTHS[key] })),
    rows: report.lists[list].map((item) => keys.map((key) => problemCell(item, key, report.week.timezone, labels))),
  };
}

export const LISTS: ListKey[] = ['new', 'overdue', 'escalated', 'unsatisfied'];

function visitSummaryTable(report: WeeklyReport, labels: WeeklyLabels): Table {
  const v = report.visits;
  const l = labels.visitSummary;
  return {
    title: labels.sections.visitSummary,
    columns: [
      { heading: labels.summaryColumns.item, width: WIDTH.name },
      { heading: labels.summaryColumns.value, width: WIDTH.number },
    ],
    rows: [
      [textCell(l.visitsThisWeek), numberCell(v.visitsThisWeek)],
      [textCell(l.enterprisesReached), numberCell(v.enterprisesReached)],
      [textCell(`${l.quarterVisited} ${v.coverage.label}`), numberCell(v.coverage.enterprisesVisited)],
      [textCell(`${l.quarterResponsible} ${v.coverage.label}`), numberCell(v.coverage.enterprisesResponsible)],
      [textCell(`${l.quarterCoverage} ${v.coverage.label}`), rateCell(v.coverage.coverageRatePercent)],
      [textCell(l.overdueTotal), numberCell(v.overdueTotal)],
    ],
  };
}

function visitCoverageTable(report: WeeklyReport, labels: WeeklyLabels): Table {
  const c = labels.coverageColumns;
  const { coverage } = report.visits;
  const row = (
    name: string,
    r: Omit<WeeklyCoverageRow, 'districtCode' | 'name' | 'nameEn'>,
    fromUser: boolean,
  ): Cell[] => [
    fromUser ? userCell(name) : textCell(name),
    numberCell(r.enterprisesVisited),
    numberCell(r.enterprisesResponsible),
    rateCell(r.coverageRatePercent),
  ];
  return {
    title: `${labels.sections.visitCoverage} ${coverage.label}`,
    columns: [
      { heading: c.district, width: WIDTH.name },
      { heading: c.visited, width: WIDTH.number },
      { heading: c.responsible, width: WIDTH.number },
      { heading: c.rate, width: WIDTH.number },
    ],
    rows: [
      ...coverage.districts.map((d) => row(labels.htmlLang === 'en' ? d.nameEn : d.name, d, true)),
      row(labels.total, coverage, false),
    ],
  };
}

/** The quarter's coverage by district, named in the report's language. */
export function coverageDistricts(report: WeeklyReport, labels: WeeklyLabels): WeeklyCoverageRow[] {
  return report.visits.coverage.districts.map((d) => ({ ...d, name: labels.htmlLang === 'en' ? d.nameEn : d.name }));
}

function idleOfficialsTable(report: WeeklyReport, labels: WeeklyLabels): Table {
  return {
    title: labels.sections.idleOfficials,
    columns: [
      { heading: labels.idleColumns.name, width: WIDTH.name },
      { heading: labels.idleColumns.enterprises, width: WIDTH.number },
    ],
    rows: report.visits.officialsWithoutVisit.map((o) => [userCell(o.name), numberCell(o.enterprises)]),
  };
}

function overdueEnterprisesTable(report: WeeklyReport, labels: WeeklyLabels, lang: ReportLanguage): Table {
  const c = labels.overdueEnterpriseColumns;
  const zone = report.week.timezone;
  return {
    title: labels.sections.overdueEnterprises,
    columns: [
      { heading: c.enterprise, width: WIDTH.name },
      { heading: c.district, width: WIDTH.short },
      { heading: c.tier, width: WIDTH.short },
      { heading: c.lastVisitAt, width: WIDTH.instant },
      { heading: c.nextVisitDueAt, width: WIDTH.instant },
      { heading: c.daysOverdue, width: WIDTH.number },
      { heading: c.officials, width: WIDTH.name },
    ],
    rows: report.visits.overdueEnterprises.map((e) => [
      userCell(e.name),
      userCell(lang === 'en' ? e.districtNameEn : e.districtName),
      textCell(TIER_LABELS[e.tier as Tier]?.[lang] ?? e.tierLabel),
      textCell(e.lastVisitAt === null ? labels.neverVisited : formatInstant(e.lastVisitAt, zone)),
      textCell(formatInstant(e.nextVisitDueAt, zone)),
      numberCell(e.daysOverdue),
      userCell(e.officials.join('、')),
    ]),
  };
}

function policiesTable(report: WeeklyReport, labels: WeeklyLabels): Table {
  return {
    title: labels.sections.policies,
    columns: [
      { heading: labels.policyColumns.policy, width: WIDTH.title },
      { heading: labels.policyColumns.visits, width: WIDTH.number },
    ],
    rows: report.visits.policies.map((p) => [userCell(p.policy), numberCell(p.visits)]),
  };
}

/** Every section of the report as a table. */
export function sectionTables(
  report: WeeklyReport,
  labels: WeeklyLabels,
  lang: ReportLanguage,
): Record<SectionKey, Table> {
  return {
    visitSummary: visitSummaryTable(report, labels),
    visitCoverage: visitCoverageTable(report, labels),
    idleOfficials: idleOfficialsTable(report, labels),
    overdueEnterprises: overdueEnterprisesTable(report, labels, lang),
    policies: policiesTable(report, labels),
    summary: summaryTable(report, labels),
    rates: ratesTable(report, labels),
    departments: departmentsTable(report, labels),
    trend: trendTable(report, labels),
    new: problemTable(report, 'new', labels),
    overdue: problemTable(report, 'overdue', labels),
    escalated: problemTable(report, 'escalated', labels),
    unsatisfied: problemTable(report, 'unsatisfied', labels),
  };
}

/** The sections on each sheet of the workbook: the rates share the summary sheet. */
const SHEET_SECTIONS: Record<SheetKey, SectionKey[]> = {
  visits: ['visitSummary', 'visitCoverage', 'idleOfficials', 'overdueEnterprises', 'policies'],
  summary: ['summary', 'rates'],
  departments: ['departments'],
  trend: ['trend'],
  new: ['new'],
  overdue: ['overdue'],
  escalated: ['escalated'],
  unsatisfied: ['unsatisfied'],
};

// ---------------------------------------------------------------- HTML

const WEEKLY_HTML_POLICY = "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:";

const PAGE_STYLE = `
@page { size: A4; margin: 15mm }
* { box-sizing: border-box }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  font-size: 10pt; color: #1a202c; margin: 0; print-color-adjust: exact; -webkit-print-color-adjust: exact }
h1 { font-size: 15pt; margin: 0 0 4pt }
h3 { font-size: 10.5pt; margin: 10pt 0 3pt; break-after: avoid; page-break-after: avoid }
h2 { font-size: 12pt; margin: 14pt 0 4pt; break-after: avoid; page-break-after: avoid }
p.meta { margin: 0 0 8pt; color: #4a5568 }
table { border-collapse: collapse; width: 100%; margin: 0 0 6pt }
thead { display: table-header-group }
tr { break-inside: avoid; page-break-inside: avoid }
th, td { border: 1px solid #718096; padding: 2pt 4pt; vertical-align: top; text-align: left }
th { background: #edf2f7; font-weight: bold }
td.number { text-align: right; white-space: nowrap }
td.none { text-align: center; color: #718096 }
table.problems { font-size: 8.5pt }
figure { margin: 6pt 0; break-inside: avoid; page-break-inside: avoid }
figure svg { max-width: 100%; height: auto }
figcaption { font-weight: bold; margin: 0 0 2pt }
`;

/** A cell as a reader sees it: `—` for a missing value, rates with one decimal and a percent sign. */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'text':
      return cell.value ?? NO_VALUE;
    case 'number':
      return cell.value === null ? NO_VALUE : String(cell.value);
    case 'rate':
      return formatRate(cell.value);
    case 'date':
      return cell.value?.text ?? NO_VALUE;
  }
}

function htmlCell(cell: Cell): string {
  switch (cell.kind) {
    case 'text':
      return `<td>${escapeHtml(cell.value ?? NO_VALUE)}</td>`;
    case 'number':
      return `<td class="number">${cell.value === null ? NO_VALUE : String(cell.value)}</td>`;
    case 'rate':
      return `<td class="number">${escapeHtml(formatRate(cell.value))}</td>`;
    case 'date':
      return `<td>${escapeHtml(cell.value?.text ?? NO_VALUE)}</td>`;
  }
}

function htmlTable(table: Table, labels: WeeklyLabels, className?: string): string {
  const head = table.columns.map((c) => `<th>${escapeHtml(c.heading)}</th>`).join('');
  const rows =
    table.rows.length > 0
      ? table.rows.map((row) => `<tr>${row.map(htmlCell).join('')}</tr>`)
      : [`<tr><td class="none" colspan="${table.columns.length}">${escapeHtml(labels.none)}</td></tr>`];
  const classAttribute = className ? ` class="${className}"` : '';
  return [
    `<table${classAttribute}>`,
    `<thead><tr>${head}</tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
  ].join('\n');
}

function htmlSection(title: string, content: string[]): string {
  return ['<section>', `<h2>${escapeHtml(title)}</h2>`, ...content, '</section>'].join('\n');
}

/** The width of the printed charts: an A4 page's text column at 96 dpi is about 680 px. */
const CHART_WIDTH = 640;

/** A chart as the web page draws it, here as inline SVG under its title. */
function chartFigure(title: string, chart: SizedChart): string {
  const svg = renderChartSvg(chart.option, { width: CHART_WIDTH, height: chart.height });
  return `<figure>\n<figcaption>${escapeHtml(title)}</figcaption>\n${svg}\n</figure>`;
}

/** The line under the title: the instant the figures are taken at, and whether the week is still running. */
export function metaLine(report: WeeklyReport, labels: WeeklyLabels): string {
  const asOf = `${labels.asOf} ${formatInstant(report.asOf, report.week.timezone)} (${report.week.timezone})`;
  return asOf + (isWeekInProgress(report) ? ` · ${labels.weekInProgress}` : '');
}

function htmlMeta(report: WeeklyReport, labels: WeeklyLabels): string {
  return `<p class="meta">${escapeHtml(metaLine(report, labels))}</p>`;
}

/** The weekly report as a printable HTML page: inline CSS and SVG only, no script, nothing fetched. */
export function renderWeeklyHtml(report: WeeklyReport, lang: ReportLanguage): string {
  const labels = weeklyLabels(lang);
  const heading = reportHeading(report, lang);
  const tables = sectionTables(report, labels, lang);
  const sections = [
    htmlSection(labels.sections.visitSummary, [
      htmlTable(tables.visitSummary, labels),
      `<h3>${escapeHtml(tables.visitCoverage.title)}</h3>`,
      htmlTable(tables.visitCoverage, labels),
      chartFigure(labels.charts.coverage, coverageChart(coverageDistricts(report, labels), labels.charts.coverage)),
      ...(['idleOfficials', 'overdueEnterprises', 'policies'] as const).flatMap((key) => [
        `<h3>${escapeHtml(tables[key].title)}</h3>`,
        htmlTable(tables[key], labels),
      ]),
    ]),
    htmlSection(labels.sections.summary, [htmlTable(tables.summary, labels)]),
    htmlSection(labels.sections.rates, [htmlTable(tables.rates, labels)]),
    htmlSection(labels.sections.departments, [
      htmlTable(tables.departments, labels),
      chartFigure(
        labels.charts.departmentRates,
        departmentRatesChart(report.departments, labels.charts.departmentRates),
      ),
    ]),
    htmlSection(labels.sections.trend, [
      htmlTable(tables.trend, labels),
      chartFigure(labels.charts.trend, weeklyTrendChart(report.trend, labels.charts.trend)),
    ]),
    ...LISTS.map((list) => htmlSection(labels.sections[list], [htmlTable(tables[list], labels, 'problems')])),
    // Projects and enterprises under watch: each table under its own heading.
    ...watchSections(report, lang).flatMap((section) =>
      section.tables.map((table) => htmlSection(table.title, [htmlTable(table, labels, 'problems')])),
    ),
  ];
  return [
    '<!doctype html>',
    `<html lang="${labels.htmlLang}">`,
    '<head>',
    '<meta charset="utf-8">',
    // No script at all: the page is tables and inline SVG, also when saved and opened from disk.
    `<meta http-equiv="Content-Security-Policy" content="${WEEKLY_HTML_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(heading)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(heading)}</h1>`,
    htmlMeta(report, labels),
    ...sections,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- spreadsheet

/** Excel's number format for a rate: one decimal, as the figures are rounded. */
const RATE_FORMAT = '0.0';
const FROZEN_HEADER: Partial<ExcelJS.WorksheetView>[] = [{ state: 'frozen', ySplit: 1 }];

function xlsxValue(cell: Cell): string | number | Date | null {
  return cell.kind === 'date' ? (cell.value?.value ?? null) : cell.value;
}

function addTable(sheet: ExcelJS.Worksheet, table: Table): void {
  const header = sheet.addRow(table.columns.map((c) => c.heading));
  header.font = { bold: true };
  for (const cells of table.rows) {
    const row = sheet.addRow(cells.map(xlsxValue));
    cells.forEach((cell, index) => {
      if (cell.kind === 'rate') row.getCell(index + 1).numFmt = RATE_FORMAT;
      if (cell.kind === 'date' && cell.value) row.getCell(index + 1).numFmt = cell.value.numFmt;
    });
  }
}

/** Column widths: the widest of the tables that share the sheet. */
function setColumnWidths(sheet: ExcelJS.Worksheet, tables: Table[]): void {
  tables.forEach((table) =>
    table.columns.forEach((column, index) => {
      const sheetColumn = sheet.getColumn(index + 1);
      sheetColumn.width = Math.max(sheetColumn.width ?? 0, column.width);
    }),
  );
}

/** The weekly report as an .xlsx workbook: one sheet per section, header row bold and frozen, numbers as numbers. */
export async function renderWeeklyXlsx(report: WeeklyReport, lang: ReportLanguage): Promise<Buffer> {
  const labels = weeklyLabels(lang);
  const workbook = new (excel().Workbook)();
  // Dated by the figures, not by the rendering, so the same report gives the same workbook metadata.
  workbook.created = workbook.modified = new Date(report.asOf);
  workbook.title = reportHeading(report, lang);
  const tables = sectionTables(report, labels, lang);
  for (const key of SHEET_KEYS) {
    const sheetTables = SHEET_SECTIONS[key].map((section) => tables[section]);
    const sheet = workbook.addWorksheet(labels.sheets[key], { views: FROZEN_HEADER });
    sheetTables.forEach((table, index) => {
      if (index > 0) sheet.addRow([]);
      addTable(sheet, table);
    });
    setColumnWidths(sheet, sheetTables);
  }
  for (const section of watchSections(report, lang)) {
    const sheet = workbook.addWorksheet(section.sheet);
    section.tables.forEach((table, index) => {
      if (index > 0) sheet.addRow([]);
      sheet.addRow([table.title]).font = { bold: true };
      addTable(sheet, table);
    });
    setColumnWidths(sheet, section.tables);
  }
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data);
}

// ---------------------------------------------------------------- CSV

function csvValue(cell: Cell): string {
  switch (cell.kind) {
    case 'text':
      if (cell.value === null) return '';
      return cell.fromUser ? guardFormula(cell.value) : cell.value;
    case 'number':
      return cell.value === null ? '' : String(cell.value);
    case 'rate':
      return cell.value === null ? '' : cell.value.toFixed(RATE_DECIMALS);
    case 'date':
      return cell.csv ?? '';
  }
}

function csvSection(table: Table): string {
  const lines = [
    csvLine([table.title]),
    csvLine(table.columns.map((c) => c.heading)),
    ...table.rows.map((row) => csvLine(row.map(csvValue))),
  ];
  return lines.join(CSV_LINE_END);
}

/** The weekly report as CSV for Excel: a byte-order mark, then each section (title, heading row, rows) after a blank line. */
export function renderWeeklyCsv(report: WeeklyReport, lang: ReportLanguage): string {
  const labels = weeklyLabels(lang);
  const heading = csvLine([reportHeading(report, lang)]);
  const tables = sectionTables(report, labels, lang);
  const sections = [
    ...SECTION_KEYS.map((key) => csvSection(tables[key])),
    ...watchSections(report, lang).flatMap((section) => section.tables.map(csvSection)),
  ];
  return CSV_BOM + [heading, ...sections].join(CSV_LINE_END + CSV_LINE_END) + CSV_LINE_END;
}
