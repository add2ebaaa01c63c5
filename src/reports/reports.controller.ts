import { Controller, Get, Query, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBearerAuth,
  ApiDefaultResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Roles } from '../access/auth-user';
import { ErrorResponse } from '../common/error.response';
import { AssistFiguresQuery } from './assists/assist-figures.dto';
import { AssistFiguresReport } from './assists/assist-figures.response';
import { AssistFiguresService } from './assists/assist-figures.service';
import { FiguresQuery, ResolutionRateQuery, TrendQuery } from './report.dto';
import { Figures, ResolutionRateReport, TrendReport } from './report.response';
import { ReportsService } from './reports.service';
import { BouncedQuery } from './bounced/bounced.dto';
import { BouncedReport } from './bounced/bounced.response';
import { BouncedService } from './bounced/bounced.service';
import { renderWeeklyCsv, renderWeeklyHtml, renderWeeklyXlsx } from './weekly/render-weekly';
import { renderWeeklyDocx } from './weekly/render-weekly-docx';
import { WeeklyQuery } from './weekly/weekly.dto';
import { WeeklyReport } from './weekly/weekly.response';
import { WeeklyService } from './weekly/weekly.service';
import { VisitsQuery } from './visits/visit-figures.dto';
import { FiguresWithVisitsReport, VisitsReport } from './visits/visit-figures.response';
import { VisitFiguresService } from './visits/visit-figures.service';
import { ReadFromInterceptor } from './read-from.interceptor';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@ApiTags('reports')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@ApiExtraModels(WeeklyReport, Figures)
@Roles('manager', 'admin')
@UseInterceptors(ReadFromInterceptor)
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly weeklyReports: WeeklyService,
    private readonly visitFigures: VisitFiguresService,
    private readonly assistFigures: AssistFiguresService,
    private readonly bounced: BouncedService,
  ) {}

  @Get('bounced')
  @ApiOperation({
    summary:
      'Bounced problems (推诿) with an assignment or a return in the period, as of an instant, each with its route of departments and return reasons',
  })
  @ApiOkResponse({ type: BouncedReport })
  bouncedProblems(@Query() query: BouncedQuery): Promise<BouncedReport> {
    return this.bounced.report(query);
  }

  @Get('resolution-rate')
  @ApiOperation({
    summary:
      'The resolution rate (办结率) of a period as of an instant, optionally per department, district, category or industry',
  })
  @ApiOkResponse({ type: ResolutionRateReport })
  resolutionRate(@Query() query: ResolutionRateQuery) {
    return this.reports.resolutionRate(query);
  }

  @Get('visits')
  @ApiOperation({
    summary:
      'The visit figures of a period as of an instant: visits, coverage (走访覆盖率), on-schedule rate, problems per visit, policies promoted; optionally per district, official or tier',
  })
  @ApiOkResponse({ type: VisitsReport })
  visits(@Query() query: VisitsQuery): Promise<VisitsReport> {
    return this.visitFigures.visits(query);
  }

  @Get('figures')
  @ApiOperation({
    summary:
      'Every figure of a period as of an instant: resolution rate, on-time rate, satisfaction rate, returns, median days to resolve, optionally per group; and the visit figures of the whole period',
  })
  @ApiOkResponse({ type: FiguresWithVisitsReport })
  figures(@Query() query: FiguresQuery): Promise<FiguresWithVisitsReport> {
    return this.visitFigures.figuresWithVisits(query);
  }

  @Get('assists')
  @ApiOperation({
    summary:
      'The assisting departments (协办) of a period as of an instant: per department, the parts given by assignments in the period, done, done on time (by the assignment’s deadline), open and cancelled; the lead’s figures stay in /reports/figures',
  })
  @ApiOkResponse({ type: AssistFiguresReport })
  assists(@Query() query: AssistFiguresQuery): Promise<AssistFiguresReport> {
    return this.assistFigures.assists(query);
  }

  @Get('trend')
  @ApiOperation({ summary: 'The figures over consecutive quarters, months or ISO weeks' })
  @ApiOkResponse({ type: TrendReport })
  trend(@Query() query: TrendQuery) {
    return this.reports.trend(query);
  }

  @Get('weekly')
  @ApiOperation({
    summary:
      'The weekly coordination report (周调度) for an ISO week, visits first: JSON, a spreadsheet (one sheet per section), CSV, a printable page with charts, or a Word document (通报)',
  })
  @ApiProduces('application/json', XLSX, 'text/csv', 'text/html', DOCX)
  @ApiOkResponse({
    description: 'the report in the format asked for',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(WeeklyReport) } },
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
      'text/csv': { schema: { type: 'string' } },
      'text/html': { schema: { type: 'string' } },
      [DOCX]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  async weekly(@Query() query: WeeklyQuery, @Res({ passthrough: true }) res: Response) {
    const report = await this.weeklyReports.report(query.week);
    const lang = query.lang ?? 'zh';
    const file = (type: string, extension: string) => {
      res.setHeader('Content-Type', type);
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="weekly-${query.week}.${extension}"; filename*=UTF-8''${encodeURIComponent(`周调度-${query.week}.${extension}`)}`,
      );
    };
    switch (query.format ?? 'json') {
      case 'json':
        return report;
      case 'xlsx':
        file(XLSX, 'xlsx');
        return new StreamableFile(await renderWeeklyXlsx(report, lang));
      case 'csv':
        file('text/csv; charset=utf-8', 'csv');
        return renderWeeklyCsv(report, lang);
      case 'html':
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        return renderWeeklyHtml(report, lang);
      case 'docx':
        file(DOCX, 'docx');
        return new StreamableFile(await renderWeeklyDocx(report, lang));
    }
  }
}
