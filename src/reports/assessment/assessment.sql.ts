import { SATISFIED_SQL_LIST } from '../../workflow/status-sql';
import { firstDueLateral, isRedo, ON_TIME, signForLateral, startsClock } from '../deadlines.sql';
import { onlyOf } from '../figures.sql';

/**
 * The department assessment (考核, docs/domain.md "Department assessment") is computed from one row
 * per scored item, so that the score and its drill-down come from the same rows. Parameters:
 * $1 the period's start, $2 its end (exclusive), $3 the instant asOf (only events before it are
 * read), $4 the report time zone (for an answer-by date given without a time).
 *
 * Every item row: the component it counts in, the department it is charged to, the problem and
 * the event behind it, when it happened, `ok` (its verdict: true counts for the department) and
 * `due` / `done` (the deadline it was judged by and when the department met it, where that applies)
 * and `level` (a supervision's level). Components:
 *
 * - `signFor`: an assignment that starts a department's clock (deadlines.sql.ts `startsClock`)
 *   made in the period and carrying a sign-for deadline, once decided: signed for by asOf, or its
 *   sign-for deadline passed by asOf. ok: signed for on or before that deadline.
 * - `assignment`: every assignment that starts a department's clock, made in the period (the
 *   denominator of returns); always ok.
 * - `return`: a return (退单) in the period, charged to the department that returned it; never ok.
 * - `onTime`: a resolution (each `resolve` event) in the period by the department that resolved
 *   it; ok: on or before the first deadline given to that department in its round (ON_TIME).
 * - `redo`: a redo (返工: a reopen, or an unsatisfied verification) in the period, charged to the
 *   department the problem goes back to; never ok.
 * - `satisfaction`: a verification in the period, charged to the department that resolved the
 *   problem; ok: satisfied or basically satisfied.
 * - `supervision`: an escalation (督办, any level) in the period of a problem a department held,
 *   charged to that department; ok: not overdue. Overdue: it has an answer-by date that passed
 *   before asOf, the department had not answered by then (its next `progress`, `request_extension`
 *   or `resolve` after the escalation) and it had not been lifted by then. Supervision is scored
 *   from the `escalate` and `lift` events, the record every supervision leaves.
 */

/** An answer-by value as an instant: a bare date means the end of that day in the report zone ($4). */
const answerBy = (e: string) => `CASE
      WHEN ${e}.data->>'answerBy' ~ '^\\d{4}-\\d{2}-\\d{2}$'
        THEN (((${e}.data->>'answerBy')::date + 1)::timestamp AT TIME ZONE $4)
      ELSE (${e}.data->>'answerBy')::timestamptz
    END`;

/** Events of the period [$1, $2) recorded before asOf ($3); with `problems`, of those problems only. */
const inPeriod = (e: string, problems?: string) =>
  `${e}.at >= $1 AND ${e}.at < $2 AND ${e}.at < $3${onlyOf(e, problems)}`;

