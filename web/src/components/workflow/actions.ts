import type { ActionName } from './labels';
import type { Problem } from './types';

/** The order the page offers actions in. */
const ORDER: ActionName[] = [
  'assign',
  'accept',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'progress',
  'resolve',
  'return',
  'verify',
  'reopen',
  'withdraw',
  'escalate',
  'assist_progress',
  'assist_done',
  'lift',
];

/** The path of an action's route: `assist_done` is POST /problems/:id/assist-done. */
export function actionPath(action: ActionName): string {
  return action.replace(/_/g, '-');
}

/**
 * The actions the signed-in user may take on this problem now. The service says which
 * (`allowedActions`, from its transition table and the user's role), so the page never offers
 * one it would refuse and the rules live in one place.
 */
export function availableActions(problem: Pick<Problem, 'allowedActions'>): ActionName[] {
  const allowed = new Set(problem.allowedActions ?? []);
  return ORDER.filter((action) => allowed.has(action));
}
