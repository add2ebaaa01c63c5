import { DomainError, ErrorCode } from '../common/domain-error';
import { toErrorBody } from '../common/error.filter';
import type { Role } from '../access/role';
import { Action, ActionInput, ACTIONS, allowedActions, mayAct, ProblemState, transition } from './problem-workflow';
import { assistPlan } from './assist-plan';
import { type Status, STATUSES } from '../workflow/statuses';

const DEPT = 'dept-industry';
const OTHER_DEPT = 'dept-labour';
const NEW_DEPT = 'dept-power';
const DUE = new Date('2025-04-10T16:00:00.000Z');
const LATER = new Date('2025-04-20T16:00:00.000Z');
const SIGN_FOR = new Date('2025-03-28T10:00:00.000Z');

/** A refused cell in the matrix. */
const X = null;

/**
 * The expected transition matrix, written out from the workflow in docs/domain.md: each cell is the status
 * after the action, or X when the action is refused from that status. (verify is taken with
 * satisfaction "satisfied" in this table; the other satisfactions are tested separately below.)
 */
// prettier-ignore
const MATRIX: Record<Status, Record<Action, Status | null>> = {
  reported:    { assign: 'assigned', accept: X,             progress: X,             resolve: X,          return: X,          verify: X,        reopen: X,             withdraw: 'withdrawn', escalate: 'reported', request_extension: X, approve_extension: X, refuse_extension: X, assist_progress: X, assist_done: X, lift: 'reported' },
  assigned:    { assign: 'assigned', accept: 'in_progress', progress: 'assigned',    resolve: 'resolved', return: 'reported', verify: X,        reopen: X,             withdraw: 'withdrawn', escalate: 'assigned', request_extension: 'assigned', approve_extension: 'assigned', refuse_extension: 'assigned', assist_progress: 'assigned', assist_done: 'assigned', lift: 'assigned' },
  in_progress: { assign: 'assigned', accept: X,             progress: 'in_progress', resolve: 'resolved', return: 'reported', verify: X,        reopen: X,             withdraw: 'withdrawn', escalate: 'in_progress', request_extension: 'in_progress', approve_extension: 'in_progress', refuse_extension: 'in_progress', assist_progress: 'in_progress', assist_done: 'in_progress', lift: 'in_progress' },
  resolved:    { assign: X,          accept: X,             progress: X,             resolve: X,          return: X,          verify: 'closed', reopen: 'in_progress', withdraw: X,           escalate: X, request_extension: X, approve_extension: X, refuse_extension: X, assist_progress: X, assist_done: X, lift: 'resolved' },
  closed:      { assign: X,          accept: X,             progress: X,             resolve: X,          return: X,          verify: X,        reopen: X,             withdraw: X,           escalate: X, request_extension: X, approve_extension: X, refuse_extension: X, assist_progress: X, assist_done: X, lift: 'closed' },
  withdrawn:   { assign: X,          accept: X,             progress: X,             resolve: X,          return: X,          verify: X,        reopen: X,             withdraw: X,           escalate: X, request_extension: X, approve_extension: X, refuse_extension: X, assist_progress: X, assist_done: X, lift: 'withdrawn' },
};

/** The expected allowed actions per status, read off the matrix rows above (in ACTIONS order). */
const EXPECTED_ALLOWED: Record<Status, Action[]> = {
  reported: ['assign', 'withdraw', 'escalate', 'lift'],
  assigned: [
    'assign',
    'accept',
    'progress',
    'resolve',
    'return',
    'withdraw',
    'escalate',
    'request_extension',
    'approve_extension',
    'refuse_extension',
    'assist_progress',
    'assist_done',
    'lift',
  ],
  in_progress: [
    'assign',
    'progress',
    'resolve',
    'return',
    'withdraw',
    'escalate',
    'request_extension',
    'approve_extension',
    'refuse_extension',
    'assist_progress',
    'assist_done',
    'lift',
  ],
  resolved: ['verify', 'reopen', 'lift'],
  closed: ['lift'],
  withdrawn: ['lift'],
};

