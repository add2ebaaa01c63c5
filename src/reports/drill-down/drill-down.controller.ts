import { Controller, Get, Param, Query, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiDefaultResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Inject } from '@nestjs/common';
import { Roles } from '../../access/auth-user';
import { ErrorResponse } from '../../common/error.response';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DEFINITION_HISTORY } from './definitions';
import { drillDownCsv, drillDownXlsx } from './drill-down-file';
import { DrillDownQuery, FigureParam } from './drill-down.dto';
import { Definition, DrillDownPage } from './drill-down.response';
import { DrillDownService } from './drill-down.service';
import { ReadFromInterceptor } from '../read-from.interceptor';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Roles('manager', 'admin')
@UseInterceptors(ReadFromInterceptor)
@Controller('reports')
export class DrillDownController {
  constructor(
    private readonly drillDown: DrillDownService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('definitions')
  @ApiOperation({ summary: 'Every version of every figure’s definition (口径), oldest first per figure' })
  @ApiOkResponse({ type: [Definition] })
  definitions(): Definition[] {
    return DEFINITION_HISTORY.map((d) => ({ ...d, groupBys: [...d.groupBys] }));
  }

  @Get(':figure/items')
  @ApiOperation({
    summary:
      'The items a figure counted (its denominator), each marked whether it is in the numerator, as they were at the figure’s instant; keyset pages, the list’s filters, or every item as csv or xlsx',
  })
  @ApiOkResponse({ type: DrillDownPage })
  async items(
    @Param() { figure }: FigureParam,
    @Query() query: DrillDownQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DrillDownPage | string | StreamableFile> {
    const format = query.format ?? 'json';
    if (format === 'json') return this.drillDown.page(figure, query);
    const scope = this.drillDown.scope(figure, query);
    const all = await this.drillDown.all(scope, this.drillDown.filters(scope, query));
    const lang = query.lang ?? 'zh';
    const name = `${figure}-${scope.period.label}`;
    const timezone = this.config.reportTimezone;
    res.setHeader('Content-Disposition', `attachment; filename="${name}.${format}"`);
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      return drillDownCsv(all, lang, timezone);
    }
    res.setHeader('Content-Type', XLSX);
    return new StreamableFile(await drillDownXlsx(all, lang, timezone));
  }
}
