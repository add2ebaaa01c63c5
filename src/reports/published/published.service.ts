import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { AuthUser } from '../../access/auth-user';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { cursorValue, decodeCursor, encodeCursor } from '../../common/pagination';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import {
  currentDefinition,
  DEFINITION_HISTORY,
  type FigureDefinition,
  type FigureName,
  periodQuery,
} from '../drill-down/definitions';
import type { DrillDownItem } from '../drill-down/drill-down.response';
import { DrillDownService, type ResolvedScope } from '../drill-down/drill-down.service';
import { parseInstant, ratePercent, readPeriod } from '../periods';
import { NO_KEY_LABEL } from '../resolution-counts';
import { publishedRow, storedItem } from './published-record';
import type { PublishBody, PublishedItemsQuery, PublishedListQuery } from './published.dto';
import { PublishedRepository, type PublishedItemRow, type PublishedRow } from './published.repository';
import type {
  ItemState,
  MovedItem,
  PublishedFigure,
  PublishedItem,
  PublishedItemsPage,
  PublishedList,
  Reconciliation,
} from './published.response';
import {
  differences,
  reasonsFor,
  summarise,
  type ComparedItem,
  type ItemDifference,
  type LaterEvent,
  type ProblemFacts,
} from './reconciliation-rules';

/** The answer of a publish: the record, and whether this call stored it (201) or found it stored (200). */
export interface Published {
  created: boolean;
  figure: PublishedFigure;
}

/** A published figure with every stored item: what the files and the weekly report read. */
export interface PublishedWithItems {
  figure: PublishedFigure;
  definition: FigureDefinition;
  items: PublishedItem[];
}

/**
 * Publishing figures (发布) and reconciling them (口径核对). A published figure is the drill-down's
 * exact item list at a fixed instant, stored with a checksum and read from the stored rows only,
 * so it reads the same forever; reconciliation recomputes it later and names why items moved.
 */
const SETTLE_POLL_MS = 500;
const SETTLE_WAIT_MS = 10_000;

@Injectable()
export class PublishedService {
  constructor(
    private readonly repository: PublishedRepository,
    private readonly drillDown: DrillDownService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private readonly figureOf = (row: PublishedRow): PublishedFigure => toFigure(row, this.config.reportTimezone);

  async publish(user: AuthUser, body: PublishBody): Promise<Published> {
    const { figure, note, ...query } = body;
    const scope = this.drillDown.scope(figure, query);
    // The stored items say which group they count in only through the figure's scope: a grouping is
    // published one group at a time (or the figure as a whole), so every stored item is that group's.
    if (scope.groupBy !== undefined && scope.group === undefined) {
      throw DomainError.invalidField(
        'group',
        'publish one group of the grouping (its key, or none), or the whole figure',
      );
    }
    // A figure as of an instant still to come could change after it is published under that instant.
    const asOf = new Date(scope.asOf);
    if (asOf.getTime() > Date.now()) {
      throw DomainError.invalidField('asOf', 'a figure is published as of now or an instant already past');
    }
    await this.settledAt(asOf);
    const all = await this.drillDown.all(scope);
    const row = publishedRow(all, user.id, await this.groupLabel(scope), note ?? null);
    const items = all.items.map(storedItem);
    return this.repository.publishing(async (em) => {
      const stored = await this.repository.findIdentity(em, row);
      if (stored === undefined) {
        const id = await this.repository.insert(em, row, items);
        return { created: true, figure: this.figureOf((await this.repository.get(em, id))!) };
      }
      if (stored.checksum === row.checksum) return { created: false, figure: this.figureOf(stored) };
      const before = (await this.repository.items(em, stored.id, {}, null, null)).map(comparedFromStored);
      const found = differences(before, all.items.map(comparedFromDrillDown));
      throw new DomainError(
        ErrorCode.PublishedDiffers,
        `${stored.definition_id} of ${stored.period_label} as of ${stored.as_of.toISOString()} was published with other items`,
        {
          publishedId: stored.id,
          publishedChecksum: stored.checksum,
          checksum: row.checksum,
          difference: summarise(found),
        },
      );
    });
  }

  /**
   * Waits (at most ten seconds) until every change before `asOf` is committed and visible, so that
   * the items read are all there ever will be as of `asOf`: a transaction still open may yet commit
   * an event stamped before it (SETTLED_NOW). A figure as of "now" settles within seconds.
   */
  private async settledAt(asOf: Date): Promise<void> {
    for (let waited = 0; ; waited += SETTLE_POLL_MS) {
      if ((await this.repository.settledNow()).getTime() >= asOf.getTime()) return;
      if (waited >= SETTLE_WAIT_MS) {
        throw DomainError.invalidField(
          'asOf',
          'changes before this instant are still being written; publish again shortly',
        );
      }
      await sleep(SETTLE_POLL_MS);
    }
  }

  async list(query: PublishedListQuery): Promise<PublishedList> {
    const limit = query.limit ?? 50;
    const after = query.cursor
      ? (decodeCursor(query.cursor, [cursorValue.timestamptz, cursorValue.uuid]) as [string, string])
      : null;
    const found = await this.repository.list({ figure: query.figure, period: query.period }, after, limit + 1);
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(this.figureOf),
      nextCursor: found.length > limit && last ? encodeCursor([last.published_text, last.id]) : null,
    };
  }

