import { SATISFIED_SQL_LIST } from '../workflow/status-sql';
import type { GroupBy } from './resolution-rate.sql';

/**
 * The figures taken over events in a window [$1, $2) that happened before the instant $3 (asOf).
 * Each query groups by `key`: one of GROUP_KEYS, or the constant 'total'.
 *
 * - on-time rate (按期办结率): problems resolved in the window (their last resolve there), those
 *   resolved on or before the deadline in force then (the latest assignment's dueAt before it);
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
         count(*) FILTER (WHERE l.at <= COALESCE(due.due_at, 'infinity'))::int AS on_time,
         round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM l.at - l.reported_at)) / 86400)::numeric, 1)::float8
           AS median_days
  FROM latest l
  LEFT JOIN LATERAL (
    SELECT (a.data->>'dueAt')::timestamptz AS due_at
    FROM problem_events a
    WHERE a.problem_id = l.problem_id AND a.type = 'assign' AND a.at < l.at
    ORDER BY a.at DESC, a.id DESC
    LIMIT 1
  ) due ON true
  WHERE l.type = 'resolve'
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
