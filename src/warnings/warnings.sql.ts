import { visitDueSql } from '../responsibilities/visit-due.sql';
import { OPEN_SQL } from '../problems/problem-response';
import { SUPERVISION_LEVEL_ROWS, supervisionWarningsCte } from './supervision-warnings.sql';
import { type LevelRows, levelRowsSql, problemRows, utcText } from './warning-rows.sql';
import { WATCH_LEVEL_ROWS, watchWarningsCte, type WatchWarningSqlInput } from './watch-warnings.sql';

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

/**
 * An instant no due_soon deadline lies after: the start of the (N+1)th working day after today
 * (where working_days_between from now reaches N + 1), or infinity when a year holds fewer. The
 * count of working days only grows with the deadline, so the deadlines before it are the only
 * ones worth counting, and an index range serves them.
 */
const dueSoonEnd = (now: string, tz: string, workingDays: string) => `COALESCE((
      SELECT g.d::date::timestamp AT TIME ZONE ${tz}
      FROM generate_series(((${now} - interval '1 microsecond') AT TIME ZONE ${tz})::date + 1,
                           ((${now} - interval '1 microsecond') AT TIME ZONE ${tz})::date + 366, interval '1 day') AS g(d)
      WHERE is_working_day(g.d::date)
      ORDER BY g.d OFFSET ${workingDays}::int LIMIT 1), 'infinity')`;

/** A timestamp as the API writes it (JavaScript's toISOString), whatever the session time zone. */
const isoText = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Each level's rows, from its rule's CTE (below and in watch- and supervision-warnings.sql.ts). */
const LEVEL_ROWS: Record<WarningLevel, LevelRows> = {
  overdue: problemRows('overdue', 'overdue', 'w.due_at', { due_at: 'w.due_at' }),
  due_soon: problemRows('due_soon', 'due_soon', 'w.due_at', {
    due_at: 'w.due_at',
    working_days_left: 'w.working_days_left',
  }),
  stale: problemRows('stale', 'stale', 'w.updated_at', { last_activity_at: 'w.updated_at', idle_days: 'w.idle_days' }),
  not_visited: {
    rule: 'not_visited',
    from: 'not_visited nv',
    columns: {
      enterprise_id: 'nv.id',
      enterprise_name: 'nv.name',
      last_visit_at: 'nv.last_visit_at',
      next_visit_due_at: 'nv.next_visit_due_at',
      tier: 'nv.tier',
      officials: 'nv.officials',
    },
    dedupeKey: `'not_visited:' || nv.id || ':' || ${utcText('nv.next_visit_due_at')}`,
    sortAt: 'nv.next_visit_due_at',
  },
  unassigned: {
    rule: 'unassigned',
    from: 'unassigned ua',
    columns: { enterprise_id: 'ua.id', enterprise_name: 'ua.name', unassigned_since: 'ua.since' },
    dedupeKey: `'unassigned:' || ua.id || ':' || ${utcText('ua.since')}`,
    sortAt: 'ua.since',
  },
  ...WATCH_LEVEL_ROWS,
  sign_for_overdue: problemRows('sign_for_overdue', 'sign_for_late', 'w.sign_for_due_at', {
    due_at: 'w.sign_for_due_at',
    idle_days: 'w.hours_late',
  }),
  supervision_overdue: SUPERVISION_LEVEL_ROWS,
};

/** The CTE of a level's warning rows. */
const levelCte = (level: WarningLevel) => `${level}_warning`;

/**
 * The warnings in force at an instant: each level's rule as a CTE, each level's rows as the CTE
 * `<level>_warning` (warning-rows.sql.ts gives their columns), and all of them as `any_warning`
 * (one row per warning), for a caller to select from or insert from.
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
  // The placeholders themselves where an index may serve the condition (not a column of params).
  const now = `${input.now}::timestamptz`;
  const tz = `${input.timezone}::text`;
  return `
  WITH params AS (
    SELECT ${now} AS now, ${tz} AS tz
  ),
  open_problem AS NOT MATERIALIZED (
    SELECT p.id, p.code, p.title, p.status, p.enterprise_id, p.department_id, p.due_at, p.updated_at,
           p.sign_for_due_at, p.signed_for_at
    FROM problems p
    WHERE ${OPEN_SQL} AND ${input.problemScope}
  ),
  overdue AS NOT MATERIALIZED (
    SELECT op.* FROM open_problem op WHERE op.due_at <= ${now}
  ),
  due_soon AS NOT MATERIALIZED (
    SELECT op.*, left_.working_days_left
    FROM open_problem op
    CROSS JOIN LATERAL (SELECT working_days_between(${now}, op.due_at, ${tz}) AS working_days_left) left_
    WHERE op.due_at > ${now} AND op.due_at <= ${dueSoonEnd(now, tz, input.dueSoonWorkingDays)}
      AND left_.working_days_left <= ${input.dueSoonWorkingDays}::int
  ),
  stale AS NOT MATERIALIZED (
    SELECT op.*, floor(extract(epoch FROM ${now} - op.updated_at) / 86400)::int AS idle_days
    FROM open_problem op
    WHERE op.updated_at <= ${now} - make_interval(days => ${input.staleDays}::int)
  ),
  sign_for_late AS NOT MATERIALIZED (
    SELECT op.*, floor(extract(epoch FROM ${now} - op.sign_for_due_at) / 3600)::int AS hours_late
    FROM open_problem op
    WHERE op.status = 'assigned' AND op.signed_for_at IS NULL AND op.sign_for_due_at <= ${now}
  ),
  not_visited AS NOT MATERIALIZED (
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
  unassigned AS NOT MATERIALIZED (
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
  )${supervisionWarningsCte()}${watchWarningsCte(input)},
  ${WARNING_LEVELS.map(
    (level, i) => `${levelCte(level)} AS NOT MATERIALIZED (
    ${levelRowsSql(level, i + 1, LEVEL_ROWS[level])}
  )`,
  ).join(',\n  ')},
  any_warning AS (
    ${WARNING_LEVELS.map((level) => `SELECT * FROM ${levelCte(level)}`).join('\n    UNION ALL\n    ')}
  )`;
}

/**
 * A warning row's working days overdue: the supervision warning carries its own; an overdue
 * problem's are counted here, for the warnings recorded only (the list counts them once per
 * deadline's day). Ordering overdue problems by their deadline is ordering them by days overdue,
 * most first: the count only grows as the deadline lies further back.
 */
