import { AsyncResource } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import pLimit from 'p-limit';
import { DateTime } from 'luxon';
import { one, rows } from '../../common/sql';
import { ReportReader } from '../../database/report-reader';
import { SettledFigures } from './settled-figures';
import { GENERATION } from './settled-figures.sql';

/**
 * How long after an instant T the event history before T is final. Events are append-only and
 * stamped inside their transaction just before it commits, and no transaction of the service
 * lives longer than its statements and the idle-in-transaction limit (60 s) allow; two minutes
 * also covers a few seconds of clock difference between this host and the database.
 */
export const SETTLE_MS = 120_000;
const MAX_ENTRIES = 5_000;
/**
 * Statements computing a figure whole (a period's events, a second or more on a million problems)
 * run at most this many at once; the others wait their turn in memory, holding no connection.
 * Unbounded, five figures asked cold at once took every connection of the pool, and the requests
 * waiting for one (of any user) were refused after its five seconds. Two is what the database
 * can run side by side on this project's machines; a figure is computed once, then kept.
 */
const COMPUTATIONS_AT_ONCE = 2;

/**
 * Runs the report queries whose answer depends only on the event history before an instant,
 * and keeps the rows once that instant has settled: such a figure never changes (docs/domain.md,
 * "As of an instant"), so a published quarter is computed once, whatever restarts or instances
 * follow. The problem figures, the visit figures and the assessment's counts go through it.
 * Labels are not kept: they are read fresh, so a renamed category shows its new name.
 */
@Injectable()
export class SettledQueries {
  private readonly settled = new Map<string, Promise<unknown[]>>();
  private readonly computing = pLimit(COMPUTATIONS_AT_ONCE);

  constructor(
    private readonly reader: ReportReader,
    private readonly settledFigures: SettledFigures,
  ) {}

  /**
   * Rows of `sql` for [from, to) as of `asOf` ($1, $2, $3, then `extra`). Once asOf has settled
   * they never change: they are kept in PostgreSQL (SettledFigures) and, unless grouped by an
   * enterprise's district or industry (which an edit of the enterprise regroups), in memory too.
   * `memoryOnly` keeps them in memory alone: the short-lived bases of the figures as of now, and
   * the rate as of an instant off the hour (PostgreSQL keeps the hour's, see ResolutionCounts).
   * `derive` gives the same rows another way (from rows kept as of an earlier instant, say) when
   * none are kept; `npm run settled -- check` still recomputes them with `sql`.
   */
  async query<T>(sql: string, params: [Date, Date, Date, ...unknown[]], options: QueryOptions<T> = {}): Promise<T[]> {
    return this.queryAsOf(sql, params, params[2], options);
  }

  /** The same for a statement whose instant is not its third parameter (the weekly report's). */
  async queryAsOf<T>(
    sql: string,
    params: unknown[],
    asOf: Date,
    { byEnterprise = false, memoryOnly = false, derive }: QueryOptions<T> = {},
  ): Promise<T[]> {
    // Bound to the request's context: the read point (replica or primary) is the request's,
    // whichever computation's end starts it.
    const compute = derive ?? (() => this.computing(AsyncResource.bind(() => rows<T>(this.reader.db, sql, params))));
    if (asOf.getTime() > Date.now() - SETTLE_MS) return compute();
    // A replica that does not hold the instant yet leaves the request to the primary.
    this.reader.readAsOf(DateTime.fromJSDate(asOf));
    const settled = () =>
      memoryOnly ? compute() : this.settledFigures.rows(this.reader.db, sql, params, asOf, byEnterprise, compute);
    if (byEnterprise) return settled();
    const key = memoryKey(sql, params);
    let cached = this.settled.get(key);
    if (cached) {
      // Least recently used goes first: move a hit to the end.
      this.settled.delete(key);
    } else {
      cached = settled();
      cached.catch(() => this.settled.delete(key));
      if (this.settled.size >= MAX_ENTRIES) this.settled.delete(this.settled.keys().next().value!);
    }
    this.settled.set(key, cached);
    return cached as Promise<T[]>;
  }

  /**
   * A figure grouped by an enterprise's district or industry as it is now: `live(generation)`,
   * counted under the regrouping generation read before it (settled_generation, bumped when an
   * enterprise moves). An answer across a move (the generation read after it differs) gives way
   * to `whole()`, so no answer mixes two groupings.
   */
  async underOneGrouping<T>(live: (generation: string) => Promise<T>, whole: () => Promise<T>): Promise<T> {
    const generation = async () => (await one<{ generation: string }>(this.reader.db, GENERATION)).generation;
    const before = await generation();
    const answer = await live(before);
    return (await generation()) === before ? answer : whole();
  }

  /**
   * The rows of `sql` kept as of the latest of `instants` (each in place of the third parameter)
   * that has them, in memory or in PostgreSQL; null when none has. Settled instants only.
   */
  async latestKept<T>(sql: string, period: [Date, Date], instants: Date[]): Promise<{ at: Date; rows: T[] } | null> {
    const latestFirst = [...instants].sort((a, b) => b.getTime() - a.getTime());
    const candidates = latestFirst.map((at): [Date, Date, Date] => [...period, at]);
    // Only instants later than the latest one in memory are looked for in PostgreSQL.
    const inMemory = candidates.findIndex((params) => this.settled.has(memoryKey(sql, params)));
    const later = inMemory < 0 ? candidates : candidates.slice(0, inMemory);
    const stored = later.length > 0 ? await this.settledFigures.firstKept<T>(sql, later) : null;
    if (stored) return { at: latestFirst[stored.index]!, rows: stored.rows };
    if (inMemory < 0) return null;
    const rows = (await this.settled.get(memoryKey(sql, candidates[inMemory]!))) as T[];
    return { at: latestFirst[inMemory]!, rows };
  }
}

interface QueryOptions<T> {
  byEnterprise?: boolean;
  memoryOnly?: boolean;
  derive?: () => Promise<T[]>;
}

function memoryKey(sql: string, params: unknown[]): string {
  return `${sql}\u0000${JSON.stringify(params)}`;
}
