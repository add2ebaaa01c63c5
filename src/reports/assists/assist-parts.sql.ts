/**
 * Assisting parts (协办) as the events record them, the one definition the assisting figures and
 * the weekly report read. A part opens with the `assign` event whose data.assistsOpened names the
 * department; it ends with the first later event, before the instant `asOf`, that is either that
 * department's `assist_done` (done) or names it in data.assistsCancelled (a reassignment that no
 * longer names it, a return, a withdrawal, a close). Its deadline is the opening assignment's
 * dueAt. Only events before `asOf` are read, so the parts as of T never change afterwards.
 *
 * `assistParts(opened, asOf)` is a CTE named `parts` with columns problem_id, department_id,
 * opened_at, due_at, ended_at, end_type ('assist_done', another event type, or NULL while open);
 * `opened` is a condition on the assign event `a`.
 */
export function assistParts(opened: string, asOf: string): string {
  return `parts AS (
    SELECT a.problem_id, d.department_id::uuid AS department_id, a.at AS opened_at,
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

/**
 * Per assisting department, the parts opened in [$1, $2) as of $3: opened, done, done on time,
 * still open, cancelled. Departments with no part in the window are not listed.
 */
export const ASSIST_FIGURES = `
  WITH ${assistParts('a.at >= $1 AND a.at < $2', '$3')}
  SELECT parts.department_id::text AS key, dep.name AS label,
         count(*)::int AS assigned,
         count(*) FILTER (WHERE end_type = 'assist_done')::int AS done,
         count(*) FILTER (WHERE ${PART_DONE_ON_TIME})::int AS "doneOnTime",
         count(*) FILTER (WHERE end_type IS NULL)::int AS open,
         count(*) FILTER (WHERE end_type IS NOT NULL AND end_type <> 'assist_done')::int AS cancelled
  FROM parts JOIN departments dep ON dep.id = parts.department_id
  GROUP BY parts.department_id, dep.name, dep.code
  ORDER BY dep.code`;
