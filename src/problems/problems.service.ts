import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { DomainError, ErrorCode } from '../common/domain-error';
import { Page } from '../common/pagination';
import { AttachmentsService } from '../attachments/attachments.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CalendarService } from '../reference/calendar.service';
import { type Satisfaction, SATISFIED } from '../workflow/satisfactions';
import { INITIAL_STATUS, type Status } from '../workflow/statuses';
import {
  DEFAULT_ANSWER_WORKING_DAYS,
  DEFAULT_SUPERVISION_LEVEL,
  isHigherLevel,
  type SupervisionLevel,
} from '../workflow/supervision-levels';
import { SupervisionsRepository } from '../supervision/supervisions.repository';
import { toSupervisionResponse } from '../supervision/supervision.response';
import { type PendingExtensionResponse, ProblemResponse, toProblemResponse } from './problem-response';
import type { ExportProblemRow } from './problem-list.sql';
import {
  ActionInput,
  allowedActions,
  holdsProblem,
  invalidTransition,
  mayAct,
  transition,
  TRANSITIONS,
} from './problem-workflow';
import { assistPlan } from './assist-plan';
import { ListProblemsQuery, ProblemInputDto } from './problem.dto';
import { NotificationsService } from '../notifications/notifications.service';
import {
  type ActionEvent,
  type ActionState,
  AssistRow,
  type PendingExtensionRow,
  ProblemsRepository,
} from './problems.repository';

/** A deadline as a client may ask for it: a date, working days from now, or neither (the category's time limit). */
export interface DeadlineRequest {
  dueAt?: Date;
  dueInWorkingDays?: number;
}

type Input<A extends ActionInput['action']> = Extract<ActionInput, { action: A }>;

/**
 * What a client asks for: an assignment and a redo (reopen, unsatisfied verify) may name their
 * deadline, or leave it to working days or the category; a decision on an extension names no
 * request (the problem's pending one is decided); an escalation may leave its level, leader and
 * answer-by date to the defaults; a lift names no supervision (it ends the active one).
 */
export type ActionRequest =
  | Exclude<
      ActionInput,
      { action: 'assign' | 'verify' | 'reopen' | 'approve_extension' | 'refuse_extension' | 'escalate' | 'lift' }
    >
  | (Omit<Input<'assign'>, 'dueAt' | 'signForDueAt'> & DeadlineRequest)
  | (Omit<Input<'verify'>, 'dueAt'> & DeadlineRequest)
  | (Omit<Input<'reopen'>, 'dueAt'> & DeadlineRequest)
  | Omit<Input<'approve_extension'>, 'request'>
  | Omit<Input<'refuse_extension'>, 'request'>
  | { action: 'escalate'; note: string; level?: SupervisionLevel; leaderId?: string; answerBy?: Date }
  | { action: 'lift'; note: string };

export interface NewProblem extends ProblemInputDto {
  enterpriseId: string;
  visitId?: string;
  projectId?: string;
}

@Injectable()
export class ProblemsService {
  constructor(
    private readonly repository: ProblemsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationsService,
    private readonly attachments: AttachmentsService,
    private readonly supervisions: SupervisionsRepository,
  ) {}

  /**
   * Records a problem and its `created` event (see ProblemsRepository.create); when the enterprise,
   * the category or the visit does not check out, nothing is written and `rejection` says which.
   */
  async create(em: EntityManager, user: AuthUser, input: NewProblem): Promise<ProblemResponse> {
    // The DTO has checked that a given reportedAt is not in the future.
    const reportedAt = input.reportedAt === undefined ? new Date() : new Date(input.reportedAt);
    const row = await this.repository.create(em, {
      year: DateTime.fromJSDate(reportedAt, { zone: this.config.reportTimezone }).year,
      enterpriseId: input.enterpriseId,
      visitId: input.visitId ?? null,
      projectId: input.projectId ?? null,
      source: input.source ?? (input.visitId ? 'visit' : 'other'),
      category: input.category,
      title: input.title.trim(),
      description: input.description ?? null,
      reportedAt,
      createdBy: user.id,
    });
    if (!row) throw await this.rejection(em, input);
    return toProblemResponse(row, [
      {
        id: row.eventId,
        type: 'created',
        fromStatus: null,
        toStatus: INITIAL_STATUS,
        departmentId: null,
        actorId: user.id,
        actorName: row.actorName,
        at: row.eventAt,
        note: null,
        data: row.eventData,
      },
    ]);
  }

