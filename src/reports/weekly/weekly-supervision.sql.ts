import { bouncedIdsSql, bouncedRoutesSql } from '../bounced.sql';

/**
 * The weekly report's supervision section (督办), as of the report's instant. Parameters: $1 the
 * week's start, $2 the report's instant (the week's end, or now while it runs); the lists add $3,
 * the most rows.
 */

/** Supervisions opened in the week by level, and those active at $2 (opened before, not yet lifted then). */
export const WEEKLY_SUPERVISION_COUNTS = `
  SELECT count(*) FILTER (WHERE s.opened_at >= $1 AND s.opened_at < $2 AND s.level = 'reminder')::int AS "openedReminder",
         count(*) FILTER (WHERE s.opened_at >= $1 AND s.opened_at < $2 AND s.level = 'supervision')::int AS "openedSupervision",
         count(*) FILTER (WHERE s.opened_at >= $1 AND s.opened_at < $2 AND s.level = 'listed')::int AS "openedListed",
         count(*) FILTER (WHERE s.opened_at < $2 AND (s.lifted_at IS NULL OR s.lifted_at >= $2))::int AS "activeAtEnd"
  FROM supervisions s`;

/**
 * Supervisions overdue at $1 (the report's instant): active then, not answered before it, the
 * answer-by date passed, and the problem not withdrawn by then; the most working days late first.
 * $2: the most rows.
 */
export const WEEKLY_SUPERVISION_OVERDUE = `
  SELECT p.id AS "problemId", p.code, p.title, dep.name AS "departmentName", s.level, leader.display_name AS "leaderName",
         s.answer_by AS "answerBy", working_days_between(s.answer_by, $1, current_setting('TimeZone')) AS "workingDaysOverdue",
         count(*) OVER ()::int AS total
  FROM supervisions s
  JOIN problems p ON p.id = s.problem_id
  LEFT JOIN departments dep ON dep.id = (
    SELECT h.department_id FROM problem_events h WHERE h.problem_id = p.id AND h.at < $1 AND h.type IN ('created', 'assign', 'return')
    ORDER BY h.at DESC, h.id DESC LIMIT 1)
  LEFT JOIN users leader ON leader.id = s.leader_id
  WHERE s.opened_at < $1 AND (s.lifted_at IS NULL OR s.lifted_at >= $1)
    AND (s.answered_at IS NULL OR s.answered_at >= $1) AND s.answer_by <= $1
    AND NOT EXISTS (SELECT 1 FROM problem_events w WHERE w.problem_id = p.id AND w.type = 'withdraw' AND w.at < $1)
  ORDER BY "workingDaysOverdue" DESC, s.answer_by, p.code
  LIMIT $2`;

/**
 * The problems bounced as of $2 that were returned or (re)assigned during the week, at most $3:
 * the events alone, so kept once $2 has settled.
 */
export const WEEKLY_BOUNCED_IDS = `${bouncedIdsSql('$1::timestamptz', '$2::timestamptz', '$2::timestamptz')} LIMIT $3`;

/** The bounced problems $1 (WEEKLY_BOUNCED_IDS's rows, as JSON) with their route as of $2. */
export const WEEKLY_BOUNCED_ROUTES = bouncedRoutesSql(
  `jsonb_to_recordset($1::jsonb) AS b (id uuid, departures int, departments int)`,
  '$2::timestamptz',
);
