import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiDefaultResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '../access/auth-user';
import { ErrorResponse } from '../common/error.response';
import { idParam } from '../common/ids';
import { CONTENT_TYPES, ImportUpload, SHEET_UPLOAD_BODY } from '../enterprises/import/enterprise-import.controller';
import type { UploadedSheet } from '../enterprises/import/sheet-reader';
import { AssignmentImportService } from './assignment-import.service';
import {
  AssignmentImportQuery,
  AssignmentTemplateQuery,
  AssignResponsibilityDto,
  EndResponsibilityDto,
  HandoverDto,
  MyEnterprisesQuery,
  ResponsibilitiesQuery,
  UpdateTierDto,
} from './responsibility.dto';
import {
  AssignmentImportResponse,
  CandidateResponse,
  HandoverResponse,
  MyEnterprisesResponse,
  ResponsibilityResponse,
  TierIntervalResponse,
} from './responsibility.response';
import { ResponsibilitiesService } from './responsibilities.service';

@ApiTags('responsibilities')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller()
export class ResponsibilitiesController {
  constructor(
    private readonly responsibilities: ResponsibilitiesService,
    private readonly imports: AssignmentImportService,
  ) {}

  @Get('enterprises/:id/responsibilities')
  @Roles('official', 'manager', 'admin', 'handler')
  @ApiOperation({
    summary: 'Who answers and answered for the enterprise (包联关系), as known at asOf (default now); current first',
  })
  @ApiOkResponse({ type: [ResponsibilityResponse] })
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', idParam('enterprise')) id: string,
    @Query() query: ResponsibilitiesQuery,
  ) {
    return this.responsibilities.forEnterprise(user, id, query.asOf);
  }

  @Post('enterprises/:id/responsibilities')
  @Roles('manager', 'admin')
  @ApiOperation({
    summary:
      'Make a user responsible for the enterprise; 409 when that person already is, or when a leader is asked for and one is open',
  })
  @ApiCreatedResponse({ type: ResponsibilityResponse })
  assign(
    @CurrentUser() user: AuthUser,
    @Param('id', idParam('enterprise')) id: string,
    @Body() body: AssignResponsibilityDto,
  ) {
    return this.responsibilities.assign(user, id, body);
  }

  @Get('responsibilities/candidates')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Who may be made responsible: enabled officials, managers and admins' })
  @ApiOkResponse({ type: [CandidateResponse] })
  candidates() {
    return this.responsibilities.candidates();
  }

  @Post('responsibilities/handover')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiOperation({
    summary: 'Hand all open responsibilities of one user to another, in one transaction (an official who leaves)',
  })
  @ApiOkResponse({ type: HandoverResponse })
  handover(@CurrentUser() user: AuthUser, @Body() body: HandoverDto) {
    return this.responsibilities.handover(user, body);
  }

  @Post('responsibilities/import')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @UseInterceptors(ImportUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(SHEET_UPLOAD_BODY)
  @ApiOperation({
    summary:
      'Assign responsibilities in bulk from a spreadsheet: every row checked, all written or none; dryRun=true writes nothing',
  })
  @ApiOkResponse({ type: AssignmentImportResponse })
  import(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: UploadedSheet | undefined,
    @Query() query: AssignmentImportQuery,
  ) {
    return this.imports.import(user, file, query.dryRun ?? false);
  }

  @Get('responsibilities/import/template')
  @Roles('manager', 'admin')
  @ApiProduces(CONTENT_TYPES.xlsx, CONTENT_TYPES.csv)
  @ApiOperation({ summary: 'An empty bulk-assignment file with the Chinese headings' })
  @ApiOkResponse({ description: 'the file', schema: { type: 'string', format: 'binary' } })
  async template(@Query() query: AssignmentTemplateQuery): Promise<StreamableFile> {
    const format = query.format ?? 'xlsx';
    const chinese = encodeURIComponent(`包联关系导入模板.${format}`);
    return new StreamableFile(await this.imports.template(format), {
      type: CONTENT_TYPES[format],
      disposition: `attachment; filename="responsibility-template.${format}"; filename*=UTF-8''${chinese}`,
    });
  }

  @Post('responsibilities/:id/end')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'End a responsibility (recording who, when and why); 409 when it has ended' })
  @ApiOkResponse({ type: ResponsibilityResponse })
  end(
    @CurrentUser() user: AuthUser,
    @Param('id', idParam('responsibility')) id: string,
    @Body() body: EndResponsibilityDto,
  ) {
    return this.responsibilities.end(user, id, body);
  }

  @Get('tiers')
  @ApiTags('reference')
  @ApiOperation({ summary: 'The tiers (企业层级) with their labels and the visit interval in force' })
  @ApiOkResponse({ type: [TierIntervalResponse] })
  tiers() {
    return this.responsibilities.tiers();
  }

  @Put('tiers/:code')
  @Roles('admin')
  @ApiTags('reference')
  @ApiOperation({ summary: 'Set a tier’s visit interval from now on (earlier intervals stay for past figures)' })
  @ApiOkResponse({ type: TierIntervalResponse })
  setTier(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: UpdateTierDto) {
    return this.responsibilities.setTier(user, code, body.visitIntervalDays);
  }

  @Get('me/enterprises')
  @Roles('official', 'manager', 'admin')
  @ApiTags('me')
  @ApiOperation({
    summary:
      'The enterprises the caller answers for now, with last visit, next visit due and open problems; most overdue first',
  })
  @ApiOkResponse({ type: MyEnterprisesResponse })
  mine(@CurrentUser() user: AuthUser, @Query() query: MyEnterprisesQuery) {
    return this.responsibilities.mine(user, query);
  }
}
