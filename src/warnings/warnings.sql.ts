import { visitDueSql } from '../responsibilities/visit-due.sql';
import { OPEN_SQL_LIST } from '../workflow/status-sql';
import { watchWarningsCte, type WatchWarningSqlInput } from './watch-warnings.sql';

/**
 * Early-warning levels, in the order a list shows them: three of problems, two of enterprises
 * (not visited within their tier's interval; nobody answering for them), then the two of key
 * projects and enterprises under watch (watch-warnings.sql.ts).
 */
export const WARNING_LEVELS = [
  'overdue',
  'due_soon',
  'stale',
  'not_visited',
  'unassigned',
  'project_not_started',
  'idle_not_visited',
  'sign_for_overdue',
  'supervision_overdue',
] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** The placeholders (`$n`) of the values the warnings are computed with, and the problem scope. */
export interface WarningSqlInput extends WatchWarningSqlInput {
  /** timestamptz: the instant the warnings are taken at. */
  now: string;
  /** text: the report time zone, whose days are the working days. */
  timezone: string;
  /** integer: a deadline within this many working days is due soon. */
  dueSoonWorkingDays: string;
  /** integer: an open problem with no action for this many days is stale. */
  staleDays: string;
  /** boolean: whether not_visited warnings are wanted at all. */
  withEnterprises: string;
  /** boolean: whether unassigned warnings are wanted at all. */
  withUnassigned: string;
  /** A condition on `p` (problems): the problems this caller may see (see visibleProblems). */
  problemScope: string;
  /** A condition on `due.enterprise_id`: the enterprises whose not_visited warnings this caller sees. */
  enterpriseScope: string;
}

/** A responsibility `r` open at `now`, as recorded by then (the rule of visitDueSql). */
export const openResponsibility = (now: string) =>
  `r.recorded_at <= ${now} AND r.starts_at <= ${now}
   AND (r.ends_at IS NULL OR r.ends_at > ${now} OR r.ended_recorded_at > ${now})`;

/** The enterprise `due.enterprise_id` is one the user (a placeholder) answers for at `now` (a placeholder). */
export const ownEnterprise = (user: string, now: string) => `
  EXISTS (SELECT 1 FROM responsibilities r
          WHERE r.enterprise_id = due.enterprise_id AND r.user_id = ${user}::uuid
            AND ${openResponsibility(`${now}::timestamptz`)})`;