  async get(id: string): Promise<PublishedFigure> {
    return this.figureOf(await this.stored(id));
  }

  async items(id: string, query: PublishedItemsQuery): Promise<PublishedItemsPage> {
    const published = await this.stored(id);
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor, [cursorValue.text])[0]! : null;
    const filters = { inNumerator: query.inNumerator === undefined ? undefined : query.inNumerator === 'true' };
    const found = await this.repository.items(undefined, id, filters, after, limit + 1);
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    return {
      published: this.figureOf(published),
      items: page.map(publishedItem),
      nextCursor: found.length > limit && last ? encodeCursor([last.item_key]) : null,
    };
  }

  /** Every stored item (with the list's filter), for a file. */
  async withItems(id: string, inNumerator?: boolean): Promise<PublishedWithItems> {
    const row = await this.stored(id);
    return this.fill(row, inNumerator);
  }

  /** The figures published before `end` whose items' problems changed in [from, end): what a week may reconcile. */
  async touchedIn(from: Date, end: Date): Promise<PublishedFigure[]> {
    return (await this.repository.touchedIn(from, end)).map(this.figureOf);
  }

  /**
   * The figure recomputed under the current definition as of `asOfText` (default now), beside the
   * stored one: the numbers, and every item counted differently with the reasons.
   */
  async reconcile(id: string, asOfText?: string): Promise<Reconciliation> {
    const stored = await this.stored(id);
    const published = this.figureOf(stored);
    const zone = this.config.reportTimezone;
    const asOf =
      asOfText === undefined || asOfText === 'now'
        ? DateTime.now().setZone(zone)
        : readPeriod(() => parseInstant(asOfText, zone, 'asOf'));
    const scope = this.drillDown.scope(published.figure, {
      ...periodQuery({ label: stored.period_label, from: published.period.from, to: published.period.to }),
      asOf: asOf.toISO()!,
      ...(published.groupBy !== undefined ? { groupBy: published.groupBy } : {}),
      ...(published.group !== undefined ? { group: published.group ?? 'none' } : {}),
    });
    const now = await this.drillDown.all(scope);
    const before = (await this.repository.items(undefined, id, {}, null, null)).map(comparedFromStored);
    const after = now.items.map(comparedFromDrillDown);
    const departments = await this.repository.departmentNames();
    const found = differences(before, after);
    // An item counted the same way but printed under a department since renamed is listed too.
    const differing = new Set(found.map((d) => d.itemKey));
    const afterByKey = new Map(after.map((item) => [item.itemKey, item]));
    for (const item of before) {
      const renamed =
        item.departmentIdAsOf !== null &&
        departments.has(item.departmentIdAsOf) &&
        departments.get(item.departmentIdAsOf) !== item.departmentNameAsOf;
      if (renamed && !differing.has(item.itemKey)) {
        found.push({ itemKey: item.itemKey, before: item, after: afterByKey.get(item.itemKey) ?? null });
      }
    }
    found.sort((a, b) => (a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0));
    const moved = await this.explain(found, stored, scope, departments);
    return {
      published,
      asOf: scope.asOf,
      now: {
        numerator: now.numerator,
        denominator: now.total,
        ratePercent: ratePercent(now.numerator, now.total),
        definition: scope.definition.id,
      },
      difference: { numerator: now.numerator - stored.numerator, denominator: now.total - stored.denominator },
      moved,
    };
  }

  private async explain(
    found: ItemDifference[],
    stored: PublishedRow,
    scope: ResolvedScope,
    departments: Map<string, string>,
  ): Promise<MovedItem[]> {
    const problemBased = ['problem', 'assignment', 'assist_part'].includes(scope.definition.item);
    const ids = problemBased ? [...new Set(found.map((d) => (d.after ?? d.before)!.id))] : [];
    const asOf = new Date(scope.asOf);
    const [from, to] = asOf < stored.as_of ? [asOf, stored.as_of] : [stored.as_of, asOf];
    const events = new Map<string, LaterEvent[]>();
    const facts = new Map<string, ProblemFacts>();
    if (ids.length > 0) {
      for (const e of await this.repository.laterEvents(ids, from, to)) {
        const list = events.get(e.problem_id) ?? [];
        list.push({ type: e.type, at: e.at, departmentId: e.department_id, data: e.data });
        events.set(e.problem_id, list);
      }
      for (const p of await this.repository.problemFacts(ids)) {
        facts.set(p.id, { reportedAt: p.reported_at, enteredAt: p.entered_at, duplicateOfCode: p.duplicate_of_code });
      }
    }
    const context = {
      publishedAsOf: stored.as_of,
      periodFrom: stored.period_from,
      periodTo: stored.period_to,
      publishedDefinition: stored.definition_id,
      currentDefinition: scope.definition.id,
      departments,
      timezone: this.config.reportTimezone,
    };
    return found.map((difference) => {
      const item = (difference.after ?? difference.before)!;
      return {
        id: item.id,
        itemKey: difference.itemKey,
        code: item.code,
        title: item.title,
        before: state(difference.before),
        after: state(difference.after),
        reasons: reasonsFor(difference, facts.get(item.id) ?? null, events.get(item.id) ?? [], context),
      };
    });
  }

  private async stored(id: string): Promise<PublishedRow> {
    const row = await this.repository.get(undefined, id);
    if (row === undefined) throw DomainError.notFound('published figure');
    return row;
  }

  private async fill(row: PublishedRow, inNumerator?: boolean): Promise<PublishedWithItems> {
    const items = await this.repository.items(undefined, row.id, { inNumerator }, null, null);
    const figure = this.figureOf(row);
    const known = DEFINITION_HISTORY.find((d) => d.id === row.definition_id) ?? currentDefinition(figure.figure);
    return {
      figure,
      definition: { ...known, ...row.definition_text, id: row.definition_id },
      items: items.map(publishedItem),
    };
  }

  /** How a group reads in a bulletin: a department's name, 未分派 for the group without a key, else the key. */
  private async groupLabel(scope: ResolvedScope): Promise<string | null> {
    if (scope.group === undefined || scope.groupBy === undefined) return null;
    if (scope.group === null) return NO_KEY_LABEL[scope.groupBy as keyof typeof NO_KEY_LABEL] ?? '未填写';
    if (scope.groupBy === 'department') {
      return (await this.repository.departmentNames()).get(scope.group) ?? scope.group;
    }
    return scope.group;
  }
}

