import {
  ACTIONS,
  allowedActions,
  invalidTransition,
  mayAct,
  ProblemState,
  transition,
  TRANSITIONS,
} from './problem-workflow';
import { ErrorCode } from '../common/domain-error';

/*
 * Each action's whole result (every field of the next state, the note and the data), written out
 * by hand, with and without the optional fields: a change to any of them fails here.
 */
const DUE = new Date('2025-06-30T16:00:00.000Z');
const LATER = new Date('2025-07-15T16:00:00.000Z');
const SIGN_FOR = new Date('2025-06-20T10:00:00.000Z');
const SIGN_FOR_LATER = new Date('2025-07-02T10:00:00.000Z');

const base: ProblemState = {
  status: 'in_progress',
  departmentId: 'dept-a',
  dueAt: DUE,
  firstDueAt: DUE,
  signForDueAt: SIGN_FOR,
  resolution: null,
  satisfaction: null,
  feedback: null,
  escalated: false,
  duplicateOf: null,
};
const resolved: ProblemState = { ...base, status: 'resolved', resolution: '已接通电源' };

describe('problem workflow: the whole result of each action', () => {
  it('assign from reported, without a note', () => {
    const reported: ProblemState = {
      ...base,
      status: 'reported',
      departmentId: null,
      dueAt: null,
      firstDueAt: null,
      signForDueAt: null,
    };
    expect(
      transition(reported, { action: 'assign', departmentId: 'dept-b', dueAt: LATER, signForDueAt: SIGN_FOR_LATER }),
    ).toEqual({
      next: {
        ...reported,
        status: 'assigned',
        departmentId: 'dept-b',
        dueAt: LATER,
        firstDueAt: LATER,
        signForDueAt: SIGN_FOR_LATER,
      },
      note: null,
      data: {
        departmentId: 'dept-b',
        dueAt: '2025-07-15T16:00:00.000Z',
        signForDueAt: '2025-07-02T10:00:00.000Z',
        reassigned: false,
        assistingDepartmentIds: [],
      },
    });
  });

  it('assign again from assigned is a reassignment, with the note', () => {
    const assigned: ProblemState = { ...base, status: 'assigned' };
    expect(
      transition(assigned, {
        action: 'assign',
        departmentId: 'dept-b',
        dueAt: LATER,
        signForDueAt: SIGN_FOR_LATER,
        note: '改派',
      }),
    ).toEqual({
      next: { ...assigned, departmentId: 'dept-b', dueAt: LATER, firstDueAt: LATER, signForDueAt: SIGN_FOR_LATER },
      note: '改派',
      data: {
        departmentId: 'dept-b',
        dueAt: '2025-07-15T16:00:00.000Z',
        signForDueAt: '2025-07-02T10:00:00.000Z',
        reassigned: true,
        assistingDepartmentIds: [],
      },
    });
  });

  it('assign to the department that holds the problem keeps both its deadlines, whatever date is given', () => {
    expect(
      transition(base, { action: 'assign', departmentId: 'dept-a', dueAt: LATER, signForDueAt: SIGN_FOR_LATER }),
    ).toEqual({
      next: { ...base, status: 'assigned' },
      note: null,
      data: {
        departmentId: 'dept-a',
        dueAt: '2025-06-30T16:00:00.000Z',
        signForDueAt: '2025-06-20T10:00:00.000Z',
        reassigned: true,
        sameDepartment: true,
        assistingDepartmentIds: [],
      },
    });
  });

  it('request, approve and refuse an extension: only the approval moves the deadline, never the first one', () => {
    expect(transition(base, { action: 'request_extension', dueAt: LATER, reason: '待省厅批复' })).toEqual({
      next: base,
      note: '待省厅批复',
      data: { dueAt: '2025-07-15T16:00:00.000Z', previousDueAt: '2025-06-30T16:00:00.000Z' },
    });
    expect(() => transition(base, { action: 'request_extension', dueAt: DUE, reason: 'x' })).toThrow(
      'dueAt: must be after the current deadline',
    );
    const request = { requestEventId: '7', dueAt: LATER };
    expect(transition(base, { action: 'approve_extension', request })).toEqual({
      next: { ...base, dueAt: LATER },
      note: null,
      data: { requestEventId: '7', dueAt: '2025-07-15T16:00:00.000Z', previousDueAt: '2025-06-30T16:00:00.000Z' },
    });
    expect(transition(base, { action: 'refuse_extension', request, reason: '理由不足' })).toEqual({
      next: base,
      note: '理由不足',
      data: { requestEventId: '7' },
    });
  });

  it('accept, with and without a note', () => {
    const assigned: ProblemState = { ...base, status: 'assigned' };
    expect(transition(assigned, { action: 'accept' })).toEqual({ next: base, note: null, data: {} });
    expect(transition(assigned, { action: 'accept', note: '已受理' })).toEqual({
      next: base,
      note: '已受理',
      data: {},
    });
  });

  it('resolve keeps the deadline and department and stores the resolution as the note', () => {
    expect(transition(base, { action: 'resolve', resolution: '已接通电源' })).toEqual({
      next: resolved,
      note: '已接通电源',
      data: {},
    });
  });

  it('return keeps the rest of the problem', () => {
    const escalated: ProblemState = { ...base, escalated: true };
    expect(transition(escalated, { action: 'return', reason: '非本单位职责' })).toEqual({
      next: {
        ...escalated,
        status: 'reported',
        departmentId: null,
        dueAt: null,
        firstDueAt: null,
        signForDueAt: null,
      },
      note: '非本单位职责',
      data: { returnedBy: 'dept-a' },
    });
  });

  it('verify satisfied without feedback closes and keeps the resolution', () => {
    expect(transition(resolved, { action: 'verify', satisfaction: 'satisfied' })).toEqual({
      next: { ...resolved, status: 'closed', satisfaction: 'satisfied', feedback: null },
      note: null,
      data: { satisfaction: 'satisfied', source: 'manager' },
    });
  });

  it('verify unsatisfied with feedback reopens the work and drops the resolution', () => {
    expect(transition(resolved, { action: 'verify', satisfaction: 'unsatisfied', feedback: '仍未通电' })).toEqual({
      next: { ...resolved, status: 'in_progress', satisfaction: 'unsatisfied', feedback: '仍未通电', resolution: null },
      note: '仍未通电',
      data: { satisfaction: 'unsatisfied', source: 'manager' },
    });
  });

  it('verify unsatisfied with a redo deadline: the round starts again with that deadline', () => {
    expect(
      transition(resolved, { action: 'verify', satisfaction: 'unsatisfied', feedback: '仍未通电', dueAt: LATER }),
    ).toEqual({
      next: {
        ...resolved,
        status: 'in_progress',
        satisfaction: 'unsatisfied',
        feedback: '仍未通电',
        resolution: null,
        dueAt: LATER,
        firstDueAt: LATER,
      },
      note: '仍未通电',
      data: { satisfaction: 'unsatisfied', source: 'manager', dueAt: '2025-07-15T16:00:00.000Z', redo: true },
    });
    expect(() => transition(resolved, { action: 'verify', satisfaction: 'satisfied', dueAt: LATER })).toThrow(
      'dueAt: only an unsatisfied verification',
    );
  });

  it('reopen clears the resolution, satisfaction and feedback, keeps the department and gives the redo its deadline', () => {
    const judged: ProblemState = { ...resolved, satisfaction: 'basically_satisfied', feedback: '基本满意' };
    expect(transition(judged, { action: 'reopen', reason: '问题复现', dueAt: LATER })).toEqual({
      next: {
        ...judged,
        status: 'in_progress',
        resolution: null,
        satisfaction: null,
        feedback: null,
        dueAt: LATER,
        firstDueAt: LATER,
      },
      note: '问题复现',
      data: { dueAt: '2025-07-15T16:00:00.000Z', redo: true },
    });
  });

  it('withdraw without a duplicate, and escalate', () => {
    expect(transition(base, { action: 'withdraw', reason: '企业撤回' })).toEqual({
      next: { ...base, status: 'withdrawn', duplicateOf: null },
      note: '企业撤回',
      data: {},
    });
    expect(transition(base, { action: 'escalate', note: '督办' })).toEqual({
      next: { ...base, escalated: true },
      note: '督办',
      data: {},
    });
  });
});

