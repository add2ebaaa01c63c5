import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
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
import { CreateProjectDto, InvestmentDto, ListProjectsQuery, StageDto, UpdateProjectDto } from './project.dto';
import { ProjectDetailResponse, ProjectPage } from './project.response';
import { type ProjectDetail, ProjectsService } from './projects.service';

const projectId = idParam('project');
const IF_MATCH = ApiHeader({ name: 'If-Match', required: true, description: 'the version last read, e.g. "3"' });
const ALL_ROLES = ['official', 'handler', 'manager', 'admin'] as const;

@ApiTags('projects')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary:
      'The key project ledger (重点项目): managers see all, a department its own and its problems’ projects, an official the projects of the enterprises he answers for',
  })
  @ApiOkResponse({ type: ProjectPage })
  list(@CurrentUser() user: AuthUser, @Query() query: ListProjectsQuery) {
    return this.projects.list(user, query);
  }

  @Post()
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Add a project to a year’s plan (409 when the code exists)' })
  @ApiCreatedResponse({ type: ProjectDetailResponse })
  async create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateProjectDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.projects.create(user, body));
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'One project: its fields, stage history, investment by month and problems; ETag = version' })
  @ApiOkResponse({ type: ProjectDetailResponse })
  async get(
    @CurrentUser() user: AuthUser,
    @Param('id', projectId) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.projects.get(user, id));
  }

  @Patch(':id')
  @Roles('manager', 'admin')
  @IF_MATCH
  @ApiOperation({ summary: 'Change descriptive fields (not the stage)' })
  @ApiOkResponse({ type: ProjectDetailResponse })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', projectId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateProjectDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.projects.update(user, id, version, body));
  }

  @Post(':id/stage')
  @HttpCode(200)
  @Roles('manager', 'admin', 'handler')
  @IF_MATCH
  @ApiOperation({
    summary:
      'Record a stage change (forward; a step back is a correction with a note); managers and the responsible department',
  })
  @ApiOkResponse({ type: ProjectDetailResponse })
  async stage(
    @CurrentUser() user: AuthUser,
    @Param('id', projectId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: StageDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.projects.recordStage(user, id, version, body));
  }

  @Put(':id/investments/:month')
  @HttpCode(200)
  @Roles('manager', 'admin', 'handler')
  @ApiOperation({
    summary:
      'Enter a month’s completed investment (YYYY-MM); a later entry for the same month is an amendment with a reason, and the original stays',
  })
  @ApiOkResponse({ type: ProjectDetailResponse })
  async investment(
    @CurrentUser() user: AuthUser,
    @Param('id', projectId) id: string,
    @Param('month') month: string,
    @Body() body: InvestmentDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.projects.recordInvestment(user, id, month, body));
  }
}

function withEtag(res: Response, project: ProjectDetail): ProjectDetail {
  res.setHeader('ETag', `"${project.version}"`);
  return project;
}
