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
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'assist_progress',
  'assist_done',
  'lift',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * `manager`: managers and admins. `department`: a handler of the problem's (lead) department, or a
 * manager/admin acting for it. `assisting`: a handler of a department with an open assisting part
 * (协办), or a manager/admin acting for that department.
 */
type Actor = 'manager' | 'department' | 'assisting';

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
  assist_progress: { actor: 'assisting', from: WITH_DEPARTMENT },
  assist_done: { actor: 'assisting', from: WITH_DEPARTMENT },
  request_extension: { actor: 'department', from: WITH_DEPARTMENT },
  approve_extension: { actor: 'manager', from: WITH_DEPARTMENT },
  refuse_extension: { actor: 'manager', from: WITH_DEPARTMENT },
  // Ends the active supervision; the service refuses it (409) when none is active.
  lift: { actor: 'manager', from: STATUSES },
};

/**
 * What each action needs. Deadlines are decided before the transition (by the service, from the
 * request, the calendar and the category): `assign` a new department's deadline and sign-for
 * deadline; a redo (`reopen`, an unsatisfied `verify`) its new deadline; `approve_extension` and
 * `refuse_extension` the pending request they decide.
 */
export type ActionInput =
  | {
      action: 'assign';
      departmentId: string;
      dueAt: Date;
      signForDueAt: Date;
      note?: string;
      assistingDepartmentIds?: string[];
    }
  | { action: 'accept'; note?: string }
  | { action: 'progress'; note: string; public?: boolean }
  | { action: 'resolve'; resolution: string; assistsNote?: string }
  | { action: 'return'; reason: string }
  | { action: 'verify'; satisfaction: Satisfaction; feedback?: string; source?: VerifySource; dueAt?: Date }
  | { action: 'reopen'; reason: string; dueAt: Date }
  | { action: 'withdraw'; reason: string; duplicateOf?: string }
  | {
      action: 'escalate';
      note: string;
      /** The supervision the escalation opens; absent only in histories replayed without the ladder. */
      supervision?: { id: string; level: SupervisionLevel; leaderId: string | null; answerBy: Date };
    }
  | { action: 'lift'; note: string; supervisionId: string }
  | { action: 'assist_progress'; note: string; departmentId?: string }
  | { action: 'assist_done'; note: string; departmentId?: string }
  | { action: 'request_extension'; dueAt: Date; reason: string }
  | { action: 'approve_extension'; request: PendingExtension; note?: string }
  | { action: 'refuse_extension'; request: PendingExtension; reason: string };

/**
 * Who judged a resolution: a manager after a call (回访, the default), or the enterprise itself on
 * its tracking page (no user: the event's actor is NULL).
 */
export type VerifySource = 'manager' | 'enterprise';

/** An extension request not yet decided (延期申请): its event and the date it asks for. */
export interface PendingExtension {
  requestEventId: string;
  dueAt: Date;
}

