import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../access/auth-user';
import { cursorValue, decodeCursor, type Page, toPage } from '../../common/pagination';
import { rows, SqlParams } from '../../common/sql';
import { extensionDecisionLateral, extensionStatus } from '../extensions.sql';
import type { ExtensionStatus, ListExtensionsQuery } from './extensions.dto';
import type { ExtensionResponse } from './extensions.response';

interface ExtensionRow {
  requestEventId: string;
  status: ExtensionStatus;
  problemId: string;
  problemCode: string;
  title: string;
  version: number;
  departmentId: string;
  departmentName: string;
  currentDueAt: Date | null;
  previousDueAt: Date;
  requestedDueAt: Date;
  reason: string;
  requestedBy: string | null;
  requestedAt: Date;
  /** The request's instant as PostgreSQL prints it, for the cursor. */
  sortKey: string;
  decisionType: 'approve_extension' | 'refuse_extension' | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  decisionNote: string | null;
}

/** The statements of the extension request list; the status rule is extensionStatus(). */
@Injectable()
export class ExtensionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The requests of one status, newest first: managers and admins see every department's, a
   * handler their own department's (the department that asked).
   */
  async list(user: AuthUser, query: ListExtensionsQuery): Promise<Page<ExtensionResponse>> {
    const params = new SqlParams();
    const limit = query.limit ?? 50;
    const conditions = [
      `r.type = 'request_extension'`,
      `${extensionStatus('r')} = ${params.add(query.status ?? 'pending')}`,
    ];
    if (user.role === 'handler') conditions.push(`r.department_id = ${params.add(user.departmentId)}::uuid`);
    if (query.cursor !== undefined) {
      const [at, id] = decodeCursor(query.cursor, [cursorValue.timestamptz, cursorValue.numeric]);
      conditions.push(`(r.at, r.id) < (${params.add(at)}::timestamptz, ${params.add(id)}::bigint)`);
    }
    const found = await rows<ExtensionRow>(
      this.db,
      `SELECT r.id::text AS "requestEventId", ${extensionStatus('r')} AS status,
              p.id AS "problemId", p.code AS "problemCode", p.title, p.version,
              r.department_id AS "departmentId", dep.name AS "departmentName", p.due_at AS "currentDueAt",
              (r.data->>'previousDueAt')::timestamptz AS "previousDueAt",
              (r.data->>'dueAt')::timestamptz AS "requestedDueAt", r.note AS reason,
              ru.display_name AS "requestedBy", r.at AS "requestedAt", r.at::text AS "sortKey",
              d.type AS "decisionType", d.at AS "decidedAt", du.display_name AS "decidedBy", d.note AS "decisionNote"
       FROM problem_events r
       JOIN problems p ON p.id = r.problem_id
       JOIN departments dep ON dep.id = r.department_id
       LEFT JOIN users ru ON ru.id = r.actor_id
       LEFT JOIN ${extensionDecisionLateral('r')} d ON true
       LEFT JOIN users du ON du.id = d.actor_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY r.at DESC, r.id DESC
       LIMIT ${params.add(limit + 1)}`,
      params.values,
    );
    return toPage(found, limit, toResponse, (row) => [row.sortKey, row.requestEventId]);
  }
}

function toResponse(row: ExtensionRow): ExtensionResponse {
  return {
    requestEventId: row.requestEventId,
    status: row.status,
    problemId: row.problemId,
    problemCode: row.problemCode,
    title: row.title,
    version: row.version,
    departmentId: row.departmentId,
    departmentName: row.departmentName,
    currentDueAt: row.currentDueAt?.toISOString() ?? null,
    previousDueAt: row.previousDueAt.toISOString(),
    requestedDueAt: row.requestedDueAt.toISOString(),
    reason: row.reason,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    decision:
      row.decisionType && row.decidedAt
        ? { type: row.decisionType, at: row.decidedAt.toISOString(), by: row.decidedBy, note: row.decisionNote }
        : null,
  };
}
