import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { Page } from '../common/pagination';
import { execute, exists, maybeOne, one, rows, SqlParams } from '../common/sql';
import { forEachRow, queryPrepared, queryRows } from '../database/prepared';
import { ReportReader } from '../database/report-reader';
import { RESOLVED_SQL_LIST } from '../workflow/status-sql';
import { visibleProblems } from './problem-access';
import { CREATE_PROBLEM } from './problem-create.sql';
import {
  type ExportProblemRow,
  exportPageRows,
  problemCountQuery,
  problemExportQuery,
  problemListQuery,
  toProblemPage,
} from './problem-list.sql';
import {
  EVENT_SELECT,
  type EventRow,
  problemColumns,
  PROBLEM_FROM,
  ProblemResponse,
  ProblemRow,
} from './problem-response';
import type { SupervisionLevel } from '../workflow/supervision-levels';
import type { AssistPlan } from './assist-plan';
import type { Action, PendingExtension, ProblemState } from './problem-workflow';
import { extensionStatus } from './extensions.sql';
import type { ListProblemsQuery, Source } from './problem.dto';

/** A problem to record: the columns create writes. */
export interface ProblemInsert {
  year: number;
  enterpriseId: string;
  visitId: string | null;
  projectId: string | null;
  source: Source;
  category: string;
  title: string;
  description: string | null;
  reportedAt: Date;
  createdBy: string;
}

/** The row create reads back: the problem, and its `created` event beside it. */
export type CreatedRow = ProblemRow & {
  eventId: string;
  eventAt: Date;
  eventData: Record<string, unknown>;
  actorName: string;
};

/** What create's references turned out to be when it inserted nothing. */
export interface ReferenceCheck {
  enterprise: boolean;
  category: boolean;
  project: boolean;
  visitEnterpriseId: string | null;
}

/** An extension request awaiting a decision. */
export type PendingExtensionRow = PendingExtension & {
  previousDueAt: Date;
  reason: string;
  requestedAt: Date;
  requestedBy: string | null;
};

/** The part of a problem an action reads before it changes it. */
export type ActionState = ProblemState & {
  version: number;
  category: string;
  /** The active supervision, read in the same statement as the version (one snapshot). */
  supervisionId: string | null;
  supervisionLevel: SupervisionLevel | null;
};

/** The columns of an ActionState, read from ACTION_STATE_FROM. */
const ACTION_STATE = `p.category_code AS category, p.status, p.department_id AS "departmentId", p.due_at AS "dueAt",
  p.first_due_at AS "firstDueAt", p.sign_for_due_at AS "signForDueAt", p.resolution, p.satisfaction,
  p.feedback, p.escalated, p.duplicate_of AS "duplicateOf", p.version,
  s.id AS "supervisionId", s.level AS "supervisionLevel"`;
/** A problem `p` and its active supervision `s`, if any. */
const ACTION_STATE_FROM = `problems p LEFT JOIN supervisions s ON s.problem_id = p.id AND s.lifted_at IS NULL`;

/** An assisting part as the problem response shows it. */
export interface AssistRow {
  departmentId: string;
  departmentName: string;
  status: 'open' | 'done' | 'cancelled';
  doneAt: Date | null;
  doneNote: string | null;
}

/** The event an action writes beside its change. */
export interface ActionEvent {
  problemId: string;
  /** A workflow action, or `link_project` (the problem's project named or cleared). */
  action: Action | 'link_project';
  fromStatus: ProblemState['status'];
  toStatus: ProblemState['status'];
  departmentId: string | null;
  /** The user who acted; null for the enterprise's own rating from its tracking page. */
  actorId: string | null;
  note: string | null;
  data: Record<string, unknown>;
  /** The instant of the change (text, as the update returned it, so no precision is lost). */
  at: string;
}

/**
 * One instant for the change and its event, taken after the row lock is held. Touches no row when
 * another transaction changed the problem since it was read (the version check).
 */
