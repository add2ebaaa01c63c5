import { SATISFIED_SQL_LIST } from '../workflow/status-sql';

/**
 * The deadline rules, written once and used by the figures, the assessment, the warnings and the
 * weekly report. Each function returns a SQL fragment over the alias of a `problem_events` row
 * (columns problem_id, department_id, at, id), to be used in a LATERAL join or a WHERE clause.
 *
 * Events that give a department a deadline carry `data.dueAt`:
 * - `assign` (data.sameDepartment = true when the department already held the problem: it keeps
 *   its deadline, so that event gives no new one);
 * - a redo (返工): `reopen`, or a `verify` whose satisfaction is not satisfied, sends the problem
 *   back to its department with a new deadline for the redo;
 * - `approve_extension` moves the deadline to the approved date (data.dueAt); it is not a "first"
 *   deadline, only an extended one.
 *
 * A round starts at the problem's creation or at a redo that set a deadline. Within a round, the
 * deadline first given to a department is the one its resolution is judged by (按期办结); the
 * latest extension approved to it in the round before the resolution gives the extended deadline
 * (延期后按期). Reassigning to the same department never moves either. Events recorded before
 * these rules (a reopen without data.dueAt) start no round: the department keeps its first
 * deadline.
 */

/** A redo (返工): a reopen, or a verification that found the resolution unsatisfactory. */
export function isRedo(e: string): string {
  return `(${e}.type = 'reopen' OR (${e}.type = 'verify' AND ${e}.data->>'satisfaction' NOT IN (${SATISFIED_SQL_LIST})))`;
}

/**
 * The deadline problem `problem` had at `asOf` (SQL expressions), as a scalar subquery: the dueAt
 * of its latest event before then that gave one, an assignment, an approved extension or a redo.
 * A requested extension moves nothing until approved. It is what the problem's row held then
 * (`problems.due_at`), so a problem changed since reads the same as one that was not.
 */
export function deadlineAsOf(problem: string, asOf: string): string {
  return `(
      SELECT (d.data->>'dueAt')::timestamptz FROM problem_events d
      WHERE d.problem_id = ${problem} AND d.at < ${asOf} AND d.data ? 'dueAt'
        AND (d.type IN ('assign', 'approve_extension') OR ${isRedo('d')})
      ORDER BY d.at DESC, d.id DESC
      LIMIT 1)`;
}

/** The instant the round of event `e` began: the latest redo with a deadline before it, or -infinity. */
function roundStart(e: string): string {
  return `COALESCE((
      SELECT max(rd.at) FROM problem_events rd
      WHERE rd.problem_id = ${e}.problem_id AND rd.at < ${e}.at AND rd.data ? 'dueAt' AND ${isRedo('rd')}
    ), '-infinity'::timestamptz)`;
}

/**
 * `first_due`: the deadline first given, in the round of resolution `r`, to the department that
 * resolved it (r.department_id). NULL when that department was never given one.
 */
export function firstDueLateral(r: string): string {
  return `LATERAL (
    SELECT (g.data->>'dueAt')::timestamptz AS first_due
    FROM problem_events g
    WHERE g.problem_id = ${r}.problem_id AND g.department_id = ${r}.department_id
      AND g.at < ${r}.at AND g.at >= ${roundStart(r)}
      AND g.data ? 'dueAt'
      AND ((g.type = 'assign' AND NOT (g.data->>'sameDepartment')::boolean IS TRUE) OR ${isRedo('g')})
    ORDER BY g.at, g.id
    LIMIT 1
  )`;
}

/**
 * `extended_due`: the date of the latest extension approved to r's department in r's round before
 * r; NULL when none was. An extension decided after the resolution (or after the figure's
 * instant, since only events before it are read) changes nothing.
 */
export function extendedDueLateral(r: string): string {
  return `LATERAL (
    SELECT (x.data->>'dueAt')::timestamptz AS extended_due
    FROM problem_events x
    WHERE x.problem_id = ${r}.problem_id AND x.department_id = ${r}.department_id
      AND x.type = 'approve_extension' AND x.at < ${r}.at AND x.at >= ${roundStart(r)}
    ORDER BY x.at DESC, x.id DESC
    LIMIT 1
  )`;
}

/** On time (按期): on or before the first deadline (no deadline: on time). Needs firstDueLateral. */
export const ON_TIME = `(r_at <= COALESCE(first_due, 'infinity'))`;

/**
 * `sign_for_due`, `signed_at`: for assignment `a` (an `assign` event giving a new department the
 * problem; data.signForDueAt is its sign-for deadline, 签收时限), the department's `accept` after
 * it and before the problem next left that department (a return or an assignment elsewhere). A
 * resolution straight from `assigned` is the workflow's implicit accept, so it signs for too.
 * Assignments recorded before sign-for deadlines existed have no data.signForDueAt and are not
 * counted by the timely sign-for rate. Only events before `asOf` (a SQL expression) are read.
 */
export function signForLateral(a: string, asOf: string): string {
  return `LATERAL (
    SELECT (${a}.data->>'signForDueAt')::timestamptz AS sign_for_due,
           (SELECT min(s.at) FROM problem_events s
            WHERE s.problem_id = ${a}.problem_id AND s.department_id = ${a}.department_id
              AND (s.type = 'accept' OR (s.type = 'resolve' AND s.from_status = 'assigned'))
              AND s.at > ${a}.at AND s.at < ${asOf}
              AND s.at < COALESCE((
                SELECT min(n.at) FROM problem_events n
                WHERE n.problem_id = ${a}.problem_id AND n.at > ${a}.at
                  AND (n.type = 'return' OR (n.type = 'assign' AND n.department_id IS DISTINCT FROM ${a}.department_id))
              ), 'infinity')) AS signed_at
  )`;
}

/** An assignment that starts a department's clock: not a same-department reassignment. */
export function startsClock(a: string): string {
  return `(${a}.type = 'assign' AND NOT (${a}.data->>'sameDepartment')::boolean IS TRUE)`;
}
