/** Each demo problem's history, built by replaying the real workflow. */
import { ActionInput, ProblemState, transition, TRANSITIONS } from '../problems/problem-workflow';
import { Satisfaction } from '../workflow/satisfactions';
import { RESOLVED_STATUSES, Status } from '../workflow/statuses';
import type { ProblemBase } from './demo-problems';
import {
  ACCEPT_NOTES,
  DepartmentCode,
  departmentId,
  departmentName,
  DUE_DAYS,
  ESCALATE_NOTES,
  FEEDBACK,
  HANDLER_BY_DEPARTMENT,
  INVALID_REASONS,
  PROGRESS_NOTES,
  REOPEN_REASONS,
  STUCK_NOTES,
} from './demo-text';
import {
  beijing,
  beijingMidnight,
  DATA_END,
  DAY,
  HOUR,
  KEY_QUARTER,
  MIN_GAP,
  monthDay,
  Random,
  WORKDAY_END,
  workingTime,
} from './demo-time';

// ---------------------------------------------------------------------------------------------
// Histories: replaying the workflow
// ---------------------------------------------------------------------------------------------

export interface PlannedEvent {
  type: string;
  fromStatus: Status | null;
  toStatus: Status;
  departmentId: string | null;
  /** Null for the enterprise's own rating from its tracking page (src/demo/demo-tracking.ts). */
  actorId: string | null;
  at: number;
  note: string | null;
  data: Record<string, unknown>;
}

const OPENING_STATE: ProblemState = {
  status: 'reported',
  departmentId: null,
  dueAt: null,
  firstDueAt: null,
  signForDueAt: null,
  resolution: null,
  satisfaction: null,
  feedback: null,
  escalated: false,
  duplicateOf: null,
};

/** One problem's history under construction; each action goes through the real transition table. */
export class Timeline {
  readonly events: PlannedEvent[] = [];
  state: ProblemState = { ...OPENING_STATE };
  /** Set once an action would fall on or after DATA_END: the history stops there. */
  private ended = false;

  constructor(
    readonly rng: Random,
    private readonly problem: ProblemBase,
    /** Multiplies every delay; below 1 when a plan needs things done faster. */
    readonly pace: number,
  ) {
    this.events.push({
      type: 'created',
      fromStatus: null,
      toStatus: 'reported',
      departmentId: null,
      actorId: problem.createdBy,
      at: problem.enteredAt,
      note: problem.createdNote,
      data: {},
    });
  }

  get at(): number {
    return this.events[this.events.length - 1]!.at;
  }

  get status(): Status {
    return this.state.status;
  }

  /** An instant between minHours and maxHours (scaled by the pace) after the last event. */
  after(minHours: number, maxHours: number): number {
    return this.at + this.rng.between(minHours, maxHours) * HOUR * this.pace;
  }

  /** Takes an action at the first working instant from `earliest`; false once past the end of the data. */
  act(earliest: number, input: (at: number) => ActionInput): boolean {
    if (this.ended) return false;
    const at = workingTime(Math.max(earliest, this.at + MIN_GAP), this.rng);
    if (at >= DATA_END) {
      this.ended = true;
      return false;
    }
    const action = input(at);
    const from = this.state;
    const { next, note, data } = transition(from, action);
    this.events.push({
      type: action.action,
      fromStatus: from.status,
      toStatus: next.status,
      departmentId: next.departmentId,
      actorId: this.actorFor(action, from),
      at,
      note,
      data,
    });
    this.state = next;
    return true;
  }

  /** A manager for the coordination office's actions; the department's handler (or a manager acting for it) otherwise. */
  private actorFor(action: ActionInput, before: ProblemState): string {
    if (TRANSITIONS[action.action].actor === 'manager') return this.problem.managerId;
    return HANDLER_BY_DEPARTMENT.get(before.departmentId ?? '') ?? this.problem.managerId;
  }

  /** The status as the reports see it at `t`: the latest event before t; null if not entered yet. */
  statusAt(t: number): Status | null {
    let status: Status | null = null;
    for (const event of this.events) if (event.at < t) status = event.toStatus;
    return status;
  }

  first(type: string): PlannedEvent | undefined {
    return this.events.find((e) => e.type === type);
  }
}