/** The items; with `problems` (a uuid[] placeholder, $5), those of the problems it lists only. */
const assessmentItems = (problems?: string) => `
  WITH assignments AS (
    SELECT a.id, a.problem_id, a.department_id, a.at, sf.sign_for_due, sf.signed_at
    FROM problem_events a
    CROSS JOIN ${signForLateral('a', '$3')} sf
    WHERE ${startsClock('a')} AND a.department_id IS NOT NULL AND ${inPeriod('a', problems)}
  ),
  resolutions AS (
    SELECT r.id, r.problem_id, r.department_id, r.at AS r_at, fd.first_due
    FROM problem_events r
    LEFT JOIN ${firstDueLateral('r')} fd ON true
    WHERE r.type = 'resolve' AND r.department_id IS NOT NULL AND ${inPeriod('r', problems)}
  ),
  supervisions AS (
    SELECT s.id, s.problem_id, s.department_id, s.at,
           COALESCE(s.data->>'level', 'supervision') AS level,
           ${answerBy('s')} AS answer_by,
           (SELECT min(x.at) FROM problem_events x
            WHERE x.problem_id = s.problem_id AND x.department_id = s.department_id AND x.at > s.at AND x.at < $3
              AND x.type IN ('progress', 'request_extension', 'resolve')) AS answered_at,
           (SELECT min(x.at) FROM problem_events x
            WHERE x.problem_id = s.problem_id AND x.type = 'lift' AND x.at > s.at AND x.at < $3) AS lifted_at
    FROM problem_events s
    WHERE s.type = 'escalate' AND s.department_id IS NOT NULL AND ${inPeriod('s', problems)}
  ),
  items AS (
    SELECT 'signFor' AS component, department_id, problem_id, id AS event_id, at,
           COALESCE(signed_at <= sign_for_due, false) AS ok, sign_for_due AS due, signed_at AS done, NULL::text AS level
    FROM assignments
    WHERE sign_for_due IS NOT NULL AND (signed_at IS NOT NULL OR sign_for_due < $3)
    UNION ALL
    SELECT 'assignment', department_id, problem_id, id, at, true, NULL, NULL, NULL
    FROM assignments
    UNION ALL
    SELECT 'return', (e.data->>'returnedBy')::uuid, e.problem_id, e.id, e.at, false, NULL, NULL, NULL
    FROM problem_events e
    WHERE e.type = 'return' AND e.data ? 'returnedBy' AND ${inPeriod('e', problems)}
    UNION ALL
    SELECT 'onTime', department_id, problem_id, id, r_at, ${ON_TIME}, first_due, r_at, NULL
    FROM resolutions
    UNION ALL
    SELECT 'redo', e.department_id, e.problem_id, e.id, e.at, false, (e.data->>'dueAt')::timestamptz, NULL, NULL
    FROM problem_events e
    WHERE ${isRedo('e')} AND e.department_id IS NOT NULL AND ${inPeriod('e', problems)}
    UNION ALL
    SELECT 'satisfaction', e.department_id, e.problem_id, e.id, e.at,
           e.data->>'satisfaction' IN (${SATISFIED_SQL_LIST}), NULL, NULL, e.data->>'satisfaction'
    FROM problem_events e
    WHERE e.type = 'verify' AND e.department_id IS NOT NULL AND ${inPeriod('e', problems)}
    UNION ALL
    SELECT 'supervision', department_id, problem_id, id, at,
           NOT (answer_by IS NOT NULL AND answer_by < $3
                AND COALESCE(answered_at, 'infinity') > answer_by
                AND COALESCE(lifted_at, 'infinity') > answer_by),
           answer_by, COALESCE(answered_at, lifted_at), level
    FROM supervisions
  )`;

export interface AssessmentItemRow {
  component: 'signFor' | 'assignment' | 'return' | 'onTime' | 'redo' | 'satisfaction' | 'supervision';
  departmentId: string;
  problemId: string;
  eventId: string;
  at: Date;
  ok: boolean;
  due: Date | null;
  done: Date | null;
  level: string | null;
}

/** The items of every department counted by component, verdict and level: what the ranking needs. */
export const assessmentCounts = (problems?: string) => `${assessmentItems(problems)}
  SELECT i.department_id AS "departmentId", i.component, i.ok, i.level, count(*)::int AS count
  FROM items i
  GROUP BY 1, 2, 3, 4`;

/**
 * The instants at or after $3 at which an item made before $3 changes its verdict with no event:
 * an assignment's sign-for deadline, a supervision's answer-by date.
 */
export const assessmentDeadlines = (problems?: string) => `
  SELECT a.problem_id::text AS "problemId", (a.data->>'signForDueAt')::timestamptz AS at
  FROM problem_events a
  WHERE ${startsClock('a')} AND a.department_id IS NOT NULL AND ${inPeriod('a', problems)}
    AND (a.data->>'signForDueAt')::timestamptz >= $3
  UNION ALL
  SELECT s.problem_id::text, ${answerBy('s')}
  FROM problem_events s
  WHERE s.type = 'escalate' AND s.department_id IS NOT NULL AND ${inPeriod('s', problems)} AND ${answerBy('s')} >= $3`;

/** A row of ASSESSMENT_COUNTS, which the settled figures may keep: no name, which a rename changes. */
export interface AssessmentCountRow {
  departmentId: string;
  component: AssessmentItemRow['component'];
  ok: boolean;
  level: string | null;
  count: number;
}

export const DEPARTMENT_NAMES = `SELECT id::text AS id, name FROM departments`;

/** One department's items (its drill-down), with the problem each concerns; $5 the department. */
export const ASSESSMENT_DEPARTMENT_ITEMS = `${assessmentItems()}
  SELECT i.component, i.department_id AS "departmentId", i.problem_id AS "problemId", i.event_id::text AS "eventId",
         i.at, i.ok, i.due, i.done, i.level, p.code, p.title
  FROM items i
  JOIN problems p ON p.id = i.problem_id
  WHERE i.department_id = $5
  ORDER BY i.at, i.event_id`;

export interface AssessmentDepartmentItemRow extends AssessmentItemRow {
  code: string;
  title: string;
}