const INPUTS: { [A in Action]: Extract<ActionInput, { action: A }> } = {
  assign: { action: 'assign', departmentId: NEW_DEPT, dueAt: DUE, signForDueAt: SIGN_FOR, note: '请供电公司牵头' },
  accept: { action: 'accept', note: '已受理' },
  progress: { action: 'progress', note: '已协调现场踏勘' },
  resolve: { action: 'resolve', resolution: '已完成变电站扩容' },
  return: { action: 'return', reason: '不属于本单位职责' },
  verify: { action: 'verify', satisfaction: 'satisfied', feedback: '满意' },
  reopen: { action: 'reopen', reason: '企业反映问题仍存在', dueAt: LATER },
  withdraw: { action: 'withdraw', reason: '重复登记', duplicateOf: 'problem-0001' },
  escalate: { action: 'escalate', note: '列入周调度督办' },
  request_extension: { action: 'request_extension', dueAt: LATER, reason: '需等待省级批复' },
  approve_extension: { action: 'approve_extension', request: { requestEventId: '41', dueAt: LATER } },
  refuse_extension: {
    action: 'refuse_extension',
    request: { requestEventId: '41', dueAt: LATER },
    reason: '理由不充分',
  },
  assist_progress: { action: 'assist_progress', note: '已提供用地资料' },
  assist_done: { action: 'assist_done', note: '协办事项已完成' },
  lift: { action: 'lift', note: '已回应，解除督办', supervisionId: 'supervision-0001' },
};

