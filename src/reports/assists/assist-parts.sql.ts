/**
 * Assisting parts (协办) as the events record them, the one definition the assisting figures and
 * the weekly report read. A part opens with the `assign` event whose data.assistsOpened names the
 * department; it ends with the first later event, before the instant `asOf`, that is either that
 * department's `assist_done` (done) or names it in data.assistsCancelled (a reassignment that no
 * longer names it, a return, a withdrawal, a close). Its deadline is the opening assignment's
 * dueAt. Only events before `asOf` are read, so the parts as of T never change afterwards.
 *
 * `assistParts(opened, asOf)` is a CTE named `parts` with columns problem_id, assign_event_id,
 * department_id, opened_at, due_at, ended_at, end_type ('assist_done', another event type, or NULL while open);
 * `opened` is a condition on the assign event `a`.
 */
export function assistParts(opened: string, asOf: string): string {
  return `parts AS (
    SELECT a.problem_id, a.id AS assign_event_id, d.department_id::uuid AS department_id, a.at AS opened_at,
           (a.data->>'dueAt')::timestamptz AS due_at, fin.at AS ended_at, fin.type AS end_type
    FROM problem_events a
    CROSS JOIN LATERAL jsonb_array_elements_text(a.data->'assistsOpened') AS d(department_id)
    LEFT JOIN LATERAL (
      SELECT e.type, e.at FROM problem_events e
      WHERE e.problem_id = a.problem_id AND e.at > a.at AND e.at < ${asOf}
        AND ((e.type = 'assist_done' AND e.department_id = d.department_id::uuid)
             OR COALESCE(e.data->'assistsCancelled', '[]'::jsonb) ? d.department_id)
      ORDER BY e.at, e.id
      LIMIT 1
    ) fin ON true
    WHERE a.type = 'assign' AND a.data ? 'assistsOpened' AND a.at < ${asOf} AND (${opened})
  )`;
}

/** Done on time: marked done on or before the opening assignment's deadline (none: on time). */
export const PART_DONE_ON_TIME = `(end_type = 'assist_done' AND ended_at <= COALESCE(due_at, 'infinity'))`;

/** The parts opened in [$1, $2) as of $3: the row set of the figures below and of their drill-down. */
const PARTS_IN_PERIOD = assistParts('a.at >= $1 AND a.at < $2', '$3');

/** Done as of $3: the denominator of the on-time rate. */
const PART_DONE = `(end_type = 'assist_done')`;

/**
 * Per assisting department, the parts opened in [$1, $2) as of $3: opened, done, done on time,
 * still open, cancelled. Departments with no part in the window are not listed.
 */
export const ASSIST_FIGURES = `
  WITH ${PARTS_IN_PERIOD}
  SELECT parts.department_id::text AS key, dep.name AS label,
         count(*)::int AS assigned,
         count(*) FILTER (WHERE ${PART_DONE})::int AS done,
         count(*) FILTER (WHERE ${PART_DONE_ON_TIME})::int AS "doneOnTime",
         count(*) FILTER (WHERE end_type IS NULL)::int AS open,
         count(*) FILTER (WHERE end_type IS NOT NULL AND end_type <> 'assist_done')::int AS cancelled
  FROM parts JOIN departments dep ON dep.id = parts.department_id
  GROUP BY parts.department_id, dep.name, dep.code
  ORDER BY dep.code`;

/**
 * The drill-down of the on-time rate of the assisting parts (src/reports/drill-down): the parts
 * done as of $3 among those opened in [$1, $2), one row per part (the assignment that opened it
 * and the assisting department), with the columns of ItemRow. The item is the problem; its status
 * and department as of $3 are the lead department's, read from the problem's latest event.
 */
export function assistOnTimeItemsSql(groupBy: 'department' | 'total'): string {
  return `
  WITH ${PARTS_IN_PERIOD},
  done AS (
    SELECT parts.*, ${PART_DONE_ON_TIME} AS on_time FROM parts WHERE ${PART_DONE}
  )
  SELECT d.assign_event_id::text || ':' || d.department_id::text AS item_key, d.problem_id AS item_id,
         ${groupBy === 'department' ? 'd.department_id::text' : `'total'`} AS group_key,
         d.ended_at AS sort_at, d.ended_at::text AS sort_text,
         d.on_time AS in_numerator, d.ended_at AS counted_at,
         d.department_id AS counted_department_id, d.due_at AS judged_due_at,
         p.code, p.title, ent.id AS enterprise_id, ent.name AS enterprise_name, ent.district_code, p.category_code,
         st.to_status AS status_as_of, st.department_id AS department_id_as_of, NULL::timestamptz AS due_at_as_of,
         jsonb_build_object('assignedAt', d.opened_at, 'assignEventId', d.assign_event_id,
                            'assistingDepartmentId', d.department_id) AS detail
  FROM done d
  JOIN problems p ON p.id = d.problem_id
  JOIN enterprises ent ON ent.id = p.enterprise_id
  LEFT JOIN LATERAL (
    SELECT ev.to_status, ev.department_id FROM problem_events ev
    WHERE ev.problem_id = d.problem_id AND ev.at < $3
    ORDER BY ev.at DESC, ev.id DESC
    LIMIT 1
  ) st ON true`;
}
