import { DomainError, ErrorCode } from '../common/domain-error';
import { toErrorBody } from '../common/error.filter';
import type { Role } from '../access/role';
import { Action, ActionInput, ACTIONS, allowedActions, mayAct, ProblemState, transition } from './problem-workflow';
import { type Status, STATUSES } from '../workflow/statuses';

const DEPT = 'dept-industry';
const OTHER_DEPT = 'dept-labour';
const NEW_DEPT = 'dept-power';
const DUE = new Date('2025-04-10T16:00:00.000Z');

/** A refused cell in the matrix. */
const X = null;

/**
 * The expected transition matrix, written out from the workflow in docs/domain.md: each cell is the status
 * after the action, or X when the action is refused from that status. (verify is taken with
 * satisfaction "satisfied" in this table; the other satisfactions are tested separately below.)
 */
// prettier-ignore
const MATRIX: Record<Status, Record<Action, Status | null>> = {
  reported:    { assign: 'assigned', accept: X,             progress: X,             resolve: X,          return: X,          verify: X,        reopen: X,             withdraw: 'withdrawn', escalate: 'reported', lift: 'reported' },
  assigned:    { assign: 'assigned', accept: 'in_progress', progress: 'assigned',    resolve: 'resolved', return: 'reported', verify: X,        reopen: X,             withdraw: 'withdrawn', escalate: 'assigned', lift: 'assigned' },
  in_progress: { assign: 'assigned', accept: X,             progress: 'in_progress', resolve: 'resolved', return: 'reported', verify: X,        reopen: X,             withdraw: 'withdrawn', escalate: 'in_progress', lift: 'in_progress' },
  resolved:    { assign: X,          accept: X,             progress: X,             resolve: X,          return: X,          verify: 'closed', reopen: 'in_progress', withdraw: X,           escalate: X, lift: 'resolved' },
  closed:      { assign: X,          accept: X,             progress: X,             resolve: X,          return: X,          verify: X,        reopen: X,             withdraw: X,           escalate: X, lift: 'closed' },
  withdrawn:   { assign: X,          accept: X,             progress: X,             resolve: X,          return: X,          verify: X,        reopen: X,             withdraw: X,           escalate: X, lift: 'withdrawn' },
};

/** The expected allowed actions per status, read off the matrix rows above (in ACTIONS order). */
const EXPECTED_ALLOWED: Record<Status, Action[]> = {
  reported: ['assign', 'withdraw', 'escalate', 'lift'],
  assigned: ['assign', 'accept', 'progress', 'resolve', 'return', 'withdraw', 'escalate', 'lift'],
  in_progress: ['assign', 'progress', 'resolve', 'return', 'withdraw', 'escalate', 'lift'],
  resolved: ['verify', 'reopen', 'lift'],
  closed: ['lift'],
  withdrawn: ['lift'],
};

const INPUTS: { [A in Action]: Extract<ActionInput, { action: A }> } = {
  assign: { action: 'assign', departmentId: NEW_DEPT, dueAt: DUE, note: '请供电公司牵头' },
  accept: { action: 'accept', note: '已受理' },
  progress: { action: 'progress', note: '已协调现场踏勘' },
  resolve: { action: 'resolve', resolution: '已完成变电站扩容' },
  return: { action: 'return', reason: '不属于本单位职责' },
  verify: { action: 'verify', satisfaction: 'satisfied', feedback: '满意' },
  reopen: { action: 'reopen', reason: '企业反映问题仍存在' },
  withdraw: { action: 'withdraw', reason: '重复登记', duplicateOf: 'problem-0001' },
  escalate: { action: 'escalate', note: '列入周调度督办' },
  lift: { action: 'lift', note: '已回应，解除督办', supervisionId: 'supervision-0001' },
};

/** A problem in the given status; it has a department once it has been assigned. */
function problemIn(status: Status): ProblemState {
  const hasDepartment = status !== 'reported';
  return {
    status,
    departmentId: hasDepartment ? DEPT : null,
    dueAt: hasDepartment ? DUE : null,
    resolution: status === 'resolved' || status === 'closed' ? '已完成变电站扩容' : null,
    satisfaction: status === 'closed' ? 'satisfied' : null,
    feedback: null,
    escalated: false,
    duplicateOf: null,
  };
}