/** A problem in the given status; it has a department once it has been assigned. */
function problemIn(status: Status): ProblemState {
  const hasDepartment = status !== 'reported';
  return {
    status,
    departmentId: hasDepartment ? DEPT : null,
    dueAt: hasDepartment ? DUE : null,
    firstDueAt: hasDepartment ? DUE : null,
    signForDueAt: hasDepartment ? SIGN_FOR : null,
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
  it('covers every status and every action of the workflow (6 × 15 = 90 cells)', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...STATUSES].sort());
    for (const status of STATUSES) expect(Object.keys(MATRIX[status]).sort()).toEqual([...ACTIONS].sort());
    expect(cells).toHaveLength(90);
    expect(allowedCells).toHaveLength(34);
    expect(refusedCells).toHaveLength(56);
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
    expect(result.data).toEqual({
      departmentId: NEW_DEPT,
      dueAt: '2025-04-10T16:00:00.000Z',
      signForDueAt: '2025-03-28T10:00:00.000Z',
      reassigned: false,
      assistingDepartmentIds: [],
    });
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
    expect(result.data).toEqual({ satisfaction: 'satisfied', source: 'manager' });
  });

  it("verify by the enterprise records its source; the transition is the manager's", () => {
    const result = transition(problemIn('resolved'), {
      action: 'verify',
      satisfaction: 'unsatisfied',
      source: 'enterprise',
    });
    expect(result.next.status).toBe('in_progress');
    expect(result.data).toEqual({ satisfaction: 'unsatisfied', source: 'enterprise' });
  });

  it('a progress note marked public says so in its data; others carry none', () => {
    expect(transition(problemIn('in_progress'), { ...INPUTS.progress, public: true }).data).toEqual({ public: true });
    expect(transition(problemIn('in_progress'), { ...INPUTS.progress, public: false }).data).toEqual({});
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
  const DEPARTMENT_ACTIONS: Action[] = ['accept', 'progress', 'resolve', 'return', 'request_extension'];
  const MANAGER_ACTIONS: Action[] = [
    'assign',
    'verify',
    'reopen',
    'withdraw',
    'escalate',
    'approve_extension',
    'refuse_extension',
    'lift',
  ];
  const ASSISTING_ACTIONS: Action[] = ['assist_progress', 'assist_done'];

  it('splits the fifteen actions into five department, eight manager and two assisting actions', () => {
    expect([...DEPARTMENT_ACTIONS, ...MANAGER_ACTIONS, ...ASSISTING_ACTIONS].sort()).toEqual([...ACTIONS].sort());
  });

  it.each(ASSISTING_ACTIONS.map((action) => ({ action })))(
    'only a handler of a department with an open assisting part may $action (not the lead)',
    ({ action }) => {
      expect(mayAct({ role: 'handler', departmentId: OTHER_DEPT }, action, DEPT, [OTHER_DEPT])).toBe(true);
      expect(mayAct({ role: 'handler', departmentId: DEPT }, action, DEPT, [OTHER_DEPT])).toBe(false);
      expect(mayAct({ role: 'handler', departmentId: NEW_DEPT }, action, DEPT, [OTHER_DEPT])).toBe(false);
      expect(mayAct({ role: 'official', departmentId: OTHER_DEPT }, action, DEPT, [OTHER_DEPT])).toBe(false);
    },
  );

  it.each(DEPARTMENT_ACTIONS.map((action) => ({ action })))(
    "an assisting department's handler may not $action: those are the lead's",
    ({ action }) => {
      expect(mayAct({ role: 'handler', departmentId: OTHER_DEPT }, action, DEPT, [OTHER_DEPT])).toBe(false);
    },
  );

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

describe('problem workflow: lead and assisting departments (assistPlan)', () => {
  const assign = (ids: string[]): ActionInput => ({ ...INPUTS.assign, assistingDepartmentIds: ids });

  it('an assignment opens a part for each assisting department it names', () => {
    expect(assistPlan(assign([OTHER_DEPT, DEPT]), [], null)).toEqual({
      cancel: [],
      open: [OTHER_DEPT, DEPT],
      acting: null,
      retire: true,
      data: { assistsOpened: [OTHER_DEPT, DEPT] },
    });
  });

  it('a reassignment keeps the open parts it names again, cancels the others and opens the new ones', () => {
    const plan = assistPlan(assign([OTHER_DEPT, 'dept-tax']), [OTHER_DEPT, DEPT], null);
    expect(plan.cancel).toEqual([DEPT]);
    expect(plan.open).toEqual(['dept-tax']);
    expect(plan.data).toEqual({ assistsOpened: ['dept-tax'], assistsCancelled: [DEPT] });
  });

  it('refuses the lead as an assisting department, and a department named twice', () => {
    expect(thrownBy(() => assistPlan(assign([NEW_DEPT]), [], null)).details.errors).toEqual([
      { field: 'assistingDepartmentIds', message: 'the lead department cannot also assist' },
    ]);
    expect(thrownBy(() => assistPlan(assign([DEPT, DEPT]), [], null)).code).toBe(ErrorCode.ValidationFailed);
  });

  it('return, withdraw and a satisfied verification cancel every open part; a redo reopens none', () => {
    expect(assistPlan(INPUTS.return, [DEPT], null)).toMatchObject({ cancel: [DEPT], retire: true });
    expect(assistPlan(INPUTS.withdraw, [DEPT], null)).toMatchObject({ cancel: [DEPT], retire: false });
    expect(assistPlan(INPUTS.verify, [DEPT], null).data).toEqual({ assistsCancelled: [DEPT] });
    expect(assistPlan({ action: 'verify', satisfaction: 'unsatisfied' }, [DEPT], null).cancel).toEqual([]);
    expect(assistPlan(INPUTS.reopen, [], null)).toMatchObject({ cancel: [], open: [] });
  });

  it('the lead resolves while a part is open only with assistsNote, recorded with the open departments', () => {
    const error = thrownBy(() => assistPlan(INPUTS.resolve, [OTHER_DEPT], null));
    expect(error.code).toBe(ErrorCode.AssistsOpen);
    expect(toErrorBody(error).statusCode).toBe(409);
    expect(error.details.openDepartmentIds).toEqual([OTHER_DEPT]);
    expect(
      assistPlan({ ...INPUTS.resolve, assistsNote: '协办单位已口头答复' } as ActionInput, [OTHER_DEPT], null).data,
    ).toEqual({ assistsNote: '协办单位已口头答复', assistsOpen: [OTHER_DEPT] });
    expect(assistPlan(INPUTS.resolve, [], null).data).toEqual({});
  });

  it('an assisting action needs an open part of the department acted for', () => {
    expect(assistPlan(INPUTS.assist_done, [OTHER_DEPT], OTHER_DEPT).acting).toBe(OTHER_DEPT);
    expect(thrownBy(() => assistPlan(INPUTS.assist_done, [OTHER_DEPT], DEPT)).code).toBe(ErrorCode.Conflict);
  });

  it('records the assisting actions as notes that keep the state', () => {
    const current = problemIn('in_progress');
    expect(transition(current, INPUTS.assist_progress)).toEqual({
      next: current,
      note: '已提供用地资料',
      data: { assist: true },
    });
  });
});

describe('problem workflow: the edges of the new actions', () => {
  it('a handler takes no assisting action unless a part of their department is named as open', () => {
    const handler = { role: 'handler' as Role, departmentId: OTHER_DEPT };
    expect(mayAct(handler, 'assist_done', DEPT)).toBe(false);
    expect(mayAct(handler, 'assist_done', DEPT, [OTHER_DEPT])).toBe(true);
  });

  it('a same-department reassignment of a problem without deadlines keeps them empty', () => {
    const current = { ...problemIn('in_progress'), dueAt: null, signForDueAt: null };
    const { data } = transition(current, { ...INPUTS.assign, departmentId: DEPT });
    expect(data).toMatchObject({ dueAt: null, signForDueAt: null, sameDepartment: true });
  });

  it('an escalation records the supervision it opens; a lift names the one it ends', () => {
    const supervision = { id: 'sup-1', level: 'listed' as const, leaderId: 'leader-1', answerBy: LATER };
    expect(transition(problemIn('assigned'), { ...INPUTS.escalate, supervision }).data).toEqual({
      supervisionId: 'sup-1',
      level: 'listed',
      leaderId: 'leader-1',
      answerBy: LATER.toISOString(),
    });
    expect(transition({ ...problemIn('assigned'), escalated: true }, INPUTS.lift)).toMatchObject({
      next: { escalated: false },
      data: { supervisionId: 'supervision-0001' },
    });
  });

  it('an extension needs a deadline to extend; an approval records none before when there was none', () => {
    const noDeadline = { ...problemIn('in_progress'), dueAt: null };
    expect(thrownBy(() => transition(noDeadline, INPUTS.request_extension)).message).toBe(
      'dueAt: the problem has no deadline to extend',
    );
    expect(transition(noDeadline, INPUTS.approve_extension).data).toMatchObject({ previousDueAt: null });
  });

  it('assistPlan records only what happened: no empty lists, and no part for an assignment naming none', () => {
    expect(assistPlan(INPUTS.withdraw, [], null).data).toEqual({});
    expect(assistPlan(INPUTS.assign, [], null)).toMatchObject({ open: [], cancel: [], data: {} });
    expect(assistPlan({ ...INPUTS.assign, assistingDepartmentIds: [DEPT] }, [DEPT], null).data).toEqual({});
  });

  it('names the field and the rule when a department is named twice or a resolution leaves parts open', () => {
    expect(
      thrownBy(() => assistPlan({ ...INPUTS.assign, assistingDepartmentIds: [DEPT, DEPT] }, [], null)).message,
    ).toBe('assistingDepartmentIds: name each assisting department once');
    const open = thrownBy(() => assistPlan(INPUTS.resolve, [OTHER_DEPT], null));
    expect(open.message).toBe(
      'assisting departments have not finished their part; wait for them, or explain in assistsNote why you resolve without them',
    );
    expect(open.details.errors).toEqual([
      { field: 'assistsNote', message: 'required while an assisting part is open' },
    ]);
    const elsewhere = thrownBy(() => assistPlan(INPUTS.assist_progress, [OTHER_DEPT], null));
    expect(elsewhere.message).toBe('departmentId: that department has no open assisting part here');
    expect(elsewhere.details.errors).toEqual([
      { field: 'departmentId', message: 'has no open assisting part on this problem' },
    ]);
  });

  it('the lead resolving with every part done records nothing about parts, even with a note', () => {
    expect(assistPlan({ ...INPUTS.resolve, assistsNote: '已完成' } as ActionInput, [], null).data).toEqual({
      assistsNote: '已完成',
    });
  });

  it.each([
    'accept',
    'progress',
    'reopen',
    'escalate',
    'lift',
    'request_extension',
    'approve_extension',
    'refuse_extension',
  ] as const)('%s leaves the assisting parts as they are', (action) => {
    expect(assistPlan(INPUTS[action], [OTHER_DEPT], null)).toEqual({
      cancel: [],
      open: [],
      acting: null,
      retire: false,
      data: {},
    });
  });
});
