import { OPEN_SQL_LIST, RESOLVED_SQL_LIST, sqlList, sqlLiteral, WITHDRAWN_SQL } from '../../workflow/status-sql';
import { WITH_DEPARTMENT_STATUSES } from '../../workflow/statuses';
import { deadlineAsOf } from '../deadlines.sql';
import type { WeeklyDepartmentRow, WeeklyReport } from './weekly-report';

/**
 * The weekly coordination report's queries. $1 = the week's start, $2 = the instant the report
 * is taken at (the end of the week, or now while it runs). A problem's state at $2 is its latest
 * event before $2; its deadline then is deadlineAsOf's (an assignment's, an approved extension's
 * or a redo's, the latest before $2).
 */
/** Statuses in which a department holds the problem and its deadline runs. */
const WITH_DEPARTMENT_SQL_LIST = sqlList(WITH_DEPARTMENT_STATUSES);

/**
 * The state at `at` of the problems changed since then (entered before it) that pass
 * `candidates`: each one's latest event before `at`, and its deadline then.
 */
const changedState = (candidates: string, at: string) => `
    SELECT p.id, p.reported_at, s.status, s.department_id,
           CASE WHEN s.status IN (${WITH_DEPARTMENT_SQL_LIST}) THEN ${deadlineAsOf('p.id', at)} END AS due_at
    FROM problems p
    CROSS JOIN LATERAL (
      SELECT ev.to_status, ev.department_id
      FROM problem_events ev
      WHERE ev.problem_id = p.id AND ev.at < ${at}
      ORDER BY ev.at DESC, ev.id DESC
      LIMIT 1
    ) s (status, department_id)
    WHERE p.updated_at >= ${at} AND p.created_at < ${at} AND ${candidates}`;

/**
 * The state at $2 of the problems entered by then that pass `candidates`. A problem not changed
 * since before $2 was then exactly as its row is now (every change writes the row and its event
 * at one instant), deadline included; only the problems changed since need the probe into their
 * history. The two kinds are read apart, so the first is a plain scan of the rows (an index's,
 * for most candidates) with no lookup per row.
 */
const stateAtEnd = (candidates: string) => `
  state AS (
    SELECT p.id, p.reported_at, p.status, p.department_id,
           CASE WHEN p.status IN (${WITH_DEPARTMENT_SQL_LIST}) THEN p.due_at END AS due_at
    FROM problems p
    WHERE p.updated_at < $2 AND p.created_at < $2 AND ${candidates}
    UNION ALL${changedState(candidates, '$2')}
  )`;

/**
 * The events of the week: [$1, $2). Not materialised: each use reads only its own types, from
 * the index by type and instant, instead of every event of the week with all its columns.
 */
const WEEK_EVENTS_CTE = `
  week_events AS NOT MATERIALIZED (
    SELECT ev.* FROM problem_events ev WHERE ev.at >= $1 AND ev.at < $2
  )`;

/**
 * Open at $2: only a problem open now or changed since $2 can have been open then, which keeps
 * the scan to the open problems and the recent ones instead of every problem ever recorded.
 */
export const OPEN_AT_END = `
  WITH ${stateAtEnd(`(p.status NOT IN (${RESOLVED_SQL_LIST}, ${WITHDRAWN_SQL}) OR p.updated_at >= $2)`)},
  open AS (
    SELECT * FROM state WHERE status IN (${OPEN_SQL_LIST})
  ),
  ${WEEK_EVENTS_CTE}`;

const WEEK_EVENTS = `WITH ${WEEK_EVENTS_CTE}`;

/** The row WEEKLY_SUMMARY gives: the summary, and the open and overdue per department beside it. */
export type SummaryRow = Omit<WeeklyReport['summary'], 'recordedThisWeek'> & {
  openByDepartment: Pick<WeeklyDepartmentRow, 'departmentId' | 'open' | 'overdue'>[];
};

/**
 * The week's summary, and the open and overdue problems at its end per department: one reading
 * of the state at the end serves both (the problems with no department count in the totals only).
 */
export const WEEKLY_SUMMARY = `${OPEN_AT_END},
  open_by_department AS (
    SELECT department_id, count(*) AS open, count(*) FILTER (WHERE due_at < $2) AS overdue
    FROM open GROUP BY department_id
  )
  SELECT
    (SELECT COALESCE(sum(open), 0) FROM open_by_department)::int AS "openAtEnd",
    (SELECT COALESCE(sum(overdue), 0) FROM open_by_department)::int AS "overdueAtEnd",
    (SELECT count(DISTINCT problem_id) FROM week_events WHERE type = 'resolve')::int AS "resolvedThisWeek",
    (SELECT count(DISTINCT problem_id) FROM week_events WHERE type = 'verify' AND to_status = ${sqlLiteral('closed')})::int
      AS "closedThisWeek",
    (SELECT count(DISTINCT problem_id) FROM week_events WHERE type = 'escalate')::int AS "escalatedThisWeek",
    (SELECT COALESCE(jsonb_agg(jsonb_build_object('departmentId', department_id, 'open', open, 'overdue', overdue)), '[]')
     FROM open_by_department WHERE department_id IS NOT NULL) AS "openByDepartment"`;

/** A row of WEEKLY_RESOLVED_BY_DEPARTMENT; the names, the open and overdue and the quarter's rate are added beside it. */
export type DepartmentWeekRow = Pick<WeeklyDepartmentRow, 'departmentId' | 'resolvedThisWeek'>;