/** The part of a problem that actions change. */
export interface ProblemState {
  status: Status;
  departmentId: string | null;
  /** The deadline in force: the first one given to the department in this round, or an approved extension of it. */
  dueAt: Date | null;
  /** The deadline first given to the department in this round (按期 is judged against it). */
  firstDueAt: Date | null;
  /** The sign-for deadline (签收时限) of the assignment in force. */
  signForDueAt: Date | null;
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

/**
 * May this user take this action on a problem of this (lead) department, whose open assisting parts
 * belong to `assisting`? (Visibility is checked before.) A handler of an assisting department takes
 * only the assisting actions; the lead's handler takes none of them.
 */
export function mayAct(
  user: { role: Role; departmentId: string | null },
  action: Action,
  departmentId: string | null,
  assisting: readonly string[] = [],
): boolean {
  if (user.role === 'manager' || user.role === 'admin') return true;
  if (user.role !== 'handler' || user.departmentId === null) return false;
  switch (TRANSITIONS[action].actor) {
    case 'department':
      return user.departmentId === departmentId;
    case 'assisting':
      return assisting.includes(user.departmentId);
    case 'manager':
      return false;
  }
}

/** Is `departmentId` the department already holding the problem? Then an assignment keeps its deadlines. */
export function holdsProblem(current: ProblemState, departmentId: string): boolean {
  return WITH_DEPARTMENT.includes(current.status) && current.departmentId === departmentId;
}

export function invalidTransition(status: Status, action: Action): DomainError {
  const allowed = allowedActions(status);
  return new DomainError(
    ErrorCode.InvalidTransition,
    // Every status allows one action at least: a supervision may be lifted whatever the status.
    `cannot ${action} a problem whose status is ${status}; allowed: ${allowed.join(', ')}`,
    { status, action, allowedActions: allowed },
  );
}

/** A redo's deadline: the round starts again, so it is both the deadline and the first one. */
function redoDeadline(dueAt: Date): {
  next: Pick<ProblemState, 'dueAt' | 'firstDueAt'>;
  data: Record<string, unknown>;
} {
  return { next: { dueAt, firstDueAt: dueAt }, data: { dueAt: dueAt.toISOString(), redo: true } };
}

/**
 * What an action does to a problem, as a pure function of its current state. Throws
 * INVALID_TRANSITION when the table does not allow the action from the current status.
 */
export function transition(current: ProblemState, input: ActionInput): Transition {
  if (!TRANSITIONS[input.action].from.includes(current.status)) throw invalidTransition(current.status, input.action);
  const same = { ...current };
  switch (input.action) {
    case 'assign': {
      if (holdsProblem(current, input.departmentId)) {
        // The department keeps its deadlines: only an approved extension moves them.
        return {
          next: { ...same, status: 'assigned' },
          note: input.note ?? null,
          data: {
            departmentId: input.departmentId,
            dueAt: current.dueAt?.toISOString() ?? null,
            signForDueAt: current.signForDueAt?.toISOString() ?? null,
            reassigned: true,
            sameDepartment: true,
            assistingDepartmentIds: input.assistingDepartmentIds ?? [],
          },
        };
      }
      return {
        next: {
          ...same,
          status: 'assigned',
          departmentId: input.departmentId,
          dueAt: input.dueAt,
          firstDueAt: input.dueAt,
          signForDueAt: input.signForDueAt,
        },
        note: input.note ?? null,
        data: {
          departmentId: input.departmentId,
          dueAt: input.dueAt.toISOString(),
          signForDueAt: input.signForDueAt.toISOString(),
          reassigned: current.status !== 'reported',
          assistingDepartmentIds: input.assistingDepartmentIds ?? [],
        },
      };
    }
    case 'accept':
      return { next: { ...same, status: 'in_progress' }, note: input.note ?? null, data: {} };
    case 'progress':
      // A public note is what the enterprise sees on its tracking page.
      return { next: same, note: input.note, data: input.public ? { public: true } : {} };
    case 'resolve':
      return { next: { ...same, status: 'resolved', resolution: input.resolution }, note: input.resolution, data: {} };
    case 'return':
      return {
        next: { ...same, status: 'reported', departmentId: null, dueAt: null, firstDueAt: null, signForDueAt: null },
        note: input.reason,
        data: { returnedBy: current.departmentId },
      };
    case 'verify': {
      const satisfied = SATISFIED.includes(input.satisfaction);
      if (satisfied && input.dueAt !== undefined)
        throw DomainError.invalidField('dueAt', 'only an unsatisfied verification sends the problem back for a redo');
      // An unsatisfied verification is a redo (返工): the department gets a new deadline for it.
      const redo = !satisfied && input.dueAt !== undefined ? redoDeadline(input.dueAt) : undefined;
      return {
        next: {
          ...same,
          ...redo?.next,
          status: satisfied ? 'closed' : 'in_progress',
          satisfaction: input.satisfaction,
          feedback: input.feedback ?? null,
          resolution: satisfied ? current.resolution : null,
        },
        note: input.feedback ?? null,
        data: { satisfaction: input.satisfaction, source: input.source ?? 'manager', ...redo?.data },
      };
    }
    case 'reopen': {
      const redo = redoDeadline(input.dueAt);
      return {
        next: { ...same, ...redo.next, status: 'in_progress', resolution: null, satisfaction: null, feedback: null },
        note: input.reason,
        data: redo.data,
      };
    }
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
    case 'request_extension':
      if (current.dueAt === null) throw DomainError.invalidField('dueAt', 'the problem has no deadline to extend');
      if (input.dueAt.getTime() <= current.dueAt.getTime())
        throw DomainError.invalidField('dueAt', 'must be after the current deadline');
      return {
        next: same,
        note: input.reason,
        data: { dueAt: input.dueAt.toISOString(), previousDueAt: current.dueAt.toISOString() },
      };
    case 'approve_extension':
      return {
        next: { ...same, dueAt: input.request.dueAt },
        note: input.note ?? null,
        data: {
          requestEventId: input.request.requestEventId,
          dueAt: input.request.dueAt.toISOString(),
          previousDueAt: current.dueAt?.toISOString() ?? null,
        },
      };
    case 'refuse_extension':
      return { next: same, note: input.reason, data: { requestEventId: input.request.requestEventId } };
    case 'assist_progress':
    case 'assist_done':
      // The assisting department's part; the problem's state stays (ProblemsService records the part).
      return { next: same, note: input.note, data: { assist: true } };
    default:
      return assertUnreachable(input);
  }
}
