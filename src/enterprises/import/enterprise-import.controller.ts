import {
  CallHandler,
  Controller,
  ExecutionContext,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Injectable,
  NestInterceptor,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiDefaultResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import type { Observable } from 'rxjs';
import { type AuthUser, CurrentUser, Roles } from '../../access/auth-user';
import { DomainError } from '../../common/domain-error';
import { ErrorResponse } from '../../common/error.response';
import { ImportResultResponse } from './enterprise-import.response';
import { EnterpriseImportService } from './enterprise-import.service';
import { IMPORT_MAX_BYTES, type SheetFormat, type UploadedSheet } from './sheet-reader';

const booleanText = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ImportEnterprisesQuery {
  @ApiPropertyOptional({ description: 'true: validate and report what would happen, write nothing' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

const SHEET_FORMATS = ['xlsx', 'csv'] as const;

export class ImportTemplateQuery {
  @ApiPropertyOptional({ enum: SHEET_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(SHEET_FORMATS, { message: `format must be one of ${SHEET_FORMATS.join(', ')}` })
  format?: SheetFormat;
}

const MultipartFile = FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10 } });

/** The OpenAPI body of a spreadsheet upload: one file field, as ImportUpload takes it. */
export const SHEET_UPLOAD_BODY = {
  schema: {
    type: 'object' as const,
    required: ['file'],
    properties: { file: { type: 'string' as const, format: 'binary', description: '.xlsx or .csv, at most 5 MB' } },
  },
};

/** Multer's errors (too large, a file under another field, a broken body) as a 400 that names `file`. */
@Injectable()
export class ImportUpload implements NestInterceptor {
  private readonly multer = new MultipartFile();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (error instanceof DomainError || !(error instanceof HttpException)) throw error;
      throw DomainError.invalidField(
        'file',
        error.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE
          ? 'must be at most 5 MB'
          : 'send one .xlsx or .csv file in the multipart field "file"',
      );
    }
  }
}

export const CONTENT_TYPES: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

@ApiTags('enterprises')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller('enterprises/import')
export class EnterpriseImportController {
  constructor(private readonly imports: EnterpriseImportService) {}

  @Post()
  @HttpCode(200)
  @Roles('official', 'manager', 'admin')
  @UseInterceptors(ImportUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(SHEET_UPLOAD_BODY)
  @ApiOperation({
    summary:
      'Import enterprises from a spreadsheet: a registered credit code updates, any other row creates; rejected rows are listed with their row numbers',
  })
  @ApiOkResponse({ type: ImportResultResponse })
  import(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: UploadedSheet | undefined,
    @Query() query: ImportEnterprisesQuery,
  ) {
    return this.imports.import(user, file, query.dryRun ?? false);
  }

  @Get('template')
  @Roles('official', 'manager', 'admin')
  @ApiProduces(CONTENT_TYPES.xlsx, CONTENT_TYPES.csv)
  @ApiOperation({ summary: 'An empty import file with the Chinese headings' })
  @ApiOkResponse({ description: 'the file', schema: { type: 'string', format: 'binary' } })
  async template(@Query() query: ImportTemplateQuery): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    const name = `enterprise-import-template.${format}`;
    const chinese = encodeURIComponent(`企业导入模板.${format}`);
    return new StreamableFile(await this.imports.template(format), {
      type: CONTENT_TYPES[format],
      disposition: `attachment; filename="${name}"; filename*=UTF-8''${chinese}`,
    });
  }
}
