import { Injectable } from '@nestjs/common';
import { containsPattern, rows, SqlParams } from '../../common/sql';
import { itemsPage, type ItemRow } from './drill-down.sql';
import { ReportReader } from '../../database/report-reader';

/** What narrows a drill-down: the figure's group and the resolution list's filters, as of the instant. */
export interface ItemFilters {
  /** One group's key; null for the group without a key; undefined for every group. */
  group?: string | null;
  statuses?: string[];
  departmentId?: string;
  district?: string;
  category?: string;
  enterpriseId?: string;
  q?: string;
  inNumerator?: boolean;
}

export type ItemPageRow = ItemRow & { total: number; numerator: number };

/** The drill-downs' data access: one statement per page (or per whole list), over a figure's items SQL. */
@Injectable()
export class DrillDownRepository {
  constructor(private readonly reader: ReportReader) {}

  /**
   * The items of `itemsSql` (its own parameters first), filtered, from just after `after`
   * ([sort text, item key]), at most `limit` (every one when null); each row carries the totals of
   * all the filtered items.
   */
  items(
    itemsSql: string,
    itemParams: unknown[],
    filters: ItemFilters,
    after: [string, string] | null,
    limit: number | null,
  ): Promise<ItemPageRow[]> {
    const params = new SqlParams();
    for (const value of itemParams) params.add(value);
    const where: string[] = [];
    if (filters.group !== undefined) where.push(`i.group_key IS NOT DISTINCT FROM ${params.add(filters.group)}::text`);
    if (filters.statuses) where.push(`i.status_as_of = ANY(${params.add(filters.statuses)}::text[])`);
    if (filters.departmentId) where.push(`i.department_id_as_of = ${params.add(filters.departmentId)}::uuid`);
    if (filters.district) where.push(`i.district_code = ${params.add(filters.district)}`);
    if (filters.category) where.push(`i.category_code = ${params.add(filters.category)}`);
    if (filters.enterpriseId) where.push(`i.enterprise_id = ${params.add(filters.enterpriseId)}::uuid`);
    if (filters.q) {
      const pattern = params.add(containsPattern(filters.q));
      where.push(`(i.code ILIKE ${pattern} OR i.title ILIKE ${pattern} OR i.enterprise_name ILIKE ${pattern})`);
    }
    if (filters.inNumerator !== undefined) where.push(`i.in_numerator = ${params.add(filters.inNumerator)}`);
    const afterSql = after
      ? `(sort_at, item_key) > (${params.add(after[0])}::timestamptz, ${params.add(after[1])}::text)`
      : null;
    const limitSql = limit === null ? null : params.add(limit);
    return rows<ItemPageRow>(this.reader.db, itemsPage(itemsSql, where, afterSql, limitSql), params.values);
  }

  /** Every department's name by id: items name the department they were with. */
  async departmentNames(): Promise<Map<string, string>> {
    const found = await rows<{ id: string; name: string }>(this.reader.db, 'SELECT id, name FROM departments');
    return new Map(found.map((d) => [d.id, d.name]));
  }
}