/** How one problem's story goes; drawn per attempt from its plan. */
interface Outline {
  /** Hours from entry to the first assignment, and from assignment to acceptance. */
  assignDelay: [number, number];
  acceptDelay: [number, number];
  /** Sent first to the wrong department, which returns it, or which the manager reassigns from. */
  misroute: 'none' | 'returned' | 'reassigned';
  /** Resolved straight from assigned (implicit accept). */
  skipAccept: boolean;
  progressNotes: number;
  /** When it is resolved, as a fraction of the time limit; above 1 is late. */
  resolveFactor: number;
  resolveNotBefore: number | null;
  escalate: 'never' | 'whenOverdue' | 'early';
  afterResolve: 'verify' | 'unsatisfiedThenVerify' | 'reopenThenVerify' | 'leaveResolved';
  reopenAt: number | null;
  neverResolve: boolean;
  withdraw: null | { afterAssign: boolean; reason: string; duplicateOf: string | null };
}

/** Problems reported from here on meet the year-end backlog: some wait days for assignment. */
const YEAR_END_BACKLOG = beijing(2025, 12, 20);
/** Problems reported from here on sometimes stall, so the open lists at the end of the data have old, escalated items. */
const RECENT_STALLS = beijing(2025, 7, 1);

/** The stalled kind: accepted, escalated once overdue, monthly notes, never resolved. */
function stalled(outline: Outline): Outline {
  return { ...outline, misroute: 'none', skipAccept: false, neverResolve: true, escalate: 'whenOverdue' };
}

function outlineFor(problem: ProblemBase, rng: Random): Outline {
  const hard = rng.chance(0.05);
  const late = !hard && rng.chance(0.1);
  const backlogged = problem.reportedAt >= YEAR_END_BACKLOG && rng.chance(0.4);
  const normal: Outline = {
    assignDelay: backlogged ? [96, 400] : [1, 20],
    acceptDelay: rng.chance(0.12) ? [24, 120] : [1, 24],
    misroute: rng.chance(0.05) ? 'returned' : rng.chance(0.03) ? 'reassigned' : 'none',
    skipAccept: rng.chance(0.08),
    progressNotes: rng.pick([0, 0, 0, 1, 1, 1, 1, 2, 2, 3]),
    // Most are done well within the limit: skewed towards the start of it.
    resolveFactor: hard ? rng.between(1.5, 4) : late ? rng.between(1.05, 1.6) : 0.03 + 0.9 * rng.next() ** 2.2,
    resolveNotBefore: null,
    escalate: hard || (late && rng.chance(0.5)) ? 'whenOverdue' : rng.chance(0.03) ? 'early' : 'never',
    afterResolve: rng.weighted({ verify: 90, unsatisfiedThenVerify: 5, reopenThenVerify: 1.5, leaveResolved: 3.5 }),
    reopenAt: null,
    neverResolve: false,
    withdraw: null,
  };
  const plan = problem.plan;
  switch (plan.kind) {
    case 'normal':
      if (problem.reportedAt >= RECENT_STALLS && rng.chance(0.05)) return stalled(normal);
      if (rng.chance(0.015)) {
        return {
          ...normal,
          withdraw: { afterAssign: rng.chance(0.5), reason: rng.pick(INVALID_REASONS), duplicateOf: null },
        };
      }
      return normal;
    case 'resolvedInKeyQuarter':
      return { ...normal, afterResolve: normal.afterResolve === 'reopenThenVerify' ? 'verify' : normal.afterResolve };
    case 'resolvedLater':
      return { ...normal, resolveNotBefore: rng.between(plan.from, plan.to - 5 * DAY), afterResolve: 'verify' };
    case 'neverResolved':
      return stalled(normal);
    case 'reopenedLater':
      return { ...normal, afterResolve: 'reopenThenVerify', reopenAt: plan.reopenAt };
    case 'duplicate':
      return {
        ...normal,
        withdraw: {
          afterAssign: rng.chance(0.3),
          reason: `与${plan.original.code}反映的是同一问题，合并办理`,
          duplicateOf: plan.original.id,
        },
      };
  }
}

