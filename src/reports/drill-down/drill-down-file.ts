import { excel } from '../../common/excel';
import { CSV_BOM, CSV_LINE_END, csvLine, formatInstant, guardFormula } from '../../common/spreadsheet-text';
import { ratePercent } from '../periods';
import { STATUS_LABELS, type Status } from '../../workflow/statuses';
import type { AllItems } from './drill-down.service';

type Lang = 'zh' | 'en';

const HEADINGS: Record<Lang, string[]> = {
  zh: [
    '编号',
    '名称',
    '企业',
    '计入分子',
    '统计时点状态',
    '统计时点责任单位',
    '统计时点办理时限',
    '判定时限',
    '计入时间',
    '分组',
    '说明',
  ],
  en: [
    'Code',
    'Title',
    'Enterprise',
    'In numerator',
    'Status then',
    'Department then',
    'Deadline then',
    'Judged by',
    'Counted at',
    'Group',
    'Why',
  ],
};

/** The file's first lines: the figure, its definition and its numbers, so the file stands on its own. */
function preamble(all: AllItems, lang: Lang, timezone: string): string[][] {
  const { scope } = all;
  const zh = lang === 'zh';
  const percent = ratePercent(all.numerator, all.total);
  const rate = percent === null ? '—' : `${percent.toFixed(1)} %`;
  return [
    [zh ? scope.definition.nameZh : scope.definition.name, `${all.numerator} / ${all.total}`, rate],
    [zh ? '口径' : 'Definition', scope.definition.id, zh ? scope.definition.textZh : scope.definition.text],
    [
      zh ? '统计期' : 'Period',
      scope.period.label,
      `${formatInstant(scope.period.from, timezone)} – ${formatInstant(scope.period.to, timezone)}`,
    ],
    [zh ? '统计时点' : 'As of', formatInstant(scope.asOf, timezone), timezone],
    ...(scope.group !== undefined
      ? [[zh ? '分组' : 'Group', `${scope.groupBy}`, guardFormula(scope.group ?? (zh ? '无' : 'none'))]]
      : []),
    [],
  ];
}

function rowsOf(all: AllItems, lang: Lang, timezone: string): string[][] {
  const when = (at: string | null) => (at ? formatInstant(at, timezone) : '');
  // Every cell is text a user or a reference table wrote (a code is an enterprise's name when it
  // has no credit code), so none may start a formula.
  return all.items.map((item) =>
    [
      item.code,
      item.title,
      item.enterpriseName ?? '',
      item.inNumerator ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no',
      item.statusAsOf && item.statusAsOf in STATUS_LABELS
        ? STATUS_LABELS[item.statusAsOf as Status][lang]
        : (item.statusAsOf ?? ''),
      item.departmentNameAsOf ?? '',
      when(item.dueAtAsOf),
      when(item.judgedDueAt),
      when(item.countedAt),
      item.groupKey ?? '',
      item.reason,
    ].map(guardFormula),
  );
}

export function drillDownCsv(all: AllItems, lang: Lang, timezone: string): string {
  const lines = [...preamble(all, lang, timezone), HEADINGS[lang], ...rowsOf(all, lang, timezone)];
  return CSV_BOM + lines.map((fields) => csvLine(fields)).join(CSV_LINE_END) + CSV_LINE_END;
}

export async function drillDownXlsx(all: AllItems, lang: Lang, timezone: string): Promise<Buffer> {
  const workbook = new (excel().Workbook)();
  const sheet = workbook.addWorksheet(all.scope.figure);
  for (const line of preamble(all, lang, timezone)) sheet.addRow(line);
  sheet.addRow(HEADINGS[lang]).font = { bold: true };
  for (const line of rowsOf(all, lang, timezone)) sheet.addRow(line);
  sheet.columns.forEach((column, index) => (column.width = index === 1 || index === 10 ? 40 : 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
