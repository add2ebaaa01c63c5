import { Injectable } from '@nestjs/common';
import { one, rows } from '../../common/sql';
import { ReportReader } from '../../database/report-reader';
import { SETTLED_NOW } from '../../database/settled-now.sql';
import { type Base, type Deadline, LiveBases, MAX_BASE_AGE_MS } from './live-bases';
import { SETTLE_MS, SettledQueries } from './settled-queries';

/**
 * A figure that is a sum over items, each item belonging to one problem: its rows as of an
 * instant T equal its rows as of an earlier T0, less what the problems changed since T0
 * contributed then, plus what they contribute at T.
 */
export interface AdditiveQuery {
  /**
   * The rows for [$1, $2) as of $3, then the extra parameters; with `problems` (a uuid[]
   * placeholder, the last parameter), only the items of those problems.
   */
  sql(problems?: string): string;
  /**
   * Rows (problemId, at) with the same parameters: the instants at or after $3 at which an item
   * made before $3 changes its verdict with no event (a deadline passing).
   */
  deadlines?(problems?: string): string;
  /** The columns that name a row; the others are summed (numbers) or gathered (arrays). */
  keys: string[];
  /** The column counting a row's items: a row left with none is dropped, as the SQL would not list it. */
  count: string;
}

type Row = Record<string, unknown>;

/** The first base of a figure: a settled instant on this grid, two to seven minutes back. */
const BASE_GRID_MS = 5 * 60_000;
/** A kept base moves forward at most this often per figure. */
const BASE_STEP_MS = 1_000;
const MAX_BASES = 200;
/**
 * A base moved past this many changed problems at once is kept in PostgreSQL at once, not only
 * every few minutes: after a burst of entries, a restarted service starts past the burst.
 */
const KEEP_AFTER_CHANGES = 1_000;

/**
 * Additive figures as of a recent instant (a period still running, as of now): a base kept in
 * memory and in PostgreSQL (LiveBases, which a restarted service starts from), moved forward by
 * recomputing only the problems changed since it. A problem's every change writes an event and
 * moves its `updated_at` to the event's instant, so the problems with `updated_at` at or after the
 * base are all those whose items can differ; the deadlines passed since add theirs. The base
 * moves only up to the instant before which every change is visible (SETTLED_NOW), so a
 * transaction committing late is never missed.
 */
@Injectable()
export class LiveDelta {
  private readonly bases = new Map<string, Base>();

  constructor(
    private readonly reader: ReportReader,
    private readonly settled: SettledQueries,
    private readonly kept: LiveBases,
  ) {}

  /**
   * The rows of `query` for [from, to) as of `asOf`. A figure grouped by an enterprise's district
   * or industry names the regrouping `generation` it is counted under: its bases are held in
   * memory under that generation, and kept in PostgreSQL only while it stands (LiveBases).
   */
  async rows<T>(
    query: AdditiveQuery,
    from: Date,
    to: Date,
    asOf: Date,
    extra: unknown[] = [],
    generation?: string,
  ): Promise<T[]> {
    const params = (at: Date) => [from, to, at, ...extra];
    const statements = { statement: query.sql(), deadlines: query.deadlines?.() };
    const family = [from, to, ...extra];
    const key = `${query.sql()}\u0000${JSON.stringify(family)}\u0000${generation ?? ''}`;
    let base = this.bases.get(key);
    // A base after the instant asked for, or long before it, gives way to the kept one, or else
    // to one on the grid.
    if (!base || base.at > asOf || asOf.getTime() - base.at.getTime() > MAX_BASE_AGE_MS) {
      base =
        (await this.kept.load<Row>(statements, family, asOf, generation)) ??
        (await this.gridBase(query, asOf, params, generation === undefined));
    }
    // On the primary: a standby does not list the primary's open transactions.
    const { at: settledAt } = await one<{ at: Date }>(this.reader.primary, SETTLED_NOW);
    const target = new Date(Math.min(settledAt.getTime(), asOf.getTime()));
    let changed = 0;
    if (target.getTime() - base.at.getTime() >= BASE_STEP_MS) {
      ({ base, changed } = await this.move(query, base, target, params));
    }
    const inMemory = this.bases.get(key);
    if (!inMemory || inMemory.at < base.at) {
      this.bases.delete(key);
      if (this.bases.size >= MAX_BASES) this.bases.delete(this.bases.keys().next().value!);
      this.bases.set(key, base);
      await this.kept.save(statements, family, base, { now: changed >= KEEP_AFTER_CHANGES, generation });
    }
    const answer = asOf > base.at ? (await this.move(query, base, asOf, params)).base : base;
    return answer.rows as T[];
  }

