import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { DomainError, ErrorCode } from '../common/domain-error';
import { Page } from '../common/pagination';
import { SqlParams } from '../common/sql';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { queryPrepared, queryRows } from '../database/prepared';
import { CalendarService } from '../reference/calendar.service';
import { visibleProblems } from './problem-access';
import { problemListQuery, toProblemPage } from './problem-list.sql';
import {
  EVENT_SELECT,
  problemColumns,
  PROBLEM_FROM,
  PROBLEM_JOINS,
  ProblemResponse,
  ProblemRow,
  toProblemResponse,
} from './problem-response';
import { ActionInput, allowedActions, mayAct, ProblemState, transition } from './problem-workflow';
import { ListProblemsQuery, ProblemInputDto } from './problem.dto';

/** What a client asks for: an assignment may name its deadline, or leave it to working days or the category. */
export type ActionRequest =
  | Exclude<ActionInput, { action: 'assign' }>
  | (Omit<Extract<ActionInput, { action: 'assign' }>, 'dueAt'> & { dueAt?: Date; dueInWorkingDays?: number });

export interface NewProblem extends ProblemInputDto {
  enterpriseId: string;
  visitId?: string;
}

/** The row create reads back: the problem, and its `created` event beside it. */
type CreatedRow = ProblemRow & {
  eventId: string;
  eventAt: Date;
  eventData: Record<string, unknown>;
  actorName: string;
};

