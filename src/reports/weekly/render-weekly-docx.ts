import { watchSections } from './render-weekly-watch';
import type * as Docx from 'docx';
import type * as ResvgJs from '@resvg/resvg-js';
import { renderChartSvg } from '../charts/render-svg';
import { coverageChart, departmentRatesChart, type SizedChart, weeklyTrendChart } from '../charts/weekly-charts';
import { cellText, coverageDistricts, LISTS, metaLine, sectionTables, type Table } from './render-weekly';
import { reportHeading, type SectionKey, weeklyLabels, type WeeklyLabels, weekDays } from './weekly-labels';
import type { ReportLanguage, WeeklyReport } from './weekly-report';

/*
 * The weekly report as a Word document in the manner of a coordination office's bulletin (通报):
 * a centred title, the week and the instant of the figures, then numbered sections (一、二、…),
 * each with its tables and, where the printed page has one, its chart. The tables are the same
 * as those of the other formats (sectionTables); the charts are the same ECharts options, as
 * SVG, with a PNG drawn from that SVG for word processors that cannot show SVG.
 */

let docxLibrary: typeof Docx | undefined;
let resvgLibrary: typeof ResvgJs | undefined;

/** The libraries, loaded on the first document: few requests ask for one, and every start would pay for them. */
function docx(): typeof Docx {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  docxLibrary ??= require('docx') as typeof Docx;
  return docxLibrary;
}

function resvg(): typeof ResvgJs {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  resvgLibrary ??= require('@resvg/resvg-js') as typeof ResvgJs;
  return resvgLibrary;
}

/** Chart size on the page, in pixels at 96 per inch: an A4 text column is about 600 wide. */
const CHART_WIDTH = 600;
/** The PNG fallback is drawn at twice the size, so it stays sharp when printed. */
const PNG_SCALE = 2;

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };

/** Half-points, as Word counts font sizes: 二号 22 pt for the title, 三号 16 pt for headings, 小四 12 pt for text. */
const SIZE = { title: 44, heading: 32, subheading: 28, text: 24, table: 21 };

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'];

/** `一、` in Chinese, `1. ` in English. */
function sectionNumber(index: number, lang: ReportLanguage): string {
  return lang === 'en' ? `${index + 1}. ` : `${CHINESE_NUMERALS[index] ?? String(index + 1)}、`;
}

function text(value: string, options: { bold?: boolean; size?: number; font?: typeof FONT } = {}): Docx.TextRun {
  return new (docx().TextRun)({
    text: value,
    bold: options.bold,
    size: options.size ?? SIZE.text,
    font: options.font ?? FONT,
  });
}

function tableOf(table: Table, labels: WeeklyLabels): Docx.Table {
  const { Table: DocxTable, TableRow, TableCell, Paragraph, WidthType, AlignmentType, ShadingType } = docx();
  const cell = (value: string, options: { header?: boolean; right?: boolean } = {}) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [text(value, { bold: options.header, size: SIZE.table })],
        }),
      ],
      shading: options.header ? { type: ShadingType.CLEAR, fill: 'EDF2F7', color: 'auto' } : undefined,
    });
  const header = new TableRow({
    tableHeader: true,
    children: table.columns.map((column) => cell(column.heading, { header: true })),
  });
  const rows =
    table.rows.length > 0
      ? table.rows.map(
          (row) => new TableRow({ children: row.map((c) => cell(cellText(c), { right: c.kind !== 'text' })) }),
        )
      : [
          new TableRow({
            children: [
              new TableCell({
                columnSpan: table.columns.length,
                children: [
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: [text(labels.none, { size: SIZE.table })],
                  }),
                ],
              }),
            ],
          }),
        ];
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  return new DocxTable({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: table.columns.map((column) => Math.round((9000 * column.width) / total)),
    rows: [header, ...rows],
  });
}