  /** Why create inserted nothing: the first field that names nothing there is. */
  private async rejection(em: EntityManager, input: NewProblem): Promise<DomainError> {
    const found = await this.repository.checkReferences(em, {
      enterpriseId: input.enterpriseId,
      category: input.category,
      visitId: input.visitId ?? null,
      projectId: input.projectId ?? null,
    });
    if (!found.enterprise) return DomainError.invalidField('enterpriseId', 'no such enterprise');
    if (!found.category) return DomainError.invalidField('category', `no category has the code "${input.category}"`);
    if (!found.project) return DomainError.invalidField('projectId', 'no such project');
    if (!found.visitEnterpriseId) return DomainError.invalidField('visitId', 'no such visit');
    return DomainError.invalidField('visitId', 'the visit was to another enterprise');
  }

  async get(user: AuthUser, id: string): Promise<ProblemResponse> {
    const row = await this.repository.findVisible(user, id);
    if (!row) throw DomainError.notFound('problem');
    const [events, assists, attachments, pending, supervisions] = await Promise.all([
      this.repository.events(id),
      this.repository.assists(undefined, id),
      this.attachments.ofProblem(id),
      this.repository.pendingExtension(undefined, id),
      this.supervisions.history(id),
    ]);
    return withActions(user, {
      ...withAssists(toProblemResponse(row, events), assists),
      attachments,
      pendingExtension: pendingResponse(pending),
      supervisions: supervisions.map(toSupervisionResponse),
    });
  }

  async list(user: AuthUser, query: ListProblemsQuery): Promise<Page<ProblemResponse> & { total?: number }> {
    if (!query.withTotal) return this.repository.list(user, query);
    const [page, total] = await Promise.all([this.repository.list(user, query), this.repository.count(user, query)]);
    return { ...page, total };
  }

  /**
   * A page of the problem-list export: the list's rows and order, only the columns the file has,
   * each row handed to `each` as it arrives. The cursor of the next page, or null.
   */
  exportPage(user: AuthUser, query: ListProblemsQuery, each: (row: ExportProblemRow) => void): Promise<string | null> {
    return this.repository.exportPage(user, query, each);
  }

