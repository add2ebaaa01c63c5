import type { AuthUser } from '../access/auth-user';
import type { SqlParams } from '../common/sql';

/**
 * The one rule for who sees which key project, used by the ledger, single reads and every write:
 * managers and admins see all; a handler sees the projects their department answers for and those
 * named by a problem assigned to their department; an official sees the projects whose owner
 * enterprise they answer for now (a responsibility open at this instant). A project a user may not
 * see answers exactly like one that does not exist.
 */
export function visibleProjects(user: AuthUser, params: SqlParams, alias = 'pr'): string {
  switch (user.role) {
    case 'manager':
    case 'admin':
      return 'TRUE';
    case 'handler': {
      const department = `${params.add(user.departmentId)}::uuid`;
      return `(${alias}.department_id = ${department}
               OR EXISTS (SELECT 1 FROM problems vp WHERE vp.project_id = ${alias}.id AND vp.department_id = ${department}))`;
    }
    case 'official':
      return `EXISTS (SELECT 1 FROM responsibilities vr
                      WHERE vr.enterprise_id = ${alias}.owner_enterprise_id AND vr.user_id = ${params.add(user.id)}::uuid
                        AND vr.starts_at <= now() AND (vr.ends_at IS NULL OR vr.ends_at > now()))`;
    default:
      return 'FALSE';
  }
}

/**
 * Who may record a project's stage events and monthly investment: managers and admins, and the
 * handlers of the department that answers for the project. Everything else about a project is
 * written by managers and admins only.
 */
export function mayRecordProgress(user: AuthUser, departmentId: string | null): boolean {
  if (user.role === 'manager' || user.role === 'admin') return true;
  return user.role === 'handler' && departmentId !== null && user.departmentId === departmentId;
}
