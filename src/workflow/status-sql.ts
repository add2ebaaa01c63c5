import { OPEN_STATUSES, RESOLVED_STATUSES, type Status, WITHDRAWN_STATUS } from './statuses';

/**
 * The statuses as SQL literals for an `IN (…)` list: `sqlList(RESOLVED_STATUSES)` is
 * `'resolved', 'closed'`. Only for the fixed status codes above, never for client text.
 */
export function sqlList(statuses: readonly Status[]): string {
  return statuses.map(sqlLiteral).join(', ');
}

/** One status as a SQL literal: `'withdrawn'`. */
export function sqlLiteral(status: Status): string {
  if (!/^[a-z_]+$/.test(status)) throw new Error(`not a status code: ${status}`);
  return `'${status}'`;
}

/** `'resolved', 'closed'`: counted as resolved. */
export const RESOLVED_SQL_LIST = sqlList(RESOLVED_STATUSES);
/** `'reported', 'assigned', 'in_progress'`: still open. */
export const OPEN_SQL_LIST = sqlList(OPEN_STATUSES);
/** `'withdrawn'`: not recorded. */
export const WITHDRAWN_SQL = sqlLiteral(WITHDRAWN_STATUS);
