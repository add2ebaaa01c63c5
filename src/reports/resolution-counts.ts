import { Injectable } from '@nestjs/common';
import { one, rows } from '../common/sql';
import { ReportReader } from '../database/report-reader';
import { SETTLED_NOW } from '../database/settled-now.sql';
import { DateTime } from 'luxon';
import { CHANGES_BETWEEN, CHANGES_BY, COUNTS_BY, type GroupBy, GROUP_LABELS, TOTAL } from './resolution-rate.sql';
import { LiveBases } from './settled/live-bases';
import { SETTLE_MS, SettledQueries } from './settled/settled-queries';

export type Counts = { recorded: number; resolved: number };
type KeyedCounts = Counts & { key: string | null };
export type GroupCounts = Counts & { key: string | null; label: string };

/**
 * Counts as of a recent instant T start from those of a settled instant T0 on this grid (two to
 * seven minutes before T, kept in memory), moved forward to a recent base (see recentBase).
 */
const BASE_GRID_MS = 5 * 60_000;
/** A recent base moves forward at most this often per figure. */
const BASE_STEP_MS = 1_000;
const MAX_RECENT_BASES = 200;

/**
 * Counts as of a settled instant off the hour start from those kept as of the hour before it,
 * which are derived from the latest hour kept in the week before, if any (see settledCounts).
 */
const HOUR_MS = 3_600_000;
const HOURS_LOOKED_BACK = 7 * 24;

/** Counts as of an instant, in the database's time. */
type Base = { at: Date; counts: KeyedCounts[] };

/** The label of the group of problems without a value. */
export const NO_KEY_LABEL: Record<GroupBy, string> = {
  department: '未分派',
  district: '未填写',
  category: '未填写',
  industry: '未填写',
};

/**
 * The resolution counts (recorded, resolved) of a period as of an instant, in total or per group:
 * kept once settled (SettledQueries), and as of a recent instant a recent base plus the changes
 * since.
 */
@Injectable()
export class ResolutionCounts {
  private readonly recent = new Map<string, Base>();

  constructor(
    private readonly reader: ReportReader,
    private readonly settled: SettledQueries,
    private readonly kept: LiveBases,
  ) {}

  async total(from: Date, to: Date, asOf: Date): Promise<Counts> {
    const [total] = await this.counts('total', from, to, asOf);
    return { recorded: total?.recorded ?? 0, resolved: total?.resolved ?? 0 };
  }

