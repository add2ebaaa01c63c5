import { OPEN_AT_END } from './weekly.sql';

/**
 * The weekly report's projects section. $1 = the week's start, $2 = the instant E the report is
 * taken at. A project's stage at an instant is read from its stage events recorded before E; it
 * has started by X when an event into started, completed or in production took effect before X.
 * The report's day is E's date in the session time zone (the report time zone).
 */
const STARTED_BY = (x: string) => `
  (SELECT min(se.effective_at) FROM project_stage_events se
   WHERE se.project_id = pr.id AND se.stage IN ('started', 'completed', 'in_production')
     AND se.recorded_at < $2 AND se.effective_at < ${x})`;

/** One row per project entered before E: when it started (by E), whether it had by the week's start. */
const PROJECT_STATE = `
  project_state AS (
    SELECT pr.id, pr.code, pr.name, pr.planned_start_date, pr.department_id, pr.district_code,
           ${STARTED_BY('$2')} AS started_at,
           ${STARTED_BY('$1')} AS started_before_week
    FROM projects pr
    WHERE pr.created_at < $2
  )`;

const ITEM_COLUMNS = `
  ps.id, ps.code, ps.name, d.name AS "districtName",
  COALESCE(d.name_en, d.name) AS "districtNameEn", dep.name AS "departmentName",
  to_char(ps.planned_start_date, 'YYYY-MM-DD') AS "plannedStartDate"`;

const ITEM_JOINS = `
  JOIN districts d ON d.code = ps.district_code
  LEFT JOIN departments dep ON dep.id = ps.department_id`;

/** Started during the week, in order of starting; $3 = the list limit. */
export const WEEKLY_PROJECTS_STARTED = `
  WITH ${PROJECT_STATE}
  SELECT ${ITEM_COLUMNS}, ps.started_at AS "startedAt", NULL::int AS "daysLate", NULL::int AS "overdueProblems",
         count(*) OVER ()::int AS total
  FROM project_state ps ${ITEM_JOINS}
  WHERE ps.started_at >= $1 AND ps.started_before_week IS NULL
  ORDER BY ps.started_at, ps.code
  LIMIT $3`;

/** Past the planned start date (before E's day) and not started by E, the longest late first. */
export const WEEKLY_PROJECTS_NOT_STARTED = `
  WITH ${PROJECT_STATE}
  SELECT ${ITEM_COLUMNS}, NULL::timestamptz AS "startedAt",
         (($2::timestamptz)::date - ps.planned_start_date) AS "daysLate", NULL::int AS "overdueProblems",
         count(*) OVER ()::int AS total
  FROM project_state ps ${ITEM_JOINS}
  WHERE ps.started_at IS NULL AND ps.planned_start_date < ($2::timestamptz)::date
  ORDER BY ps.planned_start_date, ps.code
  LIMIT $3`;

/** Projects with a problem open and past its deadline at E (the problem's state at E), most such problems first. */
export const WEEKLY_PROJECTS_HELD_UP = `${OPEN_AT_END},
  held_up AS (
    SELECT p.project_id, count(*)::int AS overdue_problems
    FROM open o JOIN problems p ON p.id = o.id
    WHERE o.due_at < $2 AND p.project_id IS NOT NULL
    GROUP BY p.project_id
  ),
  ${PROJECT_STATE}
  SELECT ${ITEM_COLUMNS}, NULL::timestamptz AS "startedAt", NULL::int AS "daysLate",
         h.overdue_problems AS "overdueProblems", count(*) OVER ()::int AS total
  FROM held_up h JOIN project_state ps ON ps.id = h.project_id ${ITEM_JOINS}
  ORDER BY h.overdue_problems DESC, ps.code
  LIMIT $3`;

/**
 * Completed investment of the plan year $2 as known at E ($1): for each project and month, the
 * latest revision recorded before E, for the months of that year up to $3 (the first day of the
 * month holding the week's last day).
 */
export const WEEKLY_PROJECTS_INVESTMENT = `
  WITH plan AS (
    SELECT pr.id, pr.planned_annual_investment_yuan FROM projects pr WHERE pr.plan_year = $2 AND pr.created_at < $1
  ),
  latest AS (
    SELECT DISTINCT ON (pi.project_id, pi.month) pi.month, pi.amount_yuan
    FROM project_investments pi JOIN plan ON plan.id = pi.project_id
    WHERE pi.recorded_at < $1 AND pi.month >= make_date($2, 1, 1) AND pi.month <= $3::date
    ORDER BY pi.project_id, pi.month, pi.revision DESC
  )
  SELECT COALESCE((SELECT sum(amount_yuan) FROM latest WHERE month = $3::date), 0)::text AS "monthYuan",
         COALESCE((SELECT sum(amount_yuan) FROM latest), 0)::text AS "yearToDateYuan",
         COALESCE((SELECT sum(planned_annual_investment_yuan) FROM plan), 0)::text AS "annualPlanYuan"`;
