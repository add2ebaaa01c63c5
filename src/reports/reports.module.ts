import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { BouncedService } from './bounced/bounced.service';
import { LiveFigures } from './live-figures';
import { ResolutionCounts } from './resolution-counts';
import { ReportsService } from './reports.service';
import { VisitFiguresService } from './visits/visit-figures.service';
import { WeeklyService } from './weekly/weekly.service';
import { WeeklyWatch } from './weekly/weekly-watch.service';
import { WeeklySupervision } from './weekly/weekly-supervision.service';

@Module({
  controllers: [ReportsController],
  providers: [
    ReportsService,
    BouncedService,
    VisitFiguresService,
    WeeklyService,
    WeeklyWatch,
    WeeklySupervision,
    ResolutionCounts,
    LiveFigures,
  ],
})
export class ReportsModule {}
