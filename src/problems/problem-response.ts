import type { Satisfaction, Status } from './problem-workflow';
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
  departmentId: string | null;
  departmentName: string | null;
  dueAt: string | null;
  overdue: boolean;
  resolution: string | null;
  satisfaction: Satisfaction | null;
  feedback: string | null;
  escalated: boolean;
  duplicateOf: string | null;
  version: number;
  createdBy: string;
  updatedAt: string;
  events?: ProblemEventResponse[];
}

/** The columns every problem read selects (aliases `p`, `e`, `dist`, `c`, `dep`; see PROBLEM_FROM). */
export const PROBLEM_COLUMNS = `
  p.id, p.code, p.enterprise_id AS "enterpriseId", e.name AS "enterpriseName",
  e.district_code AS district, dist.name AS "districtName", p.visit_id AS "visitId", p.source,
  p.category_code AS category, c.name AS "categoryName", p.title, p.description,
  p.reported_at AS "reportedAt", p.created_at AS "enteredAt", p.status,
  p.department_id AS "departmentId", dep.name AS "departmentName", p.due_at AS "dueAt",
  (p.status NOT IN ('resolved', 'closed', 'withdrawn') AND p.due_at < now()) AS overdue,
  p.resolution, p.satisfaction, p.feedback, p.escalated, p.duplicate_of AS "duplicateOf",
  p.version, p.created_by AS "createdBy", p.updated_at AS "updatedAt"`;

export const PROBLEM_FROM = `
  problems p
  JOIN enterprises e ON e.id = p.enterprise_id
  JOIN districts dist ON dist.code = e.district_code
  JOIN categories c ON c.code = p.category_code
  LEFT JOIN departments dep ON dep.id = p.department_id`;

/** A row as PROBLEM_COLUMNS selects it: flat enterprise fields, dates as Date. */
export type ProblemRow = Omit<
  ProblemResponse,
  'enterprise' | 'reportedAt' | 'enteredAt' | 'dueAt' | 'updatedAt' | 'events'
> & {
  enterpriseName: string;
  district: string;
  districtName: string;
  reportedAt: Date;
  enteredAt: Date;
  dueAt: Date | null;
  updatedAt: Date;
};

export const EVENT_SELECT = `
  SELECT ev.id::text AS id, ev.type, ev.from_status AS "fromStatus", ev.to_status AS "toStatus",
         ev.department_id AS "departmentId", ev.actor_id AS "actorId", u.display_name AS "actorName",
         ev.at, ev.note, ev.data
  FROM problem_events ev LEFT JOIN users u ON u.id = ev.actor_id
  WHERE ev.problem_id = $1
  ORDER BY ev.at, ev.id`;

type EventRow = Omit<ProblemEventResponse, 'at'> & { at: Date };

export function toProblemResponse(row: ProblemRow, events?: EventRow[]): ProblemResponse {
  const { enterpriseName, district, districtName, reportedAt, enteredAt, dueAt, updatedAt, ...rest } = row;
  const response: ProblemResponse = {
    ...rest,
    enterprise: { id: row.enterpriseId, name: enterpriseName, district, districtName },
    reportedAt: reportedAt.toISOString(),
    enteredAt: enteredAt.toISOString(),
    dueAt: dueAt?.toISOString() ?? null,
    updatedAt: updatedAt.toISOString(),
  };
  if (events) response.events = events.map((event) => ({ ...event, at: event.at.toISOString() }));
  return response;
}