function thrownBy(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

const cells = STATUSES.flatMap((status) => ACTIONS.map((action) => ({ status, action, next: MATRIX[status][action] })));
const allowedCells = cells.filter((c) => c.next !== null);
const refusedCells = cells.filter((c) => c.next === null);

describe('problem workflow: the transition matrix', () => {
  it('covers every status and every action of the workflow (6 × 10 = 60 cells)', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...STATUSES].sort());
    for (const status of STATUSES) expect(Object.keys(MATRIX[status]).sort()).toEqual([...ACTIONS].sort());
    expect(cells).toHaveLength(60);
    expect(allowedCells).toHaveLength(24);
    expect(refusedCells).toHaveLength(36);
  });

  it.each(STATUSES.map((status) => ({ status })))('lists the allowed actions of a $status problem', ({ status }) => {
    expect(allowedActions(status)).toEqual(EXPECTED_ALLOWED[status]);
  });

  it.each(allowedCells)('$status + $action is allowed and leads to $next', ({ status, action, next }) => {
    const current = problemIn(status);
    const result = transition(current, INPUTS[action]);
    expect(result.next.status).toBe(next);

    const expectedDepartment = action === 'assign' ? NEW_DEPT : action === 'return' ? null : current.departmentId;
    expect(result.next.departmentId).toBe(expectedDepartment);
    expect(result.next.escalated).toBe(action === 'escalate');
  });

  it.each(refusedCells)('$status + $action is refused with INVALID_TRANSITION', ({ status, action }) => {
    const error = thrownBy(() => transition(problemIn(status), INPUTS[action]));
    expect(error.code).toBe(ErrorCode.InvalidTransition);
    expect(toErrorBody(error).statusCode).toBe(409);
    expect(error.details).toEqual({ status, action, allowedActions: EXPECTED_ALLOWED[status] });
    expect(error.message).toContain(`whose status is ${status}`);
  });
});

describe('problem workflow: what each action does', () => {
  it('assigning a reported problem sets the department and due date and is not a reassignment', () => {
    const result = transition(problemIn('reported'), INPUTS.assign);
    expect(result.next).toMatchObject({ status: 'assigned', departmentId: NEW_DEPT, dueAt: DUE });
    expect(result.note).toBe('请供电公司牵头');
    expect(result.data).toEqual({ departmentId: NEW_DEPT, dueAt: '2025-04-10T16:00:00.000Z', reassigned: false });
  });

  it('assigning an in-progress problem to another department is recorded as a reassignment', () => {
    const result = transition(problemIn('in_progress'), INPUTS.assign);
    expect(result.next).toMatchObject({ status: 'assigned', departmentId: NEW_DEPT });
    expect(result.data).toMatchObject({ reassigned: true });
  });

  it('returning a problem clears its department and due date and records who returned it', () => {
    const result = transition(problemIn('in_progress'), INPUTS.return);
    expect(result.next).toMatchObject({ status: 'reported', departmentId: null, dueAt: null });
    expect(result.note).toBe('不属于本单位职责');
    expect(result.data).toEqual({ returnedBy: DEPT });
  });

  it('resolving straight from assigned is an implicit accept and stores the resolution', () => {
    const result = transition(problemIn('assigned'), INPUTS.resolve);
    expect(result.next).toMatchObject({ status: 'resolved', departmentId: DEPT, resolution: '已完成变电站扩容' });
  });

  it('a progress note keeps the status and changes nothing else', () => {
    const current = problemIn('in_progress');
    const result = transition(current, INPUTS.progress);
    expect(result.next).toEqual(current);
    expect(result.note).toBe('已协调现场踏勘');
  });

  it('verify "satisfied" closes the problem and keeps its resolution', () => {
    const result = transition(problemIn('resolved'), { action: 'verify', satisfaction: 'satisfied', feedback: '满意' });
    expect(result.next).toMatchObject({
      status: 'closed',
      departmentId: DEPT,
      satisfaction: 'satisfied',
      feedback: '满意',
      resolution: '已完成变电站扩容',
    });
    expect(result.data).toEqual({ satisfaction: 'satisfied' });
  });

  it('verify "basically_satisfied" also closes the problem', () => {
    const result = transition(problemIn('resolved'), { action: 'verify', satisfaction: 'basically_satisfied' });
    expect(result.next).toMatchObject({ status: 'closed', departmentId: DEPT, satisfaction: 'basically_satisfied' });
    expect(result.next.feedback).toBeNull();
  });

  it('verify "unsatisfied" sends the problem back to in_progress with the same department', () => {
    const result = transition(problemIn('resolved'), {
      action: 'verify',
      satisfaction: 'unsatisfied',
      feedback: '仍未通电',
    });
    expect(result.next).toMatchObject({
      status: 'in_progress',
      departmentId: DEPT,
      satisfaction: 'unsatisfied',
      feedback: '仍未通电',
      resolution: null,
    });
  });

  it('reopening a resolved problem returns it to in_progress and clears resolution and feedback', () => {
    const result = transition(problemIn('resolved'), INPUTS.reopen);
    expect(result.next).toMatchObject({
      status: 'in_progress',
      departmentId: DEPT,
      resolution: null,
      satisfaction: null,
      feedback: null,
    });
  });

  it('withdrawing a duplicate records which problem it duplicates', () => {
    const result = transition(problemIn('assigned'), INPUTS.withdraw);
    expect(result.next).toMatchObject({ status: 'withdrawn', duplicateOf: 'problem-0001', departmentId: DEPT });
    expect(result.data).toEqual({ duplicateOf: 'problem-0001' });
  });

  it('withdrawing without a duplicate leaves duplicateOf empty', () => {
    const result = transition(problemIn('reported'), { action: 'withdraw', reason: '无效诉求' });
    expect(result.next.duplicateOf).toBeNull();
    expect(result.data).toEqual({});
  });

  it('escalating sets the flag and keeps the status and department', () => {
    const current = problemIn('assigned');
    const result = transition(current, INPUTS.escalate);
    expect(result.next).toEqual({ ...current, escalated: true });
    expect(result.note).toBe('列入周调度督办');
  });

  it('does not modify the problem it is given', () => {
    const current = problemIn('in_progress');
    const copy = { ...current };
    transition(current, INPUTS.return);
    expect(current).toEqual(copy);
  });

  it('the refusal message of a terminal status names the one action left, lifting a supervision', () => {
    const error = thrownBy(() => transition(problemIn('closed'), INPUTS.reopen));
    expect(error.message).toBe('cannot reopen a problem whose status is closed; allowed: lift');
  });

  it('the refusal message of an open status lists the allowed actions', () => {
    const error = thrownBy(() => transition(problemIn('resolved'), INPUTS.resolve));
    expect(error.message).toBe('cannot resolve a problem whose status is resolved; allowed: verify, reopen, lift');
  });
});

