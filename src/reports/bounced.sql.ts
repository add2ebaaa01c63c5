/**
 * Bounced problems (推诿), written once and used by the problem response, the problem list's
 * filter, GET /reports/bounced and the weekly report. Each function reads only the problem events
 * before `asOf` (a SQL expression), so the flag is reproducible as of any instant.
 *
 * The route of a problem is its `assign` and `return` events in order. A step *leaves* a
 * department when it is a return (退单), or an assignment that takes the problem from the
 * department holding it to another one (a reassignment; an assignment of a problem that was
 * returned leaves nothing, the return already did). A problem is bounced when it left a
 * department twice or more, or when more than two distinct departments were assigned it.
 * Reassigning to the department that holds it (a new deadline, or none) leaves nothing.
 *
 * Only `created`, `assign` and `return` events decide who held the problem (their department_id
 * is the holder after the event), so notes of assisting departments or warnings never count.
 */

/** The route events of problem `problem` (a SQL expression) before `asOf`, with the holder before each. */
function routeEvents(problem: string, asOf: string): string {
  return `
    SELECT re.id, re.type, re.department_id, re.at, re.note,
           lag(re.department_id) OVER (ORDER BY re.at, re.id) AS held_by
    FROM problem_events re
    WHERE re.problem_id = ${problem} AND re.at < ${asOf} AND re.type IN ('created', 'assign', 'return')`;
}

/** A route event `r` (from routeEvents) that took the problem away from a department. */
const LEAVES = `(r.type = 'return' OR (r.type = 'assign' AND r.held_by IS NOT NULL AND r.held_by <> r.department_id))`;

/**
 * `LATERAL` columns `departures` (times the problem left a department) and `departments` (distinct
 * departments assigned) of problem `problem` as of `asOf`.
 */
export function routeCountsLateral(problem: string, asOf: string): string {
  return `LATERAL (
    SELECT count(*) FILTER (WHERE ${LEAVES})::int AS departures,
           count(DISTINCT r.department_id) FILTER (WHERE r.type = 'assign')::int AS departments
    FROM (${routeEvents(problem, asOf)}) r
  )`;
}

/** Bounced, over the columns of routeCountsLateral aliased `alias`. */
export const bouncedCondition = (alias: string) => `(${alias}.departures >= 2 OR ${alias}.departments > 2)`;

/** Is problem `p` (an alias of problems) bounced as of `asOf`? A boolean expression. */
export function isBouncedSql(p: string, asOf: string): string {
  return `(SELECT ${bouncedCondition('rc')} FROM ${routeCountsLateral(`${p}.id`, asOf)} rc)`;
}

/**
 * The bounced problems with a route event (an assignment or a return) in [from, to) and bounced
 * as of `asOf` (all three SQL expressions): their ids and how often they left a department,
 * problems that left most often first. `scope` is a condition on `p` (who may see which problem).
 */
export function bouncedIdsSql(from: string, to: string, asOf: string, scope = 'TRUE'): string {
  return `
    SELECT p.id, rc.departures, rc.departments
    FROM problems p
    CROSS JOIN ${routeCountsLateral('p.id', asOf)} rc
    WHERE ${bouncedCondition('rc')} AND ${scope}
      AND EXISTS (SELECT 1 FROM problem_events m
                  WHERE m.problem_id = p.id AND m.type IN ('assign', 'return')
                    AND m.at >= ${from} AND m.at < ${to} AND m.at < ${asOf})
    ORDER BY rc.departures DESC, rc.departments DESC, p.code`;
}

/**
 * The problems of `found` (a FROM item named `b`, of bouncedIdsSql's columns) with their route as of `asOf`:
 * each department in the order it was assigned, and how the problem left it (returned with its
 * reason, or reassigned); in bouncedIdsSql's order.
 */
export function bouncedRoutesSql(found: string, asOf: string): string {
  return `
    SELECT p.id, p.code, p.title, p.status, e.name AS "enterpriseName", dep.name AS "departmentName",
           p.department_id AS "departmentId", b.departures, b.departments, route.steps AS route
    FROM ${found}
    JOIN problems p ON p.id = b.id
    JOIN enterprises e ON e.id = p.enterprise_id
    LEFT JOIN departments dep ON dep.id = p.department_id
    CROSS JOIN LATERAL (
      SELECT COALESCE(jsonb_agg(jsonb_build_object(
               'departmentId', a.department_id, 'departmentName', d.name,
               'assignedAt', to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'left', CASE WHEN nxt.type = 'return' THEN 'returned'
                            WHEN nxt.type = 'assign' THEN 'reassigned' END,
               'reason', CASE WHEN nxt.type = 'return' THEN nxt.note END)
             ORDER BY a.at, a.id), '[]'::jsonb) AS steps
      FROM (${routeEvents('p.id', asOf)}) a
      JOIN departments d ON d.id = a.department_id
      LEFT JOIN LATERAL (
        SELECT n.type, n.note FROM (${routeEvents('p.id', asOf)}) n
        WHERE (n.at, n.id) > (a.at, a.id)
          AND (n.type = 'return' OR (n.type = 'assign' AND n.department_id <> a.department_id))
          AND n.held_by = a.department_id
        ORDER BY n.at, n.id LIMIT 1
      ) nxt ON true
      WHERE a.type = 'assign' AND a.held_by IS DISTINCT FROM a.department_id
    ) route
    ORDER BY b.departures DESC, b.departments DESC, p.code`;
}

/** bouncedIdsSql's problems with their route. */
export function bouncedProblemsSql(from: string, to: string, asOf: string, scope = 'TRUE'): string {
  return bouncedRoutesSql(`(${bouncedIdsSql(from, to, asOf, scope)}) b`, asOf);
}