  /**
   * The figure as of the settled instant on the grid before `asOf`, computed (or read from the
   * settled figures' memory, unless grouped by enterprise: those rows do not say under which
   * grouping they were counted).
   */
  private async gridBase(
    query: AdditiveQuery,
    asOf: Date,
    params: (at: Date) => unknown[],
    fromMemory: boolean,
  ): Promise<Base<Row>> {
    const at = new Date(Math.floor((asOf.getTime() - SETTLE_MS) / BASE_GRID_MS) * BASE_GRID_MS);
    const [baseRows, deadlines] = await Promise.all([
      this.settled.query<Row>(query.sql(), params(at) as [Date, Date, Date], {
        memoryOnly: true,
        byEnterprise: !fromMemory,
      }),
      query.deadlines ? rows<Deadline>(this.reader.db, query.deadlines(), params(at)) : Promise.resolve([]),
    ]);
    return { at, rows: baseRows, deadlines };
  }

  /**
   * The base moved to `at`: the changed problems' items taken out as of the base and put back as
   * of `at`; with how many problems that took.
   */
  private async move(
    query: AdditiveQuery,
    base: Base<Row>,
    at: Date,
    params: (at: Date) => unknown[],
  ): Promise<{ base: Base<Row>; changed: number }> {
    const changed = await rows<{ id: string }>(
      this.reader.db,
      `SELECT id::text AS id FROM problems WHERE updated_at >= $1`,
      [base.at],
    );
    const problems = new Set(changed.map((row) => row.id));
    for (const deadline of base.deadlines) if (deadline.at < at) problems.add(deadline.problemId);
    const ahead = base.deadlines.filter((d) => d.at >= at && !problems.has(d.problemId));
    if (problems.size === 0) return { base: { at, rows: base.rows, deadlines: ahead }, changed: 0 };

    const ids = [...problems];
    const placeholder = `$${params(at).length + 1}`;
    const [before, after, deadlines] = await Promise.all([
      rows<Row>(this.reader.db, query.sql(placeholder), [...params(base.at), ids]),
      rows<Row>(this.reader.db, query.sql(placeholder), [...params(at), ids]),
      query.deadlines
        ? rows<Deadline>(this.reader.db, query.deadlines(placeholder), [...params(at), ids])
        : Promise.resolve([]),
    ]);
    return {
      base: { at, rows: combine(query, base.rows, before, after), deadlines: [...ahead, ...deadlines] },
      changed: ids.length,
    };
  }
}

/** `rows` less `before` plus `after`, row by row (by the key columns): numbers summed, arrays as multisets. */
export function combine(query: AdditiveQuery, rows: Row[], before: Row[], after: Row[]): Row[] {
  const keyOf = (row: Row) => JSON.stringify(query.keys.map((k) => row[k] ?? null));
  const sums = new Map<string, Row>();
  const add = (row: Row, sign: 1 | -1) => {
    const k = keyOf(row);
    let sum = sums.get(k);
    if (!sum) {
      sum = Object.fromEntries(query.keys.map((name) => [name, row[name] ?? null]));
      sums.set(k, sum);
    }
    for (const [name, value] of Object.entries(row)) {
      if (query.keys.includes(name)) continue;
      if (typeof value === 'number') sum[name] = ((sum[name] as number | undefined) ?? 0) + sign * value;
      else if (Array.isArray(value)) sum[name] = gather((sum[name] as unknown[] | undefined) ?? [], value, sign);
    }
  };
  for (const row of rows) add(row, 1);
  for (const row of before) add(row, -1);
  for (const row of after) add(row, 1);
  return [...sums.values()].filter((row) => (row[query.count] as number) > 0);
}

/** A multiset's values with `values` added, or taken out once each. */
function gather(into: unknown[], values: unknown[], sign: 1 | -1): unknown[] {
  if (sign === 1) return [...into, ...values];
  const out = new Map<unknown, number>();
  for (const value of values) out.set(value, (out.get(value) ?? 0) + 1);
  return into.filter((value) => {
    const left = out.get(value);
    if (!left) return true;
    out.set(value, left - 1);
    return false;
  });
}
