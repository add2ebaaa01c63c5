import { Controller, Get, HttpCode, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiDefaultResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '../access/auth-user';
import { ErrorResponse, FieldErrorResponse } from '../common/error.response';
import { ImportUpload, SHEET_UPLOAD_BODY } from '../enterprises/import/enterprise-import.controller';
import type { UploadedSheet } from '../enterprises/import/sheet-reader';
import { ExportProjectsQuery, ImportProjectsQuery, TemplateQuery } from './project.dto';
import type { ProjectImportRejectedRow, ProjectImportResult } from './projects-transfer.service';
import { ProjectsTransferService } from './projects-transfer.service';

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

class ProjectImportRejectedRowResponse implements ProjectImportRejectedRow {
  @ApiProperty({ type: 'integer', description: 'the row number as the spreadsheet shows it (headings: 1)' })
  row: number;

  @ApiProperty({ type: [FieldErrorResponse] })
  errors: FieldErrorResponse[];
}

class ProjectImportResultResponse implements ProjectImportResult {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer', description: 'rows with a new code' }) created: number;
  @ApiProperty({ type: 'integer', description: 'rows with a known code' }) updated: number;
  @ApiProperty({ type: [ProjectImportRejectedRowResponse] }) rejected: ProjectImportRejectedRowResponse[];
  @ApiProperty({ description: 'written: never on a dry run or when any row is rejected' }) applied: boolean;
}

const file = (name: string, format: 'xlsx' | 'csv', content: Buffer) =>
  new StreamableFile(content, {
    type: CONTENT_TYPES[format],
    disposition: `attachment; filename="${name}.${format}"`,
  });

/** Registered before ProjectsController, so that `export` and `import` are not taken for an id. */
@ApiTags('projects')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller('projects')
export class ProjectsTransferController {
  constructor(private readonly transfer: ProjectsTransferService) {}

  @Get('export')
  @Roles('official', 'handler', 'manager', 'admin')
  @ApiProduces(CONTENT_TYPES.xlsx, CONTENT_TYPES.csv)
  @ApiOperation({ summary: 'The ledger as you see it, with its filters, as a spreadsheet or CSV' })
  @ApiOkResponse({ description: 'the file', schema: { type: 'string', format: 'binary' } })
  async export(@CurrentUser() user: AuthUser, @Query() query: ExportProjectsQuery): Promise<StreamableFile> {
    const { format = 'xlsx', ...filters } = query;
    return file('projects', format, await this.transfer.export(user, filters, format));
  }

  @Get('import/template')
  @Roles('manager', 'admin')
  @ApiProduces(CONTENT_TYPES.xlsx, CONTENT_TYPES.csv)
  @ApiOperation({ summary: 'An empty project import file with the Chinese headings' })
  @ApiOkResponse({ description: 'the file', schema: { type: 'string', format: 'binary' } })
  async template(@Query() query: TemplateQuery): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    return file('project-import-template', format, await this.transfer.template(format));
  }

  @Post('import')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @UseInterceptors(ImportUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(SHEET_UPLOAD_BODY)
  @ApiOperation({
    summary:
      'Import the project office’s ledger: a known code updates, a new one adds; all or nothing, with a row report; dryRun=true writes nothing',
  })
  @ApiOkResponse({ type: ProjectImportResultResponse })
  import(
    @CurrentUser() user: AuthUser,
    @UploadedFile() upload: UploadedSheet | undefined,
    @Query() query: ImportProjectsQuery,
  ) {
    return this.transfer.import(user, upload, query.dryRun ?? false);
  }
}
