import { RESOLVED_SQL_LIST, WITHDRAWN_SQL } from '../workflow/status-sql';

/**
 * Columns of the problem's latest event before an instant (a parameter, $3 unless told), for the
 * problems that pass `gate` (a condition ending in AND; all of them by default).
 */
const LATEST_BEFORE = (columns: string, instant = '$3', gate = '') => `
  SELECT ${columns} FROM problem_events ev
  WHERE ${gate}ev.problem_id = p.id AND ev.at < ${instant}
  ORDER BY ev.at DESC, ev.id DESC
  LIMIT 1`;

/** A problem's status and department before an instant, from its latest event. */
const STATE_BEFORE = 'ev.to_status, ev.department_id';

/**
 * The problems of [$1, $2) changed since $3, as they were at $3 and at $4 (CHANGES_BY); with
 * `enterprise`, with their enterprise's district and industry as they are now.
 */
const changedSince = (enterprise: boolean) => `
  SELECT p.category_code,${enterprise ? ' e.district_code, e.industry,' : ''}
         t0.to_status AS status_then, t0.department_id AS department_then,
         CASE WHEN p.updated_at < $4 THEN p.status ELSE (${LATEST_BEFORE('ev.to_status', '$4')}) END AS status_now,
         CASE WHEN p.updated_at < $4 THEN p.department_id ELSE (${LATEST_BEFORE('ev.department_id', '$4')}) END
           AS department_now
  FROM problems p${enterprise ? '\n  LEFT JOIN enterprises e ON e.id = p.enterprise_id' : ''}
  LEFT JOIN LATERAL (${LATEST_BEFORE(STATE_BEFORE, '$3', 'p.created_at < $3 AND ')}) t0 ON true
  WHERE p.updated_at >= $3 AND p.reported_at >= $1 AND p.reported_at < $2`;

/** The problems of [$1, $2) with an event in [$3, $4), as they were at $3 and at $4 (CHANGES_BETWEEN). */
const CHANGED_BETWEEN = `
  SELECT p.category_code, t0.to_status AS status_then, t0.department_id AS department_then,
         t1.to_status AS status_now, t1.department_id AS department_now
  FROM (SELECT DISTINCT problem_id FROM problem_events WHERE at >= $3 AND at < $4) touched
  JOIN problems p ON p.id = touched.problem_id
  LEFT JOIN LATERAL (${LATEST_BEFORE(STATE_BEFORE, '$3')}) t0 ON true
  LEFT JOIN LATERAL (${LATEST_BEFORE(STATE_BEFORE, '$4')}) t1 ON true
  WHERE p.reported_at >= $1 AND p.reported_at < $2`;

/**
 * The resolution rate as of an instant T ($3) for problems reported in [$1, $2).
 *
 * A problem's state as of T is its latest event before T: a problem with no such event had not
 * been entered yet. Withdrawn ones are not recorded; `resolved` and `closed` count as resolved.
 * The department is the one the problem had at T, so a later reassignment does not move it.
 *
 * Every change of a problem's status or department writes its row and its event at one instant
 * (updated_at = the event's `at`; warning events repeat the row's status and department), so a
 * problem not changed since before T was at T exactly as its row is now, and only the others
 * need the probe into their history. For T = now that is none of them.
 */
export const STATE_AS_OF = `
  WITH state AS (
    SELECT p.id, p.reported_at, p.category_code, e.district_code, e.industry,
           CASE WHEN p.updated_at < $3 THEN p.status ELSE (${LATEST_BEFORE('ev.to_status')}) END AS status,
           CASE WHEN p.updated_at < $3 THEN p.department_id ELSE (${LATEST_BEFORE('ev.department_id')}) END AS department_id
    FROM problems p
    LEFT JOIN enterprises e ON e.id = p.enterprise_id
    WHERE p.reported_at >= $1 AND p.reported_at < $2
  ),
  counted AS (
    -- No event before T (status null): the problem had not been entered yet.
    SELECT *, status IN (${RESOLVED_SQL_LIST}) AS is_resolved FROM state WHERE status <> ${WITHDRAWN_SQL}
  )`;

/** The counts of all problems, as one row under the key ''. */
export const TOTAL = `${STATE_AS_OF}
  SELECT '' AS key, count(*)::int AS recorded, count(*) FILTER (WHERE is_resolved)::int AS resolved FROM counted`;