  /**
   * The one way a problem changes: checks visibility, role and department, the version the
   * client last saw, and the transition table; then a conditional update and its event, in one
   * transaction.
   */
  async act(user: AuthUser, id: string, expectedVersion: number, request: ActionRequest): Promise<ProblemResponse> {
    // The calendar reads on a connection of its own: taken before the transaction holds one, so
    // that parallel escalations cannot hold every connection while each waits for another.
    const defaultAnswerBy =
      request.action === 'escalate' && request.answerBy === undefined
        ? await this.calendar.dueAfterWorkingDays(new Date(), DEFAULT_ANSWER_WORKING_DAYS)
        : undefined;
    return this.repository.transaction(async (em) => {
      const current = await this.repository.findActionState(em, user, id);
      if (!current) throw DomainError.notFound('problem');
      const open = await this.repository.openAssists(em, id);
      if (!mayAct(user, request.action, current.departmentId, open))
        throw DomainError.forbidden(`your role may not ${request.action} this problem`);
      if (current.version !== expectedVersion) throw versionMismatch(current.version);
      // The table first, so an action from the wrong status is refused as such whatever else it asks.
      if (!TRANSITIONS[request.action].from.includes(current.status))
        throw invalidTransition(current.status, request.action);
      const input = await this.prepare(em, id, current, request, defaultAnswerBy);
      const { next, note, data } = transition(current, input);
      const assists = assistPlan(input, open, actingDepartment(user, input));
      await this.checkReferences(em, id, input, data.sameDepartment === true);

      const at = await this.repository.applyAction(em, id, expectedVersion, input.action, next);
      // Another transaction changed it between our read and our update.
      if (at === undefined) throw versionMismatch(expectedVersion + 1);
      const eventId = await this.recordEvent(em, {
        problemId: id,
        action: input.action,
        fromStatus: current.status,
        toStatus: next.status,
        // An assisting department's action is recorded under that department, not the lead.
        departmentId: assists.acting ?? next.departmentId,
        actorId: user.id,
        note,
        data: { ...data, ...assists.data },
        at,
      });
      await this.repository.applyAssists(em, id, assists, {
        id: eventId,
        at,
        type: input.action,
        note,
        actorId: user.id,
      });
      await this.superviseAfter(em, user, id, input, { eventId, at, supersedes: current.supervisionId ?? undefined });
      return withActions(user, await this.read(em, id));
    });
  }

  /**
   * The enterprise's own rating from its tracking page (评价): a `verify` event with no user (actor
   * NULL) and `source: 'enterprise'`, through the same transition table, conditional update and
   * event as `act`, so satisfied closes and unsatisfied sends it back to the department. Only a
   * resolved problem awaits a rating: one rated already (closed, or back in progress) is a conflict,
   * and the row lock makes two ratings sent at once meet that rule one after the other.
   */
  async rateAsEnterprise(id: string, rating: { satisfaction: Satisfaction; comment?: string }): Promise<Status> {
    return this.repository.transaction(async (em) => {
      const current = await this.repository.lockActionState(em, id);
      if (!current) throw DomainError.notFound('problem');
      if (current.status !== 'resolved') {
        throw new DomainError(
          ErrorCode.Conflict,
          'the problem is not awaiting a rating: it is not resolved, or its resolution has been rated already',
          { status: current.status },
        );
      }
      // As a manager's verification: an unsatisfied rating is a redo with the category's time limit,
      // and a satisfied one closes the problem and with it any assisting part still open.
      const input = await this.prepare(em, id, current, {
        action: 'verify',
        satisfaction: rating.satisfaction,
        feedback: rating.comment,
        source: 'enterprise',
      });
      const { next, note, data } = transition(current, input);
      const assists = assistPlan(input, await this.repository.openAssists(em, id), null);
      const at = await this.repository.applyAction(em, id, current.version, input.action, next);
      if (at === undefined) throw versionMismatch(current.version + 1);
      const eventId = await this.recordEvent(em, {
        problemId: id,
        action: input.action,
        fromStatus: current.status,
        toStatus: next.status,
        departmentId: next.departmentId,
        actorId: null,
        note,
        data: { ...data, ...assists.data },
        at,
      });
      await this.repository.applyAssists(em, id, assists, { id: eventId, at, type: input.action, note, actorId: null });
      return next.status;
    });
  }

  /** The supervision rows an action's event opens, ends or answers, in the action's transaction. */
  private async superviseAfter(
    em: EntityManager,
    user: AuthUser,
    id: string,
    input: ActionInput,
    event: { eventId: string; at: string; supersedes?: string },
  ): Promise<void> {
    const { eventId, at } = event;
    if (input.action === 'escalate' && input.supervision) {
      if (event.supersedes)
        await this.supervisions.end(em, {
          id: event.supersedes,
          eventId,
          at,
          by: user.id,
          note: null,
          supersededBy: input.supervision.id,
        });
      await this.supervisions.open(em, { ...input.supervision, problemId: id, eventId, at, openedBy: user.id });
    }
    if (input.action === 'lift')
      await this.supervisions.end(em, {
        id: input.supervisionId,
        eventId,
        at,
        by: user.id,
        note: input.note,
        supersededBy: null,
      });
    await this.supervisions.answer(em, id, input.action, eventId, at);
  }

