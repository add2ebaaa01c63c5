import { assertUnreachable, DomainError, ErrorCode } from '../common/domain-error';
import type { Role } from '../access/role';
import { type Satisfaction, SATISFIED } from '../workflow/satisfactions';
import { OPEN_STATUSES, type Status, STATUSES, WITH_DEPARTMENT_STATUSES } from '../workflow/statuses';
import type { SupervisionLevel } from '../workflow/supervision-levels';

export const ACTIONS = [
  'assign',
  'accept',
  'progress',
  'resolve',
  'return',
  'verify',
  'reopen',
  'withdraw',
  'escalate',
  'lift',
] as const;
export type Action = (typeof ACTIONS)[number];

/** `manager`: managers and admins. `department`: a handler of the problem's department, or a manager/admin acting for it. */
type Actor = 'manager' | 'department';

interface Rule {
  actor: Actor;
  from: readonly Status[];
}

const OPEN = OPEN_STATUSES;
const WITH_DEPARTMENT = WITH_DEPARTMENT_STATUSES;

/** The transition table: who may take each action, and from which statuses. */
export const TRANSITIONS: Record<Action, Rule> = {
  assign: { actor: 'manager', from: OPEN },
  accept: { actor: 'department', from: ['assigned'] },
  progress: { actor: 'department', from: WITH_DEPARTMENT },
  resolve: { actor: 'department', from: WITH_DEPARTMENT },
  return: { actor: 'department', from: WITH_DEPARTMENT },
  verify: { actor: 'manager', from: ['resolved'] },
  reopen: { actor: 'manager', from: ['resolved'] },
  withdraw: { actor: 'manager', from: OPEN },
  escalate: { actor: 'manager', from: OPEN },
  // Ends the active supervision; the service refuses it (409) when none is active.
  lift: { actor: 'manager', from: STATUSES },
};

export type ActionInput =
  | { action: 'assign'; departmentId: string; dueAt: Date; note?: string }
  | { action: 'accept'; note?: string }
  | { action: 'progress'; note: string }
  | { action: 'resolve'; resolution: string }
  | { action: 'return'; reason: string }
  | { action: 'verify'; satisfaction: Satisfaction; feedback?: string }
  | { action: 'reopen'; reason: string }
  | { action: 'withdraw'; reason: string; duplicateOf?: string }
  | {
      action: 'escalate';
      note: string;
      /** The supervision the escalation opens; absent only in histories replayed without the ladder. */
      supervision?: { id: string; level: SupervisionLevel; leaderId: string | null; answerBy: Date };
    }
  | { action: 'lift'; note: string; supervisionId: string };

/** The part of a problem that actions change. */
export interface ProblemState {
  status: Status;
  departmentId: string | null;
  dueAt: Date | null;
  resolution: string | null;
  satisfaction: Satisfaction | null;
  feedback: string | null;
  escalated: boolean;
  duplicateOf: string | null;
}

export interface Transition {
  next: ProblemState;
  /** The event's note and the structured details it records. */
  note: string | null;
  data: Record<string, unknown>;
}

export function allowedActions(status: Status): Action[] {
  return ACTIONS.filter((action) => TRANSITIONS[action].from.includes(status));
}

/** May this user take this action on a problem of this department? (Visibility is checked before.) */
export function mayAct(
  user: { role: Role; departmentId: string | null },
  action: Action,
  departmentId: string | null,
): boolean {
  if (user.role === 'manager' || user.role === 'admin') return true;
  return (
    TRANSITIONS[action].actor === 'department' &&
    user.role === 'handler' &&
    departmentId !== null &&
    user.departmentId === departmentId
  );
}

export function invalidTransition(status: Status, action: Action): DomainError {
  const allowed = allowedActions(status);
  return new DomainError(
    ErrorCode.InvalidTransition,
    `cannot ${action} a problem whose status is ${status}; allowed: ${allowed.length ? allowed.join(', ') : 'none (final status)'}`,
    { status, action, allowedActions: allowed },
  );
}

/**
 * What an action does to a problem, as a pure function of its current state. Throws
 * INVALID_TRANSITION when the table does not allow the action from the current status.
 */
export function transition(current: ProblemState, input: ActionInput): Transition {
  if (!TRANSITIONS[input.action].from.includes(current.status)) throw invalidTransition(current.status, input.action);
  const same = { ...current };
  switch (input.action) {
    case 'assign':
      return {
        next: { ...same, status: 'assigned', departmentId: input.departmentId, dueAt: input.dueAt },
        note: input.note ?? null,
        data: {
          departmentId: input.departmentId,
          dueAt: input.dueAt.toISOString(),
          reassigned: current.status !== 'reported',
        },
      };
    case 'accept':
      return { next: { ...same, status: 'in_progress' }, note: input.note ?? null, data: {} };
    case 'progress':
      return { next: same, note: input.note, data: {} };
    case 'resolve':
      return { next: { ...same, status: 'resolved', resolution: input.resolution }, note: input.resolution, data: {} };
    case 'return':
      return {
        next: { ...same, status: 'reported', departmentId: null, dueAt: null },
        note: input.reason,
        data: { returnedBy: current.departmentId },
      };
    case 'verify': {
      const satisfied = SATISFIED.includes(input.satisfaction);
      return {
        next: {
          ...same,
          status: satisfied ? 'closed' : 'in_progress',
          satisfaction: input.satisfaction,
          feedback: input.feedback ?? null,
          resolution: satisfied ? current.resolution : null,
        },
        note: input.feedback ?? null,
        data: { satisfaction: input.satisfaction },
      };
    }
    case 'reopen':
      return {
        next: { ...same, status: 'in_progress', resolution: null, satisfaction: null, feedback: null },
        note: input.reason,
        data: {},
      };
    case 'withdraw':
      return {
        next: { ...same, status: 'withdrawn', duplicateOf: input.duplicateOf ?? null },
        note: input.reason,
        data: input.duplicateOf ? { duplicateOf: input.duplicateOf } : {},
      };
    case 'escalate': {
      const opened = input.supervision;
      return {
        next: { ...same, escalated: true },
        note: input.note,
        data: opened
          ? {
              supervisionId: opened.id,
              level: opened.level,
              leaderId: opened.leaderId,
              answerBy: opened.answerBy.toISOString(),
            }
          : {},
      };
    }
    case 'lift':
      return { next: { ...same, escalated: false }, note: input.note, data: { supervisionId: input.supervisionId } };
    default:
      return assertUnreachable(input);
  }
}
