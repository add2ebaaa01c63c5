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
import { IfMatchVersion } from './if-match';
import type { ProblemResponse } from './problem-response';
import { ProblemPage, ProblemResponse as ProblemBody } from './problem.response';
import {
  AssignDto,
  AssistDto,
  CreateProblemDto,
  EscalateDto,
  LinkProjectDto,
  ListProblemsQuery,
  NoteDto,
  OptionalNoteDto,
  ProgressDto,
  ReasonDto,
  ReopenDto,
  RequestExtensionDto,
  ResolveDto,
  VerifyDto,
  WithdrawDto,
} from './problem.dto';
import { ActionRequest, ProblemsService } from './problems.service';

const problemId = idParam('problem');
const IF_MATCH = ApiHeader({ name: 'If-Match', required: true, description: 'the version last read, e.g. "3"' });
const AFTER_ACTION = ApiOkResponse({
  type: ProblemBody,
  description: 'the problem after the action; ETag carries the version',
});

@ApiTags('problems')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller('problems')
export class ProblemsController {
  constructor(
    private readonly problems: ProblemsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Post()
  @Roles('official', 'manager', 'admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retries with the same key create nothing new' })
  @ApiOperation({ summary: 'Record a problem raised by an enterprise' })
  @ApiCreatedResponse({ type: ProblemBody })
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateProblemDto,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return this.idempotency.run(user.id, key, { route: 'POST /problems', body, oneStatement: true }, (em) =>
      this.problems.create(em, user, body),
    );
  }

  @Get()
  @ApiOperation({ summary: 'The resolution list (问题清单); handlers see their department only' })
  @ApiOkResponse({ type: ProblemPage })
  list(@CurrentUser() user: AuthUser, @Query() query: ListProblemsQuery) {
    return this.problems.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One problem with its events, oldest first; ETag carries the version' })
  @ApiOkResponse({ type: ProblemBody })
  async get(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.problems.get(user, id));
  }

  @Post(':id/assign')
  @HttpCode(200)
  @IF_MATCH
  @AFTER_ACTION
  @ApiOperation({
    summary: 'Assign (or reassign) to a lead department (主办) with a deadline, and any assisting departments (协办)',
  })
  assign(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: AssignDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, user, id, version, {
      action: 'assign',
      departmentId: body.departmentId,
      dueAt: optionalDate(body.dueAt),
      dueInWorkingDays: body.dueInWorkingDays,
      note: body.note,
      assistingDepartmentIds: body.assistingDepartmentIds,
    });
  }

  @Post(':id/accept')
  @HttpCode(200)
  @IF_MATCH
  @AFTER_ACTION
  @ApiOperation({ summary: 'The department accepts the problem (签收)' })
  accept(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: OptionalNoteDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, user, id, version, { action: 'accept', note: body.note });
  }

  @Post(':id/progress')
  @HttpCode(200)
  @IF_MATCH
  @AFTER_ACTION
  @ApiOperation({
    summary:
      "Add a progress note, internal or (public: true) shown on the enterprise's tracking page; the status does not change",
  })
  progress(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: ProgressDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, user, id, version, { action: 'progress', note: body.note, public: body.public === true });
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @IF_MATCH
  @AFTER_ACTION
  @ApiOperation({
    summary:
      'Report the problem resolved (办结); only the lead, and while an assisting part is open only with assistsNote (else 409 ASSISTS_OPEN)',
  })
  resolve(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: ResolveDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, user, id, version, {
      action: 'resolve',
      resolution: body.resolution,
      assistsNote: body.assistsNote,
    });
  }

  @Post(':id/return')
  @HttpCode(200)
  @IF_MATCH
  @AFTER_ACTION
  @ApiOperation({ summary: 'Return a misassigned problem (退单); it goes back to reported' })
  return(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: ReasonDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, user, id, version, { action: 'return', reason: body.reason });
  }

  @Post(':id/verify')
  @HttpCode(200)
  @IF_MATCH
  @AFTER_ACTION
  @ApiOperation({
    summary: "Record the enterprise's satisfaction (回访): closed, or back in progress when unsatisfied",
  })
  verify(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: VerifyDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, user, id, version, {
      action: 'verify',
      satisfaction: body.satisfaction,
      feedback: body.feedback,
      source: 'manager',
      dueAt: optionalDate(body.dueAt),
      dueInWorkingDays: body.dueInWorkingDays,
    });
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @IF_MATCH
  @AFTER_ACTION
  @ApiOperation({ summary: 'Reopen a resolved problem for a redo (返工) with a new deadline' })
  reopen(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: ReopenDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, user, id, version, {
      action: 'reopen',
      reason: body.reason,
      dueAt: optionalDate(body.dueAt),
      dueInWorkingDays: body.dueInWorkingDays,
    });
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @IF_MATCH
  @AFTER_ACTION
  @ApiOperation({ summary: 'Withdraw a duplicate or invalid problem' })
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: WithdrawDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, user, id, version, { action: 'withdraw', reason: body.reason, duplicateOf: body.duplicateOf });
  }

  @Post(':id/escalate')
  @HttpCode(200)
  @IF_MATCH
  @AFTER_ACTION
  @ApiOperation({
    summary:
      'Escalate for supervision (催办, 督办 or 挂牌督办) with a leader and an answer-by date, or raise the level; the status does not change',
  })
  escalate(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: EscalateDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, user, id, version, {
      action: 'escalate',
      note: body.note,
      level: body.level,
      leaderId: body.leaderId,
      answerBy: body.answerBy === undefined ? undefined : new Date(body.answerBy),
    });
  }

  @Post(':id/lift')
  @HttpCode(200)
  @IF_MATCH
  @AFTER_ACTION
  @ApiOperation({ summary: 'End the active supervision (解除督办) with a note; the status does not change' })
  lift(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: NoteDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, user, id, version, { action: 'lift', note: body.note });
  }

  @Post(':id/assist-progress')
  @HttpCode(200)
  @IF_MATCH
  @AFTER_ACTION
  @ApiOperation({ summary: "An assisting department's progress note (协办进展); the status does not change" })
  assistProgress(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: AssistDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, user, id, version, {
      action: 'assist_progress',
      note: body.note,
      departmentId: body.departmentId,
    });
  }

  @Post(':id/assist-done')
  @HttpCode(200)
  @IF_MATCH
  @AFTER_ACTION
  @ApiOperation({ summary: 'An assisting department marks its part done (协办完成); the status does not change' })
  assistDone(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: AssistDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, user, id, version, {
      action: 'assist_done',
      note: body.note,
      departmentId: body.departmentId,
    });
  }

  @Post(':id/request-extension')
  @HttpCode(200)
  @IF_MATCH
  @AFTER_ACTION
  @ApiOperation({
    summary: 'The department asks for a later deadline (延期申请); one pending request per problem',
  })
  requestExtension(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: RequestExtensionDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, user, id, version, {
      action: 'request_extension',
      dueAt: new Date(body.dueAt),
      reason: body.reason,
    });
  }

  @Post(':id/approve-extension')
  @HttpCode(200)
  @IF_MATCH
  @AFTER_ACTION
  @ApiOperation({ summary: 'Approve the pending extension request: the deadline moves to the date asked for' })
  approveExtension(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: OptionalNoteDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, user, id, version, { action: 'approve_extension', note: body.note });
  }

  @Post(':id/refuse-extension')
  @HttpCode(200)
  @IF_MATCH
  @AFTER_ACTION
  @ApiOperation({ summary: 'Refuse the pending extension request, with a reason; the deadline stays' })
  refuseExtension(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: ReasonDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(res, user, id, version, { action: 'refuse_extension', reason: body.reason });
  }

  @Post(':id/project')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @IF_MATCH
  @AFTER_ACTION
  @ApiOperation({
    summary: 'Name the key project the problem concerns, or clear it with null; the status does not change',
  })
  async linkProject(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @IfMatchVersion() version: number,
    @Body() body: LinkProjectDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.problems.linkProject(user, id, version, body));
  }

  private async act(res: Response, user: AuthUser, id: string, version: number, input: ActionRequest) {
    return withEtag(res, await this.problems.act(user, id, version, input));
  }
}

function optionalDate(text: string | undefined): Date | undefined {
  return text === undefined ? undefined : new Date(text);
}

function withEtag(res: Response, problem: ProblemResponse): ProblemResponse {
  res.setHeader('ETag', `"${problem.version}"`);
  return problem;
}
