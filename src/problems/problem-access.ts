import type { AuthUser } from '../access/auth-user';
import type { SqlParams } from '../common/sql';

/**
 * The one rule for who sees which problem, used by single reads, actions and lists alike: a
 * handler sees the problems their department leads (主办) and those where it has an assisting
 * part (协办) of the current assignment, open or done (they may read what they helped with); every
 * other role sees all. With `scope` 'queue' (the resolution list and the handler's queue) a
 * handler's assisting problems count only while the part is open. What a user cannot see answers
 * exactly like what does not exist.
 */
export function visibleProblems(
  user: AuthUser,
  params: SqlParams,
  alias = 'p',
  scope: 'read' | 'queue' = 'read',
): string {
  if (user.role !== 'handler') return 'TRUE';
  const department = params.add(user.departmentId);
  const part = scope === 'queue' ? `pa.status = 'open'` : `pa.current AND pa.status <> 'cancelled'`;
  // An uncorrelated array, so the planner can combine both conditions' indexes.
  return `(${alias}.department_id = ${department}::uuid OR ${alias}.id = ANY (ARRAY(
    SELECT pa.problem_id FROM problem_assists pa WHERE pa.department_id = ${department}::uuid AND ${part})))`;
}
