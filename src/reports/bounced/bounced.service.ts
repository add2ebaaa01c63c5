import { Injectable } from '@nestjs/common';
import { rows } from '../../common/sql';
import { bouncedProblemsSql } from '../bounced.sql';
import type { ResolutionRateQuery } from '../report.dto';
import { ReportsService } from '../reports.service';
import type { BouncedProblem, BouncedReport } from './bounced.response';
import { ReportReader } from '../../database/report-reader';

/** The bounced problems (推诿) of a period as of an instant (src/reports/bounced.sql.ts). */
@Injectable()
export class BouncedService {
  constructor(
    private readonly reader: ReportReader,
    private readonly reports: ReportsService,
  ) {}

  async report(query: Omit<ResolutionRateQuery, 'groupBy'>): Promise<BouncedReport> {
    const { period, asOf } = this.reports.resolve(query);
    const items = await rows<BouncedProblem>(
      this.reader.db,
      bouncedProblemsSql('$1::timestamptz', '$2::timestamptz', '$3::timestamptz'),
      [period.from.toJSDate(), period.to.toJSDate(), asOf.toJSDate()],
    );
    return { ...this.reports.describe(period, asOf), items };
  }
}