  /**
   * Names the key project a problem concerns, or clears it (null): a manager's correction of the
   * problem's facts, not a step of the workflow, so the status stays. Recorded as a `link_project`
   * event (data: the project before and after) so that views as of an instant can see it.
   */
  async linkProject(
    user: AuthUser,
    id: string,
    expectedVersion: number,
    request: { projectId: string | null; note?: string },
  ): Promise<ProblemResponse> {
    return this.repository.transaction(async (em) => {
      const current = await this.repository.findLinkState(em, user, id);
      if (!current) throw DomainError.notFound('problem');
      if (current.version !== expectedVersion) throw versionMismatch(current.version);
      if (request.projectId !== null && !(await this.repository.projectExists(em, request.projectId)))
        throw DomainError.invalidField('projectId', 'no such project');
      if (request.projectId === current.projectId)
        throw DomainError.invalidField('projectId', 'the problem names this project already');
      const at = await this.repository.setProject(em, id, expectedVersion, request.projectId);
      if (at === undefined) throw versionMismatch(expectedVersion + 1);
      await this.recordEvent(em, {
        problemId: id,
        action: 'link_project',
        fromStatus: current.status,
        toStatus: current.status,
        departmentId: current.departmentId,
        actorId: user.id,
        note: request.note ?? null,
        data: { projectId: request.projectId, previousProjectId: current.projectId },
        at,
      });
      return withActions(user, await this.read(em, id));
    });
  }

  /**
   * The one place a problem event is written: the event, then in the same transaction the
   * notifications it causes (the outbox), so a change rolled back tells nobody.
   */
  private async recordEvent(em: EntityManager, event: ActionEvent): Promise<string> {
    const id = await this.repository.insertEvent(em, event);
    await this.notifications.onProblemEvent(em, {
      id,
      problemId: event.problemId,
      type: event.action,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      departmentId: event.departmentId,
      actorId: event.actorId,
      note: event.note,
      data: event.data,
      at: event.at,
    });
    return id;
  }

