import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { affected, execute, maybeOne, rows, SqlParams } from '../common/sql';
import { visibleProblems } from '../problems/problem-access';
import { FINAL_SQL_LIST } from '../workflow/status-sql';
import type { Status } from '../workflow/statuses';

/** When a final problem reached its final status: the latest event that moved it to closed or withdrawn. */
const FINAL_AT = (alias: string) => `
  CASE WHEN ${alias}.status IN (${FINAL_SQL_LIST}) THEN (
    SELECT max(e.at) FROM problem_events e
    WHERE e.problem_id = ${alias}.id AND e.to_status IN (${FINAL_SQL_LIST}) AND e.from_status IS DISTINCT FROM e.to_status
  ) END`;

/** A problem as the link routes see it. */
export interface LinkProblemRow {
  id: string;
  status: Status;
  createdBy: string | null;
  /** When it was closed or withdrawn; null while open. */
  finalAt: Date | null;
}

/** A link still in force as far as its own row goes (not revoked). */
export interface LinkRow {
  id: string;
  tokenSealed: string;
  expiresAt: Date | null;
}

/** What the public page shows, found through a token's hash. */
export interface TrackedRow {
  problemId: string;
  code: string;
  title: string;
  status: Status;
  departmentName: string | null;
  dueAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
  finalAt: Date | null;
}

export interface PublicNoteRow {
  at: Date;
  note: string;
}

@Injectable()
export class TrackingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * The problem if `user` may see it, its row locked until the transaction ends, so that two
   * requests for a link at once make one link.
   */
  lockProblem(em: EntityManager, user: AuthUser, id: string): Promise<LinkProblemRow | undefined> {
    const params = new SqlParams();
    return maybeOne<LinkProblemRow>(
      em,
      `SELECT p.id, p.status, p.created_by AS "createdBy", ${FINAL_AT('p')} AS "finalAt"
       FROM problems p WHERE p.id = ${params.add(id)} AND ${visibleProblems(user, params)}
       FOR UPDATE`,
      params.values,
    );
  }

  /** The problem if `user` may see it (no lock). */
  findProblem(user: AuthUser, id: string): Promise<LinkProblemRow | undefined> {
    const params = new SqlParams();
    return maybeOne<LinkProblemRow>(
      this.db,
      `SELECT p.id, p.status, p.created_by AS "createdBy", ${FINAL_AT('p')} AS "finalAt"
       FROM problems p WHERE p.id = ${params.add(id)} AND ${visibleProblems(user, params)}`,
      params.values,
    );
  }

  /** The newest link of a problem that is not revoked and not past its own fixed end. */
  currentLink(em: EntityManager, problemId: string): Promise<LinkRow | undefined> {
    return maybeOne<LinkRow>(
      em,
      `SELECT id, token_sealed AS "tokenSealed", expires_at AS "expiresAt"
       FROM tracking_links
       WHERE problem_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
       ORDER BY created_at DESC, id DESC
       LIMIT 1`,
      [problemId],
    );
  }

  async insertLink(
    em: EntityManager,
    link: { problemId: string; tokenHash: string; tokenSealed: string; createdBy: string | null },
  ): Promise<void> {
    await execute(
      em,
      `INSERT INTO tracking_links (problem_id, token_hash, token_sealed, created_by) VALUES ($1, $2, $3, $4)`,
      [link.problemId, link.tokenHash, link.tokenSealed, link.createdBy],
    );
  }

  /** Revokes every link of the problem still in force; answers how many. */
  revoke(problemId: string, userId: string): Promise<number> {
    return affected(
      this.db,
      `UPDATE tracking_links SET revoked_at = now(), revoked_by = $2 WHERE problem_id = $1 AND revoked_at IS NULL`,
      [problemId, userId],
    );
  }

  /** The link a token's hash names, with what the public page shows of its problem. */
  findByTokenHash(tokenHash: string): Promise<TrackedRow | undefined> {
    return maybeOne<TrackedRow>(
      this.db,
      `SELECT p.id AS "problemId", p.code, p.title, p.status, d.name AS "departmentName", p.due_at AS "dueAt",
              l.revoked_at AS "revokedAt", l.expires_at AS "expiresAt", ${FINAL_AT('p')} AS "finalAt"
       FROM tracking_links l
       JOIN problems p ON p.id = l.problem_id
       LEFT JOIN departments d ON d.id = p.department_id
       WHERE l.token_hash = $1`,
      [tokenHash],
    );
  }

  /**
   * The notes the enterprise sees, oldest first: progress notes marked public, and the
   * department's resolution text (办理结果) each time it reported the problem resolved.
   */
  publicNotes(problemId: string): Promise<PublicNoteRow[]> {
    return rows<PublicNoteRow>(
      this.db,
      `SELECT at, note FROM problem_events
       WHERE problem_id = $1 AND note IS NOT NULL
         AND ((type = 'progress' AND data->>'public' = 'true') OR type = 'resolve')
       ORDER BY at, id`,
      [problemId],
    );
  }
}