const daysOverdue = (row: string, now: string, tz: string) =>
  `COALESCE(${row}.days_overdue, CASE WHEN ${row}.level = 'overdue' THEN working_days_between(${row}.due_at, ${now}, ${tz}) END)`;

/** The list's order over the warning rows `w`: by level, then most overdue, earliest, and the key. */
const listOrder = (w: string) => {
  const of = w ? `${w}.` : '';
  return `${of}level_rank, ${of}days_overdue DESC NULLS LAST, ${of}sort_at, ${of}dedupe_key`;
};

/**
 * The list: exact counts per level over every current warning (each from its level's rule), and
 * the items of the level asked for ($level NULL: all), at most $limit of them, in the order
 * overdue (most working days overdue first), due_soon (soonest deadline first), stale (longest
 * idle first), not_visited (the earliest due date first), unassigned (the longest without anyone first). `detected_at` is when the scan
 * recorded the warning, if it has. One row per item, each carrying the counts; one row of counts
 * with a NULL level when there is no item.
 */
export function listWarningsSql(input: WarningSqlInput, level: string, limit: string): string {
  const now = `${input.now}::timestamptz`;
  const tz = `${input.timezone}::text`;
  const deadlineDay = (at: string) => `((${at} - interval '1 microsecond') AT TIME ZONE ${tz})::date`;
  const countOf = (l: WarningLevel) => `count_${l}`;
  // A level is read only when it is asked for, or, for the whole list, when the levels before it
  // leave room under the limit: a false one-time condition skips its plan.
  const wanted = (l: WarningLevel, i: number) => {
    const before = WARNING_LEVELS.slice(0, i).map((b) => ` + counts.${countOf(b)}`);
    return `(SELECT CASE WHEN ${level}::text IS NULL THEN 0${before.join('')} < ${limit}::int
                    ELSE ${level}::text = '${l}' END FROM counts)`;
  };
  return `${currentWarningsCte(input)},
  counts AS (
    SELECT ${WARNING_LEVELS.map((l) => `(SELECT count(*) FROM ${LEVEL_ROWS[l].rule})::int AS ${countOf(l)}`).join(',\n           ')}
  ),
  -- Each level's first items, read on their own (in an index's order where one serves), and only
  -- then whether the scan recorded each.
  first_warning AS (
    ${WARNING_LEVELS.map(
      (l, i) => `(SELECT * FROM ${levelCte(l)} WHERE ${wanted(l, i)} ORDER BY ${listOrder('')} LIMIT ${limit})`,
    ).join('\n    UNION ALL\n    ')}
  ),
  -- Working days overdue, counted once per deadline's day (working_days_between reads only the
  -- day of each instant, minus a microsecond): the first items of a long list share a few days.
  overdue_day AS (
    SELECT ${deadlineDay('due_at')} AS day, working_days_between(min(due_at), ${now}, ${tz}) AS days
    FROM first_warning WHERE level = 'overdue' GROUP BY 1
  ),
  listed AS (
    SELECT fw.*, COALESCE(fw.days_overdue, od.days) AS listed_days_overdue, recorded.detected_at,
           row_number() OVER (ORDER BY ${listOrder('fw')}) AS position
    FROM first_warning fw
    LEFT JOIN overdue_day od ON fw.level = 'overdue' AND od.day = ${deadlineDay('fw.due_at')}
    LEFT JOIN warnings recorded ON recorded.dedupe_key = fw.dedupe_key
  )
  SELECT counts.*, listed.level, listed.problem_id AS "problemId", listed.code, listed.title, listed.status,
         listed.enterprise_id AS "enterpriseId", listed.enterprise_name AS "enterpriseName",
         listed.department_id AS "departmentId", listed.department_name AS "departmentName",
         listed.due_at AS "dueAt", listed.listed_days_overdue AS "daysOverdue", listed.working_days_left AS "workingDaysLeft",
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
  return `${currentWarningsCte(input)}
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
