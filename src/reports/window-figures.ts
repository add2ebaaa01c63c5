import { Injectable } from '@nestjs/common';
import { rows } from '../common/sql';
import { ReportReader } from '../database/report-reader';
import {
  daysToTenth,
  GROUP_KEYS,
  redoFigures,
  resolvedFigures,
  returnFigures,
  signForDeadlines,
  signForFigures,
  verifiedFigures,
} from './figures.sql';
import { groupedByEnterprise } from './resolution-counts';
import type { GroupBy } from './resolution-rate.sql';
import { type AdditiveQuery, LiveDelta } from './settled/live-delta';
import { SETTLE_MS, SettledQueries } from './settled/settled-queries';

type Keyed<T> = T & { key: string | null };
export type ResolvedRow = Keyed<{
  resolved: number;
  on_time: number;
  on_time_with_extension: number;
  median_days: number | null;
}>;
export type VerifiedRow = Keyed<{ verified: number; satisfied: number; from_enterprise: number }>;
export type SignForRow = Keyed<{ timely: number; due: number }>;

/** The figures over the events of a window (figures.sql.ts), per group or in total. */
export interface WindowFigureRows {
  resolved: ResolvedRow[];
  verified: VerifiedRow[];
  returns: Keyed<{ returns: number }>[];
  signFor: SignForRow[];
  redos: Keyed<{ redos: number }>[];
}

/** One figure: its SQL (with the problems placeholder, for the figures as of now), its event types. */
const figure = (
  sql: (problems?: string) => string,
  types: string[],
  count: string,
  deadlines?: (problems?: string) => string,
) => ({ query: { sql, keys: ['key'], count, deadlines } satisfies AdditiveQuery, types });

const byKey = (key: string) => ({
  resolved: figure((problems) => resolvedFigures(key, { problems, durations: true }), ['resolve'], 'resolved'),
  verified: figure((problems) => verifiedFigures(key, problems), ['verify'], 'verified'),
  returns: figure((problems) => returnFigures(key, problems), ['return'], 'returns'),
  signFor: figure((problems) => signForFigures(key, problems), ['assign'], 'assignments', signForDeadlines),
  redos: figure((problems) => redoFigures(key, problems), ['reopen', 'verify'], 'redos'),
});

/**
 * The window figures as of an instant: kept once settled (SettledQueries); as of a recent
 * instant (a period still running, as of now) moved forward from a base by the problems changed
 * since (LiveDelta), the median taken again from the days to resolve. Groupings by an
 * enterprise's district or industry, which an edit of the enterprise changes, move from bases of
 * their own regrouping generation, kept in memory only.
 */
@Injectable()
export class WindowFigures {
  constructor(
    private readonly reader: ReportReader,
    private readonly settled: SettledQueries,
    private readonly delta: LiveDelta,
  ) {}

  async of(from: Date, to: Date, asOf: Date, groupBy?: GroupBy): Promise<WindowFigureRows> {
    if (asOf.getTime() <= Date.now() - SETTLE_MS) return this.whole(from, to, asOf, groupBy);
    if (!groupedByEnterprise(groupBy)) return this.live(from, to, asOf, groupBy);
    // By an enterprise's district or industry as it is now: from bases counted under the current
    // grouping, or else the whole statements (SettledQueries.underOneGrouping).
    return this.settled.underOneGrouping(
      (generation) => this.live(from, to, asOf, groupBy, generation),
      () => this.whole(from, to, asOf, groupBy),
    );
  }

  /** The figures computed by their statements, or kept once `asOf` has settled. */
  private async whole(from: Date, to: Date, asOf: Date, groupBy?: GroupBy): Promise<WindowFigureRows> {
    const key = GROUP_KEYS[groupBy ?? 'total'];
    const figures = byKey(key);
    const kept = <T>(sql: string, types: string[]) =>
      this.settled.query<T>(sql, [from, to, asOf, types], { byEnterprise: groupedByEnterprise(groupBy) });
    const [resolved, verified, returns, signFor, redos] = await Promise.all([
      kept<ResolvedRow>(resolvedFigures(key), figures.resolved.types),
      kept<VerifiedRow>(figures.verified.query.sql(), figures.verified.types),
      kept<Keyed<{ returns: number }>>(figures.returns.query.sql(), figures.returns.types),
      kept<SignForRow>(figures.signFor.query.sql(), figures.signFor.types),
      kept<Keyed<{ redos: number }>>(figures.redos.query.sql(), figures.redos.types),
    ]);
    return { resolved, verified, returns, signFor, redos };
  }

  /** The figures as of a recent instant, moved forward from a base (LiveDelta). */
  private async live(
    from: Date,
    to: Date,
    asOf: Date,
    groupBy?: GroupBy,
    generation?: string,
  ): Promise<WindowFigureRows> {
    const figures = byKey(GROUP_KEYS[groupBy ?? 'total']);
    const moved = <T>({ query, types }: ReturnType<typeof figure>) =>
      this.delta.rows<T>(query, from, to, asOf, [types], generation);
    const [counts, verified, returns, signFor, redos] = await Promise.all([
      moved<Omit<ResolvedRow, 'median_days'> & { durations: number[] }>(figures.resolved),
      moved<VerifiedRow>(figures.verified),
      moved<Keyed<{ returns: number }>>(figures.returns),
      moved<SignForRow>(figures.signFor),
      moved<Keyed<{ redos: number }>>(figures.redos),
    ]);
    const medians = await this.medianDays(counts.map((row) => row.durations));
    const resolved = counts.map(({ durations: _durations, ...row }, i) => ({ ...row, median_days: medians[i]! }));
    return { resolved, verified, returns, signFor, redos };
  }

  /** The median days to resolve of each list of seconds, rounded in PostgreSQL as the SQL median is. */
  private async medianDays(lists: number[][]): Promise<(number | null)[]> {
    if (lists.length === 0) return [];
    const medians = lists.map(percentileCont50);
    const rounded = await rows<{ days: number | null }>(
      this.reader.db,
      `SELECT ${daysToTenth('v')} AS days FROM unnest($1::float8[]) WITH ORDINALITY AS t(v, i) ORDER BY i`,
      [medians],
    );
    return rounded.map((row) => row.days);
  }
}

/**
 * percentile_cont(0.5) as PostgreSQL computes it (orderedsetaggs.c): the middle value of the
 * sorted values, or lo + 0.5 * (hi - lo) between the two middle ones; null when there is none.
 */
export function percentileCont50(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = 0.5 * (sorted.length - 1);
  const lo = sorted[Math.floor(position)]!;
  const hi = sorted[Math.ceil(position)]!;
  return Math.floor(position) === Math.ceil(position) ? lo : lo + (position - Math.floor(position)) * (hi - lo);
}
