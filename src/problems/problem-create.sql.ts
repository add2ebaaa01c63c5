import { sqlLiteral } from '../workflow/status-sql';
import { INITIAL_STATUS } from '../workflow/statuses';
import { problemColumns, PROBLEM_JOINS } from './problem-response';

/**
 * The statement that records a problem (ProblemsRepository.create), in a file of its own so that
 * the benchmark's raw baseline runs this very statement without loading the service
 * (bench/baseline-server.ts).
 */
export const CREATE_PROBLEM = `
  WITH counter AS (
    INSERT INTO problem_code_counters (year, last_value)
    SELECT $1::int, 1
    WHERE EXISTS (SELECT 1 FROM enterprises WHERE id = $2)
      AND EXISTS (SELECT 1 FROM categories WHERE code = $5)
      AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM visits WHERE id = $3 AND enterprise_id = $2))
      AND ($10::uuid IS NULL OR EXISTS (SELECT 1 FROM projects WHERE id = $10))
    ON CONFLICT (year) DO UPDATE SET last_value = problem_code_counters.last_value + 1
    RETURNING last_value
  ),
  problem AS (
    INSERT INTO problems (code, enterprise_id, visit_id, source, category_code, title, description,
                          reported_at, status, created_by, project_id)
    SELECT 'JQ-' || $1::int || '-' || to_char(counter.last_value, 'FM9999990000'), $2, $3, $4, $5, $6, $7, $8,
           ${sqlLiteral(INITIAL_STATUS)}, $9, $10
    FROM counter
    RETURNING *
  ),
  event AS (
    INSERT INTO problem_events (problem_id, type, from_status, to_status, actor_id, at)
    SELECT id, 'created', NULL, ${sqlLiteral(INITIAL_STATUS)}, created_by, now() FROM problem
    RETURNING id::text, at, data
  )
  SELECT ${problemColumns('now()')},
         event.id AS "eventId", event.at AS "eventAt", event.data AS "eventData", u.display_name AS "actorName"
  FROM problem p ${PROBLEM_JOINS}
  CROSS JOIN event JOIN users u ON u.id = p.created_by`;
