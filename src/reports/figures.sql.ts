import { SATISFIED_SQL_LIST } from '../workflow/status-sql';
import { extendedDueLateral, firstDueLateral, isRedo, ON_TIME, signForLateral, startsClock } from './deadlines.sql';
import type { GroupBy } from './resolution-rate.sql';

/**
 * With `problems` (a uuid[] placeholder), the figure's items of those problems only: what the
 * figures as of now recompute for the problems changed since their base (settled/live-delta.ts).
 */
export const onlyOf = (e: string, problems?: string) =>
  problems ? ` AND ${e}.problem_id = ANY (${problems}::uuid[])` : '';

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
const windowEvents = (problems?: string) => `
  WITH ev AS (
    SELECT e.id, e.type, e.at, e.data, e.problem_id, p.reported_at, p.category_code,
           ent.district_code, ent.industry,
           CASE WHEN e.type = 'return' THEN (e.data->>'returnedBy')::uuid ELSE e.department_id END AS department_id
    FROM problem_events e
    JOIN problems p ON p.id = e.problem_id
    JOIN enterprises ent ON ent.id = p.enterprise_id
    WHERE e.type = ANY($4::text[]) AND e.at >= $1 AND e.at < $2 AND e.at < $3${onlyOf('e', problems)}
  ),
  latest AS (
    SELECT DISTINCT ON (problem_id, type) * FROM ev WHERE type <> 'return' ORDER BY problem_id, type, at DESC, id DESC
  )`;
const WINDOW_EVENTS = windowEvents();

/** The SQL expression a group is keyed by, over the `ev`/`latest` columns. */
export const GROUP_KEYS: Record<GroupBy | 'total', string> = {
  total: `'total'`,
  department: 'department_id::text',
  district: 'district_code',
  category: 'category_code',
  industry: 'industry',
};

/** On time with an approved extension (延期后按期): by the extended deadline, or the first when none was. */
export const ON_TIME_WITH_EXTENSION = `(r_at <= COALESCE(extended_due, first_due, 'infinity'))`;

/** The problems resolved in the window: each one's last resolve there, with its two deadlines. */
const RESOLVED_ROWS = `
    SELECT l.*, l.at AS r_at, fd.first_due, xd.extended_due
    FROM latest l
    LEFT JOIN ${firstDueLateral('l')} fd ON true
    LEFT JOIN ${extendedDueLateral('l')} xd ON true
    WHERE l.type = 'resolve'`;

/** Seconds to resolve (float8) as days, to a tenth: how the median is shown. */
export const daysToTenth = (seconds: string) => `round((${seconds} / 86400)::numeric, 1)::float8`;

/**
 * With `durations`, each problem's days to resolve (seconds, as float8, as the median reads them)
 * in place of their median: the counts and the list add up over problems, which a median does not
 * (the figures as of now keep them to take the median again after a change).
 */
export const resolvedFigures = (
  key: string,
  { problems, durations = false }: { problems?: string; durations?: boolean } = {},
) => `${windowEvents(problems)}
  SELECT ${key} AS key,
         count(*)::int AS resolved,
         count(*) FILTER (WHERE ${ON_TIME})::int AS on_time,
         count(*) FILTER (WHERE ${ON_TIME_WITH_EXTENSION})::int AS on_time_with_extension,
         ${
           durations
             ? 'array_agg(extract(epoch FROM r_at - reported_at)::float8) AS durations'
             : `${daysToTenth('percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r_at - reported_at))')} AS median_days`
         }
  FROM (${RESOLVED_ROWS}) r
  GROUP BY 1`;

/**
 * The drill-downs of the figures above (src/reports/drill-down): the same rows the figures count,
 * one per counted item, with `in_numerator`. Each gives the columns of ItemCoreColumns
 * (drill-down.sql.ts).
 */
