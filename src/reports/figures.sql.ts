import { SATISFIED_SQL_LIST } from '../workflow/status-sql';
import { extendedDueLateral, firstDueLateral, isRedo, ON_TIME, signForLateral, startsClock } from './deadlines.sql';
import type { GroupBy } from './resolution-rate.sql';

/**
 * The figures taken over events in a window [$1, $2) that happened before the instant $3 (asOf).
 * Each query groups by `key`: one of GROUP_KEYS, or the constant 'total'.
 *
 * - on-time rate (按期办结率): problems resolved in the window (their last resolve there), those
 *   resolved on or before the deadline first given, in that round, to the department that resolved
 *   (deadlines.sql.ts: neither a same-department reassignment nor an extension moves it);
 * - on time with an approved extension (延期后按期): of the same, those resolved on or before the
 *   latest extension approved to that department in the round before the resolution, or the first
 *   deadline when none was;
 * - timely sign-for rate (及时签收率): assignments in the window that start a department's clock and
 *   carry a sign-for deadline, counted once the deadline has passed or they were signed for, by
 *   the instant; timely: signed for on or before the deadline;
 * - redos (返工): reopens and unsatisfied verifications in the window, under their department;
 * - median days to resolve: from reportedAt to that resolve, in days;
 * - satisfaction rate (满意率): problems verified in the window (their last verification there),
 *   those verified satisfied or basically satisfied; of the verified, how many that last
 *   verification came from the enterprise on its tracking page (`data.source = 'enterprise'`) and
 *   how many a manager recorded (`'manager'`, or no source: verifications before it was recorded);
 * - returns (退单): return events in the window, under the department that returned the problem.
 */
const WINDOW_EVENTS = `
  WITH ev AS (
    SELECT e.id, e.type, e.at, e.data, e.problem_id, p.reported_at, p.category_code,
           ent.district_code, ent.industry,
           CASE WHEN e.type = 'return' THEN (e.data->>'returnedBy')::uuid ELSE e.department_id END AS department_id
    FROM problem_events e
    JOIN problems p ON p.id = e.problem_id
    JOIN enterprises ent ON ent.id = p.enterprise_id
    WHERE e.type = ANY($4::text[]) AND e.at >= $1 AND e.at < $2 AND e.at < $3
  ),
  latest AS (
    SELECT DISTINCT ON (problem_id, type) * FROM ev WHERE type <> 'return' ORDER BY problem_id, type, at DESC, id DESC
  )`;

/** The SQL expression a group is keyed by, over the `ev`/`latest` columns. */
export const GROUP_KEYS: Record<GroupBy | 'total', string> = {
  total: `'total'`,
  department: 'department_id::text',
  district: 'district_code',
  category: 'category_code',
  industry: 'industry',
};

export const resolvedFigures = (key: string) => `${WINDOW_EVENTS}
  SELECT ${key} AS key,
         count(*)::int AS resolved,
         count(*) FILTER (WHERE ${ON_TIME})::int AS on_time,
         count(*) FILTER (WHERE r_at <= COALESCE(extended_due, first_due, 'infinity'))::int AS on_time_with_extension,
         round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r_at - reported_at)) / 86400)::numeric, 1)::float8
           AS median_days
  FROM (
    SELECT l.*, l.at AS r_at, fd.first_due, xd.extended_due
    FROM latest l
    LEFT JOIN ${firstDueLateral('l')} fd ON true
    LEFT JOIN ${extendedDueLateral('l')} xd ON true
    WHERE l.type = 'resolve'
  ) r
  GROUP BY 1`;

export const signForFigures = (key: string) => `${WINDOW_EVENTS}
  SELECT ${key} AS key,
         count(*) FILTER (WHERE sf.signed_at IS NOT NULL OR sf.sign_for_due < $3)::int AS due,
         count(*) FILTER (WHERE sf.signed_at <= sf.sign_for_due)::int AS timely
  FROM ev
  CROSS JOIN ${signForLateral('ev', '$3::timestamptz')} sf
  WHERE ${startsClock('ev')} AND ev.data ? 'signForDueAt'
  GROUP BY 1`;

export const redoFigures = (key: string) => `${WINDOW_EVENTS}
  SELECT ${key} AS key, count(*)::int AS redos
  FROM ev
  WHERE ${isRedo('ev')}
  GROUP BY 1`;

export const verifiedFigures = (key: string) => `${WINDOW_EVENTS}
  SELECT ${key} AS key,
         count(*)::int AS verified,
         count(*) FILTER (WHERE data->>'satisfaction' IN (${SATISFIED_SQL_LIST}))::int AS satisfied,
         count(*) FILTER (WHERE data->>'source' = 'enterprise')::int AS from_enterprise
  FROM latest
  WHERE type = 'verify'
  GROUP BY 1`;

export const returnFigures = (key: string) => `${WINDOW_EVENTS}
  SELECT ${key} AS key, count(*)::int AS returns
  FROM ev
  WHERE type = 'return'
  GROUP BY 1`;
