import { Module } from '@nestjs/common';
import { AssessmentController } from './assessment/assessment.controller';
import { AssessmentRepository } from './assessment/assessment.repository';
import { AssessmentService } from './assessment/assessment.service';
import { AssistFiguresService } from './assists/assist-figures.service';
import { ReportsController } from './reports.controller';
import { DrillDownController } from './drill-down/drill-down.controller';
import { DrillDownRepository } from './drill-down/drill-down.repository';
import { DrillDownService } from './drill-down/drill-down.service';
import { PublishedController } from './published/published.controller';
import { PublishedRepository } from './published/published.repository';
import { PublishedService } from './published/published.service';
import { BouncedService } from './bounced/bounced.service';
import { LiveFigures } from './live-figures';
import { ResolutionCounts } from './resolution-counts';
import { SettledQueries } from './settled/settled-queries';
import { LiveDelta } from './settled/live-delta';
import { LiveBases } from './settled/live-bases';
import { WindowFigures } from './window-figures';
import { SettledFigures } from './settled/settled-figures';
import { SettledWarmUp } from './settled/settled-warm-up';
import { ReportsService } from './reports.service';
import { VisitFiguresService } from './visits/visit-figures.service';
import { WeeklyService } from './weekly/weekly.service';
import { WeeklyWatch } from './weekly/weekly-watch.service';
import { WeeklyDeadlines } from './weekly/weekly-deadlines.service';
import { WeeklySupervision } from './weekly/weekly-supervision.service';

@Module({
  controllers: [ReportsController, AssessmentController, DrillDownController, PublishedController],
  providers: [
    ReportsService,
    BouncedService,
    VisitFiguresService,
    WeeklyService,
    WeeklyWatch,
    WeeklyDeadlines,
    WeeklySupervision,
    ResolutionCounts,
    SettledQueries,
    LiveDelta,
    LiveBases,
    WindowFigures,
    SettledFigures,
    SettledWarmUp,
    LiveFigures,
    AssessmentRepository,
    AssessmentService,
    AssistFiguresService,
    DrillDownRepository,
    DrillDownService,
    PublishedRepository,
    PublishedService,
  ],
  exports: [SettledWarmUp],
})
export class ReportsModule {}
