import { STATUS_LABELS, type Status } from '../../workflow/statuses';
import type { Period } from '../periods';
import type { FigureName } from './definitions';
import {
  EVENT_TYPES,
  problemFigureItems,
  type ItemRow,
  type ProblemFigure,
  type ProblemGroupBy,
} from './drill-down.sql';
import type { ReasonCode } from './drill-down.response';
import { OUTREACH_SOURCES } from './outreach-items';
import { day } from './reason-day';

/** What an item's reason is written with: department names and the report time zone. */
export interface ReasonContext {
  departments: Map<string, string>;
  timezone: string;
}

/**
 * Where a figure's items come from: its items SQL for a grouping (its parameters being $1 from,
 * $2 to, $3 asOf and then `params`), and why each item counts.
 */
export interface ItemSource {
  sql(groupBy: string | undefined): string;
  /** Parameters after $1–$3, or how the period gives them (the plan year of the project figures). */
  params: unknown[] | ((period: Period) => unknown[]);
  reason(row: ItemRow, context: ReasonContext): { code: ReasonCode; text: string };
}

/** The parameters of a source's items SQL for a period and an instant: $1 from, $2 to, $3 asOf, then its own. */
export function sourceParams(source: ItemSource, period: Period, asOf: Date): unknown[] {
  const own = typeof source.params === 'function' ? source.params(period) : source.params;
  return [period.from.toJSDate(), period.to.toJSDate(), asOf, ...own];
}

function departmentName(id: string | null, context: ReasonContext): string {
  return id ? (context.departments.get(id) ?? id) : '';
}

function statusLabel(status: string | null): string {
  return status && status in STATUS_LABELS ? STATUS_LABELS[status as Status].zh : '未录入';
}

const SATISFACTION_ZH: Record<string, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

function problemSource(figure: ProblemFigure, reason: ItemSource['reason']): ItemSource {
  const types = EVENT_TYPES[figure];
  return {
    sql: (groupBy) => problemFigureItems(figure, (groupBy ?? 'total') as ProblemGroupBy),
    params: types.length ? [types] : [],
    reason,
  };
}

const resolvedOnTime: ItemSource['reason'] = (row, context) => {
  const by = `${day(row.counted_at, context.timezone)} 由 ${departmentName(row.counted_department_id, context)} 办结`;
  const due = row.judged_due_at ? day(row.judged_due_at, context.timezone) : null;
  if (row.in_numerator) return { code: 'on_time', text: due ? `${by}，不晚于时限 ${due}` : `${by}，未设时限` };
  return { code: 'late', text: `${by}，超过时限 ${due}` };
};

/** The problem-based figures; the others add theirs in their own files. */
export const PROBLEM_SOURCES: Record<ProblemFigure, ItemSource> = {
  'resolution-rate': problemSource('resolution-rate', (row, context) =>
    row.in_numerator
      ? {
          code: 'resolved',
          text: `${day(row.counted_at, context.timezone)} 由 ${departmentName(row.counted_department_id, context)} 办结`,
        }
      : {
          code: 'not_resolved',
          text: `截至统计时点${statusLabel(row.status_as_of)}${row.department_id_as_of ? `（${departmentName(row.department_id_as_of, context)}）` : ''}`,
        },
  ),
  'on-time-rate': problemSource('on-time-rate', resolvedOnTime),
  'on-time-with-extension-rate': problemSource('on-time-with-extension-rate', resolvedOnTime),
  'satisfaction-rate': problemSource('satisfaction-rate', (row, context) => {
    const satisfaction = String(row.detail.satisfaction ?? '');
    const who = row.detail.source === 'enterprise' ? '企业自评' : '回访';
    return {
      code: row.in_numerator ? 'satisfied' : 'unsatisfied',
      text: `${day(row.counted_at, context.timezone)} ${who}：${SATISFACTION_ZH[satisfaction] ?? satisfaction}`,
    };
  }),
  'sign-for-rate': problemSource('sign-for-rate', (row, context) => {
    const department = departmentName(row.counted_department_id, context);
    const due = day(row.judged_due_at, context.timezone);
    if (row.counted_at === null) return { code: 'not_signed', text: `截至统计时点未签收，签收时限 ${due}` };
    const signed = `${day(row.counted_at, context.timezone)} ${department} 签收`;
    return row.in_numerator
      ? { code: 'signed_in_time', text: `${signed}，不晚于签收时限 ${due}` }
      : { code: 'signed_late', text: `${signed}，超过签收时限 ${due}` };
  }),
};

/** Every figure's item source. */
export const ITEM_SOURCES: Record<FigureName, ItemSource> = { ...PROBLEM_SOURCES, ...OUTREACH_SOURCES };