function toFigure(row: PublishedRow, timezone: string): PublishedFigure {
  const group =
    row.group_by === null
      ? {}
      : row.group_keyless
        ? { group: null }
        : row.group_key !== null
          ? { group: row.group_key }
          : {};
  return {
    id: row.id,
    figure: row.figure as FigureName,
    definition: row.definition_id,
    definitionText: row.definition_text,
    period: {
      label: row.period_label,
      from: row.period_from.toISOString(),
      to: row.period_to.toISOString(),
      timezone,
    },
    asOf: row.as_of.toISOString(),
    ...(row.group_by !== null ? { groupBy: row.group_by, ...group, groupLabel: row.group_label } : {}),
    numerator: row.numerator,
    denominator: row.denominator,
    ratePercent: row.rate_percent === null ? null : Number(row.rate_percent),
    checksum: row.checksum,
    publishedBy: row.published_by,
    publishedByName: row.published_by_name,
    publishedAt: row.published_at.toISOString(),
    itemCount: row.item_count,
    note: row.note,
  };
}

function publishedItem(row: PublishedItemRow): PublishedItem {
  return {
    itemKey: row.item_key,
    id: row.item_id,
    code: row.code,
    title: row.title,
    enterpriseName: row.enterprise_name,
    inNumerator: row.in_numerator,
    statusAsOf: row.status_as_of,
    departmentIdAsOf: row.department_id_as_of,
    departmentNameAsOf: row.department_name_as_of,
    countedAt: row.counted_at === null ? null : row.counted_at.toISOString(),
    reasonCode: row.reason_code,
    reason: row.reason,
  };
}

function comparedFromStored(row: PublishedItemRow): ComparedItem {
  return {
    id: row.item_id,
    itemKey: row.item_key,
    code: row.code,
    title: row.title,
    inNumerator: row.in_numerator,
    statusAsOf: row.status_as_of,
    departmentIdAsOf: row.department_id_as_of,
    departmentNameAsOf: row.department_name_as_of,
  };
}

function comparedFromDrillDown(item: DrillDownItem): ComparedItem {
  return {
    id: item.id,
    itemKey: item.itemKey,
    code: item.code,
    title: item.title,
    inNumerator: item.inNumerator,
    statusAsOf: item.statusAsOf,
    departmentIdAsOf: item.departmentIdAsOf,
    departmentNameAsOf: item.departmentNameAsOf,
  };
}

function state(item: ComparedItem | null): ItemState | null {
  return item === null
    ? null
    : {
        inNumerator: item.inNumerator,
        statusAsOf: item.statusAsOf,
        departmentIdAsOf: item.departmentIdAsOf,
        departmentNameAsOf: item.departmentNameAsOf,
      };
}