/** A timestamp as stable text for a dedupe key: UTC, microseconds, whatever the session time zone. */
const utcText = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A timestamp as the API writes it (JavaScript's toISOString), whatever the session time zone. */
const isoText = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The warnings in force at an instant, as the CTE `current_warning` (one row per warning), for a
 * caller to select from or insert from.
 *
 * - open: status reported, assigned or in_progress (not resolved, closed or withdrawn);
 * - overdue (超期): open with a deadline, and the deadline is at or before now; daysOverdue is the
 *   working days after the deadline's day up to and including today, counted only for the
 *   warnings a caller lists or records (daysOverdue below): tens of thousands of overdue problems
 *   would otherwise each cost a count of working days;
 * - due_soon (临期): open, not overdue, and the deadline falls within the next N working days
 *   (working days after today up to and including the deadline's day <= N);
 * - stale (久未办理): open, and no action for the configured days: problems.updated_at is the time
 *   of the last action (warning events written by the scan do not move it);
 * - not_visited (久未走访): enterprises under responsibility whose next visit is due (visitDueSql:
 *   the tier's interval counted from the last visit, or from the start of responsibility when
 *   never visited, has run out: next_visit_due_at <= now), with their responsible officials;
 * - unassigned (无人包联): enterprises registered by now with no responsibility open at now;
 * - sign_for_overdue (逾期未签收): assigned, not signed for (accepted), and the assignment's sign-for
 *   deadline is at or before now; its due_at column carries the sign-for deadline and idle_days the
 *   whole hours since it. A new assignment (a new sign-for deadline) is a new warning.
 *
 * A problem may be both overdue and stale: two warnings. `dedupe_key` names the occurrence: a
 * new deadline, a new action or a new visit (a new due date) makes a new warning; the same one is
 * the same key.
 */
export function currentWarningsCte(input: WarningSqlInput): string {
  return `
  WITH params AS (
    SELECT ${input.now}::timestamptz AS now,
           ${input.timezone}::text AS tz,
           ${input.dueSoonWorkingDays}::int AS due_soon_working_days,
           make_interval(days => ${input.staleDays}::int) AS stale_after
  ),
  open_problem AS (
    SELECT p.id, p.code, p.title, p.status, p.enterprise_id, p.department_id, p.due_at, p.updated_at,
           p.sign_for_due_at, p.signed_for_at
    FROM problems p
    WHERE p.status IN (${OPEN_SQL_LIST}) AND ${input.problemScope}
  ),
  overdue AS (
    SELECT op.* FROM open_problem op CROSS JOIN params WHERE op.due_at <= params.now
  ),
  due_soon AS (
    SELECT op.*, left_.working_days_left
    FROM open_problem op
    CROSS JOIN params
    CROSS JOIN LATERAL (SELECT working_days_between(params.now, op.due_at, params.tz) AS working_days_left) left_
    WHERE op.due_at > params.now AND left_.working_days_left <= params.due_soon_working_days
  ),
  stale AS (
    SELECT op.*, floor(extract(epoch FROM params.now - op.updated_at) / 86400)::int AS idle_days
    FROM open_problem op CROSS JOIN params
    WHERE op.updated_at <= params.now - params.stale_after
  ),
  sign_for_late AS (
    SELECT op.*, floor(extract(epoch FROM params.now - op.sign_for_due_at) / 3600)::int AS hours_late
    FROM open_problem op CROSS JOIN params
    WHERE op.status = 'assigned' AND op.signed_for_at IS NULL AND op.sign_for_due_at <= params.now
  ),
  not_visited AS (
    SELECT due.enterprise_id AS id, e.name, due.tier, due.last_visit_at, due.next_visit_due_at,
           coalesce(officials.list, '[]'::jsonb) AS officials
    FROM (${visitDueSql(`${input.now}::timestamptz`)}) due
    JOIN enterprises e ON e.id = due.enterprise_id
    LEFT JOIN LATERAL (
      SELECT jsonb_agg(jsonb_build_object('id', u.id, 'name', u.display_name) ORDER BY u.display_name, u.id) AS list
      FROM responsibilities r JOIN users u ON u.id = r.user_id
      WHERE r.enterprise_id = due.enterprise_id AND r.kind = 'official' AND ${openResponsibility(`${input.now}::timestamptz`)}
    ) officials ON true
    -- The parameter itself, not a column: a one-time filter, so a handler's list skips the scan.
    WHERE ${input.withEnterprises}::boolean
      AND due.next_visit_due_at <= ${input.now}::timestamptz
      AND ${input.enterpriseScope}
  ),
  unassigned AS (
    SELECT e.id, e.name, coalesce(ended.at, e.created_at) AS since
    FROM enterprises e
    CROSS JOIN params
    LEFT JOIN LATERAL (
      SELECT max(r.ends_at) AS at FROM responsibilities r
      WHERE r.enterprise_id = e.id AND r.ended_recorded_at <= params.now
    ) ended ON true
    WHERE ${input.withUnassigned}::boolean
      AND e.created_at <= params.now
      AND NOT EXISTS (
        SELECT 1 FROM responsibilities r WHERE r.enterprise_id = e.id AND ${openResponsibility('params.now')}
      )
  ),
  problem_warning AS (
    SELECT 'overdue' AS level, 1 AS level_rank, id, code, title, status, enterprise_id, department_id, due_at,
           NULL::int AS days_overdue, NULL::int AS working_days_left, NULL::timestamptz AS last_activity_at, NULL::int AS idle_days,
           'overdue:' || id || ':' || ${utcText('due_at')} AS dedupe_key,
           due_at AS sort_at
    FROM overdue
    UNION ALL
    SELECT 'due_soon', 2, id, code, title, status, enterprise_id, department_id, due_at,
           NULL, working_days_left, NULL, NULL,
           'due_soon:' || id || ':' || ${utcText('due_at')},
           due_at
    FROM due_soon
    UNION ALL
    SELECT 'stale', 3, id, code, title, status, enterprise_id, department_id, NULL,
           NULL, NULL, updated_at, idle_days,
           'stale:' || id || ':' || ${utcText('updated_at')},
           updated_at
    FROM stale
    UNION ALL
    SELECT 'sign_for_overdue', 8, id, code, title, status, enterprise_id, department_id, sign_for_due_at,
           NULL, NULL, NULL, hours_late,
           'sign_for_overdue:' || id || ':' || ${utcText('sign_for_due_at')},
           sign_for_due_at
    FROM sign_for_late
  ),
  current_warning AS (
    SELECT w.level, w.level_rank, w.id AS problem_id, w.code, w.title, w.status,
           e.id AS enterprise_id, e.name AS enterprise_name, w.department_id, d.name AS department_name,
           w.due_at, w.days_overdue, w.working_days_left, w.last_activity_at, w.idle_days,
           NULL::timestamptz AS last_visit_at, NULL::timestamptz AS next_visit_due_at, NULL::text AS tier,
           NULL::jsonb AS officials, NULL::timestamptz AS unassigned_since, w.dedupe_key, w.sort_at
    FROM problem_warning w
    JOIN enterprises e ON e.id = w.enterprise_id
    LEFT JOIN departments d ON d.id = w.department_id
    UNION ALL
    SELECT 'not_visited', 4, NULL, NULL, NULL, NULL,
           nv.id, nv.name, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL,
           nv.last_visit_at, nv.next_visit_due_at, nv.tier, nv.officials, NULL,
           'not_visited:' || nv.id || ':' || ${utcText('nv.next_visit_due_at')},
           nv.next_visit_due_at
    FROM not_visited nv
    UNION ALL
    SELECT 'unassigned', 5, NULL, NULL, NULL, NULL,
           ua.id, ua.name, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, ua.since,
           'unassigned:' || ua.id || ':' || ${utcText('ua.since')},
           ua.since
    FROM unassigned ua
  )`;
}

/**
 * A warning row's working days overdue: the supervision warning carries its own; an overdue
 * problem's are counted here, for the rows listed or recorded only. Ordering overdue problems by
 * their deadline is ordering them by days overdue, most first: the count only grows as the
 * deadline lies further back.
 */
const daysOverdue = (row: string, now: string, tz: string) =>
  `COALESCE(${row}.days_overdue, CASE WHEN ${row}.level = 'overdue' THEN working_days_between(${row}.due_at, ${now}, ${tz}) END)`;

/** The list's order over the warning rows `w`: by level, then most overdue, earliest, and the key. */
const listOrder = (w: string) => `${w}.level_rank, ${w}.days_overdue DESC NULLS LAST, ${w}.sort_at, ${w}.dedupe_key`;

/**
 * The list: exact counts per level over every current warning, and the items of the level asked
 * for ($level NULL: all), at most $limit of them, in the order
 * overdue (most working days overdue first), due_soon (soonest deadline first), stale (longest
 * idle first), not_visited (the earliest due date first), unassigned (the longest without anyone first). `detected_at` is when the scan
 * recorded the warning, if it has. One row per item, each carrying the counts; one row of counts
 * with a NULL level when there is no item.
 */
export function listWarningsSql(input: WarningSqlInput, level: string, limit: string): string {
  return `${currentWarningsCte(input)}${watchWarningsCte(input)},
  counts AS (
    SELECT count(*) FILTER (WHERE level = 'overdue')::int AS count_overdue,
           count(*) FILTER (WHERE level = 'due_soon')::int AS count_due_soon,
           count(*) FILTER (WHERE level = 'stale')::int AS count_stale,
           count(*) FILTER (WHERE level = 'not_visited')::int AS count_not_visited,
           count(*) FILTER (WHERE level = 'unassigned')::int AS count_unassigned,
           count(*) FILTER (WHERE level = 'project_not_started')::int AS count_project_not_started,
           count(*) FILTER (WHERE level = 'idle_not_visited')::int AS count_idle_not_visited,
           count(*) FILTER (WHERE level = 'sign_for_overdue')::int AS count_sign_for_overdue,
           count(*) FILTER (WHERE level = 'supervision_overdue')::int AS count_supervision_overdue
    FROM any_warning
  ),
  -- The first $limit in order (a bounded sort, not a sort of every warning), and only then when
  -- the scan recorded each.
  first_warning AS (
    SELECT cw.* FROM any_warning cw
    WHERE ${level}::text IS NULL OR cw.level = ${level}::text
    ORDER BY ${listOrder('cw')}
    LIMIT ${limit}
  ),
  listed AS (
    SELECT fw.*, recorded.detected_at,
           row_number() OVER (ORDER BY ${listOrder('fw')}) AS position
    FROM first_warning fw
    LEFT JOIN warnings recorded ON recorded.dedupe_key = fw.dedupe_key
  )
  SELECT counts.*, listed.level, listed.problem_id AS "problemId", listed.code, listed.title, listed.status,
         listed.enterprise_id AS "enterpriseId", listed.enterprise_name AS "enterpriseName",
         listed.department_id AS "departmentId", listed.department_name AS "departmentName",
         listed.due_at AS "dueAt", ${daysOverdue('listed', `${input.now}::timestamptz`, `${input.timezone}::text`)} AS "daysOverdue", listed.working_days_left AS "workingDaysLeft",
         listed.last_activity_at AS "lastActivityAt", listed.idle_days AS "idleDays",
         listed.last_visit_at AS "lastVisitAt", listed.next_visit_due_at AS "nextVisitDueAt", listed.tier,
         listed.officials, listed.unassigned_since AS "unassignedSince", listed.detected_at AS "detectedAt",
         listed.project_id AS "projectId", listed.project_code AS "projectCode", listed.project_name AS "projectName",
         to_char(listed.planned_start_date, 'YYYY-MM-DD') AS "plannedStartDate", listed.days_late AS "daysLate",
         listed.idle_since AS "idleSince"
  FROM counts LEFT JOIN listed ON true
  ORDER BY listed.position`;
}

/**
 * Records the current warnings that are not recorded yet (the dedupe key decides) and returns
 * the new ones. A problem warning keeps its problem and the department it was detected under; an
 * enterprise warning keeps its enterprise. `details` keeps the figures as they were at detection,
 * and for not_visited the responsible officials (ids and names) of that moment.
 */
export function recordWarningsSql(input: WarningSqlInput): string {
  return `${currentWarningsCte(input)}${watchWarningsCte(input)}
  INSERT INTO warnings (level, problem_id, project_id, enterprise_id, department_id, dedupe_key, detected_at, details)
  SELECT cw.level, cw.problem_id, cw.project_id,
         CASE WHEN cw.problem_id IS NULL AND cw.project_id IS NULL THEN cw.enterprise_id END, cw.department_id,
         cw.dedupe_key, params.now,
         jsonb_strip_nulls(jsonb_build_object(
           'dueAt', ${isoText('cw.due_at')}, 'daysOverdue', ${daysOverdue('cw', 'params.now', 'params.tz')}, 'workingDaysLeft', cw.working_days_left,
           'lastActivityAt', ${isoText('cw.last_activity_at')}, 'idleDays', cw.idle_days,
           'lastVisitAt', ${isoText('cw.last_visit_at')},
           'neverVisited', CASE WHEN cw.level = 'not_visited' AND cw.last_visit_at IS NULL THEN true END,
           'nextVisitDueAt', ${isoText('cw.next_visit_due_at')}, 'tier', cw.tier, 'officials', cw.officials,
           'unassignedSince', ${isoText('cw.unassigned_since')}, 'plannedStartDate', cw.planned_start_date::text,
           'daysLate', cw.days_late, 'idleSince', ${isoText('cw.idle_since')}))
  FROM any_warning cw CROSS JOIN params
  ORDER BY cw.level_rank, cw.sort_at, cw.dedupe_key
  ON CONFLICT (dedupe_key) DO NOTHING
  RETURNING id::text AS id, level, problem_id AS "problemId", details`;
}

/**
 * Holds the problems of new warnings against concurrent actions until the scan commits, so the
 * status a warning event repeats is the problem's status at the event's instant (as-of reports
 * read a problem's state from its latest event).
 */
export const LOCK_PROBLEMS = `SELECT id FROM problems WHERE id = ANY($1::uuid[]) ORDER BY id FOR SHARE`;

/**
 * One `warning` event per new problem warning: no actor (the system), the problem's current
 * status as both from and to, its current department. The problem row itself is not touched:
 * version, updated_at and last_event_type stay, so clients' If-Match stays valid.
 */
export const INSERT_WARNING_EVENTS = `
  INSERT INTO problem_events (problem_id, type, from_status, to_status, department_id, actor_id, note, data)
  SELECT p.id, 'warning', p.status, p.status, p.department_id, NULL, w.note,
         jsonb_build_object('level', w.level, 'warningId', w.warning_id)
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[]) WITH ORDINALITY AS w(problem_id, level, note, warning_id, n)
  JOIN problems p ON p.id = w.problem_id
  ORDER BY w.n`;
