/**
 * Lead and assisting departments (主办/协办) in the demo: a few problems reported from 2025-Q2 on
 * get one or two assisting departments at their (only) assignment, who note their progress and
 * mark their part done; one lead resolves before a part is done, with the explanation the service
 * asks for; two problems still open at the end of the data keep a part open, so the assisting
 * handlers find them in their queue. Only events are added (no status changes), so no published
 * figure moves: the resolution rate, the on-time rate and the figures of 2025-Q1 stay as they were.
 *
 * The events follow the rules of `assistPlan` (problems/problem-workflow.ts): the assignment names
 * the departments (data.assistingDepartmentIds, assistsOpened), assist_progress and assist_done are
 * recorded under the assisting department, a resolve with a part open carries assistsNote and
 * assistsOpen, and a close cancels the part still open (assistsCancelled).
 */
import { SATISFIED } from '../workflow/satisfactions';
import type { Satisfaction } from '../workflow/satisfactions';
import type { Queryable } from './demo-insert';
import type { Problem } from './demo-problems';
import { departmentId, HANDLER_BY_DEPARTMENT } from './demo-text';
import { beijing, DATA_END, HOUR } from './demo-time';

/** Departments with a demo handler, so that a demo user can open the assisting side. */
const ASSISTING = ['zrzyj', 'gdgs', 'rsj', 'fgw', 'gxj'].map(departmentId);

const FROM = beijing(2025, 4, 1);

const NOTES = {
  progress: ['已派员现场踏勘，正在出具意见', '已对接企业，材料清单已告知', '已会同主办单位研究，方案在编'],
  done: ['本单位协办事项已办结，意见已反馈主办单位', '已完成配套手续，书面意见已送主办单位'],
  resolveNote: '协办单位书面意见尚未反馈，经电话确认不影响办结，先行办结',
};

/** A part as the problem_assists table holds it at the end of the data. */
export interface DemoAssist {
  problemId: string;
  departmentId: string;
  /** The instant of the assignment that opened it (its event is found by problem and instant). */
  assignAt: number;
  position: number;
  status: 'open' | 'done' | 'cancelled';
  doneAt: number | null;
  doneNote: string | null;
  doneBy: string | null;
}

type Event = Problem['timeline']['events'][number];

/** One assignment, no return, withdrawal or redo: a history the parts can be added to simply. */
function simple(p: Problem): boolean {
  const types = p.timeline.events.map((e) => e.type);
  return (
    p.reportedAt >= FROM &&
    types.filter((t) => t === 'assign').length === 1 &&
    !types.some((t) => t === 'return' || t === 'withdraw' || t === 'reopen') &&
    !p.timeline.events.some((e) => e.type === 'verify' && !SATISFIED.includes(e.data.satisfaction as Satisfaction))
  );
}

/**
 * Adds the assisting parts to a few problems' histories (in place) and answers the parts. The
 * choice is by code order, so the same data set gives the same parts.
 */
export function buildAssists(problems: Problem[]): DemoAssist[] {
  const candidates = problems.filter(simple).sort((a, b) => a.code.localeCompare(b.code));
  const resolved = candidates.filter((p) => p.timeline.events.some((e) => e.type === 'resolve'));
  const open = candidates.filter((p) => ['assigned', 'in_progress'].includes(p.timeline.status));
  const plans: { problem: Problem; helpers: number; doneBeforeEnd: boolean[] }[] = [
    { problem: resolved[3]!, helpers: 2, doneBeforeEnd: [true, true] },
    { problem: resolved[11]!, helpers: 1, doneBeforeEnd: [true] },
    { problem: resolved[19]!, helpers: 2, doneBeforeEnd: [true, false] },
    { problem: resolved[27]!, helpers: 1, doneBeforeEnd: [true] },
    { problem: open[open.length - 1]!, helpers: 2, doneBeforeEnd: [true, false] },
    { problem: open[open.length - 3]!, helpers: 1, doneBeforeEnd: [false] },
  ].filter((plan) => plan.problem !== undefined);
  return plans.flatMap((plan, index) => addParts(plan.problem, plan.helpers, plan.doneBeforeEnd, index));
}

