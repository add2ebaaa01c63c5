import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { explicitPeriod, parseInstant, parsePeriod, Period, PeriodError, ratePercent } from './periods';
import { ResolutionRateQuery } from './report.dto';
import { BY_GROUP, type GroupBy, TOTAL } from './resolution-rate.sql';

export interface RateFigures {
  recorded: number;
  resolved: number;
  ratePercent: number | null;
}

export interface ResolutionRateReport extends RateFigures {
  period: { label: string; from: string; to: string; timezone: string };
  asOf: string;
  groupBy?: GroupBy;
  groups?: ({ key: string | null; label: string } & RateFigures)[];
}

type Counts = { recorded: number; resolved: number };

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async resolutionRate(query: ResolutionRateQuery): Promise<ResolutionRateReport> {
    const zone = this.config.reportTimezone;
    const { period, asOf } = this.resolve(query, zone);
    const params = [period.from.toJSDate(), period.to.toJSDate(), asOf.toJSDate()];
    const [total]: Counts[] = await this.db.query(TOTAL, params);
    const report: ResolutionRateReport = {
      period: { label: period.label, from: period.from.toISO()!, to: period.to.toISO()!, timezone: zone },
      asOf: asOf.toISO()!,
      ...figures(total!),
    };
    if (query.groupBy) {
      const rows: ({ key: string | null; label: string } & Counts)[] = await this.db.query(
        BY_GROUP[query.groupBy],
        params,
      );
      report.groupBy = query.groupBy;
      report.groups = rows.map((row) => ({ key: row.key, label: row.label, ...figures(row) }));
    }
    return report;
  }

  private resolve(query: ResolutionRateQuery, zone: string): { period: Period; asOf: DateTime } {
    try {
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
      const now = DateTime.now().setZone(zone);
      const asOf =
        query.asOf === undefined
          ? DateTime.min(period.to, now)
          : query.asOf === 'now'
            ? now
            : parseInstant(query.asOf, zone, 'asOf');
      return { period, asOf };
    } catch (error) {
      if (error instanceof PeriodError) throw DomainError.invalidField(error.field, error.message);
      throw error;
    }
  }
}

function figures({ recorded, resolved }: Counts): RateFigures {
  return { recorded, resolved, ratePercent: ratePercent(resolved, recorded) };
}
