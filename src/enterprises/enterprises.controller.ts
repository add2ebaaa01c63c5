import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiDefaultResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, CurrentUser, Roles } from '../access/auth-user';
import { ErrorResponse } from '../common/error.response';
import { idParam } from '../common/ids';
import { IfMatchVersion } from '../problems/if-match';
import {
  EnterpriseChangeResponse,
  EnterpriseDetailResponse,
  EnterprisePage,
  EnterpriseResponse,
} from './enterprise.response';
import { CreateEnterpriseDto, ListEnterprisesQuery, UpdateEnterpriseDto } from './enterprise.dto';
import { type EnterpriseDetail, EnterprisesService } from './enterprises.service';

const enterpriseId = idParam('enterprise');

function withEtag(res: Response, enterprise: EnterpriseDetail): EnterpriseDetail {
  res.setHeader('ETag', `"${enterprise.version}"`);
  return enterprise;
}

@ApiTags('enterprises')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Post()
  @Roles('official', 'manager', 'admin')
  @ApiOperation({ summary: 'Register an enterprise (409 when the credit code is registered)' })
  @ApiCreatedResponse({ type: EnterpriseResponse })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateEnterpriseDto) {
    return this.enterprises.create(user, body);
  }

  @Get()
  @Roles('official', 'manager', 'admin')
  @ApiOperation({ summary: 'Find enterprises by name or credit code, district, industry, tier, responsible user' })
  @ApiOkResponse({ type: EnterprisePage })
  list(@Query() query: ListEnterprisesQuery) {
    return this.enterprises.list(query);
  }

  @Get(':id')
  @Roles('official', 'manager', 'admin', 'handler')
  @ApiOperation({
    summary:
      'The enterprise page: the enterprise, who answers for it, when it is due a visit, its visits and problems; ETag carries the version (a handler sees only an enterprise a problem of their department concerns)',
  })
  @ApiOkResponse({ type: EnterpriseDetailResponse })
  async get(
    @CurrentUser() user: AuthUser,
    @Param('id', enterpriseId) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.enterprises.get(user, id));
  }

  @Patch(':id')
  @Roles('official', 'manager', 'admin')
  @ApiHeader({ name: 'If-Match', required: true, description: 'the version last read, e.g. "3"' })
  @ApiOperation({
    summary:
      'Edit contacts, address, tier, industry…: managers, admins and its responsible officials; 428 without If-Match, 412 when it changed meanwhile',
  })
  @ApiOkResponse({
    type: EnterpriseDetailResponse,
    description: 'the enterprise after the edit; ETag carries the version',
  })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', enterpriseId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateEnterpriseDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.enterprises.update(user, id, version, body));
  }

  @Get(':id/changes')
  @Roles('official', 'manager', 'admin', 'handler')
  @ApiOperation({ summary: 'Who changed which fields of the enterprise and when (edits and imports), newest first' })
  @ApiOkResponse({ type: [EnterpriseChangeResponse] })
  changes(@CurrentUser() user: AuthUser, @Param('id', enterpriseId) id: string) {
    return this.enterprises.changes(user, id);
  }
}
