/**
 * The supervision ladder (督办) and bounced problems (推诿) in the demo data, written after the rest
 * of the data set by a few statements whose every choice is ordered by problem code, so a load
 * gives the same rows every time (ids are name-based too):
 *
 * - every escalation of the replayed histories opens a supervision, its level taken from the
 *   problem's code (so all three levels occur), due three working days later and answered by the
 *   department's next progress note or resolution;
 * - the first closed problem under supervision has it lifted a day after its last event;
 * - the first problem still in progress under a lower level is raised to a listed supervision
 *   (挂牌督办) four days before the data ends, and nobody answers it: an overdue supervision;
 * - the three open problems reported after 2025-Q1 that were moved on most often are reassigned
 *   twice more, each time to a department they had not been with: bounced problems.
 *
 * No status changes but those of the reassigned problems, which stay open, are not of 2025-Q1 and
 * concern no key project: no published figure moves (the loader checks the 2025-Q1 figures too).
 */
import type { Queryable } from './demo-insert';
import { beijing, DATA_END, iso } from './demo-time';

/** The end of the third working day after instant `at` (a SQL expression), in the session time zone. */
const answerBy = (
  at: string,
) => `(((SELECT g.d FROM generate_series((${at} AT TIME ZONE current_setting('TimeZone'))::date + 1,
      (${at} AT TIME ZONE current_setting('TimeZone'))::date + 60, interval '1 day') AS g(d)
    WHERE is_working_day(g.d::date) ORDER BY g.d OFFSET 2 LIMIT 1)::date + 1)::timestamp AT TIME ZONE current_setting('TimeZone'))`;

const LEVEL_OF_CODE = `(ARRAY['reminder', 'supervision', 'listed'])[('x' || substr(md5(p.code), 1, 2))::bit(8)::int % 3 + 1]`;

/**
 * Reassigns the three open problems reported after 2025-Q1 that were moved on most often (returned
 * or reassigned) to a department they had not been with; run twice, they are bounced.
 */
const BOUNCE = `
  WITH candidate AS (
    SELECT p.id, p.status, p.department_id, last_event.at + interval '1 day' AS at, first_assign.actor_id,
           (SELECT d.id FROM departments d
            WHERE NOT EXISTS (SELECT 1 FROM problem_events a WHERE a.problem_id = p.id AND a.department_id = d.id)
            ORDER BY d.code LIMIT 1) AS to_department
    FROM problems p
    CROSS JOIN LATERAL (SELECT max(e.at) AS at FROM problem_events e WHERE e.problem_id = p.id) last_event
    CROSS JOIN LATERAL (SELECT e.actor_id FROM problem_events e WHERE e.problem_id = p.id AND e.type = 'assign'
                        ORDER BY e.at LIMIT 1) first_assign
    WHERE p.status IN ('assigned', 'in_progress') AND p.project_id IS NULL AND NOT p.escalated
      AND p.reported_at >= $2::timestamptz AND last_event.at < $1::timestamptz - interval '5 days'
    -- The ones moved on most often first: a second pass picks the same three again.
    ORDER BY (SELECT count(*) FROM problem_events r WHERE r.problem_id = p.id
              AND (r.type = 'return' OR (r.type = 'assign' AND (r.data->>'reassigned')::boolean))) DESC, p.code
    LIMIT 3
  ),
  event AS (
    INSERT INTO problem_events (problem_id, type, from_status, to_status, department_id, actor_id, at, note, data)
    SELECT c.id, 'assign', c.status, 'assigned', c.to_department, c.actor_id, c.at, '原承办单位认为不属其职责，改由本单位办理',
           jsonb_build_object('departmentId', c.to_department, 'reassigned', true,
             'dueAt', to_char((c.at + interval '15 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    FROM candidate c
    RETURNING problem_id, at, department_id
  )
  UPDATE problems p
  SET status = 'assigned', department_id = event.department_id, due_at = event.at + interval '15 days',
      version = p.version + 1, updated_at = event.at, last_event_type = 'assign'
  FROM event WHERE p.id = event.problem_id`;

/** One supervision per escalation of the histories, answered by the next progress note or resolution. */
const SUPERVISE = `
  INSERT INTO supervisions (id, problem_id, level, answer_by, opened_at, opened_event_id, opened_by,
                            answered_at, answer_event_id)
  SELECT md5('demo-supervision:' || p.code || ':' || ev.id)::uuid, p.id, ${LEVEL_OF_CODE}, ${answerBy('ev.at')},
         ev.at, ev.id, ev.actor_id, answer.at, answer.id
  FROM problem_events ev
  JOIN problems p ON p.id = ev.problem_id
  LEFT JOIN LATERAL (
    SELECT a.id, a.at FROM problem_events a
    WHERE a.problem_id = ev.problem_id AND a.type IN ('progress', 'resolve') AND (a.at, a.id) > (ev.at, ev.id)
    ORDER BY a.at, a.id LIMIT 1
  ) answer ON true
  WHERE ev.type = 'escalate'
  ORDER BY ev.at, ev.id`;

