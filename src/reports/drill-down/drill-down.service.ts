import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/domain-error';
import { cursorValue, decodeCursor, encodeCursor } from '../../common/pagination';
import { STATUSES } from '../../workflow/statuses';
import type { PeriodInfo } from '../reports.service';
import { ReportsService } from '../reports.service';
import { ratePercent } from '../periods';
import { currentDefinition, type FigureDefinition, type FigureName } from './definitions';
import { DrillDownRepository, type ItemFilters, type ItemPageRow } from './drill-down.repository';
import type { ItemRow } from './drill-down.sql';
import type { DrillDownQuery, FigureScope } from './drill-down.dto';
import type { DrillDownItem, DrillDownPage } from './drill-down.response';
import { ITEM_SOURCES, type ReasonContext, sourceParams } from './item-sources';

/** A figure's scope made exact: the instant is fixed, so the same scope always reads the same items. */
export interface ResolvedScope {
  figure: FigureName;
  definition: FigureDefinition;
  period: PeriodInfo;
  asOf: string;
  groupBy?: string;
  /** One group's key, null for the group without one; undefined: every group. */
  group?: string | null;
  params: unknown[];
  sql: string;
}

/** Every item of a figure (no page), with its totals. */
export interface AllItems {
  scope: ResolvedScope;
  total: number;
  numerator: number;
  items: DrillDownItem[];
}

/** The group without a key (未交办, or no industry) as a query names it. */
export const NO_GROUP = 'none';

/**
 * The drill-down (下钻) of every figure: which items it counted, each as it was at the figure's
 * instant and why it counts. Counts and items come from the same SQL as the figure.
 */
@Injectable()
export class DrillDownService {
  constructor(
    private readonly repository: DrillDownRepository,
    private readonly reports: ReportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The figure's period, instant and group, checked against its definition. */
  scope(figure: FigureName, query: FigureScope): ResolvedScope {
    const definition = currentDefinition(figure);
    const source = ITEM_SOURCES[figure];
    if (query.groupBy !== undefined && !definition.groupBys.includes(query.groupBy)) {
      throw DomainError.invalidField('groupBy', `${figure} is grouped by one of ${definition.groupBys.join(', ')}`);
    }
    if (query.group !== undefined && query.groupBy === undefined) {
      throw DomainError.invalidField('group', 'give groupBy with group');
    }
    const { period, asOf } = this.reports.resolve(query);
    const described = this.reports.describe(period, asOf);
    return {
      figure,
      definition,
      ...described,
      groupBy: query.groupBy,
      group: query.group === undefined ? undefined : query.group === NO_GROUP ? null : query.group,
      params: sourceParams(source, period, asOf.toJSDate()),
      sql: source.sql(query.groupBy),
    };
  }

  async page(figure: FigureName, query: DrillDownQuery): Promise<DrillDownPage> {
    const scope = this.scope(figure, query);
    const filters = this.filters(scope, query);
    const limit = query.limit ?? 50;
    const after = query.cursor
      ? (decodeCursor(query.cursor, [cursorValue.timestamptz, cursorValue.text]) as [string, string])
      : null;
    let found = await this.repository.items(scope.sql, scope.params, filters, after, limit + 1);
    // A page after the last one holds no row to carry the totals: read them from the first.
    const totals =
      found[0] ?? (after ? (await this.repository.items(scope.sql, scope.params, filters, null, 1))[0] : undefined);
    const context = await this.context();
    const last = found[limit - 1];
    const nextCursor = found.length > limit && last ? encodeCursor([last.sort_text, last.item_key]) : null;
    found = found.slice(0, limit);
    return {
      ...this.header(scope, totals?.total ?? 0, totals?.numerator ?? 0),
      items: found.map((row) => this.item(scope, row, context)),
      nextCursor,
    };
  }

  /** Every item of the scope (with the list's filters, if any): for publishing, reconciling and files. */
  async all(scope: ResolvedScope, filters: ItemFilters = {}): Promise<AllItems> {
    const found = await this.repository.items(scope.sql, scope.params, { ...filters, group: scope.group }, null, null);
    const context = await this.context();
    return {
      scope,
      total: found[0]?.total ?? 0,
      numerator: found[0]?.numerator ?? 0,
      items: found.map((row) => this.item(scope, row, context)),
    };
  }

  header(scope: ResolvedScope, total: number, numerator: number) {
    return {
      figure: scope.figure,
      definition: { ...scope.definition, groupBys: [...scope.definition.groupBys] },
      period: scope.period,
      asOf: scope.asOf,
      ...(scope.groupBy !== undefined ? { groupBy: scope.groupBy } : {}),
      ...(scope.group !== undefined ? { group: scope.group } : {}),
      total,
      numerator,
      ratePercent: ratePercent(numerator, total),
    };
  }

  filters(scope: ResolvedScope, query: DrillDownQuery): ItemFilters {
    const statuses = query.status?.split(',');
    const unknown = statuses?.find((s) => !(STATUSES as readonly string[]).includes(s));
    if (unknown !== undefined) throw DomainError.invalidField('status', `not a status: ${unknown}`);
    return {
      group: scope.group,
      statuses,
      departmentId: query.departmentId,
      district: query.district,
      category: query.category,
      enterpriseId: query.enterpriseId,
      q: query.q?.trim() || undefined,
      inNumerator: query.inNumerator === undefined ? undefined : query.inNumerator === 'true',
    };
  }

  private async context(): Promise<ReasonContext> {
    return { departments: await this.repository.departmentNames(), timezone: this.config.reportTimezone };
  }

  /** An item of the scope; without a grouping it counts in no group. */
  private item(scope: ResolvedScope, row: ItemPageRow, context: ReasonContext): DrillDownItem {
    const item = drillDownItem(scope.figure, row, context);
    return scope.groupBy === undefined ? { ...item, groupKey: null } : item;
  }
}

/**
 * One row of a figure's items as the API gives it. A function of its own so that a figure can be
 * published outside a request, from the same rows (the demo data publishes two; see
 * src/reports/published/).
 */
export function drillDownItem(figure: FigureName, row: ItemRow, context: ReasonContext): DrillDownItem {
  const reason = ITEM_SOURCES[figure].reason(row, context);
  const iso = (at: Date | null) => (at ? at.toISOString() : null);
  return {
    id: row.item_id,
    itemKey: row.item_key,
    code: row.code,
    title: row.title,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    inNumerator: row.in_numerator,
    statusAsOf: row.status_as_of,
    departmentIdAsOf: row.department_id_as_of,
    departmentNameAsOf: row.department_id_as_of ? (context.departments.get(row.department_id_as_of) ?? null) : null,
    dueAtAsOf: iso(row.due_at_as_of),
    judgedDueAt: iso(row.judged_due_at),
    countedAt: iso(row.counted_at),
    countedDepartmentId: row.counted_department_id,
    groupKey: row.group_key,
    reasonCode: reason.code,
    reason: reason.text,
    detail: row.detail,
  };
}
