import type { CurrentUser } from '../../auth';
import type { ActionName } from './labels';
import type { Problem, Status } from './types';

/**
 * The service's transition table (src/problems/problem-workflow.ts): who may take each action
 * and from which statuses. `department` actions are for a handler of the problem's department,
 * or a manager or admin acting for it; `manager` actions for managers and admins.
 */
const OPEN: Status[] = ['reported', 'assigned', 'in_progress'];
const WITH_DEPARTMENT: Status[] = ['assigned', 'in_progress'];

const TRANSITIONS: Record<ActionName, { actor: 'manager' | 'department'; from: Status[] }> = {
  assign: { actor: 'manager', from: OPEN },
  accept: { actor: 'department', from: ['assigned'] },
  progress: { actor: 'department', from: WITH_DEPARTMENT },
  resolve: { actor: 'department', from: WITH_DEPARTMENT },
  return: { actor: 'department', from: WITH_DEPARTMENT },
  verify: { actor: 'manager', from: ['resolved'] },
  reopen: { actor: 'manager', from: ['resolved'] },
  withdraw: { actor: 'manager', from: OPEN },
  escalate: { actor: 'manager', from: OPEN },
};

const ORDER = Object.keys(TRANSITIONS) as ActionName[];

/** The actions this user may take on this problem now, in the order the page offers them. */
export function availableActions(
  problem: Pick<Problem, 'status' | 'departmentId'>,
  user: CurrentUser | null,
): ActionName[] {
  if (!user) return [];
  const manager = user.role === 'manager' || user.role === 'admin';
  return ORDER.filter((action) => {
    const rule = TRANSITIONS[action];
    if (!rule.from.includes(problem.status)) return false;
    if (manager) return true;
    return (
      rule.actor === 'department' &&
      user.role === 'handler' &&
      problem.departmentId !== null &&
      user.departmentId === problem.departmentId
    );
  });
}
