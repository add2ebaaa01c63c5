import type { AuthUser } from '../access/auth-user';
import type { SqlParams } from '../common/sql';

/**
 * The one rule for who reads which visit, used by the single read, the revisions, the amendment,
 * the withdrawal and the list alike; what a user may not read answers exactly like what does not
 * exist.
 *
 * - managers and admins read every visit;
 * - an official reads a visit he recorded or went on, and every visit to an enterprise he answers
 *   for now (a responsibility still open) or answered for when the visit was made (the visit's
 *   `visited_at` inside the responsibility's period), as official or as leader;
 * - a handler reads a visit only through a problem logged with it that is assigned to his
 *   department (and the visit's problems then list only those: `visibleProblems`).
 */
export function visibleVisits(user: AuthUser, params: SqlParams, alias = 'v'): string {
  if (user.role === 'manager' || user.role === 'admin') return 'TRUE';
  if (user.role === 'handler') {
    return `EXISTS (SELECT 1 FROM problems vp WHERE vp.visit_id = ${alias}.id
                    AND vp.department_id = ${params.add(user.departmentId)}::uuid)`;
  }
  const me = `${params.add(user.id)}::uuid`;
  return `(${alias}.created_by = ${me}
    OR EXISTS (SELECT 1 FROM visit_officials vvo WHERE vvo.visit_id = ${alias}.id AND vvo.user_id = ${me})
    OR EXISTS (SELECT 1 FROM responsibilities vr
               WHERE vr.enterprise_id = ${alias}.enterprise_id AND vr.user_id = ${me}
                 AND (vr.ends_at IS NULL
                      OR (vr.starts_at <= ${alias}.visited_at AND vr.ends_at > ${alias}.visited_at))))`;
}
