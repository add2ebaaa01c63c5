import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { maybeOne, type Queryable, rows } from '../../common/sql';
import { FORGET, type LiveBaseRow, PAGE, PRUNE, READ, SAVE } from './live-bases.sql';
import { normalise, type SettledCheck } from './settled-figures';

/** The statements of a base: its rows, and the deadlines still ahead of its instant (if any). */
export interface BaseStatements {
  statement: string;
  deadlines?: string;
}

/** An item whose verdict changes at `at` with no event (a deadline passing). */
export interface Deadline {
  problemId: string;
  at: Date;
}

/** A figure's rows as of `at` (in the database's time), and the deadlines still ahead of it. */
export interface Base<R = Record<string, unknown>> {
  at: Date;
  rows: R[];
  deadlines: Deadline[];
}

/** A base older than this is of no use: the problems changed since would be many. */
export const MAX_BASE_AGE_MS = 60 * 60_000;
/** A family's base is saved again once it has moved this far past the one saved last. */
const SAVE_EVERY_MS = 5 * 60_000;
const PAGE_SIZE = 100;
/** PostgreSQL's read_only_sql_transaction. */
const READ_ONLY_TRANSACTION = '25006';

/**
 * The bases of the figures as of now (LiveDelta, ResolutionCounts), kept in PostgreSQL
 * (live_bases) as they move: a restarted service, or another instance, starts from the newest
 * one and moves it forward by the few changes since, instead of computing the running period
 * again. A base is exact as of its instant, which lies before every change not yet visible
 * (SETTLED_NOW), so it stays exact for any process that reads it. One row per statement and
 * period, its parameters but the instant making the family; the rows must be JSON values.
 */
@Injectable()
export class LiveBases {
  private readonly logger = new Logger('LiveBases');
  /** Per family, the instant of the base this process saved last. */
  private readonly saved = new Map<string, number>();
  private readOnly = false;

  constructor(@InjectDataSource() private readonly primary: DataSource) {}

  /**
   * The kept base of the statements with `params` ($1, $2, then the extra ones: not the instant),
   * if it lies at most an hour before `asOf`; grouped by enterprise, the one counted under the
   * regrouping `generation`.
   */
  async load<R>(
    statements: BaseStatements,
    params: unknown[],
    asOf: Date,
    generation?: string,
  ): Promise<Base<R> | undefined> {
    const family = familyOf(statements, params, generation);
    const kept = await maybeOne<Pick<LiveBaseRow, 'at' | 'rows' | 'deadlines'>>(this.primary, READ, [
      family,
      new Date(asOf.getTime() - MAX_BASE_AGE_MS),
      asOf,
    ]);
    if (!kept) return undefined;
    this.saved.set(family, kept.at.getTime());
    const deadlines = kept.deadlines.map((d) => ({ problemId: d.problemId, at: new Date(d.at) }));
    return { at: kept.at, rows: kept.rows as R[], deadlines };
  }

  /**
   * Keeps `base` once it has moved far enough past the one saved last, or at once when `now`;
   * a failure only loses a head start. A base grouped by an enterprise's district or industry
   * names the regrouping `generation` it was counted under: regrouping forgets it (a trigger),
   * and one counted before a regrouping is not kept.
   */
  async save(
    statements: BaseStatements,
    params: unknown[],
    base: Base<unknown>,
    { now = false, generation }: { now?: boolean; generation?: string } = {},
  ): Promise<void> {
    const family = familyOf(statements, params, generation);
    const last = this.saved.get(family);
    if (this.readOnly || (!now && last !== undefined && base.at.getTime() - last < SAVE_EVERY_MS)) return;
    this.saved.set(family, base.at.getTime());
    const [from, to, ...extra] = params;
    const values = [
      family,
      statements.statement,
      statements.deadlines ?? null,
      JSON.stringify([from, to, base.at, ...extra]),
      base.at,
      JSON.stringify(base.rows),
      JSON.stringify(base.deadlines),
      generation !== undefined,
      generation ?? null,
    ];
    try {
      await this.primary.query(SAVE, values);
      await this.primary.query(PRUNE, [new Date(base.at.getTime() - MAX_BASE_AGE_MS)]);
    } catch (error) {
      if ((error as { code?: string }).code === READ_ONLY_TRANSACTION) this.readOnly = true;
      else this.logger.warn(`could not keep a live base: ${String(error)}`);
    }
  }

  /**
   * Recomputes every kept base from the events on `db` as of its instant and compares; with
   * `repair`, forgets those that differ (the next request computes them again). What
   * `npm run settled -- check|rebuild` runs besides the settled figures.
   */
  async check(db: Queryable, repair: boolean): Promise<SettledCheck> {
    const result: SettledCheck = { checked: 0, differing: [] };
    for (let after = ''; ;) {
      const page = await rows<LiveBaseRow>(this.primary, PAGE, [after, PAGE_SIZE]);
      for (const base of page) {
        const [computed, deadlines] = await Promise.all([
          rows<unknown>(db, base.statement, base.parameters),
          base.deadlines_statement ? rows<unknown>(db, base.deadlines_statement, base.parameters) : [],
        ]);
        result.checked++;
        const kept = { rows: base.rows, deadlines: base.deadlines };
        if (same(kept, { rows: computed, deadlines })) continue;
        result.differing.push({
          key: base.family,
          asOf: base.parameters[2],
          kept: [kept],
          computed: [{ rows: computed, deadlines }],
        });
        if (repair) await this.primary.query(FORGET, [base.family]);
      }
      if (page.length < PAGE_SIZE) return result;
      after = page[page.length - 1]!.family;
    }
  }
}

/** The family of a base: its statements and parameters, and the generation of one grouped by enterprise. */
function familyOf({ statement, deadlines = '' }: BaseStatements, params: unknown[], generation = ''): string {
  return createHash('sha256')
    .update(statement)
    .update('\u0000')
    .update(deadlines)
    .update('\u0000')
    .update(JSON.stringify(params))
    .update(generation ? `\u0000${generation}` : '')
    .digest('hex');
}

/**
 * Two bases hold the same rows and deadlines, whatever their order: a moved base gathers the
 * values of an array column (the days to resolve) in another order than the SQL's.
 */
function same(a: { rows: unknown[]; deadlines: unknown[] }, b: { rows: unknown[]; deadlines: unknown[] }): boolean {
  const sortedArrays = (row: unknown) =>
    Object.fromEntries(
      Object.entries(row as Record<string, unknown>).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.map((v) => JSON.stringify(v)).sort() : value,
      ]),
    );
  const text = (base: { rows: unknown[]; deadlines: unknown[] }) =>
    normalise(base.rows.map(sortedArrays)) + normalise(JSON.parse(JSON.stringify(base.deadlines)) as unknown[]);
  return text(a) === text(b);
}
