import { isBouncedSql } from '../reports/bounced.sql';
import type { SupervisionResponse } from '../supervision/supervision.response';
import { RESOLVED_SQL_LIST, WITHDRAWN_SQL } from '../workflow/status-sql';
import type { SupervisionLevel } from '../workflow/supervision-levels';
import { type Status, STATUS_LABELS } from '../workflow/statuses';
import type { Satisfaction } from '../workflow/satisfactions';
import type { AttachmentResponse } from '../attachments/attachment.response';
import type { Action } from './problem-workflow';
import type { Source } from './problem.dto';

export interface ProblemEventResponse {
  id: string;
  type: string;
  fromStatus: Status | null;
  toStatus: Status;
  departmentId: string | null;
  /** Null for events the service wrote by itself (early warnings). */
  actorId: string | null;
  actorName: string | null;
  at: string;
  note: string | null;
  data: Record<string, unknown>;
}

/** An assisting department's part (协办) of the current assignment. */
export interface ProblemAssistResponse {
  departmentId: string;
  departmentName: string;
  status: 'open' | 'done' | 'cancelled';
  doneAt: string | null;
  doneNote: string | null;
}

export interface ProblemResponse {
  id: string;
  code: string;
  enterpriseId: string;
  enterprise: { id: string; name: string; district: string; districtName: string };
  visitId: string | null;
  source: Source;
  category: string;
  categoryName: string;
  title: string;
  description: string | null;
  reportedAt: string;
  enteredAt: string;
  status: Status;
  /** The status's display label (Chinese), as GET /statuses lists it. */
  statusLabel: string;
  departmentId: string | null;
  departmentName: string | null;
  /** The deadline in force: the first one given to the department in this round, or an approved extension of it. */
  dueAt: string | null;
  /** The deadline first given to the department in this round (按期办结 is judged against it). */
  firstDueAt: string | null;
  /** The sign-for deadline (签收时限) of the assignment in force; null before assignment or for older ones. */
  signForDueAt: string | null;
  /** When the department holding the problem signed for it (签收, its accept). */
  signedForAt: string | null;
  overdue: boolean;
  /** Calendar days from reportedAt until resolved (or withdrawn), or until now while open. */
  daysOpen: number;
  /** Working days past the deadline while open and overdue, else 0. */
  daysOverdue: number;
  resolvedAt: string | null;
  lastEventType: string;
  lastEventAt: string;
  resolution: string | null;
  satisfaction: Satisfaction | null;
  feedback: string | null;
  escalated: boolean;
  /** The level of the active supervision (督办), or null. */
  supervisionLevel: SupervisionLevel | null;
  /** Bounced (推诿) now: see src/reports/bounced.sql.ts. */
  bounced: boolean;
  duplicateOf: string | null;
  /** The key project the problem concerns, if any (see POST /problems/:id/project). */
  projectId: string | null;
  projectName: string | null;
  version: number;
  createdBy: string;
  updatedAt: string;
  events?: ProblemEventResponse[];
  /** On a single problem: the assisting departments' parts of the current assignment (主办 is departmentId). */
  assists?: ProblemAssistResponse[];
  /** On a single problem: the actions the caller may take on it now (the transition table and their role). */
  allowedActions?: Action[];
  /** On a single problem: its photos and letters; `eventId` ties one to the event it came with. */
  attachments?: AttachmentResponse[];
  /** On a single problem: the extension request awaiting a decision, or null. */
  pendingExtension?: PendingExtensionResponse | null;
  /** On a single problem: its supervisions, oldest first. */
  supervisions?: SupervisionResponse[];
}

export interface PendingExtensionResponse {
  requestEventId: string;
  dueAt: string;
  previousDueAt: string;
  reason: string;
  requestedAt: string;
  requestedBy: string | null;
}

/**
 * The columns every problem read selects (aliases `p`, `e`, `dist`, `c`, `dep`; see PROBLEM_FROM).
 * `at` is the SQL instant that overdue and day counts are taken at: now() for a single read, the
 * fixed instant of the first page for a list walk. Day boundaries are those of the session time
 * zone, which is the report time zone (see data-source-options).
 */
export const problemColumns = (at: string) => `
  p.id, p.code, p.enterprise_id AS "enterpriseId", e.name AS "enterpriseName",
  e.district_code AS district, dist.name AS "districtName", p.visit_id AS "visitId", p.source,
  p.category_code AS category, c.name AS "categoryName", p.title, p.description,
  p.reported_at AS "reportedAt", p.created_at AS "enteredAt", p.status,
  p.department_id AS "departmentId", dep.name AS "departmentName", p.due_at AS "dueAt",
  p.first_due_at AS "firstDueAt", p.sign_for_due_at AS "signForDueAt", p.signed_for_at AS "signedForAt",
  COALESCE(${OPEN_SQL} AND p.due_at < ${at}, false) AS overdue,
  ${daysOpenSql(at)} AS "daysOpen",
  ${daysOverdueSql(at)} AS "daysOverdue",
  p.resolution, p.satisfaction, p.feedback, p.escalated, p.duplicate_of AS "duplicateOf",
  (SELECT s.level FROM supervisions s WHERE s.problem_id = p.id AND s.lifted_at IS NULL) AS "supervisionLevel",
  ${isBouncedSql('p', at)} AS bounced,
  p.project_id AS "projectId", (SELECT prj.name FROM projects prj WHERE prj.id = p.project_id) AS "projectName",
  p.version, p.created_by AS "createdBy", p.updated_at AS "updatedAt", p.resolved_at AS "resolvedAt",
  p.last_event_type AS "lastEventType"`;

