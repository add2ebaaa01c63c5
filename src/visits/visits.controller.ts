import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
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
import { IdempotencyService } from '../idempotency/idempotency.service';
import { IfMatchVersion } from '../problems/if-match';
import { AmendVisitDto, CreateVisitDto, ListVisitsQuery, WithdrawVisitDto } from './visit.dto';
import { VisitPage, VisitResponse, VisitRevisionResponse, VisitViewResponse } from './visit.response';
import { VisitsService, VisitView } from './visits.service';

const visitId = idParam('visit');
const IF_MATCH = ApiHeader({ name: 'If-Match', required: true, description: 'the revision last read, e.g. "2"' });

@ApiTags('visits')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller('visits')
export class VisitsController {
  constructor(
    private readonly visits: VisitsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Post()
  @Roles('official', 'manager', 'admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retries with the same key create nothing new' })
  @ApiOperation({ summary: 'Log a visit with its officials, policies promoted and problems raised, all or nothing' })
  @ApiCreatedResponse({ type: VisitResponse })
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateVisitDto,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.idempotency.run(user.id, key, { route: 'POST /visits', body }, (em) =>
      this.visits.create(em, user, body),
    );
  }

  @Get()
  @ApiOperation({
    summary: 'Visits the caller may read: an official his own and his enterprises’, a handler through his problems',
  })
  @ApiOkResponse({ type: VisitPage })
  list(@CurrentUser() user: AuthUser, @Query() query: ListVisitsQuery) {
    return this.visits.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One visit with its officials and problems; ETag carries the revision' })
  @ApiOkResponse({ type: VisitViewResponse })
  async get(
    @CurrentUser() user: AuthUser,
    @Param('id', visitId) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.visits.get(user, id));
  }

  @Get(':id/revisions')
  @ApiOperation({ summary: 'Every revision of the visit, oldest first; revision 1 is the original record' })
  @ApiOkResponse({ type: [VisitRevisionResponse] })
  revisions(@CurrentUser() user: AuthUser, @Param('id', visitId) id: string) {
    return this.visits.revisions(user, id);
  }

  @Post(':id/amendments')
  @Roles('official', 'manager', 'admin')
  @HttpCode(200)
  @IF_MATCH
  @ApiOperation({ summary: 'Correct the visit: a new revision with a reason; the original is kept' })
  @ApiOkResponse({ type: VisitViewResponse, description: 'the visit after the amendment; ETag carries the revision' })
  async amend(
    @CurrentUser() user: AuthUser,
    @Param('id', visitId) id: string,
    @IfMatchVersion() revision: number,
    @Body() body: AmendVisitDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.visits.amend(user, id, revision, body));
  }

  @Post(':id/withdraw')
  @Roles('official', 'manager', 'admin')
  @HttpCode(200)
  @IF_MATCH
  @ApiOperation({ summary: 'Withdraw a visit entered by mistake; it stops counting, its problems stay' })
  @ApiOkResponse({ type: VisitViewResponse, description: 'the visit, withdrawn' })
  async withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', visitId) id: string,
    @IfMatchVersion() revision: number,
    @Body() body: WithdrawVisitDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.visits.withdraw(user, id, revision, body.reason));
  }
}

function withEtag(res: Response, visit: VisitView): VisitView {
  res.setHeader('ETag', `"${visit.revision}"`);
  return visit;
}
