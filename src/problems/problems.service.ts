import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { DomainError, ErrorCode } from '../common/domain-error';
import { Page } from '../common/pagination';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CalendarService } from '../reference/calendar.service';
import { SupervisionsRepository } from '../supervision/supervisions.repository';
import { toSupervisionResponse } from '../supervision/supervision.response';
import { INITIAL_STATUS } from '../workflow/statuses';
import {
  DEFAULT_ANSWER_WORKING_DAYS,
  DEFAULT_SUPERVISION_LEVEL,
  isHigherLevel,
  type SupervisionLevel,
} from '../workflow/supervision-levels';
import { ProblemResponse, toProblemResponse } from './problem-response';
import { ActionInput, allowedActions, invalidTransition, mayAct, transition, TRANSITIONS } from './problem-workflow';
import { ListProblemsQuery, ProblemInputDto } from './problem.dto';
import { ActionState, ProblemsRepository } from './problems.repository';

/**
 * What a client asks for: an assignment may name its deadline, or leave it to working days or the
 * category; an escalation may leave its level, leader and answer-by date to the defaults; a lift
 * names no supervision (it ends the active one).
 */
export type ActionRequest =
  | Exclude<ActionInput, { action: 'assign' | 'escalate' | 'lift' }>
  | (Omit<Extract<ActionInput, { action: 'assign' }>, 'dueAt'> & { dueAt?: Date; dueInWorkingDays?: number })
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
    const [events, supervisions] = await Promise.all([this.repository.events(id), this.supervisions.history(id)]);
    return withActions(user, {
      ...toProblemResponse(row, events),
      supervisions: supervisions.map(toSupervisionResponse),
    });
  }

  async list(user: AuthUser, query: ListProblemsQuery): Promise<Page<ProblemResponse> & { total?: number }> {
    if (!query.withTotal) return this.repository.list(user, query);
    const [page, total] = await Promise.all([this.repository.list(user, query), this.repository.count(user, query)]);
    return { ...page, total };
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
      if (!mayAct(user, request.action, current.departmentId))
        throw DomainError.forbidden(`your role may not ${request.action} this problem`);
      if (current.version !== expectedVersion) throw versionMismatch(current.version);
      if (!TRANSITIONS[request.action].from.includes(current.status))
        throw invalidTransition(current.status, request.action);
      const { input, supersedes } = await this.actionInput(em, id, current, request, defaultAnswerBy);
      const { next, note, data } = transition(current, input);
      await this.checkReferences(em, id, input);

      const at = await this.repository.applyAction(em, id, expectedVersion, input.action, next);
      // Another transaction changed it between our read and our update.
      if (at === undefined) throw versionMismatch(expectedVersion + 1);
      const eventId = await this.repository.insertEvent(em, {
        problemId: id,
        action: input.action,
        fromStatus: current.status,
        toStatus: next.status,
        departmentId: next.departmentId,
        actorId: user.id,
        note,
        data,
        at,
      });
      await this.superviseAfter(em, user, id, input, { eventId, at, supersedes });
      return withActions(user, await this.read(em, id));
    });
  }

  /**
   * The action as the workflow takes it: an assignment's deadline; an escalation's supervision
   * (level, leader, answer-by date; above the active one, which it supersedes); a lift's
   * supervision (the active one).
   */
  private async actionInput(
    em: EntityManager,
    id: string,
    current: ActionState,
    request: ActionRequest,
    defaultAnswerBy?: Date,
  ): Promise<{ input: ActionInput; supersedes?: string }> {
    switch (request.action) {
      case 'assign':
        return { input: { ...request, dueAt: await this.deadline(em, current.category, request) } };
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
          input: {
            action: 'escalate',
            note: request.note,
            supervision: { id: randomUUID(), level, leaderId: request.leaderId ?? null, answerBy },
          },
          supersedes: active?.id,
        };
      }
      case 'lift': {
        const active = current.supervisionId;
        if (!active) throw new DomainError(ErrorCode.Conflict, 'no supervision is active on this problem');
        return { input: { action: 'lift', note: request.note, supervisionId: active } };
      }
      default:
        return { input: request };
    }
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
      await this.repository.insertEvent(em, {
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
    return this.calendar.dueAfterWorkingDays(new Date(), days);
  }

  private async checkReferences(em: EntityManager, id: string, input: ActionInput): Promise<void> {
    if (input.action === 'assign') {
      if (!(await this.repository.departmentExists(em, input.departmentId)))
        throw DomainError.invalidField('departmentId', 'no such department');
      if (input.dueAt.getTime() <= Date.now()) throw DomainError.invalidField('dueAt', 'must be in the future');
    }
    if (input.action === 'withdraw' && input.duplicateOf !== undefined) {
      if (input.duplicateOf === id) throw DomainError.invalidField('duplicateOf', 'a problem cannot duplicate itself');
      if (!(await this.repository.problemExists(em, input.duplicateOf)))
        throw DomainError.invalidField('duplicateOf', 'no such problem');
    }
  }

  /** Unscoped read inside a transaction: the caller has just created or acted on this problem. */
  private async read(em: EntityManager, id: string): Promise<ProblemResponse> {
    return {
      ...toProblemResponse(await this.repository.find(em, id), await this.repository.events(id, em)),
      supervisions: (await this.supervisions.history(id, em)).map(toSupervisionResponse),
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

/** The problem with the actions this user may take on it now, so clients offer no other. */
function withActions(user: AuthUser, problem: ProblemResponse): ProblemResponse {
  const actions = allowedActions(problem.status).filter(
    // A lift needs an active supervision.
    (action) => mayAct(user, action, problem.departmentId) && (action !== 'lift' || problem.escalated),
  );
  return { ...problem, allowedActions: actions };
}
