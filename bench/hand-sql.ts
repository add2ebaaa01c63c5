import { COUNTS_BY } from '../src/reports/resolution-rate.sql';

/**
 * Hand-written SQL for the figures the benchmark times, run straight through pg with no service
 * in between. For the resolution rate there are two ways to write it on this schema; the
 * benchmark times both and compares the service with the faster.
 */
export const RATE_BY_DEPARTMENT = {
  /** The service's own statement: the row's state, or a probe for the latest event before T. */
  lateral: COUNTS_BY.department,
  /** Every event before T of the period's problems, the latest per problem kept by DISTINCT ON. */
  distinctOn: `
    WITH latest AS (
      SELECT DISTINCT ON (ev.problem_id) ev.problem_id, ev.to_status, ev.department_id
      FROM problems p JOIN problem_events ev ON ev.problem_id = p.id
      WHERE p.reported_at >= $1 AND p.reported_at < $2 AND ev.at < $3
      ORDER BY ev.problem_id, ev.at DESC, ev.id DESC
    )
    SELECT department_id, count(*)::int AS recorded,
           count(*) FILTER (WHERE to_status IN ('resolved', 'closed'))::int AS resolved
    FROM latest WHERE to_status <> 'withdrawn' GROUP BY 1`,
};
