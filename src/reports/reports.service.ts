import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type ReadFrom, ReportReader } from '../database/report-reader';
import {
  explicitPeriod,
  parseInstant,
  parsePeriod,
  Period,
  PeriodError,
  periodContaining,
  periodsEndingWith,
  ratePercent,
  readPeriod,
} from './periods';
import {
  DEFINITION_IDS,
  itemsPath,
  RATE_DEFINITIONS,
  rateItemsPaths,
  type RateDefinitions,
} from './drill-down/definitions';
import { LiveFigures } from './live-figures';
import { FiguresQuery, ResolutionRateQuery, TrendQuery } from './report.dto';
import { type Counts, type GroupCounts, NO_KEY_LABEL, ResolutionCounts } from './resolution-counts';
import { type GroupBy } from './resolution-rate.sql';
import { WindowFigures } from './window-figures';

export interface RateFigures {
  recorded: number;
  resolved: number;
  ratePercent: number | null;
}

export interface PeriodInfo {
  label: string;
  from: string;
  to: string;
  timezone: string;
}

export interface ResolutionRateReport extends RateFigures {
  period: PeriodInfo;
  asOf: string;
  /** The definition's id, `resolution-rate/v1`. */
  definition: string;
  /** The drill-down of the figure at its instant. */
  items: string;
  groupBy?: GroupBy;
  groups?: ({ key: string | null; label: string } & RateFigures)[];
}

/** Every figure of docs/domain.md for one period (or one group of it), each with its numerator and denominator. */
export interface Figures {
  resolutionRate: RateFigures;
  onTimeRate: { onTime: number; resolved: number; ratePercent: number | null };
  onTimeWithExtensionRate: { onTimeWithExtension: number; resolved: number; ratePercent: number | null };
  signForRate: { timely: number; due: number; ratePercent: number | null };
  redos: { count: number };
  satisfactionRate: {
    satisfied: number;
    verified: number;
    ratePercent: number | null;
    fromEnterprise: number;
    fromManager: number;
  };
  returns: number;
  medianDaysToResolve: number | null;
}

export interface FiguresReport extends Figures {
  period: PeriodInfo;
  asOf: string;
  definitions: RateDefinitions;
  /** The drill-down of each rate at the figures' instant. */
  items: RateDefinitions;
  groupBy?: GroupBy;
  groups?: ({ key: string | null; label: string } & Figures)[];
}

