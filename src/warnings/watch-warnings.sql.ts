import { type LevelRows, utcText } from './warning-rows.sql';

/**
 * The warnings about key projects and enterprises under watch, added to the problem and visit
 * warnings of warnings.sql.ts (its `params` CTE gives `now` and `tz`):
 *
 * - project_not_started (项目逾期未开工): a project whose planned start date lies before today (report
 *   time zone) and that is still in preparation; `daysLate` counts the days since that date. A new
 *   planned start date makes a new warning.
 * - idle_not_visited (停产企业久未走访): an idle enterprise whose latest visit (not withdrawn), or the
 *   start of its idleness when that is later or it was never visited, lies at least
 *   IDLE_NOT_VISITED_DAYS back. A visit or a new spell of idleness makes a new warning.
 */
export const IDLE_NOT_VISITED_DAYS = 14;

/** The placeholders these warnings add to WarningSqlInput. */
export interface WatchWarningSqlInput {
  /** A condition on `pr` (projects): the projects this caller may see warnings of. */
  projectScope: string;
  /** integer: IDLE_NOT_VISITED_DAYS. */
  idleNotVisitedDays: string;
  /** boolean: whether enterprise warnings are wanted at all. */
  withEnterprises: string;
  /** A condition on `due.enterprise_id`: the enterprises whose warnings this caller sees. */
  enterpriseScope: string;
}

/** The rules of the two levels, as CTEs after warnings.sql.ts's (its `params` gives `now` and `tz`). */
export function watchWarningsCte(input: WatchWarningSqlInput): string {
  return `,
  project_not_started AS NOT MATERIALIZED (
    SELECT pr.id, pr.code, pr.name, pr.owner_enterprise_id, pr.department_id, pr.planned_start_date,
           ((params.now AT TIME ZONE params.tz)::date - pr.planned_start_date) AS days_late
    FROM projects pr CROSS JOIN params
    WHERE pr.stage = 'preparation' AND pr.planned_start_date < (params.now AT TIME ZONE params.tz)::date
      AND ${input.projectScope}
  ),
  idle_not_visited AS NOT MATERIALIZED (
    SELECT e.id, e.name, e.production_status_since AS idle_since, last_visit.at AS last_visit_at
    FROM enterprises e
    CROSS JOIN params
    LEFT JOIN LATERAL (
      SELECT max(v.visited_at) AS at FROM visits v
      WHERE v.enterprise_id = e.id AND v.withdrawn_at IS NULL AND v.visited_at <= params.now
    ) last_visit ON true
    CROSS JOIN LATERAL (SELECT e.id AS enterprise_id) due
    WHERE ${input.withEnterprises}::boolean AND e.production_status = 'idle' AND ${input.enterpriseScope}
      AND COALESCE(greatest(last_visit.at, e.production_status_since), e.created_at)
          <= params.now - make_interval(days => ${input.idleNotVisitedDays}::int)
  )`;
}

/** The rows of the two levels. */
export const WATCH_LEVEL_ROWS: Record<'project_not_started' | 'idle_not_visited', LevelRows> = {
  project_not_started: {
    rule: 'project_not_started',
    from: `project_not_started pns
    CROSS JOIN params
    LEFT JOIN enterprises owner ON owner.id = pns.owner_enterprise_id
    LEFT JOIN departments d ON d.id = pns.department_id`,
    columns: {
      enterprise_id: 'pns.owner_enterprise_id',
      enterprise_name: 'owner.name',
      department_id: 'pns.department_id',
      department_name: 'd.name',
      project_id: 'pns.id',
      project_code: 'pns.code',
      project_name: 'pns.name',
      planned_start_date: 'pns.planned_start_date',
      days_late: 'pns.days_late',
    },
    dedupeKey: `'project_not_started:' || pns.id || ':' || pns.planned_start_date::text`,
    sortAt: 'pns.planned_start_date::timestamp AT TIME ZONE params.tz',
  },
  idle_not_visited: {
    rule: 'idle_not_visited',
    from: 'idle_not_visited inv CROSS JOIN params',
    columns: {
      enterprise_id: 'inv.id',
      enterprise_name: 'inv.name',
      last_visit_at: 'inv.last_visit_at',
      idle_since: 'inv.idle_since',
    },
    dedupeKey: `'idle_not_visited:' || inv.id || ':' || COALESCE(${utcText('inv.idle_since')}, 'unknown') || ':'
             || COALESCE(${utcText('inv.last_visit_at')}, 'never')`,
    sortAt: 'COALESCE(greatest(inv.last_visit_at, inv.idle_since), params.now)',
  },
};
