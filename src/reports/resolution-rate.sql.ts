/**
 * The resolution rate as of an instant T ($3) for problems reported in [$1, $2).
 *
 * A problem's state as of T is its latest event before T: a problem with no such event had not
 * been entered yet. Withdrawn ones are not recorded; `resolved` and `closed` count as resolved.
 * The department is the one the problem had at T, so a later reassignment does not move it.
 */
export const STATE_AS_OF = `
  WITH state AS (
    SELECT p.id, p.category_code, e.district_code, e.industry, s.status, s.department_id
    FROM problems p
    JOIN enterprises e ON e.id = p.enterprise_id
    CROSS JOIN LATERAL (
      SELECT ev.to_status AS status, ev.department_id
      FROM problem_events ev
      WHERE ev.problem_id = p.id AND ev.at < $3
      ORDER BY ev.at DESC, ev.id DESC
      LIMIT 1
    ) s
    WHERE p.reported_at >= $1 AND p.reported_at < $2
  ),
  counted AS (
    SELECT *, status IN ('resolved', 'closed') AS is_resolved FROM state WHERE status <> 'withdrawn'
  )`;

export const TOTAL = `${STATE_AS_OF}
  SELECT count(*)::int AS recorded, count(*) FILTER (WHERE is_resolved)::int AS resolved FROM counted`;

/** Every reference row appears, with zeros when it had no problems; problems with no department form their own group. */
export const BY_GROUP = {
  department: `${STATE_AS_OF}
    SELECT * FROM (
      SELECT d.id::text AS key, d.name AS label, count(c.id)::int AS recorded,
             count(c.id) FILTER (WHERE c.is_resolved)::int AS resolved
      FROM departments d LEFT JOIN counted c ON c.department_id = d.id
      GROUP BY d.id, d.name
      UNION ALL
      SELECT NULL, '未分派', count(*)::int, count(*) FILTER (WHERE is_resolved)::int
      FROM counted WHERE department_id IS NULL HAVING count(*) > 0
    ) g
    ORDER BY key IS NULL, label`,
  district: `${STATE_AS_OF}
    SELECT d.code AS key, d.name AS label, count(c.id)::int AS recorded,
           count(c.id) FILTER (WHERE c.is_resolved)::int AS resolved
    FROM districts d LEFT JOIN counted c ON c.district_code = d.code
    GROUP BY d.code, d.name, d.sort_order
    ORDER BY d.sort_order, d.code`,
  category: `${STATE_AS_OF}
    SELECT k.code AS key, k.name AS label, count(c.id)::int AS recorded,
           count(c.id) FILTER (WHERE c.is_resolved)::int AS resolved
    FROM categories k LEFT JOIN counted c ON c.category_code = k.code
    GROUP BY k.code, k.name, k.sort_order
    ORDER BY k.sort_order, k.code`,
  industry: `${STATE_AS_OF}
    SELECT industry AS key, COALESCE(industry, '未填写') AS label, count(*)::int AS recorded,
           count(*) FILTER (WHERE is_resolved)::int AS resolved
    FROM counted
    GROUP BY industry
    ORDER BY industry NULLS LAST`,
} as const;

export type GroupBy = keyof typeof BY_GROUP;
export const GROUP_BYS = Object.keys(BY_GROUP) as GroupBy[];
