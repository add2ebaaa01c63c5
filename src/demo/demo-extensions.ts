/**
 * Extension requests (延期申请) in the demo data, written after the rest of the data set because a
 * decision names its request by event id (data.requestEventId), which only the database gives:
 * each request is inserted with RETURNING id, then its decision names that id.
 *
 * Six open problems (assigned or in progress with a deadline, reported after 2025-Q1, concerning
 * no key project, untouched since before the window) are picked by the md5 of their code; their
 * requests fall in the two quarters before the load instant and the current one, after the
 * problem's last event: five approved (one problem twice), two refused (one then approved on a
 * second request) and one still pending, made in the current week. An approval moves
 * problems.due_at; each event bumps version and updated_at as the action would. Times come from
 * a fixed seed and the load instant only, so the same instant gives the same rows. No status
 * changes, so no published figure moves.
 */
import type { Queryable } from './demo-insert';
import { HANDLER_BY_DEPARTMENT } from './demo-text';
import { beijing, beijingMidnight, DAY, iso, Random, WORKDAY_END, workingTime } from './demo-time';

interface Candidate {
  id: string;
  code: string;
  status: string;
  department_id: string;
  due_at: Date;
  manager_id: string;
}

/** One request: when (a fraction of the window), how many days it asks for, and its decision. */
interface Step {
  at: number;
  days: number;
  decision: 'approve' | 'refuse' | 'pending';
  afterDays: number;
}

const REASONS = [
  '涉及多部门会商，所需审批材料尚未齐备，申请延期办结',
  '需上级主管部门批复，现已行文请示，申请延期',
  '企业补充材料时间较长，现场核查需重新安排，申请延期',
  '施工受季节影响暂停，待复工后完成，申请延期',
];
const REFUSALS = ['延期理由不充分，请按原时限加快办理', '该事项已协调到位，请按原时限办结'];
const APPROVALS = ['同意延期，请按新时限办结并及时反馈进展', null];

/** The instant the quarter holding `t` began (Beijing). */
function quarterStart(t: number): number {
  const d = new Date(t + 8 * 3_600_000);
  return beijing(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3 + 1, 1);
}

/** Monday 00:00 (Beijing) of the week holding `t`. */
function weekStart(t: number): number {
  const midnight = beijingMidnight(t);
  const weekday = (new Date(midnight + 8 * 3_600_000).getUTCDay() + 6) % 7;
  return midnight - weekday * DAY;
}

/** A working instant of the current week before `now`, or the middle of the week so far. */
function thisWeek(working: number, week: number, now: number): number {
  return working < now ? working : Math.floor((week + (now - week) / 2) / 1000) * 1000;
}

/** The stories, in order of the chosen problems: fractions of the window before the current week. */
const STORIES: Step[][] = [
  [{ at: 0.1, days: 30, decision: 'approve', afterDays: 3 }],
  [{ at: 0.25, days: 20, decision: 'refuse', afterDays: 2 }],
  [
    { at: 0.15, days: 30, decision: 'approve', afterDays: 2 },
    { at: 0.6, days: 20, decision: 'approve', afterDays: 3 },
  ],
  [
    { at: 0.35, days: 45, decision: 'refuse', afterDays: 1 },
    { at: 0.7, days: 30, decision: 'approve', afterDays: 2 },
  ],
  [{ at: 0.85, days: 25, decision: 'approve', afterDays: 2 }],
  // Made in the current week (see below) and not decided yet.
  [{ at: 1, days: 30, decision: 'pending', afterDays: 0 }],
];

const CANDIDATES = `
  SELECT p.id, p.code, p.status, p.department_id, p.due_at, first_assign.actor_id AS manager_id
  FROM problems p
  CROSS JOIN LATERAL (SELECT max(e.at) AS at FROM problem_events e WHERE e.problem_id = p.id) last_event
  CROSS JOIN LATERAL (SELECT e.actor_id FROM problem_events e WHERE e.problem_id = p.id AND e.type = 'assign'
                      ORDER BY e.at, e.id LIMIT 1) first_assign
  WHERE p.status IN ('assigned', 'in_progress') AND p.due_at IS NOT NULL AND p.department_id IS NOT NULL
    AND p.project_id IS NULL AND p.reported_at >= $2::timestamptz AND last_event.at < $1::timestamptz
  ORDER BY md5('demo-extension:' || p.code), p.code
  LIMIT $3`;

const INSERT_EVENT = `
  INSERT INTO problem_events (problem_id, type, from_status, to_status, department_id, actor_id, at, note, data)
  VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8::jsonb)
  RETURNING id::text AS id`;

const UPDATE_PROBLEM = `
  UPDATE problems SET due_at = $2, version = version + $3, updated_at = $4, last_event_type = $5 WHERE id = $1`;

/** Adds the demo's extension requests and decisions to the data set just inserted, as of `now`. */
export async function insertDemoExtensions(db: Queryable, now: number): Promise<void> {
  const rng = new Random('demo-extensions');
  const from = quarterStart(quarterStart(quarterStart(now) - DAY) - DAY);
  const week = weekStart(now);
  const chosen: Candidate[] = await db.query(CANDIDATES, [iso(from), iso(beijing(2025, 4, 1)), STORIES.length]);
  for (const [i, problem] of chosen.entries()) {
    const handler = HANDLER_BY_DEPARTMENT.get(problem.department_id) ?? problem.manager_id;
    let due = new Date(problem.due_at).getTime();
    const events: { type: string; actor: string; at: number; note: string | null; data: object; request?: number }[] =
      [];
    for (const story of STORIES[i]!) {
      const requestAt =
        story.decision === 'pending'
          ? thisWeek(workingTime(week, rng), week, now)
          : workingTime(from + story.at * (week - from), rng);
      const dueAt = beijingMidnight(Math.max(due, requestAt)) + story.days * DAY + WORKDAY_END;
      const request = events.length;
      events.push({
        type: 'request_extension',
        actor: handler,
        at: requestAt,
        note: rng.pick(REASONS),
        data: { dueAt: iso(dueAt), previousDueAt: iso(due) },
      });
      if (story.decision === 'pending') continue;
      const decidedAt = workingTime(requestAt + story.afterDays * DAY, rng);
      if (story.decision === 'approve') {
        events.push({
          type: 'approve_extension',
          actor: problem.manager_id,
          at: decidedAt,
          note: rng.pick(APPROVALS),
          data: { dueAt: iso(dueAt), previousDueAt: iso(due) },
          request,
        });
        due = dueAt;
      } else {
        events.push({
          type: 'refuse_extension',
          actor: problem.manager_id,
          at: decidedAt,
          note: rng.pick(REFUSALS),
          data: {},
          request,
        });
      }
    }
    // A story that would reach the load instant, or run out of order, is left out whole.
    if (events.some((e, k) => e.at >= now || (k > 0 && e.at <= events[k - 1]!.at))) continue;
    const ids: string[] = [];
    for (const e of events) {
      const data = e.request === undefined ? e.data : { requestEventId: ids[e.request], ...e.data };
      const [row] = (await db.query(INSERT_EVENT, [
        problem.id,
        e.type,
        problem.status,
        problem.department_id,
        e.actor,
        iso(e.at),
        e.note,
        JSON.stringify(data),
      ])) as { id: string }[];
      ids.push(row!.id);
    }
    const last = events[events.length - 1]!;
    await db.query(UPDATE_PROBLEM, [problem.id, iso(due), events.length, iso(last.at), last.type]);
  }
}
