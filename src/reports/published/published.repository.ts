import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ADVISORY_LOCKS } from '../../database/locks';
import { execute, maybeOne, one, rows, SqlParams, type Queryable } from '../../common/sql';
import { SETTLED_NOW } from '../../database/settled-now.sql';
import { insertPublished } from './published-record';

/** A published_figures row as every statement answers it. */
export interface PublishedRow {
  id: string;
  figure: string;
  definition_id: string;
  definition_text: { nameZh: string; name: string; textZh: string; text: string };
  period_label: string;
  period_from: Date;
  period_to: Date;
  as_of: Date;
  group_by: string | null;
  group_key: string | null;
  group_keyless: boolean;
  group_label: string | null;
  numerator: number;
  denominator: number;
  rate_percent: string | null;
  checksum: string;
  published_by: string;
  published_by_name: string;
  published_at: Date;
  /** published_at as PostgreSQL prints it, for the cursor. */
  published_text: string;
  note: string | null;
  item_count: number;
}

/** A published_figure_items row. */
export interface PublishedItemRow {
  item_key: string;
  item_id: string;
  code: string;
  title: string;
  enterprise_name: string | null;
  in_numerator: boolean;
  status_as_of: string | null;
  department_id_as_of: string | null;
  department_name_as_of: string | null;
  counted_at: Date | null;
  reason_code: string;
  reason: string;
}

export type NewPublished = Omit<
  PublishedRow,
  'id' | 'published_at' | 'published_text' | 'published_by_name' | 'item_count'
>;

/** A problem event after a published instant, with what the reconciliation's rules need of its problem. */
export interface LaterEventRow {
  problem_id: string;
  type: string;
  at: Date;
  department_id: string | null;
  data: Record<string, unknown>;
}

export interface ProblemFactsRow {
  id: string;
  reported_at: Date;
  entered_at: Date | null;
  duplicate_of_code: string | null;
}

const COLUMNS = `
  f.id, f.figure, f.definition_id, f.definition_text, f.period_label, f.period_from, f.period_to, f.as_of,
  f.group_by, f.group_key, f.group_keyless, f.group_label, f.numerator, f.denominator, f.rate_percent::text AS rate_percent,
  f.checksum, f.published_by, u.display_name AS published_by_name, f.published_at, f.published_at::text AS published_text,
  f.note, (SELECT count(*)::int FROM published_figure_items i WHERE i.published_id = f.id) AS item_count`;