  /**
   * Completes a request into the transition's input: the deadlines an assignment or a redo gives,
   * the pending extension request a decision is about, an escalation's supervision (level, leader,
   * answer-by date; above the active one, which it supersedes) and a lift's (the active one).
   */
  private async prepare(
    em: EntityManager,
    id: string,
    current: ActionState,
    request: ActionRequest,
    defaultAnswerBy?: Date,
  ): Promise<ActionInput> {
    switch (request.action) {
      case 'assign': {
        const { dueAt, dueInWorkingDays, ...rest } = request;
        if (dueAt !== undefined && dueInWorkingDays !== undefined)
          throw DomainError.invalidField('dueInWorkingDays', 'give dueAt or dueInWorkingDays, not both');
        if (holdsProblem(current, request.departmentId)) {
          // The department keeps its deadline; the transition keeps it. Asking for another is refused.
          const asked =
            dueAt ?? (dueInWorkingDays === undefined ? undefined : await this.deadline(em, current.category, request));
          if (asked !== undefined && asked.getTime() !== current.dueAt?.getTime())
            throw new DomainError(
              ErrorCode.DeadlineKept,
              'dueAt: the department already holds this problem and keeps its deadline; to move it, request an extension',
              { errors: [{ field: 'dueAt', message: 'the department keeps its deadline; request an extension' }] },
            );
          return { ...rest, dueAt: current.dueAt ?? new Date(), signForDueAt: current.signForDueAt ?? new Date() };
        }
        const due = await this.deadline(em, current.category, { dueAt, dueInWorkingDays });
        const signForDays = await this.repository.categorySignForDays(em, current.category);
        return {
          ...rest,
          dueAt: due,
          signForDueAt: await this.calendar.dueAfterWorkingDays(new Date(), signForDays, em),
        };
      }
      case 'reopen': {
        const { dueAt, dueInWorkingDays, ...rest } = request;
        return { ...rest, dueAt: await this.deadline(em, current.category, { dueAt, dueInWorkingDays }) };
      }
      case 'verify': {
        const { dueAt, dueInWorkingDays, ...rest } = request;
        if (SATISFIED.includes(request.satisfaction)) {
          if (dueInWorkingDays !== undefined)
            throw DomainError.invalidField(
              'dueInWorkingDays',
              'only an unsatisfied verification sends the problem back for a redo',
            );
          return { ...rest, dueAt };
        }
        return { ...rest, dueAt: await this.deadline(em, current.category, { dueAt, dueInWorkingDays }) };
      }
      case 'request_extension': {
        const pending = await this.repository.pendingExtension(em, id);
        if (pending)
          throw new DomainError(
            ErrorCode.Conflict,
            `an extension request for this problem is already pending (to ${pending.dueAt.toISOString()}); wait for the manager's decision`,
            { requestEventId: pending.requestEventId },
          );
        return request;
      }
      case 'approve_extension':
      case 'refuse_extension': {
        const pending = await this.repository.pendingExtension(em, id);
        if (!pending) throw new DomainError(ErrorCode.Conflict, 'no extension request is pending for this problem');
        return { ...request, request: { requestEventId: pending.requestEventId, dueAt: pending.dueAt } };
      }
      case 'escalate': {
        const active = current.supervisionId
          ? { id: current.supervisionId, level: current.supervisionLevel! }
          : undefined;
        const level = request.level ?? DEFAULT_SUPERVISION_LEVEL;
        if (active && !isHigherLevel(level, active.level))
          throw DomainError.invalidField(
            'level',
            `the problem is under ${active.level} already: escalate to a higher level`,
          );
        if (request.leaderId !== undefined) {
          const role = await this.supervisions.userRole(em, request.leaderId);
          if (role !== 'manager' && role !== 'admin')
            throw DomainError.invalidField('leaderId', 'the supervising leader must be an enabled manager or admin');
        }
        if (request.answerBy !== undefined && request.answerBy.getTime() <= Date.now())
          throw DomainError.invalidField('answerBy', 'must be in the future');
        const answerBy = request.answerBy ?? defaultAnswerBy!;
        return {
          action: 'escalate',
          note: request.note,
          supervision: { id: randomUUID(), level, leaderId: request.leaderId ?? null, answerBy },
        };
      }
      case 'lift': {
        const active = current.supervisionId;
        if (!active) throw new DomainError(ErrorCode.Conflict, 'no supervision is active on this problem');
        return { action: 'lift', note: request.note, supervisionId: active };
      }
      default:
        return request;
    }
  }

  /** The deadline an assignment asked for: a date, working days from today, or the category's time limit. */
  private async deadline(
    em: EntityManager,
    category: string,
    request: { dueAt?: Date; dueInWorkingDays?: number },
  ): Promise<Date> {
    if (request.dueAt !== undefined && request.dueInWorkingDays !== undefined) {
      throw DomainError.invalidField('dueInWorkingDays', 'give dueAt or dueInWorkingDays, not both');
    }
    if (request.dueAt !== undefined) return request.dueAt;
    const days = request.dueInWorkingDays ?? (await this.repository.categoryDueDays(em, category));
    return this.calendar.dueAfterWorkingDays(new Date(), days, em);
  }

