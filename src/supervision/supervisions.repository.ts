import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import type { Role } from '../access/role';
import { execute, maybeOne, rows, SqlParams } from '../common/sql';
import { visibleProblems } from '../problems/problem-access';
import { ANSWERING_EVENT_TYPES, type SupervisionLevel } from '../workflow/supervision-levels';
import { OPEN_SQL_LIST } from '../workflow/status-sql';

/** A supervision to open, beside the escalate event that opens it. */
export interface NewSupervision {
  id: string;
  problemId: string;
  level: SupervisionLevel;
  leaderId: string | null;
  answerBy: Date;
  eventId: string;
  at: string;
  openedBy: string;
}

/** How a supervision ends: lifted with a note, or superseded by a higher level. */
export interface SupervisionEnd {
  id: string;
  eventId: string;
  at: string;
  by: string;
  note: string | null;
  supersededBy: string | null;
}

export interface SupervisionRow {
  id: string;
  problemId: string;
  problemCode: string;
  problemTitle: string;
  problemStatus: string;
  enterpriseName: string;
  departmentId: string | null;
  departmentName: string | null;
  level: SupervisionLevel;
  leaderId: string | null;
  leaderName: string | null;
  answerBy: Date;
  openedAt: Date;
  openedBy: string;
  openedByName: string;
  answeredAt: Date | null;
  liftedAt: Date | null;
  liftedByName: string | null;
  liftNote: string | null;
  supersededBy: string | null;
  overdue: boolean;
  workingDaysOverdue: number;
}

export const SUPERVISION_STATUSES = ['active', 'overdue', 'lifted', 'all'] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];

/**
 * Overdue (超期未回应): active, not answered, the answer-by date passed at `at`, and the problem
 * still open (a resolution answers; a withdrawn problem needs no answer).
 */
export const overdueSupervisionSql = (s: string, p: string, at: string) =>
  `(${s}.lifted_at IS NULL AND ${s}.answered_at IS NULL AND ${s}.answer_by <= ${at} AND ${p}.status IN (${OPEN_SQL_LIST}))`;

const SUPERVISION_COLUMNS = (at: string) => `
  s.id, s.problem_id AS "problemId", p.code AS "problemCode", p.title AS "problemTitle", p.status AS "problemStatus",
  e.name AS "enterpriseName", p.department_id AS "departmentId", dep.name AS "departmentName",
  s.level, s.leader_id AS "leaderId", leader.display_name AS "leaderName", s.answer_by AS "answerBy",
  s.opened_at AS "openedAt", s.opened_by AS "openedBy", opener.display_name AS "openedByName",
  s.answered_at AS "answeredAt", s.lifted_at AS "liftedAt", lifter.display_name AS "liftedByName",
  s.lift_note AS "liftNote", s.superseded_by AS "supersededBy",
  ${overdueSupervisionSql('s', 'p', at)} AS overdue,
  CASE WHEN ${overdueSupervisionSql('s', 'p', at)}
       THEN working_days_between(s.answer_by, ${at}, current_setting('TimeZone')) ELSE 0 END AS "workingDaysOverdue"`;

const SUPERVISION_FROM = `
  supervisions s
  JOIN problems p ON p.id = s.problem_id
  JOIN enterprises e ON e.id = p.enterprise_id
  LEFT JOIN departments dep ON dep.id = p.department_id
  LEFT JOIN users leader ON leader.id = s.leader_id
  JOIN users opener ON opener.id = s.opened_by
  LEFT JOIN users lifter ON lifter.id = s.lifted_by`;

/** Every statement on supervisions; the rules stay in ProblemsService and workflow/supervision-levels. */
@Injectable()
export class SupervisionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The role of a user, if there is one enabled (a supervising leader must be a manager or an admin). */
  async userRole(em: EntityManager, userId: string): Promise<Role | undefined> {
    const row = await maybeOne<{ role: Role }>(em, `SELECT role FROM users WHERE id = $1 AND NOT disabled`, [userId]);
    return row?.role;
  }

  /** Ends a supervision (a lift, or a higher level superseding it). */
  async end(em: EntityManager, end: SupervisionEnd): Promise<void> {
    await execute(
      em,
      `UPDATE supervisions SET lifted_at = $2, lift_event_id = $3, lifted_by = $4, lift_note = $5, superseded_by = $6
       WHERE id = $1 AND lifted_at IS NULL`,
      [end.id, end.at, end.eventId, end.by, end.note, end.supersededBy],
    );
  }

  async open(em: EntityManager, s: NewSupervision): Promise<void> {
    await execute(
      em,
      `INSERT INTO supervisions (id, problem_id, level, leader_id, answer_by, opened_at, opened_event_id, opened_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [s.id, s.problemId, s.level, s.leaderId, s.answerBy, s.at, s.eventId, s.openedBy],
    );
  }

  /** When `type` answers, records event `eventId` as the answer to the problem's active, unanswered supervision. */
  async answer(em: EntityManager, problemId: string, type: string, eventId: string, at: string): Promise<void> {
    if (!ANSWERING_EVENT_TYPES.includes(type)) return;
    await execute(
      em,
      `UPDATE supervisions SET answered_at = $3, answer_event_id = $2
       WHERE problem_id = $1 AND lifted_at IS NULL AND answered_at IS NULL`,
      [problemId, eventId, at],
    );
  }

  /** A problem's supervisions, oldest first (the ladder). */
  history(problemId: string, em?: EntityManager): Promise<SupervisionRow[]> {
    return rows<SupervisionRow>(
      em ?? this.db,
      `SELECT ${SUPERVISION_COLUMNS('now()')} FROM ${SUPERVISION_FROM} WHERE s.problem_id = $1 ORDER BY s.opened_at, s.id`,
      [problemId],
    );
  }

  /**
   * One page of supervisions as `user` may see them (a handler: those of problems their department
   * holds), newest first, keyset on (opened_at, id).
   */
  list(
    user: AuthUser,
    query: { status: SupervisionStatus; level?: SupervisionLevel; after?: [string, string]; limit: number },
  ): Promise<(SupervisionRow & { sortKey: string })[]> {
    const p = new SqlParams();
    const where = [visibleProblems(user, p)];
    if (query.status === 'active') where.push('s.lifted_at IS NULL');
    if (query.status === 'lifted') where.push('s.lifted_at IS NOT NULL');
    if (query.status === 'overdue') where.push(overdueSupervisionSql('s', 'p', 'now()'));
    if (query.level) where.push(`s.level = ${p.add(query.level)}`);
    if (query.after)
      where.push(`(s.opened_at, s.id) < (${p.add(query.after[0])}::timestamptz, ${p.add(query.after[1])}::uuid)`);
    return rows(
      this.db,
      `SELECT ${SUPERVISION_COLUMNS('now()')}, s.opened_at::text AS "sortKey"
       FROM ${SUPERVISION_FROM}
       WHERE ${where.join(' AND ')}
       ORDER BY s.opened_at DESC, s.id DESC
       LIMIT ${p.add(query.limit + 1)}`,
      p.values,
    );
  }
}