/** Does the history do what the plan needs? */
function fulfils(problem: ProblemBase, timeline: Timeline): boolean {
  const plan = problem.plan;
  const isResolved = (s: Status | null) => s !== null && RESOLVED_STATUSES.includes(s);
  const atKeyEnd = timeline.statusAt(KEY_QUARTER.to);
  switch (plan.kind) {
    case 'normal':
      return true;
    case 'resolvedInKeyQuarter':
      return isResolved(atKeyEnd) && isResolved(timeline.status);
    case 'resolvedLater': {
      const resolved = timeline.first('resolve');
      return (
        !isResolved(atKeyEnd) &&
        !!resolved &&
        resolved.at >= plan.from &&
        resolved.at < plan.to &&
        isResolved(timeline.status)
      );
    }
    case 'neverResolved':
      return timeline.status === 'in_progress' && timeline.state.escalated;
    case 'reopenedLater': {
      const reopened = timeline.first('reopen');
      return atKeyEnd === 'resolved' && !!reopened && reopened.at < beijing(2025, 5, 1) && timeline.status === 'closed';
    }
    case 'duplicate':
      return timeline.status === 'withdrawn' && timeline.at < KEY_QUARTER.to;
  }
}

const MAX_ATTEMPTS = 40;

/** Draws stories until one fulfils the plan, each attempt a little faster (deterministic: the stream is per problem). */
export function buildTimeline(problem: ProblemBase): Timeline {
  const rng = new Random(`story:${problem.code}`);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const timeline = new Timeline(rng, problem, 0.85 ** attempt);
    tell(timeline, problem, outlineFor(problem, rng));
    if (fulfils(problem, timeline)) return timeline;
  }
  throw new Error(`demo data: no history for ${problem.code} fulfils its plan (${problem.plan.kind})`);
}

function tell(tl: Timeline, problem: ProblemBase, outline: Outline): void {
  const rng = tl.rng;
  if (outline.withdraw) {
    const { afterAssign, reason, duplicateOf } = outline.withdraw;
    if (afterAssign) assign(tl, problem, responsibleDepartment(problem), tl.after(2, 24));
    tl.act(tl.after(4, 60), () => ({ action: 'withdraw', reason, duplicateOf: duplicateOf ?? undefined }));
    return;
  }

  route(tl, problem, outline);
  if (tl.status !== 'assigned') return; // the data ends before it was assigned
  const dueAt = tl.state.dueAt!.getTime();
  const resolveAt = outline.neverResolve
    ? Infinity
    : Math.max(tl.at + (dueAt - tl.at) * outline.resolveFactor * tl.pace, outline.resolveNotBefore ?? 0);

  if (!outline.skipAccept)
    tl.act(tl.after(...outline.acceptDelay), () => ({ action: 'accept', note: rng.pick(ACCEPT_NOTES) }));
  for (const step of middleSteps(tl, outline, dueAt, resolveAt)) {
    tl.act(step.at, () =>
      step.kind === 'escalate'
        ? { action: 'escalate', note: rng.pick(ESCALATE_NOTES) }
        : { action: 'progress', note: rng.pick(step.kind === 'stuck' ? STUCK_NOTES : PROGRESS_NOTES) },
    );
  }
  if (outline.neverResolve) return;
  resolve(tl, problem, resolveAt);

  switch (outline.afterResolve) {
    case 'verify':
      verify(tl, problem, tl.after(24, 240));
      break;
    case 'unsatisfiedThenVerify':
      tl.act(tl.after(24, 200), (at) => ({
        action: 'verify',
        satisfaction: 'unsatisfied',
        feedback: rng.pick(FEEDBACK.unsatisfied),
        dueAt: redoDeadline(problem, at),
      }));
      tl.act(tl.after(24, 120), () => ({ action: 'progress', note: rng.pick(PROGRESS_NOTES) }));
      resolve(tl, problem, tl.after(48, 300));
      verify(tl, problem, tl.after(24, 200));
      break;
    case 'reopenThenVerify':
      tl.act(outline.reopenAt ?? tl.after(48, 400), (at) => ({
        action: 'reopen',
        reason: rng.pick(REOPEN_REASONS),
        dueAt: redoDeadline(problem, at),
      }));
      tl.act(tl.after(24, 120), () => ({ action: 'progress', note: rng.pick(PROGRESS_NOTES) }));
      resolve(tl, problem, tl.after(72, 400));
      verify(tl, problem, tl.after(24, 200));
      break;
    case 'leaveResolved':
      break;
  }
}

