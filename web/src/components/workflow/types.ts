import type { ActionName, Satisfaction } from './labels';

/** The shapes of the service's answers that these pages read (see src/problems/problem-response.ts). */
export type Status = 'reported' | 'assigned' | 'in_progress' | 'resolved' | 'closed' | 'withdrawn';

export interface ProblemEvent {
  id: string;
  type: string;
  fromStatus: Status | null;
  toStatus: Status;
  departmentId: string | null;
  actorId: string | null;
  actorName: string | null;
  at: string;
  note: string | null;
  data: Record<string, unknown>;
}

export interface Problem {
  id: string;
  code: string;
  enterpriseId: string;
  enterprise: { id: string; name: string; district: string; districtName: string };
  visitId: string | null;
  source: string;
  category: string;
  title: string;
  description: string | null;
  reportedAt: string;
  status: Status;
  departmentId: string | null;
  departmentName: string | null;
  dueAt: string | null;
  overdue: boolean;
  daysOpen: number;
  daysOverdue: number;
  resolvedAt: string | null;
  resolution: string | null;
  satisfaction: Satisfaction | null;
  feedback: string | null;
  escalated: boolean;
  duplicateOf: string | null;
  version: number;
  createdBy: string;
  events?: ProblemEvent[];
  /** The actions the signed-in user may take now (on a single problem). */
  allowedActions?: ActionName[];
}

export interface Enterprise {
  id: string;
  name: string;
  uscc: string | null;
  district: string;
  industry: string | null;
  isAboveScale: boolean;
  isKey: boolean;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const OPEN_STATUSES: Status[] = ['reported', 'assigned', 'in_progress'];