@Injectable()
export class ProblemsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendar: CalendarService,
  ) {}

  /**
   * Records a problem and its `created` event in one statement: the next code of the year
   * (JQ-2025-0042), the problem, its event, and the problem as it is read back. One statement is
   * atomic by itself, so without a transaction around it the year's counter row, which every create
   * waits for, is locked only while the statement runs. Nothing is written, and no code is taken,
   * unless the enterprise, the category and the visit check out; `rejection` then says which did not.
   */
  async create(em: EntityManager, user: AuthUser, input: NewProblem): Promise<ProblemResponse> {
    // The DTO has checked that a given reportedAt is not in the future.
    const reportedAt = input.reportedAt === undefined ? new Date() : new Date(input.reportedAt);
    const year = DateTime.fromJSDate(reportedAt, { zone: this.config.reportTimezone }).year;
    const [row] = await queryPrepared<CreatedRow>(
      em,
      'problems.create',
      `WITH counter AS (
         INSERT INTO problem_code_counters (year, last_value)
         SELECT $1::int, 1
         WHERE EXISTS (SELECT 1 FROM enterprises WHERE id = $2)
           AND EXISTS (SELECT 1 FROM categories WHERE code = $5)
           AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM visits WHERE id = $3 AND enterprise_id = $2))
         ON CONFLICT (year) DO UPDATE SET last_value = problem_code_counters.last_value + 1
         RETURNING last_value
       ),
       problem AS (
         INSERT INTO problems (code, enterprise_id, visit_id, source, category_code, title, description,
                               reported_at, status, created_by)
         SELECT 'JQ-' || $1::int || '-' || to_char(counter.last_value, 'FM9999990000'), $2, $3, $4, $5, $6, $7, $8,
                'reported', $9
         FROM counter
         RETURNING *
       ),
       event AS (
         INSERT INTO problem_events (problem_id, type, from_status, to_status, actor_id, at)
         SELECT id, 'created', NULL, 'reported', created_by, now() FROM problem
         RETURNING id::text, at, data
       )
       SELECT ${problemColumns('now()')},
              event.id AS "eventId", event.at AS "eventAt", event.data AS "eventData", u.display_name AS "actorName"
       FROM problem p ${PROBLEM_JOINS}
       CROSS JOIN event JOIN users u ON u.id = p.created_by`,
      [
        year,
        input.enterpriseId,
        input.visitId ?? null,
        input.source ?? (input.visitId ? 'visit' : 'other'),
        input.category,
        input.title.trim(),
        input.description ?? null,
        reportedAt,
        user.id,
      ],
    );
    if (!row) throw await this.rejection(em, input);
    return toProblemResponse(row, [
      {
        id: row.eventId,
        type: 'created',
        fromStatus: null,
        toStatus: 'reported',
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
    const [found] = await em.query(
      `SELECT EXISTS (SELECT 1 FROM enterprises WHERE id = $1) AS enterprise,
              EXISTS (SELECT 1 FROM categories WHERE code = $2) AS category,
              (SELECT enterprise_id FROM visits WHERE id = $3) AS "visitEnterpriseId"`,
      [input.enterpriseId, input.category, input.visitId ?? null],
    );
    if (!found.enterprise) return DomainError.invalidField('enterpriseId', 'no such enterprise');
    if (!found.category) return DomainError.invalidField('category', `no category has the code "${input.category}"`);
    if (!found.visitEnterpriseId) return DomainError.invalidField('visitId', 'no such visit');
    return DomainError.invalidField('visitId', 'the visit was to another enterprise');
  }

  async get(user: AuthUser, id: string): Promise<ProblemResponse> {
    const params = new SqlParams();
    const [row] = await this.db.query(
      `SELECT ${problemColumns('now()')} FROM ${PROBLEM_FROM} WHERE p.id = ${params.add(id)} AND ${visibleProblems(user, params)}`,
      params.values,
    );
    if (!row) throw DomainError.notFound('problem');
    return withActions(user, toProblemResponse(row, await this.db.query(EVENT_SELECT, [id])));
  }

  async list(user: AuthUser, query: ListProblemsQuery): Promise<Page<ProblemResponse>> {
    const { sql, params, limit } = problemListQuery(user, query);
    return toProblemPage(await queryRows(this.db, sql, params), limit);
  }

  /**
   * The one way a problem changes: checks visibility, role and department, the version the
   * client last saw, and the transition table; then a conditional update and its event, in one
   * transaction.
   */
  async act(user: AuthUser, id: string, expectedVersion: number, request: ActionRequest): Promise<ProblemResponse> {
    return this.db.transaction(async (em) => {
      const params = new SqlParams();
      const [current]: (ProblemState & { version: number; category: string })[] = await em.query(
        `SELECT p.category_code AS category, p.status, p.department_id AS "departmentId", p.due_at AS "dueAt", p.resolution, p.satisfaction,
                p.feedback, p.escalated, p.duplicate_of AS "duplicateOf", p.version
         FROM problems p WHERE p.id = ${params.add(id)} AND ${visibleProblems(user, params)}`,
        params.values,
      );
      if (!current) throw DomainError.notFound('problem');
      if (!mayAct(user, request.action, current.departmentId))
        throw DomainError.forbidden(`your role may not ${request.action} this problem`);
      if (current.version !== expectedVersion) throw versionMismatch(current.version);
      const input: ActionInput =
        request.action === 'assign'
          ? { ...request, dueAt: await this.deadline(em, current.category, request) }
          : request;
      const { next, note, data } = transition(current, input);
      await this.checkReferences(em, id, input);

      // One instant for the change and its event, taken after the row lock is held.
      const updated = await em.query(
        `WITH clock AS (SELECT clock_timestamp() AS at)
         UPDATE problems
         SET status = $3, department_id = $4, due_at = $5, resolution = $6, satisfaction = $7, feedback = $8,
             escalated = $9, duplicate_of = $10, version = version + 1, updated_at = clock.at, last_event_type = $11,
             resolved_at = CASE WHEN $11 = 'resolve' THEN clock.at
                                WHEN $3 IN ('resolved', 'closed') THEN resolved_at END
         FROM clock
         WHERE id = $1 AND version = $2
         RETURNING clock.at::text AS at`,
        [
          id,
          expectedVersion,
          next.status,
          next.departmentId,
          next.dueAt,
          next.resolution,
          next.satisfaction,
          next.feedback,
          next.escalated,
          next.duplicateOf,
          input.action,
        ],
      );
      // Another transaction changed it between our read and our update.
      if (updated[0].length === 0) throw versionMismatch(expectedVersion + 1);
      await em.query(
        `INSERT INTO problem_events (problem_id, type, from_status, to_status, department_id, actor_id, note, data, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, input.action, current.status, next.status, next.departmentId, user.id, note, data, updated[0][0].at],
      );
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
    const days =
      request.dueInWorkingDays ??
      (await em.query(`SELECT default_due_working_days AS days FROM categories WHERE code = $1`, [category]))[0].days;
    return this.calendar.dueAfterWorkingDays(new Date(), days);
  }

  private async checkReferences(em: EntityManager, id: string, input: ActionInput): Promise<void> {
    if (input.action === 'assign') {
      const [department] = await em.query(`SELECT 1 FROM departments WHERE id = $1`, [input.departmentId]);
      if (!department) throw DomainError.invalidField('departmentId', 'no such department');
      if (input.dueAt.getTime() <= Date.now()) throw DomainError.invalidField('dueAt', 'must be in the future');
    }
    if (input.action === 'withdraw' && input.duplicateOf !== undefined) {
      if (input.duplicateOf === id) throw DomainError.invalidField('duplicateOf', 'a problem cannot duplicate itself');
      const [original] = await em.query(`SELECT 1 FROM problems WHERE id = $1`, [input.duplicateOf]);
      if (!original) throw DomainError.invalidField('duplicateOf', 'no such problem');
    }
  }

  /** Unscoped read inside a transaction: the caller has just created or acted on this problem. */
  private async read(em: EntityManager, id: string): Promise<ProblemResponse> {
    const [row] = await em.query(`SELECT ${problemColumns('now()')} FROM ${PROBLEM_FROM} WHERE p.id = $1`, [id]);
    return toProblemResponse(row, await em.query(EVENT_SELECT, [id]));
  }
}

export function versionMismatch(currentVersion: number): DomainError {
  return new DomainError(
    HttpStatus.PRECONDITION_FAILED,
    ErrorCode.VersionMismatch,
    `the problem has changed since you read it (current version ${currentVersion}); reload it and try again`,
    { currentVersion },
  );
}

/** The problem with the actions this user may take on it now, so clients offer no other. */
function withActions(user: AuthUser, problem: ProblemResponse): ProblemResponse {
  const actions = allowedActions(problem.status).filter((action) => mayAct(user, action, problem.departmentId));
  return { ...problem, allowedActions: actions };
}
