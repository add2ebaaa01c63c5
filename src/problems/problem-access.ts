import type { AuthUser } from '../access/auth-user';
import type { SqlParams } from '../common/sql';

/**
 * The one rule for who sees which problem, used by single reads, actions and lists alike: a
 * handler sees the problems assigned to their own department; every other role sees all. What
 * a user cannot see answers exactly like what does not exist.
 */
export function visibleProblems(user: AuthUser, params: SqlParams, alias = 'p'): string {
  if (user.role !== 'handler') return 'TRUE';
  return `${alias}.department_id = ${params.add(user.departmentId)}::uuid`;
}
