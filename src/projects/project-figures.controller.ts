import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiDefaultResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/auth-user';
import { ErrorResponse } from '../common/error.response';
import { ProjectFiguresQuery } from './project.dto';
import { ProjectFiguresReportResponse } from './project-figures.response';
import { ProjectFiguresService } from './projects-figures.service';
import { ReadFromInterceptor } from '../reports/read-from.interceptor';

@ApiTags('reports')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Roles('manager', 'admin')
@UseInterceptors(ReadFromInterceptor)
@Controller('reports')
export class ProjectFiguresController {
  constructor(private readonly figures: ProjectFiguresService) {}

  @Get('projects')
  @ApiOperation({
    summary:
      'Key projects of a period as of an instant: start rate (开工率) of the year’s plan, completed investment and its year-on-year growth; optionally per district, industry or department',
  })
  @ApiOkResponse({ type: ProjectFiguresReportResponse })
  report(@Query() query: ProjectFiguresQuery) {
    return this.figures.report(query);
  }
}
