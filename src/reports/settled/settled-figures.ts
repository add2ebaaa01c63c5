import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { maybeOne, one, type Queryable, rows } from '../../common/sql';
import { GENERATION, PAGE, READ, READ_ANY, REPLACE_ROWS, type SettledRow, STORE } from './settled-figures.sql';

/** What checking the kept rows against the events found. */
export interface SettledCheck {
  checked: number;
  differing: { key: string; asOf: unknown; kept: unknown[]; computed: unknown[] }[];
}

const PAGE_SIZE = 200;
/** PostgreSQL's read_only_sql_transaction. */
const READ_ONLY_TRANSACTION = '25006';

/**
 * Rows of report queries as of settled instants, kept in PostgreSQL (settled_figures): computed
 * once, read by every later request, after a restart and on every instance. The rows must be
 * JSON values (numbers, strings, null), as the figures' counts are.
 *
 * The key is a SHA-256 of the statement and its parameters, so a changed query (a new
 * definition) never reads rows of the old one. Rows grouped by an enterprise's district or
 * industry are marked: changing an enterprise's either forgets them (a trigger).
 */
@Injectable()
export class SettledFigures {
  private readonly logger = new Logger('SettledFigures');
  /** Set when the database refused a write: a read-only pool (npm run report) computes without keeping. */
  private readOnly = false;

  constructor(@InjectDataSource() private readonly primary: DataSource) {}

  /**
   * The kept rows of `sql` with `params`, or `compute()`'s, kept for next time. `source` is where
   * `compute` reads (a replica, perhaps): the generation is read there too, so rows a lagging
   * replica computed before an enterprise moved are not kept under the primary's newer generation.
   */
  async rows<T>(
    source: Queryable,
    sql: string,
    params: unknown[],
    asOf: Date,
    byEnterprise: boolean,
    compute: () => Promise<T[]>,
  ): Promise<T[]> {
    const key = keyOf(sql, params);
    const kept = await maybeOne<{ rows: T[] }>(this.primary, READ, [key]);
    if (kept) return kept.rows;
    if (this.readOnly) return compute();
    const { generation } = await one<{ generation: string }>(source, GENERATION);
    const computed = await compute();
    const values = [key, sql, JSON.stringify(params), asOf, byEnterprise, JSON.stringify(computed), generation];
    try {
      await this.primary.query(STORE, values);
    } catch (error) {
      // Keeping saves time only: a figure is answered even when it cannot be kept.
      if ((error as { code?: string }).code === READ_ONLY_TRANSACTION) this.readOnly = true;
      else this.logger.warn(`could not keep a settled figure: ${String(error)}`);
    }
    return computed;
  }

  /** The first of `candidates` (a statement's parameters each) whose rows are kept, with its index. */
  async firstKept<T>(sql: string, candidates: unknown[][]): Promise<{ index: number; rows: T[] } | null> {
    const keys = candidates.map((params) => keyOf(sql, params));
    const found = new Map(
      (await rows<{ key: string; rows: T[] }>(this.primary, READ_ANY, [keys])).map((row) => [row.key, row.rows]),
    );
    const index = keys.findIndex((key) => found.has(key));
    return index < 0 ? null : { index, rows: found.get(keys[index]!)! };
  }

  /**
   * Recomputes every kept entry from the events on `db` and compares; with `repair`, replaces the
   * rows that differ. What `npm run report -- --settled check|rebuild` runs.
   */
  async check(db: Queryable, repair: boolean): Promise<SettledCheck> {
    const result: SettledCheck = { checked: 0, differing: [] };
    for (let after = ''; ;) {
      const page = await rows<SettledRow>(this.primary, PAGE, [after, PAGE_SIZE]);
      for (const entry of page) {
        const computed = await rows<unknown>(db, entry.statement, entry.parameters);
        result.checked++;
        if (normalise(entry.rows) !== normalise(computed)) {
          result.differing.push({ key: entry.key, asOf: entry.parameters[2], kept: entry.rows, computed });
          if (repair) await this.primary.query(REPLACE_ROWS, [entry.key, JSON.stringify(computed)]);
        }
      }
      if (page.length < PAGE_SIZE) return result;
      after = page[page.length - 1]!.key;
    }
  }
}

function keyOf(sql: string, params: unknown[]): string {
  return createHash('sha256').update(sql).update('\u0000').update(JSON.stringify(params)).digest('hex');
}

/**
 * Rows as one text, whatever their order and their columns' order (jsonb keeps its own): neither
 * is part of a query's answer.
 */
export function normalise(list: unknown[]): string {
  const text = (row: unknown) => JSON.stringify(row, Object.keys(row as object).sort());
  return JSON.stringify(list.map(text).sort());
}