export interface TrendReport {
  granularity: string;
  definitions: RateDefinitions;
  points: ({ period: PeriodInfo; asOf: string } & Figures)[];
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly reader: ReportReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly counts: ResolutionCounts,
    private readonly window: WindowFigures,
    private readonly live: LiveFigures,
  ) {}

  async resolutionRate(query: ResolutionRateQuery): Promise<ResolutionRateReport> {
    const { period, asOf, live } = this.resolve(query);
    if (!live) return this.rateAt(period, asOf, query.groupBy);
    return this.live.run(liveKey('rate', period, query.groupBy), () => this.rateAt(period, this.now(), query.groupBy));
  }

  private async rateAt(period: Period, asOf: DateTime, groupBy?: GroupBy): Promise<ResolutionRateReport> {
    const [from, to, at] = instants(period, asOf);
    const described = this.describe(period, asOf);
    const links = {
      definition: DEFINITION_IDS['resolution-rate'],
      items: itemsPath('resolution-rate', { ...described.period, asOf: described.asOf }),
    };
    if (!groupBy) return { ...described, ...links, ...rate(await this.counts.total(from, to, at)) };
    // Every counted problem falls in exactly one group, so the groups add up to the total.
    const groups = await this.counts.byGroup(groupBy, from, to, at);
    const total = groups.reduce(
      (sum, g) => ({ recorded: sum.recorded + g.recorded, resolved: sum.resolved + g.resolved }),
      { recorded: 0, resolved: 0 },
    );
    return {
      ...described,
      ...links,
      ...rate(total),
      groupBy,
      groups: groups.map((g) => ({ key: g.key, label: g.label, ...rate(g) })),
    };
  }

  async figures(query: FiguresQuery): Promise<FiguresReport> {
    const { period, asOf, live } = this.resolve(query);
    if (!live) return this.figuresOf(period, asOf, query.groupBy);
    return this.live.run(liveKey('figures', period, query.groupBy), () =>
      this.figuresOf(period, this.now(), query.groupBy),
    );
  }

  /** Consecutive periods ending with the one that holds `to` (default now), each as of its end or now. */
  async trend(query: TrendQuery): Promise<TrendReport> {
    return this.live.run(`trend ${query.granularity} ${query.periods} ${query.to}`, () => this.trendNow(query));
  }

  private async trendNow(query: TrendQuery): Promise<TrendReport> {
    const zone = this.config.reportTimezone;
    const now = this.now();
    const last = readPeriod(() =>
      periodContaining(
        query.granularity,
        query.to ? parseInstant(query.to, zone, 'to').minus({ milliseconds: 1 }) : now,
      ),
    );
    const periods = periodsEndingWith(query.granularity, last, query.periods ?? 8);
    const points = [];
    for (const period of periods) {
      const asOf = DateTime.min(period.to, now);
      const {
        period: info,
        asOf: at,
        definitions: _definitions,
        items: _items,
        ...figures
      } = await this.figuresOf(period, asOf);
      points.push({ period: info, asOf: at, ...figures });
    }
    return { granularity: query.granularity, definitions: RATE_DEFINITIONS, points };
  }

  private async figuresOf(period: Period, asOf: DateTime, groupBy?: GroupBy): Promise<FiguresReport> {
    const [from, to, at] = instants(period, asOf);
    const [rates, { resolved, verified, returns, signFor, redos }] = await Promise.all([
      groupBy
        ? this.counts.byGroup(groupBy, from, to, at)
        : this.counts.total(from, to, at).then((total): GroupCounts[] => [{ key: 'total', label: '', ...total }]),
      this.window.of(from, to, at, groupBy),
    ]);

    const figuresFor = (groupKey: string | null, counts: Counts): Figures => {
      const r = resolved.find((row) => row.key === groupKey);
      const v = verified.find((row) => row.key === groupKey);
      const sf = signFor.find((row) => row.key === groupKey);
      return {
        resolutionRate: rate(counts),
        onTimeRate: {
          onTime: r?.on_time ?? 0,
          resolved: r?.resolved ?? 0,
          ratePercent: ratePercent(r?.on_time ?? 0, r?.resolved ?? 0),
        },
        onTimeWithExtensionRate: {
          onTimeWithExtension: r?.on_time_with_extension ?? 0,
          resolved: r?.resolved ?? 0,
          ratePercent: ratePercent(r?.on_time_with_extension ?? 0, r?.resolved ?? 0),
        },
        signForRate: {
          timely: sf?.timely ?? 0,
          due: sf?.due ?? 0,
          ratePercent: ratePercent(sf?.timely ?? 0, sf?.due ?? 0),
        },
        redos: { count: redos.find((row) => row.key === groupKey)?.redos ?? 0 },
        satisfactionRate: {
          satisfied: v?.satisfied ?? 0,
          verified: v?.verified ?? 0,
          ratePercent: ratePercent(v?.satisfied ?? 0, v?.verified ?? 0),
          fromEnterprise: v?.from_enterprise ?? 0,
          fromManager: (v?.verified ?? 0) - (v?.from_enterprise ?? 0),
        },
        returns: returns.find((row) => row.key === groupKey)?.returns ?? 0,
        medianDaysToResolve: r?.median_days ?? null,
      };
    };

    if (!groupBy) {
      const described = this.describe(period, asOf);
      const items = rateItemsPaths({ ...described.period, asOf: described.asOf });
      return { ...described, definitions: RATE_DEFINITIONS, items, ...figuresFor('total', rates[0]!) };
    }
    // Every group the resolution rate lists (all reference rows), plus any key only the events name.
    const groups = rates.map((row) => ({ key: row.key, label: row.label, counts: row as Counts }));
    for (const row of [...resolved, ...verified, ...returns, ...signFor, ...redos]) {
      if (!groups.some((g) => g.key === row.key)) {
        groups.push({ key: row.key, label: row.key ?? NO_KEY_LABEL[groupBy], counts: { recorded: 0, resolved: 0 } });
      }
    }
    const total = await this.figuresOf(period, asOf);
    return {
      ...total,
      groupBy,
      groups: groups.map((g) => ({ key: g.key, label: g.label, ...figuresFor(g.key, g.counts) })),
    };
  }

  /** Now, or on the replica the latest instant it holds every change before (ReportReader.now). */
  now(): DateTime {
    return this.reader.now(this.config.reportTimezone);
  }

  describe(period: Period, asOf: DateTime): { period: PeriodInfo; asOf: string; readFrom?: ReadFrom } {
    return {
      period: { label: period.label, from: period.from.toISO()!, to: period.to.toISO()!, timezone: period.timezone },
      asOf: asOf.toISO()!,
      ...this.reader.readFrom(),
    };
  }

  /** The period and instant asked for; `live` when that instant is "now" (asked for, or the period is not over). */
  resolve(query: Omit<ResolutionRateQuery, 'groupBy'>): { period: Period; asOf: DateTime; live: boolean } {
    const zone = this.config.reportTimezone;
    return readPeriod(() => {
      let period: Period;
      if (query.period !== undefined) {
        if (query.from !== undefined || query.to !== undefined) {
          throw new PeriodError('period', 'give either period or from and to, not both');
        }
        period = parsePeriod(query.period, zone);
      } else if (query.from !== undefined && query.to !== undefined) {
        period = explicitPeriod(query.from, query.to, zone);
      } else {
        throw new PeriodError(
          query.from === undefined ? 'period' : 'to',
          'give a period (2025-Q1) or both from and to',
        );
      }
      const now = this.now();
      if (query.asOf === 'now' || (query.asOf === undefined && now < period.to))
        return { period, asOf: now, live: true };
      const asOf = query.asOf === undefined ? period.to : parseInstant(query.asOf, zone, 'asOf');
      this.reader.readAsOf(asOf);
      return { period, asOf, live: false };
    });
  }
}

/** What a live figure depends on besides the instant: requests with the same key share a computation. */
function liveKey(report: string, period: Period, groupBy: GroupBy | undefined): string {
  return `${report} ${period.label} ${period.from.toISO()} ${period.to.toISO()} ${groupBy ?? ''}`;
}

function instants(period: Period, asOf: DateTime): [Date, Date, Date] {
  return [period.from.toJSDate(), period.to.toJSDate(), asOf.toJSDate()];
}

function rate({ recorded, resolved }: Counts): RateFigures {
  return { recorded, resolved, ratePercent: ratePercent(resolved, recorded) };
}