/** Progress notes spread before the resolution, and an escalation when the time limit passes first. */
function middleSteps(
  tl: Timeline,
  outline: Outline,
  dueAt: number,
  resolveAt: number,
): { at: number; kind: 'progress' | 'stuck' | 'escalate' }[] {
  const rng = tl.rng;
  const start = tl.at;
  const steps: { at: number; kind: 'progress' | 'stuck' | 'escalate' }[] = [];
  if (outline.neverResolve) {
    // Monthly updates until the data ends; the escalation comes once the limit has passed.
    for (let at = start + rng.between(3, 10) * DAY; at < DATA_END; at += rng.between(20, 40) * DAY) {
      steps.push({ at, kind: at > dueAt ? 'stuck' : 'progress' });
    }
  } else {
    for (let i = 0; i < outline.progressNotes; i += 1)
      steps.push({ at: rng.between(start, resolveAt), kind: 'progress' });
  }
  const escalateAt =
    outline.escalate === 'whenOverdue'
      ? dueAt + rng.between(1, 5) * DAY
      : outline.escalate === 'early'
        ? rng.between(start, resolveAt)
        : Infinity;
  if (escalateAt < resolveAt) steps.push({ at: escalateAt, kind: 'escalate' });
  return steps.sort((a, b) => a.at - b.at);
}

/** The first assignment, possibly to the wrong department, then the right one. */
function route(tl: Timeline, problem: ProblemBase, outline: Outline): void {
  const right = responsibleDepartment(problem);
  const firstAssignAt = tl.after(...outline.assignDelay);
  if (outline.misroute === 'none') {
    assign(tl, problem, right, firstAssignAt);
    return;
  }
  const wrong = problem.topic.departments[1] ?? 'gxj';
  assign(tl, problem, wrong, firstAssignAt);
  if (outline.misroute === 'returned') {
    tl.act(tl.after(3, 48), () => ({
      action: 'return',
      reason: `该事项不属于本单位职责范围，建议转${departmentName(right)}办理`,
    }));
    assign(tl, problem, right, tl.after(2, 24));
  } else {
    assign(tl, problem, right, tl.after(2, 48), `经协调改由${departmentName(right)}牵头办理`);
  }
}

function responsibleDepartment(problem: ProblemBase): DepartmentCode {
  return problem.topic.departments[0]!;
}

function assign(tl: Timeline, problem: ProblemBase, department: DepartmentCode, earliest: number, lead?: string): void {
  const days = tl.rng.pick(DUE_DAYS[problem.category]);
  tl.act(earliest, (at) => {
    const dueAt = new Date(beijingMidnight(at) + days * DAY + WORKDAY_END);
    const note = `请于${monthDay(dueAt.getTime())}前办结并反馈`;
    return {
      action: 'assign',
      departmentId: departmentId(department),
      dueAt,
      signForDueAt: signForDeadline(at),
      note: lead ? `${lead}，${note}` : note,
    };
  });
}

/** The sign-for deadline (签收时限) of an assignment at `at`: the end of the next weekday (one working day; holidays aside). */
function signForDeadline(at: number): Date {
  const next = beijingMidnight(at) + DAY;
  // The weekday in Beijing: 0 Sunday … 6 Saturday.
  const weekday = new Date(next + 8 * HOUR).getUTCDay();
  const skip = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
  return new Date(next + skip * DAY + WORKDAY_END);
}

/** A redo's deadline (返工): the category's shorter time limit from `at`; drawn from no random stream. */
function redoDeadline(problem: ProblemBase, at: number): Date {
  return new Date(beijingMidnight(at) + Math.min(...DUE_DAYS[problem.category]) * DAY + WORKDAY_END);
}

export function resolve(tl: Timeline, problem: ProblemBase, earliest: number): void {
  tl.act(earliest, () => ({ action: 'resolve', resolution: problem.topic.resolution }));
}

/** The enterprise's feedback on a follow-up call: mostly satisfied. */
function verify(tl: Timeline, problem: ProblemBase, earliest: number): void {
  const satisfaction: Satisfaction = tl.rng.chance(0.72) ? 'satisfied' : 'basically_satisfied';
  tl.act(earliest, () => ({ action: 'verify', satisfaction, feedback: tl.rng.pick(FEEDBACK[satisfaction]) }));
}