/**
 * The drill-down of the resolution rate (src/reports/drill-down): every counted problem, with
 * `in_numerator` its being resolved as of T, and its latest resolve before T.
 */
export const resolutionItems = (key: string) => `${STATE_AS_OF}
  SELECT c.id AS problem_id, c.id::text AS item_key, ${key} AS group_key, c.reported_at AS sort_at,
         c.is_resolved AS in_numerator, rs.resolved_at AS counted_at, rs.resolved_by AS counted_department_id,
         NULL::timestamptz AS judged_due_at, '{}'::jsonb AS detail
  FROM counted c
  LEFT JOIN LATERAL (
    SELECT r.at AS resolved_at, r.department_id AS resolved_by FROM problem_events r
    WHERE c.is_resolved AND r.problem_id = c.id AND r.type = 'resolve' AND r.at < $3
    ORDER BY r.at DESC, r.id DESC
    LIMIT 1
  ) rs ON true`;

/** Counts per group key (the group's value as of T for the department); labels come from GROUP_LABELS. */
export const COUNTS_BY = {
  department: countsBy('department_id::text'),
  district: countsBy('district_code'),
  category: countsBy('category_code'),
  industry: countsBy('industry'),
} as const;

function countsBy(key: string): string {
  return `${STATE_AS_OF}
    SELECT ${key} AS key, count(*)::int AS recorded, count(*) FILTER (WHERE is_resolved)::int AS resolved
    FROM counted
    GROUP BY 1`;
}

/**
 * How the counts of problems reported in [$1, $2) changed between a settled instant T0 ($3) and
 * T ($4), per group key: only problems changed since T0 can differ (see STATE_AS_OF), so each of
 * them counts +1 as it was at T and -1 as it was at T0. Added to the counts as of T0 (which never
 * change, so they are kept), they give the counts as of T from the few rows changed since T0.
 * A problem entered since T0 had no event before it (its `created` event is at its created_at),
 * so only older ones need the probe into their history.
 */
export const CHANGES_BY = {
  total: changesBy(() => `''`, changedSince(false)),
  department: changesBy((side) => `department_${side}::text`, changedSince(false)),
  category: changesBy(() => 'category_code', changedSince(false)),
  // By the enterprise as it is now, on both sides: see ResolutionCounts for a move meanwhile.
  district: changesBy(() => 'district_code', changedSince(true)),
  industry: changesBy(() => 'industry', changedSince(true)),
} as const;

/**
 * The same changes between two instants of the past, T0 ($3) and T ($4): the problems with an
 * event in [T0, T), found by the events' index by instant, as every change of a problem's status
 * or department writes one (see STATE_AS_OF). Where T0 is long past, nearly every problem has
 * changed since it, so CHANGES_BY would read them all; this reads only the window's.
 */
export const CHANGES_BETWEEN = {
  total: changesBy(() => `''`, CHANGED_BETWEEN),
  department: changesBy((side) => `department_${side}::text`, CHANGED_BETWEEN),
  category: changesBy(() => 'category_code', CHANGED_BETWEEN),
} as const;

function changesBy(key: (side: 'then' | 'now') => string, changed: string): string {
  return `
    WITH changed AS (${changed}),
    signed AS (
      SELECT ${key('now')} AS key, 1 AS recorded, (status_now IN (${RESOLVED_SQL_LIST}))::int AS resolved
      FROM changed WHERE status_now <> ${WITHDRAWN_SQL}
      UNION ALL
      SELECT ${key('then')}, -1, -(status_then IN (${RESOLVED_SQL_LIST}))::int
      FROM changed WHERE status_then <> ${WITHDRAWN_SQL}
    )
    SELECT key, sum(recorded)::int AS recorded, sum(resolved)::int AS resolved FROM signed GROUP BY key`;
}

/** Every reference row a grouping lists, in display order, also those with no problems (industry has no list). */
export const GROUP_LABELS = {
  department: `SELECT id::text AS key, name AS label FROM departments ORDER BY name`,
  district: `SELECT code AS key, name AS label FROM districts ORDER BY sort_order, code`,
  category: `SELECT code AS key, name AS label FROM categories ORDER BY sort_order, code`,
  industry: null,
} as const;

export type GroupBy = keyof typeof COUNTS_BY;
export const GROUP_BYS = Object.keys(COUNTS_BY) as GroupBy[];