  private async checkReferences(
    em: EntityManager,
    id: string,
    input: ActionInput,
    sameDepartment: boolean,
  ): Promise<void> {
    if (input.action === 'assign') {
      if (!(await this.repository.departmentExists(em, input.departmentId)))
        throw DomainError.invalidField('departmentId', 'no such department');
      const assisting = input.assistingDepartmentIds ?? [];
      if (assisting.length && (await this.repository.countDepartments(em, assisting)) !== assisting.length)
        throw DomainError.invalidField('assistingDepartmentIds', 'names a department that does not exist');
    }
    // A deadline given now must lie ahead (a kept one, on a same-department reassignment, is not given now).
    const given = 'dueAt' in input && !sameDepartment ? input.dueAt : undefined;
    if (given !== undefined && given.getTime() <= Date.now())
      throw DomainError.invalidField('dueAt', 'must be in the future');
    if (input.action === 'withdraw' && input.duplicateOf !== undefined) {
      if (input.duplicateOf === id) throw DomainError.invalidField('duplicateOf', 'a problem cannot duplicate itself');
      if (!(await this.repository.problemExists(em, input.duplicateOf)))
        throw DomainError.invalidField('duplicateOf', 'no such problem');
    }
  }

  /**
   * Unscoped read inside a transaction: the caller has just created or acted on this problem. One
   * after the other, as the transaction's one connection runs one statement at a time anyway.
   */
  private async read(em: EntityManager, id: string): Promise<ProblemResponse> {
    const row = await this.repository.find(em, id);
    const events = await this.repository.events(id, em);
    const assists = await this.repository.assists(em, id);
    const attachments = await this.attachments.ofProblem(id, em);
    const pending = await this.repository.pendingExtension(em, id);
    const supervisions = await this.supervisions.history(id, em);
    return {
      ...withAssists(toProblemResponse(row, events), assists),
      attachments,
      pendingExtension: pendingResponse(pending),
      supervisions: supervisions.map(toSupervisionResponse),
    };
  }
}

export function versionMismatch(currentVersion: number): DomainError {
  return new DomainError(
    ErrorCode.VersionMismatch,
    `the problem has changed since you read it (current version ${currentVersion}); reload it and try again`,
    { currentVersion },
  );
}

/**
 * The department an assisting action is taken for: a handler's own (a different one named in the
 * body is refused), or the one a manager or admin names in `departmentId`. Null for other actions.
 */
function actingDepartment(user: AuthUser, input: ActionInput): string | null {
  if (input.action !== 'assist_progress' && input.action !== 'assist_done') return null;
  if (user.role === 'handler') {
    if (input.departmentId !== undefined && input.departmentId !== user.departmentId)
      throw DomainError.invalidField('departmentId', 'a handler acts for their own department only');
    return user.departmentId;
  }
  if (input.departmentId === undefined)
    throw DomainError.invalidField('departmentId', 'name the assisting department you act for');
  return input.departmentId;
}

function withAssists(problem: ProblemResponse, assists: AssistRow[]): ProblemResponse {
  problem.assists = assists.map((a) => ({ ...a, doneAt: a.doneAt?.toISOString() ?? null }));
  return problem;
}

/**
 * The problem with the actions this user may take on it now, so clients offer no other. The
 * assisting actions are offered only while a part is open (to its department's handler, or to a
 * manager acting for it).
 */
function withActions(user: AuthUser, problem: ProblemResponse): ProblemResponse {
  const open = (problem.assists ?? []).filter((a) => a.status === 'open').map((a) => a.departmentId);
  const actions = allowedActions(problem.status).filter(
    (action) =>
      mayAct(user, action, problem.departmentId, open) &&
      (TRANSITIONS[action].actor !== 'assisting' || open.length > 0) &&
      // A lift needs an active supervision.
      (action !== 'lift' || problem.escalated),
  );
  return { ...problem, allowedActions: actions };
}

function pendingResponse(row: PendingExtensionRow | undefined): PendingExtensionResponse | null {
  if (!row) return null;
  return {
    requestEventId: row.requestEventId,
    dueAt: row.dueAt.toISOString(),
    previousDueAt: row.previousDueAt.toISOString(),
    reason: row.reason,
    requestedAt: row.requestedAt.toISOString(),
    requestedBy: row.requestedBy,
  };
}
