import { STARTED_STAGES } from './project-vocabulary';
import type { ProjectGroupBy } from './project.dto';

/** One row per group: the plan's projects and how many had started, and completed investment now and a year before. */
export interface ProjectFigureRow {
  key: string | null;
  label: string | null;
  planned: number;
  started: number;
  investmentYuan: number;
  previousYearInvestmentYuan: number;
}

const STARTED_SQL_LIST = STARTED_STAGES.map((stage) => `'${stage}'`).join(', ');

/** How a grouping names its key and label; `pr` is the project, `g` the grouped row. */
const GROUPS: Record<ProjectGroupBy | 'total', { key: string; join: string; label: string }> = {
  total: { key: `'total'`, join: '', label: `NULL::text` },
  district: { key: 'pr.district_code', join: 'LEFT JOIN districts gl ON gl.code = g.key', label: 'gl.name' },
  industry: { key: 'pr.industry', join: '', label: 'g.key' },
  department: {
    key: 'pr.department_id::text',
    join: 'LEFT JOIN departments gl ON gl.id::text = g.key',
    label: 'gl.name',
  },
};

/**
 * The start rate's row set, which the figure counts and its drill-down lists: `plan`, the projects
 * of the plan year (`planYear`, a parameter) recorded by T ($3), and `stage_at`, each one's stage
 * by the latest stage event that took effect before the period's end ($2) and by T and was
 * recorded by T. `stage_events` are those visible events.
 */
function planCtes(planYear: string): string {
  return `
    plan AS (
      SELECT pr.id FROM projects pr WHERE pr.plan_year = ${planYear} AND pr.created_at <= $3
    ),
    stage_events AS (
      SELECT ev.* FROM project_stage_events ev
      JOIN plan ON plan.id = ev.project_id
      WHERE ev.effective_at < $2 AND ev.effective_at <= $3 AND ev.recorded_at <= $3
    ),
    stage_at AS (
      SELECT DISTINCT ON (ev.project_id) ev.project_id, ev.stage, ev.effective_at
      FROM stage_events ev
      ORDER BY ev.project_id, ev.effective_at DESC, ev.id DESC
    )`;
}

/** Started as of T: the stage of `stage_at` is a started one. */
const STARTED_AS_OF = `stage_at.stage IN (${STARTED_SQL_LIST})`;

/**
 * The drill-down of the start rate (src/reports/drill-down): one row per project of the plan, with
 * the columns of ItemRow, grouped like the figure (by the project's current district, industry or
 * department). Parameters: $1 and $2 the period, $3 T, $4 the plan year. A started project's
 * start is the first event of its current run of started stages: the earliest visible event into a
 * started stage after the latest one into a stage that is not. Started projects come first, by
 * their start; the others after them, at the end of the part of P up to T.
 */
export function projectStartItemsSql(groupBy: ProjectGroupBy | 'total'): string {
  return `
    WITH ${planCtes('$4::int')},
    item AS (
    SELECT pr.id::text AS item_key, pr.id AS item_id, ${GROUPS[groupBy].key} AS group_key,
           COALESCE(${STARTED_AS_OF}, false) AS in_numerator,
           CASE WHEN ${STARTED_AS_OF} THEN (
             SELECT min(s.effective_at) FROM stage_events s
             WHERE s.project_id = pr.id AND s.stage IN (${STARTED_SQL_LIST})
               AND NOT EXISTS (
                 SELECT 1 FROM stage_events n
                 WHERE n.project_id = pr.id AND n.stage NOT IN (${STARTED_SQL_LIST})
                   AND (n.effective_at, n.id) > (s.effective_at, s.id))
           ) END AS counted_at,
           NULL::uuid AS counted_department_id, NULL::timestamptz AS judged_due_at,
           pr.code, pr.name AS title, ent.id AS enterprise_id, ent.name AS enterprise_name,
           pr.district_code, NULL::text AS category_code, NULL::text AS status_as_of,
           NULL::uuid AS department_id_as_of, NULL::timestamptz AS due_at_as_of,
           jsonb_build_object('stage', COALESCE(stage_at.stage, 'preparation'), 'stageSince', stage_at.effective_at,
                              'departmentId', pr.department_id, 'industry', pr.industry) AS detail
    FROM plan
    JOIN projects pr ON pr.id = plan.id
    LEFT JOIN stage_at ON stage_at.project_id = pr.id
    LEFT JOIN enterprises ent ON ent.id = pr.owner_enterprise_id
    )
    SELECT item.*, sorted.sort_at, sorted.sort_at::text AS sort_text
    FROM item
    CROSS JOIN LATERAL (SELECT COALESCE(item.counted_at, greatest($1::timestamptz, least($2::timestamptz, $3::timestamptz))) AS sort_at) sorted`;
}

/**
 * The project figures of a period as of an instant T. Parameters: $1 plan year, $2 the period's
 * end (exclusive), $3 T, $4 and $5 the first month of the period and the first after it (a
 * month counts when its first day falls in the period), $6 and $7 the same a year earlier.
 *
 * - planned: projects of the plan year recorded by T;
 * - started: of those, the ones whose stage, by the latest stage event that took effect before the
 *   period's end and by T and was recorded by T, is a started stage (a correction recorded after
 *   T is not seen; one recorded by T is);
 * - investment: over all projects, each month's latest revision recorded by T, summed over the
 *   period's months; previous: the same for the months a year earlier.
 *
 * Investment is grouped by the project's current district, industry and department.
 */
export function projectFiguresSql(groupBy: ProjectGroupBy | 'total'): string {
  const group = GROUPS[groupBy];
  return `
    WITH ${planCtes('$1')},
    month_amounts AS (
      SELECT DISTINCT ON (pi.project_id, pi.month) pi.project_id, pi.month, pi.amount_yuan
      FROM project_investments pi
      WHERE pi.recorded_at <= $3
        AND ((pi.month >= $4::date AND pi.month < $5::date) OR (pi.month >= $6::date AND pi.month < $7::date))
      ORDER BY pi.project_id, pi.month, pi.revision DESC
    ),
    facts AS (
      SELECT plan.id AS project_id, 1 AS planned,
             CASE WHEN ${STARTED_AS_OF} THEN 1 ELSE 0 END AS started,
             0::numeric AS investment, 0::numeric AS previous
      FROM plan LEFT JOIN stage_at ON stage_at.project_id = plan.id
      UNION ALL
      SELECT m.project_id, 0, 0,
             CASE WHEN m.month >= $4::date THEN m.amount_yuan ELSE 0 END,
             CASE WHEN m.month < $4::date THEN m.amount_yuan ELSE 0 END
      FROM month_amounts m
    ),
    g AS (
      SELECT ${group.key} AS key, sum(f.planned)::int AS planned, sum(f.started)::int AS started,
             sum(f.investment)::float8 AS investment, sum(f.previous)::float8 AS previous
      FROM facts f JOIN projects pr ON pr.id = f.project_id
      GROUP BY 1
    )
    SELECT g.key, ${group.label} AS label, g.planned, g.started,
           g.investment AS "investmentYuan", g.previous AS "previousYearInvestmentYuan"
    FROM g ${group.join}
    ORDER BY label NULLS LAST, g.key NULLS LAST`;
}