/** The statements on published_figures and published_figure_items (both append-only), and the reconciliation's reads. */
@Injectable()
export class PublishedRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * A transaction in which publishes run one at a time: the advisory lock keeps a second publish of
   * the same figure waiting until the first has committed, so it finds the stored one.
   */
  publishing<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (em) => {
      await execute(em, 'SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.publishing]);
      return work(em);
    });
  }

  /** The latest instant before which every change is committed and visible. */
  async settledNow(): Promise<Date> {
    return (await one<{ at: Date }>(this.db, SETTLED_NOW)).at;
  }

  /** The figure stored under this identity, if any. */
  findIdentity(db: Queryable, row: NewPublished): Promise<PublishedRow | undefined> {
    return maybeOne<PublishedRow>(
      db,
      `SELECT ${COLUMNS} FROM published_figures f JOIN users u ON u.id = f.published_by
        WHERE f.figure = $1 AND f.definition_id = $2 AND f.period_from = $3 AND f.period_to = $4 AND f.as_of = $5
          AND COALESCE(f.group_by, '') = COALESCE($6, '') AND COALESCE(f.group_key, '') = COALESCE($7, '')
          AND f.group_keyless = $8`,
      [
        row.figure,
        row.definition_id,
        row.period_from,
        row.period_to,
        row.as_of,
        row.group_by,
        row.group_key,
        row.group_keyless,
      ],
    );
  }

  insert(em: EntityManager, row: NewPublished, items: PublishedItemRow[]): Promise<string> {
    return insertPublished(em, row, items);
  }

  get(db: Queryable | undefined, id: string): Promise<PublishedRow | undefined> {
    return maybeOne<PublishedRow>(
      db ?? this.db,
      `SELECT ${COLUMNS} FROM published_figures f JOIN users u ON u.id = f.published_by WHERE f.id = $1`,
      [id],
    );
  }

  /** Published figures, newest first, from just after `after` ([published_at as printed, id]). */
  list(
    filters: { figure?: string; period?: string },
    after: [string, string] | null,
    limit: number,
  ): Promise<PublishedRow[]> {
    const params = new SqlParams();
    const where: string[] = [];
    if (filters.figure) where.push(`f.figure = ${params.add(filters.figure)}`);
    if (filters.period) where.push(`f.period_label = ${params.add(filters.period)}`);
    if (after) {
      where.push(`(f.published_at, f.id) < (${params.add(after[0])}::timestamptz, ${params.add(after[1])}::uuid)`);
    }
    return rows<PublishedRow>(
      this.db,
      `SELECT ${COLUMNS} FROM published_figures f JOIN users u ON u.id = f.published_by
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY f.published_at DESC, f.id DESC
        LIMIT ${params.add(limit)}`,
      params.values,
    );
  }

  /** Every published figure, oldest first: the weekly report reconciles each. */
  /**
   * The figures published before `end` with a stored item whose problem had an event in
   * [from, end): the only ones whose items can have moved in that span (the reasons a week's
   * reconciliation lists are those events). Oldest first.
   */
  touchedIn(from: Date, end: Date): Promise<PublishedRow[]> {
    return rows<PublishedRow>(
      this.db,
      `SELECT ${COLUMNS} FROM published_figures f JOIN users u ON u.id = f.published_by
        WHERE f.published_at < $2
          AND EXISTS (
            SELECT 1 FROM published_figure_items i JOIN problem_events e ON e.problem_id::text = i.item_id
            WHERE i.published_id = f.id AND e.at >= $1 AND e.at < $2
          )
        ORDER BY f.published_at, f.id`,
      [from, end],
    );
  }

  /** A published figure's stored items by item key, from just after `after`; every one when limit is null. */
  items(
    db: Queryable | undefined,
    id: string,
    filters: { inNumerator?: boolean },
    after: string | null,
    limit: number | null,
  ): Promise<PublishedItemRow[]> {
    const params = new SqlParams();
    const where = [`published_id = ${params.add(id)}`];
    if (filters.inNumerator !== undefined) where.push(`in_numerator = ${params.add(filters.inNumerator)}`);
    if (after !== null) where.push(`item_key COLLATE "C" > ${params.add(after)}`);
    return rows<PublishedItemRow>(
      db ?? this.db,
      `SELECT item_key, item_id, code, title, enterprise_name, in_numerator, status_as_of, department_id_as_of,
              department_name_as_of, counted_at, reason_code, reason
         FROM published_figure_items
        WHERE ${where.join(' AND ')}
        ORDER BY item_key COLLATE "C"
        ${limit === null ? '' : `LIMIT ${params.add(limit)}`}`,
      params.values,
    );
  }

  /** The events of these problems at or after `from` and before `to`, oldest first. */
  laterEvents(problemIds: string[], from: Date, to: Date): Promise<LaterEventRow[]> {
    return rows<LaterEventRow>(
      this.db,
      `SELECT problem_id, type, at, department_id, data FROM problem_events
        WHERE problem_id = ANY($1::uuid[]) AND at >= $2 AND at < $3
        ORDER BY at, id`,
      [problemIds, from, to],
    );
  }

  /** When each problem was recorded and entered, and the code of the one it duplicates. */
  problemFacts(problemIds: string[]): Promise<ProblemFactsRow[]> {
    return rows<ProblemFactsRow>(
      this.db,
      `SELECT p.id, p.reported_at,
              (SELECT min(c.at) FROM problem_events c WHERE c.problem_id = p.id AND c.type = 'created') AS entered_at,
              d.code AS duplicate_of_code
         FROM problems p LEFT JOIN problems d ON d.id = p.duplicate_of
        WHERE p.id = ANY($1::uuid[])`,
      [problemIds],
    );
  }

  async departmentNames(): Promise<Map<string, string>> {
    const found = await rows<{ id: string; name: string }>(this.db, 'SELECT id, name FROM departments');
    return new Map(found.map((d) => [d.id, d.name]));
  }
}