/** A chart as an SVG image with a PNG fallback, under its caption. */
function chartOf(title: string, chart: SizedChart): Docx.Paragraph[] {
  const { Paragraph, ImageRun, AlignmentType } = docx();
  const svg = renderChartSvg(chart.option, { width: CHART_WIDTH, height: chart.height });
  const png = new (resvg().Resvg)(svg, {
    fitTo: { mode: 'width', value: CHART_WIDTH * PNG_SCALE },
    font: { loadSystemFonts: true },
  })
    .render()
    .asPng();
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [text(title, { bold: true, size: SIZE.table })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(svg),
          fallback: { type: 'png', data: png },
          transformation: { width: CHART_WIDTH, height: chart.height },
          altText: { name: title, description: title, title },
        }),
      ],
    }),
  ];
}

function heading(value: string, level: 1 | 2): Docx.Paragraph {
  const { Paragraph, HeadingLevel } = docx();
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    spacing: { before: level === 1 ? 240 : 160, after: 80 },
    keepNext: true,
    children: [
      text(value, {
        bold: level === 2,
        size: level === 1 ? SIZE.heading : SIZE.subheading,
        font: level === 1 ? HEADING_FONT : FONT,
      }),
    ],
  });
}

/** The weekly report as a .docx document: the same sections, tables and charts as the printable page. */
export async function renderWeeklyDocx(report: WeeklyReport, lang: ReportLanguage): Promise<Buffer> {
  const { Document, Packer, Paragraph, AlignmentType } = docx();
  const labels = weeklyLabels(lang);
  const tables = sectionTables(report, labels, lang);
  const { first, last } = weekDays(report);

  /** Each numbered section: its title, then tables (as sub-sections where there are several) and charts. */
  const sections: { title: string; body: (Docx.Paragraph | Docx.Table)[] }[] = [
    {
      title: labels.sections.visitSummary,
      body: [
        tableOf(tables.visitSummary, labels),
        ...(['visitCoverage', 'idleOfficials', 'overdueEnterprises', 'policies'] as SectionKey[]).flatMap((key) => [
          heading(tables[key].title, 2),
          tableOf(tables[key], labels),
          ...(key === 'visitCoverage'
            ? chartOf(labels.charts.coverage, coverageChart(coverageDistricts(report, labels), labels.charts.coverage))
            : []),
        ]),
      ],
    },
    { title: labels.sections.summary, body: [tableOf(tables.summary, labels)] },
    { title: labels.sections.rates, body: [tableOf(tables.rates, labels)] },
    {
      title: labels.sections.departments,
      body: [
        tableOf(tables.departments, labels),
        ...chartOf(
          labels.charts.departmentRates,
          departmentRatesChart(report.departments, labels.charts.departmentRates),
        ),
      ],
    },
    {
      title: labels.sections.trend,
      body: [
        tableOf(tables.trend, labels),
        ...chartOf(labels.charts.trend, weeklyTrendChart(report.trend, labels.charts.trend)),
      ],
    },
    ...LISTS.map((list) => ({ title: labels.sections[list], body: [tableOf(tables[list], labels)] })),
    // Key projects and enterprises under watch: the counts table first, then each list under its heading.
    ...watchSections(report, lang).map((section) => ({
      title: section.title,
      body: section.tables.flatMap((table, index) =>
        index === 0 ? [tableOf(table, labels)] : [heading(table.title, 2), tableOf(table, labels)],
      ),
    })),
  ];

  const document = new Document({
    title: reportHeading(report, lang),
    creator: labels.reportTitle,
    description: metaLine(report, labels),
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [text(labels.reportTitle, { size: SIZE.title, font: TITLE_FONT })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [text(`${report.week.label}${labels.dateRange(first, last)}`)],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [text(metaLine(report, labels), { size: SIZE.table })],
          }),
          ...sections.flatMap((section, index) => [
            heading(`${sectionNumber(index, lang)}${section.title}`, 1),
            ...section.body,
          ]),
          // Word keeps a paragraph after a final table; without one some readers add it themselves.
          new Paragraph({}),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
