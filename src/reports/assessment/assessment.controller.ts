import { Body, Controller, Get, Param, Put, Query, StreamableFile, UseInterceptors } from '@nestjs/common';
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
import { type AuthUser, CurrentUser, Roles } from '../../access/auth-user';
import { ErrorResponse } from '../../common/error.response';
import { idParam } from '../../common/ids';
import { AssessmentQuery, DeductionsQuery, WeightsBody } from './assessment.dto';
import { AssessmentReport, DeductionsReport, WeightsReport } from './assessment.response';
import { AssessmentService } from './assessment.service';
import { renderAssessmentXlsx } from './render-assessment';
import { ReadFromInterceptor } from '../read-from.interceptor';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('assessment')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@ApiExtraModels(AssessmentReport)
@Controller()
export class AssessmentController {
  constructor(private readonly assessment: AssessmentService) {}

  @Get('reports/assessment')
  @UseInterceptors(ReadFromInterceptor)
  @Roles('manager', 'admin', 'handler')
  @ApiOperation({
    summary:
      'The department assessment (考核) of a month or a quarter as of an instant: each department’s score and components, ranked, with the weights in force; a handler sees their own department only',
  })
  @ApiProduces('application/json', XLSX)
  @ApiOkResponse({
    description: 'the ranking, as JSON or a spreadsheet',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AssessmentReport) } },
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  async ranking(
    @CurrentUser() user: AuthUser,
    @Query() query: AssessmentQuery,
  ): Promise<AssessmentReport | StreamableFile> {
    const report = await this.assessment.ranking(user, query);
    if ((query.format ?? 'json') === 'json') return report;
    return new StreamableFile(await renderAssessmentXlsx(report, query.lang ?? 'zh'), {
      type: XLSX,
      disposition: `attachment; filename="assessment-${report.period.label}.xlsx"; filename*=UTF-8''${encodeURIComponent(`部门考核-${report.period.label}.xlsx`)}`,
    });
  }

  @Get('reports/assessment/:departmentId/deductions')
  @UseInterceptors(ReadFromInterceptor)
  @Roles('manager', 'admin', 'handler')
  @ApiOperation({
    summary:
      'The problems behind every point a department lost in the period (a handler: their own department; another is 404)',
  })
  @ApiOkResponse({ type: DeductionsReport })
  deductions(
    @CurrentUser() user: AuthUser,
    @Param('departmentId', idParam('department')) departmentId: string,
    @Query() query: DeductionsQuery,
  ): Promise<DeductionsReport> {
    return this.assessment.deductions(user, departmentId, query);
  }

  @Get('assessment/weights')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'The assessment weights in force, the defaults and every change recorded' })
  @ApiOkResponse({ type: WeightsReport })
  weights(): Promise<WeightsReport> {
    return this.assessment.weights();
  }

  @Put('assessment/weights')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Record new assessment weights (all six, integers 0–100 adding up to 100), from now or a later instant; past scores keep theirs',
  })
  @ApiOkResponse({ type: WeightsReport })
  setWeights(@CurrentUser() user: AuthUser, @Body() body: WeightsBody): Promise<WeightsReport> {
    return this.assessment.setWeights(user, body);
  }
}