export const resolvedItems = (key: string, withExtension: boolean) => `${WINDOW_EVENTS}
  SELECT problem_id, problem_id::text AS item_key, ${key} AS group_key, r_at AS sort_at,
         ${withExtension ? ON_TIME_WITH_EXTENSION : ON_TIME} AS in_numerator,
         r_at AS counted_at, department_id AS counted_department_id,
         ${withExtension ? 'COALESCE(extended_due, first_due)' : 'first_due'} AS judged_due_at,
         jsonb_build_object('firstDueAt', first_due, 'extendedDueAt', extended_due) AS detail
  FROM (${RESOLVED_ROWS}) r`;

/** The assignments the timely sign-for rate counts: they start a clock and have a sign-for deadline. */
const SIGN_FOR_ROWS = `
    SELECT ev.*, sf.sign_for_due, sf.signed_at
    FROM ev
    CROSS JOIN ${signForLateral('ev', '$3::timestamptz')} sf
    WHERE ${startsClock('ev')} AND ev.data ? 'signForDueAt'`;
const SIGN_FOR_DUE = '(signed_at IS NOT NULL OR sign_for_due < $3)';
const SIGNED_IN_TIME = '(signed_at <= sign_for_due)';

export const signForFigures = (key: string, problems?: string) => `${windowEvents(problems)}
  SELECT ${key} AS key,
         count(*) FILTER (WHERE ${SIGN_FOR_DUE})::int AS due,
         count(*) FILTER (WHERE ${SIGNED_IN_TIME})::int AS timely,
         count(*)::int AS assignments
  FROM (${SIGN_FOR_ROWS}) s
  GROUP BY 1`;

/**
 * The sign-for deadlines at or after $3 of the assignments the sign-for rate counts made before
 * it: an assignment not signed for becomes due when its deadline passes, with no event.
 */
export const signForDeadlines = (problems?: string) => `
  SELECT ev.problem_id::text AS "problemId", (ev.data->>'signForDueAt')::timestamptz AS at
  FROM problem_events ev
  WHERE ev.type = ANY($4::text[]) AND ${startsClock('ev')} AND ev.at >= $1 AND ev.at < $2 AND ev.at < $3
    AND (ev.data->>'signForDueAt')::timestamptz >= $3${onlyOf('ev', problems)}`;

export const signForItems = (key: string) => `${WINDOW_EVENTS}
  SELECT problem_id, id::text AS item_key, ${key} AS group_key, at AS sort_at,
         COALESCE(${SIGNED_IN_TIME}, false) AS in_numerator,
         signed_at AS counted_at, department_id AS counted_department_id, sign_for_due AS judged_due_at,
         jsonb_build_object('assignedAt', at, 'eventId', id) AS detail
  FROM (${SIGN_FOR_ROWS}) s
  WHERE ${SIGN_FOR_DUE}`;

export const redoFigures = (key: string, problems?: string) => `${windowEvents(problems)}
  SELECT ${key} AS key, count(*)::int AS redos
  FROM ev
  WHERE ${isRedo('ev')}
  GROUP BY 1`;

const SATISFIED = `(data->>'satisfaction' IN (${SATISFIED_SQL_LIST}))`;

export const verifiedFigures = (key: string, problems?: string) => `${windowEvents(problems)}
  SELECT ${key} AS key,
         count(*)::int AS verified,
         count(*) FILTER (WHERE ${SATISFIED})::int AS satisfied,
         count(*) FILTER (WHERE data->>'source' = 'enterprise')::int AS from_enterprise
  FROM latest
  WHERE type = 'verify'
  GROUP BY 1`;

export const verifiedItems = (key: string) => `${WINDOW_EVENTS}
  SELECT problem_id, problem_id::text AS item_key, ${key} AS group_key, at AS sort_at,
         COALESCE(${SATISFIED}, false) AS in_numerator, at AS counted_at, department_id AS counted_department_id,
         NULL::timestamptz AS judged_due_at,
         jsonb_build_object('satisfaction', data->>'satisfaction', 'source', COALESCE(data->>'source', 'manager')) AS detail
  FROM latest
  WHERE type = 'verify'`;

export const returnFigures = (key: string, problems?: string) => `${windowEvents(problems)}
  SELECT ${key} AS key, count(*)::int AS returns
  FROM ev
  WHERE type = 'return'
  GROUP BY 1`;
