import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth-user';
import { ResolutionRateQuery } from './report.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('manager', 'admin')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('resolution-rate')
  @ApiOperation({
    summary:
      'The resolution rate (办结率) of a period as of an instant, optionally per department, district, category or industry',
  })
  resolutionRate(@Query() query: ResolutionRateQuery) {
    return this.reports.resolutionRate(query);
  }
}