/** The problems each department resolved during the week (the events alone: kept once the week's end has settled). */
export const WEEKLY_RESOLVED_BY_DEPARTMENT = `${WEEK_EVENTS}
  SELECT department_id AS "departmentId", count(DISTINCT problem_id)::int AS "resolvedThisWeek"
  FROM week_events WHERE type = 'resolve' AND department_id IS NOT NULL
  GROUP BY department_id
  ORDER BY department_id`;

/** Every department, in the report's order. */
export const WEEKLY_DEPARTMENT_NAMES = `SELECT id AS "departmentId", name FROM departments ORDER BY code`;

/** The status at $2 of problem `p`: its row's unless changed since, else its latest event's before $2. */
const STATUS_AT_END = `CASE WHEN p.updated_at < $2 THEN p.status ELSE (
    SELECT ev.to_status FROM problem_events ev
    WHERE ev.problem_id = p.id AND ev.at < $2
    ORDER BY ev.at DESC, ev.id DESC
    LIMIT 1) END`;

/**
 * The problems of each list, with what the list shows beside them; at most $3 of them. The new
 * and the overdue lists walk an index in the list's order and stop after $3 rows, where reading
 * the state at $2 of every candidate would read every problem entered in a busy week.
 */
export const WEEKLY_LIST_IDS = {
  /** Reported this week and not withdrawn at its end. */
  new: `
    SELECT p.id, NULL AS note
    FROM problems p
    WHERE p.reported_at >= $1 AND p.reported_at < $2 AND p.created_at < $2
      AND ${STATUS_AT_END} <> ${WITHDRAWN_SQL}
    ORDER BY p.reported_at, p.id
    LIMIT $3`,
  /**
   * Open and past the deadline at $1 (the end of the week), most overdue first, at most $2: the
   * problems not changed since, by the index of open problems by deadline, and those changed
   * since, by their history. The deadline is given as JSON text and the working days late are
   * counted apart (WEEKLY_WORKING_DAYS_LATE), by the calendar as it is now: the list itself is
   * made of the events alone, and so kept. (Its parameters are the instant and the limit only.)
   */
  overdue: `WITH overdue AS (
    (SELECT p.id, p.due_at
     FROM problems p
     WHERE p.status IN (${WITH_DEPARTMENT_SQL_LIST}) AND p.due_at < $1 AND p.updated_at < $1 AND p.created_at < $1
     ORDER BY p.due_at, p.id
     LIMIT $2)
    UNION ALL
    SELECT s.id, s.due_at FROM (${changedState('TRUE', '$1')}) s WHERE s.status IN (${OPEN_SQL_LIST}) AND s.due_at < $1
  )
  SELECT o.id, to_json(o.due_at) #>> '{}' AS "dueAt", NULL AS note
  FROM overdue o
  ORDER BY o.due_at, o.id
  LIMIT $2`,
  /** Escalated (督办) during the week, with the latest escalation note. */
  escalated: `${WEEK_EVENTS}
    SELECT DISTINCT ON (w.problem_id) w.problem_id AS id, w.note
    FROM week_events w
    WHERE w.type = 'escalate'
    ORDER BY w.problem_id, w.at DESC, w.id DESC
    LIMIT $3`,
  /** Verified unsatisfied during the week, with the enterprise's feedback. */
  unsatisfied: `${WEEK_EVENTS}
    SELECT DISTINCT ON (w.problem_id) w.problem_id AS id, w.note
    FROM week_events w
    WHERE w.type = 'verify' AND w.data->>'satisfaction' = ${sqlLiteral('unsatisfied')}
    ORDER BY w.problem_id, w.at DESC, w.id DESC
    LIMIT $3`,
} as const;

/** The working days between each deadline of $1 and $2, in the order given. */
export const WEEKLY_WORKING_DAYS_LATE = `
  SELECT working_days_between(t.due, $2, current_setting('TimeZone')) AS days
  FROM unnest($1::timestamptz[]) WITH ORDINALITY AS t (due, n)
  ORDER BY t.n`;

/** Display fields of listed problems, with their status and department at $2. */
export const WEEKLY_ITEMS = `
  SELECT p.id, p.code, p.title, e.name AS "enterpriseName", dist.name AS "districtName", c.name AS "categoryName",
         COALESCE(dist.name_en, dist.name) AS "districtNameEn", COALESCE(c.name_en, c.name) AS "categoryNameEn",
         dep.name AS "departmentName", s.status, p.reported_at AS "reportedAt",
         CASE WHEN s.status IN (${WITH_DEPARTMENT_SQL_LIST}) THEN ${deadlineAsOf('p.id', '$2')} END AS "dueAt"
  FROM problems p
  JOIN enterprises e ON e.id = p.enterprise_id
  JOIN districts dist ON dist.code = e.district_code
  JOIN categories c ON c.code = p.category_code
  CROSS JOIN LATERAL (
    SELECT ev.to_status AS status, ev.department_id
    FROM problem_events ev WHERE ev.problem_id = p.id AND ev.at < $2
    ORDER BY ev.at DESC, ev.id DESC LIMIT 1
  ) s
  LEFT JOIN departments dep ON dep.id = s.department_id
  WHERE p.id = ANY($1::uuid[])`;
