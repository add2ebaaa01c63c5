import { extensionDecisionLateral } from '../../problems/extensions.sql';
import { signForLateral, startsClock } from '../deadlines.sql';

/**
 * The weekly report's deadline section (SQL over [$1 week start, $2 the report's instant), only
 * events before $2). The rules are those of src/reports/deadlines.sql.ts and
 * src/problems/extensions.sql.ts.
 */

/**
 * Extension requests made in the week, or decided in it: the request, its department and the
 * decision taken before $2 (none while pending). Newest first, at most $3.
 */
export const WEEKLY_EXTENSIONS = `
  SELECT r.problem_id AS "problemId", p.code, p.title, dep.name AS "departmentName",
         (r.data->>'previousDueAt')::timestamptz AS "previousDueAt",
         (r.data->>'dueAt')::timestamptz AS "requestedDueAt", r.note AS reason, r.at AS "requestedAt",
         CASE WHEN d.at < $2 THEN d.type END AS "decisionType", CASE WHEN d.at < $2 THEN d.at END AS "decidedAt",
         CASE WHEN d.at < $2 THEN d.note END AS "decisionNote"
  FROM problem_events r
  JOIN problems p ON p.id = r.problem_id
  JOIN departments dep ON dep.id = r.department_id
  LEFT JOIN ${extensionDecisionLateral('r')} d ON true
  WHERE r.type = 'request_extension' AND r.at < $2
    AND (r.at >= $1 OR (d.at >= $1 AND d.at < $2))
  ORDER BY r.at DESC, r.id DESC
  LIMIT $3`;

/**
 * Late sign-fors (逾期签收): clock-starting assignments whose sign-for deadline fell in the week
 * (before $2) and that were not signed for by it: signed later, or not at all by $2. `hoursLate`
 * counts whole hours from the deadline to the sign-for, or to $2. Longest late first, at most $3.
 */
export const WEEKLY_LATE_SIGN_FOR = `
  SELECT a.problem_id AS "problemId", p.code, p.title, dep.name AS "departmentName",
         sf.sign_for_due AS "signForDueAt", sf.signed_at AS "signedForAt",
         floor(extract(epoch FROM COALESCE(sf.signed_at, $2::timestamptz) - sf.sign_for_due) / 3600)::int AS "hoursLate"
  FROM problem_events a
  JOIN problems p ON p.id = a.problem_id
  JOIN departments dep ON dep.id = a.department_id
  CROSS JOIN ${signForLateral('a', '$2::timestamptz')} sf
  WHERE ${startsClock('a')} AND a.data ? 'signForDueAt' AND a.at < $2
    -- The deadlines of the week, from their index (migration 1765500000000-SignForDeadlineIndex).
    AND event_instant(a.data->>'signForDueAt') >= $1 AND event_instant(a.data->>'signForDueAt') < $2
    AND (sf.signed_at IS NULL OR sf.signed_at > sf.sign_for_due)
  ORDER BY "hoursLate" DESC, p.code
  LIMIT $3`;