  /** Every group of the grouping with its counts (zeros when it had none), then the problems without a value. */
  async byGroup(groupBy: GroupBy, from: Date, to: Date, asOf: Date): Promise<GroupCounts[]> {
    const labelsSql = GROUP_LABELS[groupBy];
    const [counts, labels] = await Promise.all([
      this.counts(groupBy, from, to, asOf),
      labelsSql ? rows<{ key: string; label: string }>(this.reader.db, labelsSql) : Promise.resolve(null),
    ]);
    const zero = { recorded: 0, resolved: 0 };
    const countsOf = (key: string | null): Counts => {
      const row = counts.find((c) => c.key === key);
      return row ? { recorded: row.recorded, resolved: row.resolved } : zero;
    };
    if (labels === null) {
      return counts
        .map((row) => ({ key: row.key, label: row.key ?? NO_KEY_LABEL[groupBy], ...countsOf(row.key) }))
        .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key)));
    }
    const groups: GroupCounts[] = labels.map((row) => ({ key: row.key, label: row.label, ...countsOf(row.key) }));
    const unlabelled = counts.filter((row) => !labels.some((label) => label.key === row.key));
    for (const row of unlabelled) {
      groups.push({ key: row.key, label: row.key ?? NO_KEY_LABEL[groupBy], ...countsOf(row.key) });
    }
    return groups;
  }

  /**
   * The counts per key of a grouping as of `asOf`: computed, or kept once settled; as of a recent
   * instant, the counts of a recent base plus the changes since (CHANGES_BY), which for the
   * current quarter reads the problems of the last moments instead of every one of it.
   */
  private async counts(grouping: GroupBy | 'total', from: Date, to: Date, asOf: Date): Promise<KeyedCounts[]> {
    const sql = grouping === 'total' ? TOTAL : COUNTS_BY[grouping];
    const settled = asOf.getTime() <= Date.now() - SETTLE_MS;
    if (grouping === 'district' || grouping === 'industry') {
      if (settled) return this.settled.query<KeyedCounts>(sql, [from, to, asOf], { byEnterprise: true });
      // From a recent base too, one made under the current grouping (SettledQueries.underOneGrouping).
      return this.settled.underOneGrouping(
        (generation) => this.live(grouping, sql, from, to, asOf, generation),
        () => rows<KeyedCounts>(this.reader.db, sql, [from, to, asOf]),
      );
    }
    if (settled) return this.settledCounts(grouping, sql, from, to, asOf);
    return this.live(grouping, sql, from, to, asOf);
  }

  /** Counts as of a recent instant: a recent base plus the changes since. */
  private async live(
    grouping: keyof typeof CHANGES_BY,
    sql: string,
    from: Date,
    to: Date,
    asOf: Date,
    generation?: string,
  ): Promise<KeyedCounts[]> {
    const base = await this.recentBase(grouping, sql, from, to, asOf, generation);
    return addCounts(
      base.counts,
      await rows<KeyedCounts>(this.reader.db, CHANGES_BY[grouping], [from, to, base.at, asOf]),
    );
  }

  /**
   * Counts as of a settled instant. One on the hour (a period's end, as dashboards, trends and
   * published figures ask) is kept as it is. Any other is the counts kept as of the hour before
   * it plus the changes of the minutes between (CHANGES_BETWEEN, an hour's events at most), so
   * a manager choosing instants in a closed period does not scan the period at each. The hour's
   * counts are themselves the latest hour kept in the week before plus the changes since, or
   * else computed whole; either way they are kept, so each hour is computed once.
   */
  private async settledCounts(
    grouping: keyof typeof CHANGES_BETWEEN,
    sql: string,
    from: Date,
    to: Date,
    asOf: Date,
  ): Promise<KeyedCounts[]> {
    const hour = new Date(Math.floor(asOf.getTime() / HOUR_MS) * HOUR_MS);
    if (hour.getTime() === asOf.getTime()) return this.settled.query<KeyedCounts>(sql, [from, to, asOf]);
    const changes = CHANGES_BETWEEN[grouping];
    const derive = async () => {
      const earlier = Array.from({ length: HOURS_LOOKED_BACK }, (_, i) => new Date(hour.getTime() - (i + 1) * HOUR_MS));
      const base = await this.settled.latestKept<KeyedCounts>(sql, [from, to], earlier);
      if (!base) return rows<KeyedCounts>(this.reader.db, sql, [from, to, hour]);
      const counts = addCounts(base.rows, await rows<KeyedCounts>(this.reader.db, changes, [from, to, base.at, hour]));
      // Kept as the statement gives them: its total is one row, with no problem too.
      return grouping === 'total' && counts.length === 0 ? [{ key: '', recorded: 0, resolved: 0 }] : counts;
    };
    const compose = async () => {
      // The minutes after the hour are read where the hour's counts are (the replica, if it holds asOf).
      this.reader.readAsOf(DateTime.fromJSDate(asOf));
      const [base, since] = await Promise.all([
        this.settled.query<KeyedCounts>(sql, [from, to, hour], { derive }),
        rows<KeyedCounts>(this.reader.db, changes, [from, to, hour, asOf]),
      ]);
      return addCounts(base, since);
    };
    // The instant itself is kept in memory only: asked again, it is read, but PostgreSQL keeps the hours.
    return this.settled.query<KeyedCounts>(sql, [from, to, asOf], { memoryOnly: true, derive: compose });
  }

  /**
   * Counts as of an instant shortly before `asOf`, after which the changes are few: the last base
   * of this figure, moved forward by the changes since to the latest instant before which every
   * change is visible (SETTLED_NOW; a few seconds back unless a transaction stays open). The first
   * base is the one kept in PostgreSQL (LiveBases: another process's, or this one's before a
   * restart), or else the figure as of the instant on the grid. A burst of writes is thus read
   * once into the base, instead of again by every request until the grid passes it.
   */
  private async recentBase(
    grouping: keyof typeof CHANGES_BY,
    sql: string,
    from: Date,
    to: Date,
    asOf: Date,
    generation?: string,
  ): Promise<Base> {
    const key = `${grouping}\u0000${from.toISOString()}\u0000${to.toISOString()}\u0000${generation ?? ''}`;
    const gridAt = new Date(Math.floor((asOf.getTime() - SETTLE_MS) / BASE_GRID_MS) * BASE_GRID_MS);
    const statements = { statement: sql };
    let base = this.recent.get(key);
    // A base stuck behind a long transaction (a backup, say) gives way to the newer one on the grid.
    if (!base || base.at > asOf || base.at < gridAt) {
      // A base grouped by enterprise belongs to its generation, which names it in memory and in
      // PostgreSQL (LiveBases).
      const kept = await this.kept.load<KeyedCounts>(statements, [from, to], asOf, generation);
      base = kept && kept.at >= (base?.at ?? kept.at) ? { at: kept.at, counts: kept.rows } : undefined;
      base ??= {
        at: gridAt,
        counts: await this.settled.query<KeyedCounts>(sql, [from, to, gridAt], {
          memoryOnly: true,
          // Not from memory: the rows kept there do not say under which grouping they were counted.
          byEnterprise: generation !== undefined,
        }),
      };
    }
    // On the primary: a standby does not list the primary's open transactions.
    const { at: settledAt } = await one<{ at: Date }>(this.reader.primary, SETTLED_NOW);
    const target = new Date(Math.min(settledAt.getTime(), asOf.getTime()));
    if (target.getTime() - base.at.getTime() < BASE_STEP_MS) return base;
    const changes = await rows<KeyedCounts>(this.reader.db, CHANGES_BY[grouping], [from, to, base.at, target]);
    const moved = { at: target, counts: addCounts(base.counts, changes) };
    const inMemory = this.recent.get(key);
    if (!inMemory || inMemory.at < moved.at) {
      this.recent.delete(key);
      if (this.recent.size >= MAX_RECENT_BASES) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(key, moved);
      await this.kept.save(statements, [from, to], { at: moved.at, rows: moved.counts, deadlines: [] }, { generation });
    }
    return moved;
  }
}

/** Counts plus signed changes, per key; keys left with no problem are dropped, as a count would not list them. */
export function addCounts(counts: KeyedCounts[], changes: KeyedCounts[]): KeyedCounts[] {
  const sums = new Map<string | null, KeyedCounts>(counts.map((row) => [row.key, { ...row }]));
  for (const change of changes) {
    const sum = sums.get(change.key) ?? { key: change.key, recorded: 0, resolved: 0 };
    sum.recorded += change.recorded;
    sum.resolved += change.resolved;
    sums.set(change.key, sum);
  }
  return [...sums.values()].filter((row) => row.recorded > 0);
}

/**
 * Groupings by an enterprise's current district or industry, which an edit of the enterprise can
 * change after the fact; a problem's department at T and its category cannot change.
 */
export function groupedByEnterprise(groupBy: GroupBy | 'total' | undefined): boolean {
  return groupBy === 'district' || groupBy === 'industry';
}