describe('problem workflow: the table itself', () => {
  it('names who acts for each action', () => {
    const actors = Object.fromEntries(ACTIONS.map((action) => [action, TRANSITIONS[action].actor]));
    expect(actors).toEqual({
      assign: 'manager',
      accept: 'department',
      progress: 'department',
      resolve: 'department',
      return: 'department',
      verify: 'manager',
      reopen: 'manager',
      withdraw: 'manager',
      escalate: 'manager',
      request_extension: 'department',
      approve_extension: 'manager',
      refuse_extension: 'manager',
      assist_progress: 'assisting',
      assist_done: 'assisting',
      lift: 'manager',
    });
  });

  it('refuses escalate, withdraw and assign once a problem is resolved', () => {
    for (const action of ['escalate', 'withdraw', 'assign'] as const) {
      expect(allowedActions('resolved')).not.toContain(action);
      expect(() =>
        transition(resolved, { action, reason: 'x', note: 'x', departmentId: 'd', dueAt: DUE } as never),
      ).toThrow(`cannot ${action} a problem whose status is resolved`);
    }
  });

  it('a refusal carries the code, status, action and allowed actions', () => {
    const error = invalidTransition('withdrawn', 'accept');
    expect(error.code).toBe(ErrorCode.InvalidTransition);
    expect(error.details).toEqual({ status: 'withdrawn', action: 'accept', allowedActions: ['lift'] });
    expect(error.message).toBe('cannot accept a problem whose status is withdrawn; allowed: lift');
    expect(invalidTransition('reported', 'verify').message).toBe(
      'cannot verify a problem whose status is reported; allowed: assign, withdraw, escalate, lift',
    );
  });

  it('a handler acts only for department actions on their own department; a manager or admin on any', () => {
    expect(mayAct({ role: 'handler', departmentId: 'dept-a' }, 'resolve', 'dept-a')).toBe(true);
    expect(mayAct({ role: 'handler', departmentId: 'dept-a' }, 'resolve', 'dept-b')).toBe(false);
    expect(mayAct({ role: 'handler', departmentId: null }, 'resolve', 'dept-a')).toBe(false);
    expect(mayAct({ role: 'handler', departmentId: 'dept-a' }, 'verify', 'dept-a')).toBe(false);
    expect(mayAct({ role: 'official', departmentId: 'dept-a' }, 'resolve', 'dept-a')).toBe(false);
    expect(mayAct({ role: 'manager', departmentId: null }, 'resolve', 'dept-b')).toBe(true);
    expect(mayAct({ role: 'admin', departmentId: null }, 'verify', null)).toBe(true);
  });
});
