import type { AuthUser } from '../access/auth-user';
import type { SqlParams } from '../common/sql';

/**
 * The one rule for who sees which enterprise: officials, managers and admins see every one; a
 * handler sees only an enterprise that a problem assigned to their own department concerns. An
 * enterprise a user may not see answers exactly like one that does not exist (404).
 */
export function visibleEnterprises(user: AuthUser, params: SqlParams, alias = 'e'): string {
  if (user.role !== 'handler') return 'TRUE';
  return `EXISTS (SELECT 1 FROM problems vis_p
                  WHERE vis_p.enterprise_id = ${alias}.id AND vis_p.department_id = ${params.add(user.departmentId)}::uuid)`;
}
