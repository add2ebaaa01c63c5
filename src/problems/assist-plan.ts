import { assertUnreachable, DomainError, ErrorCode } from '../common/domain-error';
import { SATISFIED } from '../workflow/satisfactions';
import type { ActionInput } from './problem-workflow';

/** What an action does to the assisting parts (协办) of a problem, decided by assistPlan. */
export interface AssistPlan {
  /** Departments whose open part is cancelled. */
  cancel: string[];
  /** Departments that get a new open part (an assignment naming them). */
  open: string[];
  /** The department whose open part this action concerns (assist_progress) or completes (assist_done). */
  acting: string | null;
  /** Whether the parts that are not open stop belonging to the current assignment (a new assignment or a return). */
  retire: boolean;
  /** What the event records of it, besides the transition's data. */
  data: Record<string, unknown>;
}

/**
 * The rules of lead and assisting departments (主办/协办), as a pure function of the action, the
 * departments with an open part (`open`) and, for the assisting actions, the department acted for.
 * An assignment opens a part for each assisting department it names that has none open and
 * cancels the open parts of those it no longer names; a return, a withdrawal and a close cancel
 * every open part; a redo reopens nothing. The lead resolves only when no part is open, or with
 * `assistsNote` saying why not (recorded with the departments still open).
 */
export function assistPlan(input: ActionInput, open: readonly string[], acting: string | null): AssistPlan {
  const plan: AssistPlan = { cancel: [], open: [], acting: null, retire: false, data: {} };
  const cancelAll = () => {
    plan.cancel = [...open];
    if (plan.cancel.length) plan.data.assistsCancelled = plan.cancel;
  };
  switch (input.action) {
    case 'assign': {
      const named = input.assistingDepartmentIds ?? [];
      if (new Set(named).size !== named.length)
        throw DomainError.invalidField('assistingDepartmentIds', 'name each assisting department once');
      if (named.includes(input.departmentId))
        throw DomainError.invalidField('assistingDepartmentIds', 'the lead department cannot also assist');
      plan.cancel = open.filter((d) => !named.includes(d));
      plan.open = named.filter((d) => !open.includes(d));
      plan.retire = true;
      if (plan.open.length) plan.data.assistsOpened = plan.open;
      if (plan.cancel.length) plan.data.assistsCancelled = plan.cancel;
      return plan;
    }
    case 'return':
      cancelAll();
      plan.retire = true;
      return plan;
    case 'withdraw':
      cancelAll();
      return plan;
    case 'verify':
      if (SATISFIED.includes(input.satisfaction)) cancelAll();
      return plan;
    case 'resolve':
      if (open.length && input.assistsNote === undefined) {
        throw new DomainError(
          ErrorCode.AssistsOpen,
          'assisting departments have not finished their part; wait for them, or explain in assistsNote why you resolve without them',
          {
            errors: [{ field: 'assistsNote', message: 'required while an assisting part is open' }],
            openDepartmentIds: [...open],
          },
        );
      }
      if (input.assistsNote !== undefined) plan.data.assistsNote = input.assistsNote;
      if (open.length) plan.data.assistsOpen = [...open];
      return plan;
    case 'assist_progress':
    case 'assist_done':
      if (acting === null || !open.includes(acting)) {
        throw new DomainError(ErrorCode.Conflict, 'departmentId: that department has no open assisting part here', {
          errors: [{ field: 'departmentId', message: 'has no open assisting part on this problem' }],
        });
      }
      plan.acting = acting;
      return plan;
    case 'accept':
    case 'progress':
    case 'reopen':
    case 'escalate':
    case 'lift':
    case 'request_extension':
    case 'approve_extension':
    case 'refuse_extension':
      return plan;
    default:
      return assertUnreachable(input);
  }
}