function addParts(p: Problem, helpers: number, doneBeforeEnd: boolean[], seed: number): DemoAssist[] {
  const events = p.timeline.events;
  const assign = events.find((e) => e.type === 'assign')!;
  const lead = assign.departmentId;
  const departments = ASSISTING.filter((d) => d !== lead).slice(seed % 2, (seed % 2) + helpers);
  assign.data = { ...assign.data, assistingDepartmentIds: departments, assistsOpened: departments };

  const resolve = events.find((e) => e.type === 'resolve');
  const end = resolve?.at ?? Math.min(events[events.length - 1]!.at + 48 * HOUR, DATA_END - HOUR);
  const span = end - assign.at;
  const added: Event[] = [];
  const parts = departments.map((department, i): DemoAssist => {
    const actor = HANDLER_BY_DEPARTMENT.get(department) ?? assign.actorId;
    const progressAt = Math.round(assign.at + span * (0.2 + 0.1 * i));
    added.push(assistEvent(events, progressAt, 'assist_progress', department, actor, NOTES.progress[(seed + i) % 3]!));
    if (!doneBeforeEnd[i]) {
      return part(p, department, assign.at, i, 'open');
    }
    const doneAt = Math.round(assign.at + span * (0.5 + 0.1 * i));
    const note = NOTES.done[(seed + i) % 2]!;
    added.push(assistEvent(events, doneAt, 'assist_done', department, actor, note));
    return { ...part(p, department, assign.at, i, 'done'), doneAt, doneNote: note, doneBy: actor };
  });
  events.push(...added);
  events.sort((a, b) => a.at - b.at);

  const stillOpen = parts.filter((x) => x.status === 'open').map((x) => x.departmentId);
  if (resolve && stillOpen.length) {
    resolve.data = { ...resolve.data, assistsNote: NOTES.resolveNote, assistsOpen: stillOpen };
    const close = events.find((e) => e.type === 'verify' && e.toStatus === 'closed');
    if (close) {
      close.data = { ...close.data, assistsCancelled: stillOpen };
      for (const x of parts) if (x.status === 'open') x.status = 'cancelled';
    }
  }
  return parts;
}

function part(p: Problem, department: string, assignAt: number, position: number, status: DemoAssist['status']) {
  return {
    problemId: p.id,
    departmentId: department,
    assignAt,
    position: position + 1,
    status,
    doneAt: null,
    doneNote: null,
    doneBy: null,
  };
}

/** An assisting event at `at`, recorded under the assisting department; the status is the problem's then. */
function assistEvent(
  events: Event[],
  at: number,
  type: string,
  department: string,
  actor: string | null,
  note: string,
) {
  const before = events.filter((e) => e.at < at).pop()!;
  return {
    type,
    fromStatus: before.toStatus,
    toStatus: before.toStatus,
    departmentId: department,
    actorId: actor,
    at,
    note,
    data: { assist: true },
  };
}

/** The parts, each linked to its assignment's event (found by problem, type and instant). */
export async function insertAssists(db: Queryable, assists: DemoAssist[]): Promise<void> {
  if (assists.length === 0) return;
  await db.query(
    `INSERT INTO problem_assists (problem_id, department_id, assign_event_id, status, position, done_at, done_note,
                                  done_by, created_at)
     SELECT r.problem_id, r.department_id, ev.id, r.status, r.position, r.done_at, r.done_note, r.done_by, ev.at
     FROM jsonb_to_recordset($1::jsonb) AS r(problem_id uuid, department_id uuid, assign_at timestamptz, status text,
                                            position int, done_at timestamptz, done_note text, done_by uuid)
     JOIN problem_events ev ON ev.problem_id = r.problem_id AND ev.type = 'assign' AND ev.at = r.assign_at`,
    [
      JSON.stringify(
        assists.map((a) => ({
          problem_id: a.problemId,
          department_id: a.departmentId,
          assign_at: new Date(a.assignAt).toISOString(),
          status: a.status,
          position: a.position,
          done_at: a.doneAt === null ? null : new Date(a.doneAt).toISOString(),
          done_note: a.doneNote,
          done_by: a.doneBy,
        })),
      ),
    ],
  );
}
