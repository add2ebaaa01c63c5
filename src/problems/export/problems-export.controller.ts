import { Controller, Get, Query, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiDefaultResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  OmitType,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { type AuthUser, CurrentUser, Roles } from '../../access/auth-user';
import { ErrorResponse } from '../../common/error.response';
import { ListProblemsQuery } from '../problem.dto';
import { EXPORT_FORMATS, EXPORT_LANGUAGES, type ExportFormat, type ExportLanguage } from './export-columns';
import { ProblemsExportService } from './problems-export.service';
import { ReadFromInterceptor } from '../../reports/read-from.interceptor';

/** Every filter of the list (not its page size or cursor: the export has every row), plus the file's form. */
export class ExportProblemsQuery extends OmitType(ListProblemsQuery, ['limit', 'cursor', 'withTotal'] as const) {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  format: ExportFormat;

  @ApiPropertyOptional({ enum: EXPORT_LANGUAGES, default: 'zh', description: 'language of the headings and labels' })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES, { message: `lang must be one of ${EXPORT_LANGUAGES.join(', ')}` })
  lang?: ExportLanguage;
}

@ApiTags('problems')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller('problems')
export class ProblemsExportController {
  constructor(private readonly exporter: ProblemsExportService) {}

  /** Registered before ProblemsController, so that `export` is not taken for a problem id. */
  @Get('export')
  @UseInterceptors(ReadFromInterceptor)
  @Roles('manager', 'admin')
  @ApiProduces(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'text/csv; charset=utf-8',
    'application/json',
  )
  @ApiOkResponse({ description: 'the file, streamed', schema: { type: 'string', format: 'binary' } })
  @ApiOperation({ summary: 'The resolution list (问题清单) as a spreadsheet or CSV, with the list filters' })
  export(@CurrentUser() user: AuthUser, @Query() query: ExportProblemsQuery, @Res() res: Response): Promise<void> {
    return this.exporter.export(user, query, res);
  }
}