/** Calendar days from reporting until resolved (or withdrawn), or until `at` while open. */
export const daysOpenSql = (at: string) => `floor(extract(epoch FROM ${openUntil(at)} - p.reported_at) / 86400)::int`;

/** Working days past the deadline at `at` while open and overdue, else 0 (a column and a sort key). */
export const daysOverdueSql = (at: string) => `CASE WHEN ${OPEN_SQL} AND p.due_at < ${at}
       THEN working_days_between(p.due_at, ${at}, current_setting('TimeZone')) ELSE 0 END`;

/** Not yet resolved, closed or withdrawn. */
export const OPEN_SQL = `p.status NOT IN (${RESOLVED_SQL_LIST}, ${WITHDRAWN_SQL})`;

/** Until when a problem has been open: its resolution, its withdrawal, or `at` while it is open. */
export const openUntil = (at: string) =>
  `COALESCE(CASE WHEN p.status = ${WITHDRAWN_SQL} THEN p.updated_at END, p.resolved_at, ${at})`;

/** What problemColumns reads besides `p`: the problem's enterprise, district, category and department. */
export const PROBLEM_JOINS = `
  JOIN enterprises e ON e.id = p.enterprise_id
  JOIN districts dist ON dist.code = e.district_code
  JOIN categories c ON c.code = p.category_code
  LEFT JOIN departments dep ON dep.id = p.department_id`;

export const PROBLEM_FROM = `problems p ${PROBLEM_JOINS}`;

/** A row as problemColumns selects it: flat enterprise fields, dates as Date. */
export type ProblemRow = Omit<
  ProblemResponse,
  | 'enterprise'
  | 'statusLabel'
  | 'reportedAt'
  | 'enteredAt'
  | 'dueAt'
  | 'firstDueAt'
  | 'signForDueAt'
  | 'signedForAt'
  | 'updatedAt'
  | 'resolvedAt'
  | 'lastEventAt'
  | 'events'
  | 'assists'
  | 'supervisions'
> & {
  enterpriseName: string;
  district: string;
  districtName: string;
  reportedAt: Date;
  enteredAt: Date;
  dueAt: Date | null;
  firstDueAt: Date | null;
  signForDueAt: Date | null;
  signedForAt: Date | null;
  updatedAt: Date;
  resolvedAt: Date | null;
};

export const EVENT_SELECT = `
  SELECT ev.id::text AS id, ev.type, ev.from_status AS "fromStatus", ev.to_status AS "toStatus",
         ev.department_id AS "departmentId", ev.actor_id AS "actorId", u.display_name AS "actorName",
         ev.at, ev.note, ev.data
  FROM problem_events ev LEFT JOIN users u ON u.id = ev.actor_id
  WHERE ev.problem_id = $1
  ORDER BY ev.at, ev.id`;

export type EventRow = Omit<ProblemEventResponse, 'at'> & { at: Date };

/**
 * The response for a row, field by field: a list page builds twenty of these per request, and
 * spreading the row's thirty columns into new objects cost about eight times as much.
 */
export function toProblemResponse(row: ProblemRow, events?: EventRow[]): ProblemResponse {
  const response: ProblemResponse = {
    id: row.id,
    code: row.code,
    enterpriseId: row.enterpriseId,
    enterprise: {
      id: row.enterpriseId,
      name: row.enterpriseName,
      district: row.district,
      districtName: row.districtName,
    },
    visitId: row.visitId,
    source: row.source,
    category: row.category,
    categoryName: row.categoryName,
    title: row.title,
    description: row.description,
    reportedAt: row.reportedAt.toISOString(),
    enteredAt: row.enteredAt.toISOString(),
    status: row.status,
    statusLabel: STATUS_LABELS[row.status].zh,
    departmentId: row.departmentId,
    departmentName: row.departmentName,
    dueAt: row.dueAt?.toISOString() ?? null,
    firstDueAt: row.firstDueAt?.toISOString() ?? null,
    signForDueAt: row.signForDueAt?.toISOString() ?? null,
    signedForAt: row.signedForAt?.toISOString() ?? null,
    overdue: row.overdue,
    daysOpen: row.daysOpen,
    daysOverdue: row.daysOverdue,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    lastEventType: row.lastEventType,
    lastEventAt: row.updatedAt.toISOString(),
    resolution: row.resolution,
    satisfaction: row.satisfaction,
    feedback: row.feedback,
    escalated: row.escalated,
    supervisionLevel: row.supervisionLevel,
    bounced: row.bounced,
    duplicateOf: row.duplicateOf,
    projectId: row.projectId,
    projectName: row.projectName,
    version: row.version,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
  };
  if (events) response.events = events.map((event) => ({ ...event, at: event.at.toISOString() }));
  return response;
}
