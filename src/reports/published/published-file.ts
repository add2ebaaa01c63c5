import type { ResolvedScope } from '../drill-down/drill-down.service';
import type { AllItems } from '../drill-down/drill-down.service';
import { CSV_BOM, CSV_LINE_END, csvLine, formatInstant, guardFormula } from '../../common/spreadsheet-text';
import { STATUS_LABELS, type Status } from '../../workflow/statuses';
import type { FigureName } from '../drill-down/definitions';
import type { PublishedWithItems } from './published.service';
import type { Reconciliation } from './published.response';

/**
 * A published figure's stored items as the drill-down's files lay them out (drill-down-file.ts):
 * the stored rows become the drill-down's items, the columns it did not store left empty.
 */
export function asAllItems(published: PublishedWithItems): AllItems {
  const { figure, definition, items } = published;
  const scope: ResolvedScope = {
    figure: figure.figure as FigureName,
    definition,
    period: figure.period,
    asOf: figure.asOf,
    ...(figure.groupBy !== undefined ? { groupBy: figure.groupBy } : {}),
    ...(figure.group !== undefined ? { group: figure.group } : {}),
    params: [],
    sql: '',
  };
  return {
    scope,
    total: figure.denominator,
    numerator: figure.numerator,
    items: items.map((item) => ({
      id: item.id,
      itemKey: item.itemKey,
      code: item.code,
      title: item.title,
      enterpriseId: null,
      enterpriseName: item.enterpriseName,
      inNumerator: item.inNumerator,
      statusAsOf: item.statusAsOf,
      departmentIdAsOf: item.departmentIdAsOf,
      departmentNameAsOf: item.departmentNameAsOf,
      dueAtAsOf: null,
      judgedDueAt: null,
      countedAt: item.countedAt,
      countedDepartmentId: null,
      groupKey: null,
      reasonCode: item.reasonCode as AllItems['items'][number]['reasonCode'],
      reason: item.reason,
      detail: {},
    })),
  };
}

function statusText(status: string | null): string {
  return status && status in STATUS_LABELS ? STATUS_LABELS[status as Status].zh : (status ?? '');
}

function stateText(state: Reconciliation['moved'][number]['before']): string[] {
  if (state === null) return ['未计入', '', ''];
  return [state.inNumerator ? '是' : '否', statusText(state.statusAsOf), guardFormula(state.departmentNameAsOf ?? '')];
}

/** The reconciliation's lines (口径核对), for a bulletin's attachment and the weekly report. */
export function reconciliationLines(r: Reconciliation, timezone: string): string[][] {
  const p = r.published;
  return [
    ['口径核对', `${p.definitionText.nameZh} ${p.period.label}`, p.groupLabel ?? ''],
    ['发布口径', p.definition, p.definitionText.textZh],
    ['发布时统计时点', formatInstant(p.asOf, timezone), `${p.numerator} / ${p.denominator}`, rateText(p.ratePercent)],
    [
      '核对时点',
      formatInstant(r.asOf, timezone),
      `${r.now.numerator} / ${r.now.denominator}`,
      rateText(r.now.ratePercent),
    ],
    ['现行口径', r.now.definition],
    ['差额', `分子 ${signed(r.difference.numerator)}`, `分母 ${signed(r.difference.denominator)}`],
    ['校验码', p.checksum],
    [],
    ['编号', '名称', '发布时计入分子', '发布时状态', '发布时责任单位', '现计入分子', '现状态', '现责任单位', '原因'],
    ...r.moved.map((m) => [
      guardFormula(m.code),
      guardFormula(m.title),
      ...stateText(m.before),
      ...stateText(m.after),
      guardFormula(m.reasons.map((reason) => reason.text).join('；')),
    ]),
  ];
}

export function reconciliationCsv(r: Reconciliation, timezone: string): string {
  return (
    CSV_BOM +
    reconciliationLines(r, timezone)
      .map((fields) => csvLine(fields))
      .join(CSV_LINE_END) +
    CSV_LINE_END
  );
}

function rateText(rate: number | null): string {
  return rate === null ? '—' : `${rate.toFixed(1)} %`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