const APPLY_ACTION = `
  WITH clock AS (SELECT clock_timestamp() AS at)
  UPDATE problems
  SET status = $3, department_id = $4, due_at = $5, resolution = $6, satisfaction = $7, feedback = $8,
      escalated = $9, duplicate_of = $10, version = version + 1, updated_at = clock.at, last_event_type = $11,
      first_due_at = $12, sign_for_due_at = $13,
      signed_for_at = CASE WHEN $11 = 'accept' THEN COALESCE(signed_for_at, clock.at)
                           WHEN $13::timestamptz IS DISTINCT FROM sign_for_due_at OR $4::uuid IS DISTINCT FROM department_id
                             THEN NULL
                           ELSE signed_for_at END,
      resolved_at = CASE WHEN $11 = 'resolve' THEN clock.at
                         WHEN $3 IN (${RESOLVED_SQL_LIST}) THEN resolved_at END
  FROM clock
  WHERE id = $1 AND version = $2
  RETURNING clock.at::text AS at`;

/** Every statement on problems and their events; the rules stay in ProblemsService and problem-workflow. */
@Injectable()
export class ProblemsRepository {
  /**
   * `db` is the primary; the list's pages and their assisting parts read through the report
   * reader, which is the primary too except inside the export (a report route, ReadFromInterceptor).
   */
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ReportReader,
  ) {}

  /** Runs `work` in one transaction; the statements that take an `em` join it. */
  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * Records a problem and its `created` event in one statement: the next code of the year
   * (JQ-2025-0042), the problem, its event, and the problem as it is read back. One statement is
   * atomic by itself, so without a transaction around it the year's counter row, which every create
   * waits for, is locked only while the statement runs. Nothing is written, and no code is taken,
   * unless the enterprise, the category and the visit check out: then the answer is undefined.
   */
  async create(em: EntityManager, problem: ProblemInsert): Promise<CreatedRow | undefined> {
    const [row] = await queryPrepared<CreatedRow>(em, 'problems.create', CREATE_PROBLEM, [
      problem.year,
      problem.enterpriseId,
      problem.visitId,
      problem.source,
      problem.category,
      problem.title,
      problem.description,
      problem.reportedAt,
      problem.createdBy,
      problem.projectId,
    ]);
    return row;
  }

  /** Which of create's references exist. */
  checkReferences(
    em: EntityManager,
    refs: { enterpriseId: string; category: string; visitId: string | null; projectId: string | null },
  ): Promise<ReferenceCheck> {
    return one<ReferenceCheck>(
      em,
      `SELECT EXISTS (SELECT 1 FROM enterprises WHERE id = $1) AS enterprise,
              EXISTS (SELECT 1 FROM categories WHERE code = $2) AS category,
              ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM projects WHERE id = $4)) AS project,
              (SELECT enterprise_id FROM visits WHERE id = $3) AS "visitEnterpriseId"`,
      [refs.enterpriseId, refs.category, refs.visitId, refs.projectId],
    );
  }

  /** A problem as `user` may see it; undefined when it does not exist or is not theirs to see. */
  findVisible(user: AuthUser, id: string): Promise<ProblemRow | undefined> {
    const params = new SqlParams();
    return maybeOne<ProblemRow>(
      this.db,
      `SELECT ${problemColumns('now()')} FROM ${PROBLEM_FROM} WHERE p.id = ${params.add(id)} AND ${visibleProblems(user, params)}`,
      params.values,
    );
  }

  /** A problem without the visibility check: for one the caller has just created or acted on. */
  find(em: EntityManager, id: string): Promise<ProblemRow> {
    return one<ProblemRow>(em, `SELECT ${problemColumns('now()')} FROM ${PROBLEM_FROM} WHERE p.id = $1`, [id]);
  }

  /** The problem's events, oldest first; in `em`'s transaction when given. */
  events(id: string, em?: EntityManager): Promise<EventRow[]> {
    return rows<EventRow>(em ?? this.db, EVENT_SELECT, [id]);
  }

  /** One page of the resolution list as `user` sees it (see problem-list.sql.ts). */
  async list(user: AuthUser, query: ListProblemsQuery): Promise<Page<ProblemResponse>> {
    const { sql, params, limit } = problemListQuery(user, query);
    return toProblemPage(await this.reader.read((db) => queryRows(db, sql, params)), limit);
  }

  /**
   * One page of the problem-list export as `user` sees it (see problemExportQuery), each row handed
   * to `each` as it arrives; the cursor of the next page, or null.
   */
  async exportPage(
    user: AuthUser,
    query: ListProblemsQuery,
    each: (row: ExportProblemRow) => void,
  ): Promise<string | null> {
    const { sql, params, limit } = problemExportQuery(user, query);
    const page = exportPageRows(limit, each);
    await this.reader.read((db) => forEachRow(db, sql, params, page.row));
    return page.nextCursor();
  }

  /** How many problems the walk of `query` holds as `user` sees it (see problemCountQuery). */
  async count(user: AuthUser, query: ListProblemsQuery): Promise<number> {
    const { sql, params } = problemCountQuery(user, query);
    return (await one<{ total: number }>(this.db, sql, params)).total;
  }

  /** What an action needs to decide: the problem's state and version, if `user` may see it. */
  findActionState(em: EntityManager, user: AuthUser, id: string): Promise<ActionState | undefined> {
    const params = new SqlParams();
    return maybeOne<ActionState>(
      em,
      `SELECT ${ACTION_STATE} FROM ${ACTION_STATE_FROM} WHERE p.id = ${params.add(id)} AND ${visibleProblems(user, params)}`,
      params.values,
    );
  }

  /**
   * The state of a problem whoever may see it, its row locked until the transaction ends: for the
   * enterprise's rating, which has no user, so that two ratings sent at once are taken one by one.
   */
  lockActionState(em: EntityManager, id: string): Promise<ActionState | undefined> {
    return maybeOne<ActionState>(
      em,
      `SELECT ${ACTION_STATE} FROM ${ACTION_STATE_FROM} WHERE p.id = $1 FOR UPDATE OF p`,
      [id],
    );
  }

  /**
   * Writes the state an action leads to, if the problem is still at `expectedVersion`; answers the
   * instant of the change, or undefined when another transaction changed it first.
   */
  async applyAction(
    em: EntityManager,
    id: string,
    expectedVersion: number,
    action: Action,
    next: ProblemState,
  ): Promise<string | undefined> {
    const row = await maybeOne<{ at: string }>(em, APPLY_ACTION, [
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
      action,
      next.firstDueAt,
      next.signForDueAt,
    ]);
    return row?.at;
  }

  /** Inserts the event; answers its id. */
  async insertEvent(em: EntityManager, event: ActionEvent): Promise<string> {
    const { id } = await one<{ id: string }>(
      em,
      `INSERT INTO problem_events (problem_id, type, from_status, to_status, department_id, actor_id, note, data, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id`,
      [
        event.problemId,
        event.action,
        event.fromStatus,
        event.toStatus,
        event.departmentId,
        event.actorId,
        event.note,
        event.data,
        event.at,
      ],
    );
    return id;
  }

  /** The departments with an open assisting part (协办) on the problem. */
  async openAssists(em: EntityManager, problemId: string): Promise<string[]> {
    const found = await rows<{ departmentId: string }>(
      em,
      `SELECT department_id AS "departmentId" FROM problem_assists
       WHERE problem_id = $1 AND status = 'open' ORDER BY created_at, position`,
      [problemId],
    );
    return found.map((row) => row.departmentId);
  }

  /** How many of these departments exist. */
  async countDepartments(em: EntityManager, ids: string[]): Promise<number> {
    return (
      await one<{ n: number }>(em, `SELECT count(*)::int AS n FROM departments WHERE id = ANY($1::uuid[])`, [ids])
    ).n;
  }

  /**
   * Applies what an action does to the assisting parts (see assistPlan), at the instant of its
   * event `eventId`: cancels, retires the parts of a replaced assignment, opens, completes.
   */
  async applyAssists(
    em: EntityManager,
    problemId: string,
    plan: AssistPlan,
    event: { id: string; at: string; type: Action; note: string | null; actorId: string | null },
  ): Promise<void> {
    if (plan.cancel.length) {
      await execute(
        em,
        `UPDATE problem_assists SET status = 'cancelled'
         WHERE problem_id = $1 AND status = 'open' AND department_id = ANY($2::uuid[])`,
        [problemId, plan.cancel],
      );
    }
    if (plan.retire) {
      await execute(
        em,
        `UPDATE problem_assists SET current = false WHERE problem_id = $1 AND status <> 'open' AND current`,
        [problemId],
      );
    }
    if (plan.open.length) {
      await execute(
        em,
        `INSERT INTO problem_assists (problem_id, department_id, assign_event_id, created_at, position)
         SELECT $1, d, $3::bigint, $4::timestamptz, n FROM unnest($2::uuid[]) WITH ORDINALITY AS u(d, n)`,
        [problemId, plan.open, event.id, event.at],
      );
    }
    if (plan.acting !== null && event.type === 'assist_done') {
      await execute(
        em,
        `UPDATE problem_assists SET status = 'done', done_at = $3, done_note = $4, done_by = $5
         WHERE problem_id = $1 AND department_id = $2 AND status = 'open'`,
        [problemId, plan.acting, event.at, event.note, event.actorId],
      );
    }
  }

  /** The assisting parts of the problem's current assignment (and those ended by a withdrawal or a close). */
  assists(em: EntityManager | undefined, problemId: string): Promise<AssistRow[]> {
    return rows<AssistRow>(
      em ?? this.db,
      `SELECT a.department_id AS "departmentId", d.name AS "departmentName", a.status,
              a.done_at AS "doneAt", a.done_note AS "doneNote"
       FROM problem_assists a JOIN departments d ON d.id = a.department_id
       WHERE a.problem_id = $1 AND a.current
       ORDER BY a.created_at, a.position`,
      [problemId],
    );
  }

  /** The category's time limit in working days. */
  async categoryDueDays(em: EntityManager, category: string): Promise<number> {
    return (
      await one<{ days: number }>(em, `SELECT default_due_working_days AS days FROM categories WHERE code = $1`, [
        category,
      ])
    ).days;
  }

  /** The category's sign-for time limit (签收时限) in working days. */
  async categorySignForDays(em: EntityManager, category: string): Promise<number> {
    return (
      await one<{ days: number }>(em, `SELECT sign_for_working_days AS days FROM categories WHERE code = $1`, [
        category,
      ])
    ).days;
  }

  /** The problem's extension request awaiting a decision, if any (see extensions.sql.ts). */
  pendingExtension(em: EntityManager | undefined, problemId: string): Promise<PendingExtensionRow | undefined> {
    return maybeOne<PendingExtensionRow>(
      em ?? this.db,
      `SELECT r.id::text AS "requestEventId", (r.data->>'dueAt')::timestamptz AS "dueAt",
              (r.data->>'previousDueAt')::timestamptz AS "previousDueAt", r.note AS reason,
              r.at AS "requestedAt", u.display_name AS "requestedBy"
       FROM problem_events r LEFT JOIN users u ON u.id = r.actor_id
       WHERE r.problem_id = $1 AND r.type = 'request_extension' AND ${extensionStatus('r')} = 'pending'
       ORDER BY r.at DESC, r.id DESC LIMIT 1`,
      [problemId],
    );
  }

  departmentExists(em: EntityManager, id: string): Promise<boolean> {
    return exists(em, `SELECT 1 FROM departments WHERE id = $1`, [id]);
  }

  /** What linking a project reads: the problem's status, department, project and version, if `user` may see it. */
  findLinkState(
    em: EntityManager,
    user: AuthUser,
    id: string,
  ): Promise<
    | { status: ProblemState['status']; departmentId: string | null; projectId: string | null; version: number }
    | undefined
  > {
    const params = new SqlParams();
    return maybeOne(
      em,
      `SELECT p.status, p.department_id AS "departmentId", p.project_id AS "projectId", p.version
       FROM problems p WHERE p.id = ${params.add(id)} AND ${visibleProblems(user, params)}`,
      params.values,
    );
  }

  /** Sets the problem's project if it is still at `expectedVersion`; answers the instant, or undefined. */
  async setProject(
    em: EntityManager,
    id: string,
    expectedVersion: number,
    projectId: string | null,
  ): Promise<string | undefined> {
    const row = await maybeOne<{ at: string }>(
      em,
      `WITH clock AS (SELECT clock_timestamp() AS at)
       UPDATE problems SET project_id = $3, version = version + 1, updated_at = clock.at, last_event_type = 'link_project'
       FROM clock WHERE id = $1 AND version = $2
       RETURNING clock.at::text AS at`,
      [id, expectedVersion, projectId],
    );
    return row?.at;
  }

  projectExists(em: EntityManager, id: string): Promise<boolean> {
    return exists(em, `SELECT 1 FROM projects WHERE id = $1`, [id]);
  }

  problemExists(em: EntityManager, id: string): Promise<boolean> {
    return exists(em, `SELECT 1 FROM problems WHERE id = $1`, [id]);
  }
}
