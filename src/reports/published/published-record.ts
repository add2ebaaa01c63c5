import type { Queryable } from '../../common/sql';
import { execute, one } from '../../common/sql';
import type { DrillDownItem } from '../drill-down/drill-down.response';
import type { AllItems, ResolvedScope } from '../drill-down/drill-down.service';
import { ratePercent } from '../periods';
import { checksum, type GroupScope } from './checksum';
import type { NewPublished, PublishedItemRow } from './published.repository';

/**
 * A published figure's rows made from the drill-down's items, and the statements that store them:
 * shared by the API's publish and the demo data, which publishes figures as the coordination
 * office would have.
 */

export function groupScope(scope: Pick<ResolvedScope, 'groupBy' | 'group'>): GroupScope {
  if (scope.groupBy === undefined) return { kind: 'all' };
  if (scope.group === undefined) return { kind: 'every', groupBy: scope.groupBy };
  if (scope.group === null) return { kind: 'keyless', groupBy: scope.groupBy };
  return { kind: 'one', groupBy: scope.groupBy, key: scope.group };
}

/** The published_figures row of a figure's items, with its checksum. */
export function publishedRow(
  all: AllItems,
  publishedBy: string,
  groupLabel: string | null,
  note: string | null,
): NewPublished {
  const { scope } = all;
  const group = groupScope(scope);
  const definition = scope.definition;
  return {
    figure: scope.figure,
    definition_id: definition.id,
    definition_text: {
      nameZh: definition.nameZh,
      name: definition.name,
      textZh: definition.textZh,
      text: definition.text,
    },
    period_label: scope.period.label,
    period_from: new Date(scope.period.from),
    period_to: new Date(scope.period.to),
    as_of: new Date(scope.asOf),
    group_by: scope.groupBy ?? null,
    group_key: group.kind === 'one' ? group.key : null,
    group_keyless: group.kind === 'keyless',
    group_label: groupLabel,
    numerator: all.numerator,
    denominator: all.total,
    rate_percent: ratePercent(all.numerator, all.total)?.toFixed(1) ?? null,
    checksum: checksum({
      definitionId: definition.id,
      periodFrom: scope.period.from,
      periodTo: scope.period.to,
      asOf: scope.asOf,
      group,
      items: all.items,
    }),
    published_by: publishedBy,
    note,
  };
}

export function storedItem(item: DrillDownItem): PublishedItemRow {
  return {
    item_key: item.itemKey,
    item_id: item.id,
    code: item.code,
    title: item.title,
    enterprise_name: item.enterpriseName,
    in_numerator: item.inNumerator,
    status_as_of: item.statusAsOf,
    department_id_as_of: item.departmentIdAsOf,
    department_name_as_of: item.departmentNameAsOf,
    counted_at: item.countedAt === null ? null : new Date(item.countedAt),
    reason_code: item.reasonCode,
    reason: item.reason,
  };
}

/** Stores a figure and its items; `publishedAt` only for the demo data's past publications (default: now). */
export async function insertPublished(
  db: Queryable,
  row: NewPublished,
  items: PublishedItemRow[],
  publishedAt: Date | null = null,
): Promise<string> {
  const { id } = await one<{ id: string }>(
    db,
    `INSERT INTO published_figures (figure, definition_id, definition_text, period_label, period_from, period_to, as_of,
       group_by, group_key, group_keyless, group_label, numerator, denominator, rate_percent, checksum, published_by, note,
       published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, COALESCE($18, clock_timestamp()))
     RETURNING id`,
    [
      row.figure,
      row.definition_id,
      JSON.stringify(row.definition_text),
      row.period_label,
      row.period_from,
      row.period_to,
      row.as_of,
      row.group_by,
      row.group_key,
      row.group_keyless,
      row.group_label,
      row.numerator,
      row.denominator,
      row.rate_percent,
      row.checksum,
      row.published_by,
      row.note,
      publishedAt,
    ],
  );
  // One statement per thousand items: a quarter's figure counts a few hundred, a year's a few thousand.
  for (let start = 0; start < items.length; start += 1000) {
    const chunk = items.slice(start, start + 1000);
    await execute(
      db,
      `INSERT INTO published_figure_items (published_id, item_key, item_id, code, title, enterprise_name, in_numerator,
         status_as_of, department_id_as_of, department_name_as_of, counted_at, reason_code, reason)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[],
         $8::text[], $9::uuid[], $10::text[], $11::timestamptz[], $12::text[], $13::text[])`,
      [
        id,
        chunk.map((i) => i.item_key),
        chunk.map((i) => i.item_id),
        chunk.map((i) => i.code),
        chunk.map((i) => i.title),
        chunk.map((i) => i.enterprise_name),
        chunk.map((i) => i.in_numerator),
        chunk.map((i) => i.status_as_of),
        chunk.map((i) => i.department_id_as_of),
        chunk.map((i) => i.department_name_as_of),
        chunk.map((i) => i.counted_at),
        chunk.map((i) => i.reason_code),
        chunk.map((i) => i.reason),
      ],
    );
  }
  return id;
}