/** The first closed problem under supervision: lifted a day after its last event. */
const LIFT = `
  WITH chosen AS (
    SELECT p.id, p.status, p.department_id, s.id AS supervision_id, s.opened_by, last_event.at + interval '1 day' AS at
    FROM problems p
    JOIN supervisions s ON s.problem_id = p.id AND s.lifted_at IS NULL
    CROSS JOIN LATERAL (SELECT max(e.at) AS at FROM problem_events e WHERE e.problem_id = p.id) last_event
    WHERE p.status = 'closed' AND last_event.at < $1::timestamptz - interval '2 days'
    ORDER BY p.code LIMIT 1
  ),
  event AS (
    INSERT INTO problem_events (problem_id, type, from_status, to_status, department_id, actor_id, at, note, data)
    SELECT c.id, 'lift', c.status, c.status, c.department_id, c.opened_by, c.at, '问题已办结销号，解除督办',
           jsonb_build_object('supervisionId', c.supervision_id)
    FROM chosen c
    RETURNING id, problem_id, at, actor_id
  ),
  lifted AS (
    UPDATE supervisions s SET lifted_at = event.at, lift_event_id = event.id, lifted_by = event.actor_id,
                              lift_note = '问题已办结销号，解除督办'
    FROM event WHERE s.problem_id = event.problem_id AND s.lifted_at IS NULL
  )
  UPDATE problems p SET escalated = false, version = p.version + 1, updated_at = event.at, last_event_type = 'lift'
  FROM event WHERE p.id = event.problem_id`;

/** The first problem in progress under a lower level: raised to a listed supervision nobody answers. */
const RAISE = `
  WITH chosen AS (
    SELECT p.id, p.status, p.department_id, s.id AS supervision_id, s.opened_by,
           md5('demo-supervision:' || p.code || ':listed')::uuid AS new_id,
           greatest(last_event.at + interval '1 hour', $1::timestamptz - interval '4 days') AS at
    FROM problems p
    JOIN supervisions s ON s.problem_id = p.id AND s.lifted_at IS NULL AND s.level <> 'listed'
    CROSS JOIN LATERAL (SELECT max(e.at) AS at FROM problem_events e WHERE e.problem_id = p.id) last_event
    WHERE p.status = 'in_progress' AND p.project_id IS NULL AND last_event.at < $1::timestamptz - interval '2 days'
    ORDER BY p.code LIMIT 1
  ),
  event AS (
    INSERT INTO problem_events (problem_id, type, from_status, to_status, department_id, actor_id, at, note, data)
    SELECT c.id, 'escalate', c.status, c.status, c.department_id, c.opened_by, c.at, '久拖未决，挂牌督办',
           jsonb_build_object('supervisionId', c.new_id, 'level', 'listed', 'leaderId', NULL,
             'answerBy', to_char(${answerBy('c.at')} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    FROM chosen c
    RETURNING id, problem_id, at, actor_id
  ),
  superseded AS (
    UPDATE supervisions s SET lifted_at = event.at, lift_event_id = event.id, lifted_by = event.actor_id,
                              superseded_by = chosen.new_id
    FROM event JOIN chosen ON chosen.id = event.problem_id
    WHERE s.id = chosen.supervision_id
  )
  UPDATE problems p SET version = p.version + 1, updated_at = event.at, last_event_type = 'escalate'
  FROM event WHERE p.id = event.problem_id`;

/** The supervision a raise above names in its event (a statement of its own: one active per problem). */
const OPEN_RAISED = `
  INSERT INTO supervisions (id, problem_id, level, answer_by, opened_at, opened_event_id, opened_by)
  SELECT (ev.data->>'supervisionId')::uuid, ev.problem_id, ev.data->>'level', (ev.data->>'answerBy')::timestamptz,
         ev.at, ev.id, ev.actor_id
  FROM problem_events ev
  WHERE ev.type = 'escalate' AND ev.data ? 'supervisionId'
    AND NOT EXISTS (SELECT 1 FROM supervisions s WHERE s.id = (ev.data->>'supervisionId')::uuid)`;

/** Adds the demo's supervisions and bounced problems to the data set just inserted. */
export async function insertDemoSupervision(db: Queryable): Promise<void> {
  const params = [iso(DATA_END), iso(beijing(2025, 4, 1))];
  await db.query(BOUNCE, params);
  await db.query(BOUNCE, params);
  await db.query(SUPERVISE);
  await db.query(LIFT, [params[0]]);
  await db.query(RAISE, [params[0]]);
  await db.query(OPEN_RAISED);
}
