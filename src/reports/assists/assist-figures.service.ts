import { Injectable } from '@nestjs/common';
import { rows } from '../../common/sql';
import { DEFINITION_IDS } from '../drill-down/definitions';
import { ratePercent } from '../periods';
import { ReportsService } from '../reports.service';
import { ASSIST_FIGURES } from './assist-parts.sql';
import type { AssistCounts, AssistFiguresReport } from './assist-figures.response';
import type { AssistFiguresQuery } from './assist-figures.dto';
import { ReportReader } from '../../database/report-reader';

type Counts = Pick<AssistCounts, 'assigned' | 'done' | 'doneOnTime' | 'open' | 'cancelled'>;

/**
 * The assisting departments' figures (协办): their parts, done, done on time, as of an instant,
 * from the events only (see assist-parts.sql.ts). The lead's figures stay in GET /reports/figures.
 */
@Injectable()
export class AssistFiguresService {
  constructor(
    private readonly reader: ReportReader,
    private readonly reports: ReportsService,
  ) {}

  async assists(query: AssistFiguresQuery): Promise<AssistFiguresReport> {
    const { period, asOf } = this.reports.resolve(query);
    const groups = await rows<Counts & { key: string; label: string }>(this.reader.db, ASSIST_FIGURES, [
      period.from.toJSDate(),
      period.to.toJSDate(),
      asOf.toJSDate(),
    ]);
    const total: Counts = { assigned: 0, done: 0, doneOnTime: 0, open: 0, cancelled: 0 };
    for (const g of groups) {
      for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += g[k];
    }
    return {
      ...this.reports.describe(period, asOf),
      definitions: { onTimeRate: DEFINITION_IDS['assist-on-time-rate'] },
      ...withRates(total),
      groupBy: 'department',
      groups: groups.map((g) => ({ key: g.key, label: g.label, ...withRates(g) })),
    };
  }
}

function withRates(c: Counts): AssistCounts {
  return {
    assigned: c.assigned,
    done: c.done,
    doneOnTime: c.doneOnTime,
    open: c.open,
    cancelled: c.cancelled,
    doneRatePercent: ratePercent(c.done, c.assigned - c.cancelled),
    onTimeRatePercent: ratePercent(c.doneOnTime, c.done),
  };
}