describe('problem workflow: who may act (mayAct)', () => {
  const DEPARTMENT_ACTIONS: Action[] = ['accept', 'progress', 'resolve', 'return'];
  const MANAGER_ACTIONS: Action[] = ['assign', 'verify', 'reopen', 'withdraw', 'escalate', 'lift'];

  it('splits the nine actions into four department actions and five manager actions', () => {
    expect([...DEPARTMENT_ACTIONS, ...MANAGER_ACTIONS].sort()).toEqual([...ACTIONS].sort());
  });

  const MANAGER_ROLES: Role[] = ['manager', 'admin'];
  it.each(MANAGER_ROLES.flatMap((role) => ACTIONS.map((action) => ({ role, action }))))(
    'a $role may $action on any problem, with or without a department',
    ({ role, action }) => {
      expect(mayAct({ role, departmentId: null }, action, DEPT)).toBe(true);
      expect(mayAct({ role, departmentId: OTHER_DEPT }, action, DEPT)).toBe(true);
      expect(mayAct({ role, departmentId: null }, action, null)).toBe(true);
    },
  );

  it.each(DEPARTMENT_ACTIONS.map((action) => ({ action })))(
    "a handler may $action their own department's problem",
    ({ action }) => {
      expect(mayAct({ role: 'handler', departmentId: DEPT }, action, DEPT)).toBe(true);
    },
  );

  it.each(DEPARTMENT_ACTIONS.map((action) => ({ action })))(
    "a handler may not $action another department's or an unassigned problem",
    ({ action }) => {
      expect(mayAct({ role: 'handler', departmentId: DEPT }, action, OTHER_DEPT)).toBe(false);
      expect(mayAct({ role: 'handler', departmentId: DEPT }, action, null)).toBe(false);
      expect(mayAct({ role: 'handler', departmentId: null }, action, null)).toBe(false);
    },
  );

  it.each(MANAGER_ACTIONS.map((action) => ({ action })))(
    "a handler may not $action, not even on their own department's problem",
    ({ action }) => {
      expect(mayAct({ role: 'handler', departmentId: DEPT }, action, DEPT)).toBe(false);
    },
  );

  it.each(ACTIONS.map((action) => ({ action })))('an official may not $action any problem', ({ action }) => {
    expect(mayAct({ role: 'official', departmentId: null }, action, DEPT)).toBe(false);
    expect(mayAct({ role: 'official', departmentId: DEPT }, action, DEPT)).toBe(false);
    expect(mayAct({ role: 'official', departmentId: null }, action, null)).toBe(false);
  });
});
