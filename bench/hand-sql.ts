import { COUNTS_BY } from '../src/reports/resolution-rate.sql';

/**
 * Hand-written SQL for the figures the benchmark times, run straight through pg with no service
 * in between. For the resolution rate there are two ways to write it on this schema; the
 * benchmark times both and compares the service with the faster.
 */
/** Every event before $3 of the problems reported in [$1, $2), the latest per problem kept by DISTINCT ON. */
const LATEST_BEFORE = `
    WITH latest AS (
      SELECT DISTINCT ON (ev.problem_id) ev.problem_id, ev.to_status, ev.department_id
      FROM problems p JOIN problem_events ev ON ev.problem_id = p.id
      WHERE p.reported_at >= $1 AND p.reported_at < $2 AND ev.at < $3
      ORDER BY ev.problem_id, ev.at DESC, ev.id DESC
    )`;

export const RATE_BY_DEPARTMENT = {
  /** The service's own statement: the row's state, or a probe for the latest event before T. */
  lateral: COUNTS_BY.department,
  /** The latest event before T of each of the period's problems (LATEST_BEFORE), counted. */
  distinctOn: `${LATEST_BEFORE}
    SELECT department_id, count(*)::int AS recorded,
           count(*) FILTER (WHERE to_status IN ('resolved', 'closed'))::int AS resolved
    FROM latest WHERE to_status <> 'withdrawn' GROUP BY 1`,
};

/** What the resolution rate groups by, as hand-written expressions over `l` (latest event), `p` and `e`. */
const HAND_GROUP_KEYS = {
  total: `'total'`,
  department: 'l.department_id::text',
  district: 'e.district_code',
  category: 'p.category_code',
  industry: 'e.industry',
} as const;

/**
 * The resolution rate of [$1, $2) as of $3 from the events alone, per group: each problem of the
 * period at its latest event before $3, withdrawn ones left out, resolved when that event left
 * it resolved or closed. Groups by the department of that event, or by the problem's category,
 * or by its enterprise's district or industry as they are now.
 */
export function rateFromEvents(groupBy: keyof typeof HAND_GROUP_KEYS): string {
  return `${LATEST_BEFORE}
    SELECT ${HAND_GROUP_KEYS[groupBy]} AS key, count(*)::int AS recorded,
           count(*) FILTER (WHERE l.to_status IN ('resolved', 'closed'))::int AS resolved
    FROM latest l
    JOIN problems p ON p.id = l.problem_id
    JOIN enterprises e ON e.id = p.enterprise_id
    WHERE l.to_status <> 'withdrawn'
    GROUP BY 1`;
}
