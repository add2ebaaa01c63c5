import { type Satisfaction, SATISFIED } from './satisfactions';
import { FINAL_STATUSES, OPEN_STATUSES, RESOLVED_STATUSES, type Status, WITHDRAWN_STATUS } from './statuses';

/** A code of the workflow's vocabulary: what SQL may name as a literal. */
type Code = Status | Satisfaction;

/**
 * Codes as SQL literals for an `IN (…)` list: `sqlList(RESOLVED_STATUSES)` is
 * `'resolved', 'closed'`. Only for the fixed codes of src/workflow, never for client text.
 */
export function sqlList(codes: readonly Code[]): string {
  return codes.map(sqlLiteral).join(', ');
}

/** One code as a SQL literal: `'withdrawn'`. */
export function sqlLiteral(code: Code): string {
  if (!/^[a-z_]+$/.test(code)) throw new Error(`not a status code: ${code}`);
  return `'${code}'`;
}

/** `'resolved', 'closed'`: counted as resolved. */
export const RESOLVED_SQL_LIST = sqlList(RESOLVED_STATUSES);
/** `'reported', 'assigned', 'in_progress'`: still open. */
export const OPEN_SQL_LIST = sqlList(OPEN_STATUSES);
/** `'withdrawn'`: not recorded. */
export const WITHDRAWN_SQL = sqlLiteral(WITHDRAWN_STATUS);
/** `'closed', 'withdrawn'`: final. */
export const FINAL_SQL_LIST = sqlList(FINAL_STATUSES);
/** `'satisfied', 'basically_satisfied'`: counted as satisfied. */
export const SATISFIED_SQL_LIST = sqlList(SATISFIED);
