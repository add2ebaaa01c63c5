import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AssessmentService } from '../assessment/assessment.service';
import { periodContaining, periodsEndingWith } from '../periods';
import { ReportsService } from '../reports.service';
import { GROUP_BYS } from '../resolution-rate.sql';
import { VisitFiguresService } from '../visits/visit-figures.service';

/** Closed quarters the dashboard's trend shows, and so the ones worth having ready. */
export const WARM_QUARTERS = 8;

/**
 * Computes what the dashboard asks for about closed quarters, each as of its end: the figures,
 * whole and by every grouping, the visit figures by district and the assessment. The rows land in the settled
 * figures (SettledFigures), so a manager's first look after a restart, or at a quarter nobody
 * opened yet, reads them instead of scanning the events. Run as a scheduled job of the queue
 * (NotificationWorker), on one instance at a time; after the first run it only reads.
 */
@Injectable()
export class SettledWarmUp {
  private readonly logger = new Logger('SettledWarmUp');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reports: ReportsService,
    private readonly visits: VisitFiguresService,
    private readonly assessment: AssessmentService,
  ) {}

  /** The last `quarters` closed quarters made ready; the number of reports it went through. */
  async warm(quarters = WARM_QUARTERS): Promise<number> {
    const started = Date.now();
    const current = periodContaining('quarter', this.reports.now().setZone(this.config.reportTimezone));
    const closed = periodsEndingWith('quarter', current, quarters + 1).slice(0, -1);
    let reports = 0;
    for (const quarter of closed.reverse()) {
      const period = quarter.label;
      for (const groupBy of [undefined, ...GROUP_BYS]) {
        await this.visits.figuresWithVisits({ period, groupBy });
        reports++;
      }
      await this.visits.visits({ period, groupBy: 'district' });
      await this.assessment.rankingOf(quarter, quarter.to);
      reports += 2;
    }
    this.logger.log(
      `settled figures ready for ${closed.length} closed quarters (${reports} reports) in ${Date.now() - started} ms`,
    );
    return reports;
  }
}
