import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { Factory, inDays, TestUser } from '../factories';
import { createTestApp, TestApp } from '../support/test-app';
import { figure, TEST_ENV } from './support-http';

/**
 * Random sequences of actions by random roles against a model of the workflow written here from
 * docs/domain.md and docs/api.md (not from the source's transition table). Every step is sent with the
 * current version; the service must succeed exactly when the model says so, refuse with the
 * model's status otherwise, and end each sequence where the model ends it, events, figures and all.
 *
 * MODEL_SEED fixes the sequences; MODEL_RUNS is the number of generated runs (1 to 3 problems each).
 */
const SEED = Number(process.env.MODEL_SEED ?? 20_250_401);
const RUNS = Number(process.env.MODEL_RUNS ?? 100);

type Status = 'reported' | 'assigned' | 'in_progress' | 'resolved' | 'closed' | 'withdrawn';
type Action =
  | 'assign'
  | 'accept'
  | 'progress'
  | 'resolve'
  | 'return'
  | 'verify'
  | 'reopen'
  | 'withdraw'
  | 'escalate'
  | 'request_extension'
  | 'approve_extension'
  | 'refuse_extension'
  | 'lift';
type Actor = 'manager' | 'admin' | 'ownHandler' | 'otherHandler' | 'official';
type Dept = 'A' | 'B';
type Satisfaction = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
/** docs/domain.md, "Supervision": the ladder, lowest first. */
type Level = 'reminder' | 'supervision' | 'listed';
const LEVELS: Level[] = ['reminder', 'supervision', 'listed'];

const ACTIONS: Action[] = [
  'assign',
  'accept',
  'progress',
  'resolve',
  'return',
  'verify',
  'reopen',
  'withdraw',
  'escalate',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'lift',
];
const ACTORS: Actor[] = ['manager', 'admin', 'ownHandler', 'otherHandler', 'official'];
const STATUSES: Status[] = ['reported', 'assigned', 'in_progress', 'resolved', 'closed', 'withdrawn'];
const OPEN: Status[] = ['reported', 'assigned', 'in_progress'];
const HELD_BY_DEPARTMENT: Status[] = ['assigned', 'in_progress'];

/**
 * docs/domain.md, "Who may act": the coordination office (manager, admin) assigns and reassigns,
 * verifies, reopens, withdraws and escalates; the department (its handler, or a manager acting
 * for it) accepts, notes progress, resolves and returns. Resolve works straight from assigned;
 * progress notes and returns are for a problem the department holds; escalation is for an open
 * problem; closed and withdrawn are final.
 *
 * Deadlines (docs/domain.md, "Deadlines"): an assignment to the department that holds the problem
 * keeps its deadline and refuses another date (422 DEADLINE_KEPT); a reopen or an unsatisfied
 * verification gives the redo its deadline (data.dueAt, data.redo); the department requests an
 * extension to a date after its deadline (400 otherwise), one pending at a time (409 CONFLICT), and
 * the coordination office approves (the deadline moves) or refuses (nothing moves) the pending one
 * (409 CONFLICT when none is). A request lapses when the problem leaves the department.
 */
const MODEL: Record<Action, { by: 'coordination' | 'department'; from: Status[] }> = {
  assign: { by: 'coordination', from: OPEN },
  accept: { by: 'department', from: ['assigned'] },
  progress: { by: 'department', from: HELD_BY_DEPARTMENT },
  resolve: { by: 'department', from: HELD_BY_DEPARTMENT },
  return: { by: 'department', from: HELD_BY_DEPARTMENT },
  verify: { by: 'coordination', from: ['resolved'] },
  reopen: { by: 'coordination', from: ['resolved'] },
  withdraw: { by: 'coordination', from: OPEN },
  escalate: { by: 'coordination', from: OPEN },
  request_extension: { by: 'department', from: HELD_BY_DEPARTMENT },
  approve_extension: { by: 'coordination', from: HELD_BY_DEPARTMENT },
  refuse_extension: { by: 'coordination', from: HELD_BY_DEPARTMENT },
  // A lift ends the active supervision whatever the status (a supervision may outlive the resolution).
  lift: { by: 'coordination', from: STATUSES },
};

/** One event as the service must record it (its id and instant aside). */
interface ModelEvent {
  type: string;
  fromStatus: Status | null;
  toStatus: Status;
  departmentId: string | null;
  actorId: string;
  note: string | null;
  data: Record<string, unknown>;
}

/** The part of a problem that actions change (docs/domain.md, "Actions"). */
interface ModelState {
  status: Status;
  department: Dept | null;
  dueAt: string | null;
  /** The deadline first given to the department in this round (only an approved extension moves dueAt past it). */
  firstDueAt: string | null;
  /** The sign-for deadline of the assignment in force: the service computes it; the model keeps what it said. */
  signForDueAt: string | null;
  resolution: string | null;
  satisfaction: Satisfaction | null;
  feedback: string | null;
  escalated: boolean;
  duplicateOf: string | null;
  /** The extension request awaiting a decision: its index among the events and the date it asks for. */
  pending: { index: number; dueAt: string } | null;
  /** The level of the active supervision, or null. */
  supervision: Level | null;
}

interface ModelProblem extends ModelState {
  id: string;
  version: number;
  events: ModelEvent[];
  /** The id of the active supervision, as the escalation's answer named it. */
  supervisionId: string | null;
}

interface Step {
  problem: number;
  guided: boolean;
  /** Guided steps withdraw only when this is 0 (one in ten), or most sequences would end at once. */
  withdrawDice: number;
  action: number;
  actor: number;
  department: Dept;
  satisfaction: Satisfaction;
  dueDays: number;
  /** An escalation's level; `supervision` is sent as no level at all (the default). */
  level: Level;
}

/** The texts every request sends (see bodyFor); the model expects them back on the problem and its events. */
const TEXT = {
  assignNote: '请按期办理',
  acceptNote: '已签收',
  progressNote: '已协调相关单位',
  resolution: '已办结',
  returnReason: '不属于本单位职责',
  feedback: '企业回访意见',
  reopenReason: '企业反映问题仍在',
  withdrawReason: '重复录入',
  escalateNote: '请督办',
  extensionReason: '需协调上级部门',
  approveNote: '同意延期',
  refuseReason: '理由不充分',
  liftNote: '部门已回应，解除督办',
};

type Prediction =
  | {
      ok: true;
      next: ModelState;
      note: string | null;
      /** The event's data; `body` is the service's answer (for what only it can know: computed instants, event ids). */
      data: (departments: Record<Dept, string>, body: ServiceBody) => Record<string, unknown>;
      /** What the model takes from the answer: the sign-for deadline the service computed. */
      fromAnswer?: (body: ServiceBody) => Partial<ModelState>;
    }
  | {
      ok: false;
      status: 400 | 403 | 404 | 409 | 422;
      code: 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_TRANSITION' | 'CONFLICT' | 'VALIDATION_FAILED' | 'DEADLINE_KEPT';
    };

type ServiceBody = { signForDueAt?: string; events?: { id: string }[] };

/** Same-department assignments name no date on even dueDays (the kept deadline), and a new one on odd. */
const namesDate = (step: Step) => step.dueDays % 2 === 1;

/** An extension request asks for ten days after the step's date (sometimes not after the deadline: refused). */
const extensionDate = (dueAt: string) => new Date(Date.parse(dueAt) + 10 * 86_400_000).toISOString();

/** The department whose handler plays the actor: their own is the problem's (A when it has none). */
function handlerDepartment(actor: 'ownHandler' | 'otherHandler', p: ModelProblem): Dept {
  if (actor === 'ownHandler') return p.department ?? 'A';
  return p.department === 'B' ? 'A' : 'B';
}

/** `dueAt`: the deadline the request names (an assignment's). */
function predict(p: ModelProblem, actor: Actor, action: Action, step: Step, dueAt: string): Prediction {
  // docs/api.md: 404 for what is not visible; a handler sees only their department's problems.
  if ((actor === 'ownHandler' || actor === 'otherHandler') && p.department !== handlerDepartment(actor, p)) {
    return { ok: false, status: 404, code: 'NOT_FOUND' };
  }
  const coordination = actor === 'manager' || actor === 'admin';
  const permitted = coordination || (actor === 'ownHandler' && MODEL[action].by === 'department');
  if (!permitted) return { ok: false, status: 403, code: 'FORBIDDEN' };
  if (!MODEL[action].from.includes(p.status)) return { ok: false, status: 409, code: 'INVALID_TRANSITION' };
  const same: ModelState = {
    status: p.status,
    department: p.department,
    dueAt: p.dueAt,
    firstDueAt: p.firstDueAt,
    signForDueAt: p.signForDueAt,
    resolution: p.resolution,
    satisfaction: p.satisfaction,
    feedback: p.feedback,
    escalated: p.escalated,
    duplicateOf: p.duplicateOf,
    pending: p.pending,
    supervision: p.supervision,
  };
  const none = () => ({});
  const due = new Date(dueAt).toISOString();
  switch (action) {
    case 'assign': {
      const reassigned = p.status !== 'reported';
      if (HELD_BY_DEPARTMENT.includes(p.status) && p.department === step.department) {
        if (namesDate(step) && due !== p.dueAt) return { ok: false, status: 422, code: 'DEADLINE_KEPT' };
        return {
          ok: true,
          next: { ...same, status: 'assigned' },
          note: TEXT.assignNote,
          data: (d) => ({
            departmentId: d[step.department],
            dueAt: p.dueAt,
            signForDueAt: p.signForDueAt,
            reassigned: true,
            sameDepartment: true,
            assistingDepartmentIds: [],
          }),
        };
      }
      return {
        ok: true,
        next: {
          ...same,
          status: 'assigned',
          department: step.department,
          dueAt: due,
          firstDueAt: due,
          pending: null,
        },
        note: TEXT.assignNote,
        data: (d, body) => ({
          departmentId: d[step.department],
          dueAt: due,
          signForDueAt: body.signForDueAt,
          reassigned,
          // docs/domain.md: an assignment names its assisting departments (none here).
          assistingDepartmentIds: [],
        }),
        fromAnswer: (body) => ({ signForDueAt: body.signForDueAt ?? null }),
      };
    }
    case 'request_extension': {
      if (p.pending) return { ok: false, status: 409, code: 'CONFLICT' };
      const asked = extensionDate(dueAt);
      if (Date.parse(asked) <= Date.parse(p.dueAt!)) return { ok: false, status: 400, code: 'VALIDATION_FAILED' };
      return {
        ok: true,
        next: { ...same, pending: { index: p.events.length, dueAt: asked } },
        note: TEXT.extensionReason,
        data: () => ({ dueAt: asked, previousDueAt: p.dueAt }),
      };
    }
    case 'approve_extension':
    case 'refuse_extension': {
      const pending = p.pending;
      if (!pending) return { ok: false, status: 409, code: 'CONFLICT' };
      const requestEventId = (body: ServiceBody) => body.events?.[pending.index]?.id;
      const previousDueAt = p.dueAt;
      if (action === 'refuse_extension')
        return {
          ok: true,
          next: { ...same, pending: null },
          note: TEXT.refuseReason,
          data: (_d, body) => ({ requestEventId: requestEventId(body) }),
        };
      return {
        ok: true,
        next: { ...same, dueAt: pending.dueAt, pending: null },
        note: TEXT.approveNote,
        data: (_d, body) => ({ requestEventId: requestEventId(body), dueAt: pending.dueAt, previousDueAt }),
      };
    }
    case 'accept':
      return { ok: true, next: { ...same, status: 'in_progress' }, note: TEXT.acceptNote, data: none };
    case 'progress':
      return { ok: true, next: same, note: TEXT.progressNote, data: none };
    case 'resolve':
      return {
        ok: true,
        next: { ...same, status: 'resolved', resolution: TEXT.resolution, pending: null },
        note: TEXT.resolution,
        data: none,
      };
    case 'return': {
      const returnedBy = p.department;
      return {
        ok: true,
        next: {
          ...same,
          status: 'reported',
          department: null,
          dueAt: null,
          firstDueAt: null,
          signForDueAt: null,
          pending: null,
        },
        note: TEXT.returnReason,
        data: (d) => ({ returnedBy: returnedBy ? d[returnedBy] : null }),
      };
    }
    case 'verify': {
      const satisfied = step.satisfaction !== 'unsatisfied';
      return {
        ok: true,
        next: {
          ...same,
          status: satisfied ? 'closed' : 'in_progress',
          satisfaction: step.satisfaction,
          feedback: TEXT.feedback,
          // docs/domain.md: an unsatisfied verification clears the resolution, and is a redo with its deadline.
          resolution: satisfied ? p.resolution : null,
          ...(satisfied ? {} : { dueAt: due, firstDueAt: due }),
        },
        note: TEXT.feedback,
        // docs/domain.md: a manager's verification says so (the enterprise's own rating says 'enterprise');
        // an unsatisfied one is a redo with its own deadline.
        data: () =>
          satisfied
            ? { satisfaction: step.satisfaction, source: 'manager' }
            : { satisfaction: step.satisfaction, source: 'manager', dueAt: due, redo: true },
      };
    }
    case 'reopen':
      return {
        ok: true,
        next: {
          ...same,
          status: 'in_progress',
          resolution: null,
          satisfaction: null,
          feedback: null,
          dueAt: due,
          firstDueAt: due,
        },
        note: TEXT.reopenReason,
        data: () => ({ dueAt: due, redo: true }),
      };
    case 'withdraw':
      return { ok: true, next: { ...same, status: 'withdrawn', pending: null }, note: TEXT.withdrawReason, data: none };
    case 'escalate':
      // docs/domain.md: under supervision, only a higher level may be opened.
      if (p.supervision && LEVELS.indexOf(step.level) <= LEVELS.indexOf(p.supervision)) {
        return { ok: false, status: 400, code: 'VALIDATION_FAILED' };
      }
      return {
        ok: true,
        next: { ...same, escalated: true, supervision: step.level },
        note: TEXT.escalateNote,
        // The supervision's id is the service's to choose: tryStep fills it in from the answer's ladder.
        data: () => ({
          supervisionId: null,
          level: step.level,
          leaderId: null,
          answerBy: new Date(dueAt).toISOString(),
        }),
      };
    case 'lift': {
      if (!p.supervision) return { ok: false, status: 409, code: 'CONFLICT' };
      const supervisionId = p.supervisionId;
      return {
        ok: true,
        next: { ...same, escalated: false, supervision: null },
        note: TEXT.liftNote,
        data: () => ({ supervisionId }),
      };
    }
  }
}

/** The actions the model allows from a status, and who may take them (guided steps choose from these). */
const allowedFrom = (status: Status) => ACTIONS.filter((a) => MODEL[a].from.includes(status));
const actorsFor = (action: Action): Actor[] =>
  MODEL[action].by === 'coordination' ? ['manager', 'admin'] : ['manager', 'admin', 'ownHandler'];

/** 100 × resolved / recorded, half-up to one decimal, by integers; null for none recorded. */
function expectedRate(resolved: number, recorded: number): number | null {
  if (recorded === 0) return null;
  return Math.floor((2000 * resolved + recorded) / (2 * recorded)) / 10;
}

describe('the workflow against a model of docs/domain.md', () => {
  let t: TestApp;
  let f: Factory;
  let users: Record<'manager' | 'admin' | 'official' | 'handlerA' | 'handlerB', TestUser>;
  let departments: Record<Dept, string>;
  let enterprise: { id: string };
  let week = 0;
  const tally = {
    runs: 0,
    sequences: 0,
    steps: 0,
    successes: 0,
    refused403: 0,
    refused404: 0,
    refused409: 0,
    reachedClosed: 0,
    reachedWithdrawn: 0,
    rateChecks: 0,
    mismatches: 0,
    randomCells: 0,
    sweepCells: 0,
    sweepProblems: 0,
  };
  /** The (status, action, role) cells visited by either test. */
  const cells = new Set<string>();
  const startedAt = Date.now();

  beforeAll(async () => {
    t = await createTestApp(TEST_ENV);
    f = new Factory(t);
    departments = { A: (await f.department('模型甲局')).id, B: (await f.department('模型乙局')).id };
    users = {
      manager: await f.user('manager'),
      admin: await f.user('admin'),
      official: await f.user('official'),
      handlerA: await f.user('handler', departments.A),
      handlerB: await f.user('handler', departments.B),
    };
    enterprise = await f.enterprise(users.official);
  }, 60_000);

  afterAll(async () => {
    figure('workflow-model', {
      runs: tally.runs,
      sequences: tally.sequences,
      steps: tally.steps,
      successfulActions: tally.successes,
      refused403: tally.refused403,
      refused404: tally.refused404,
      refused409: tally.refused409,
      endedClosed: tally.reachedClosed,
      endedWithdrawn: tally.reachedWithdrawn,
      rateChecks: tally.rateChecks,
      cellsVisited: `${cells.size} of ${STATUSES.length * ACTIONS.length * ACTORS.length} (status × action × role)`,
      randomSequenceCells: tally.randomCells,
      sweepCells: tally.sweepCells,
      sweepProblems: tally.sweepProblems,
      mismatches: tally.mismatches,
      seed: SEED,
      seconds: ((Date.now() - startedAt) / 1000).toFixed(1),
    });
    await t?.close();
  });

  function userFor(actor: Actor, p: ModelProblem): TestUser {
    if (actor === 'ownHandler' || actor === 'otherHandler') {
      return handlerDepartment(actor, p) === 'A' ? users.handlerA : users.handlerB;
    }
    return users[actor];
  }

  function bodyFor(action: Action, step: Step, dueAt: string, p: ModelProblem): Record<string, unknown> {
    switch (action) {
      case 'assign': {
        const held = HELD_BY_DEPARTMENT.includes(p.status) && p.department === step.department;
        if (held && !namesDate(step)) return { departmentId: departments[step.department], note: TEXT.assignNote };
        return { departmentId: departments[step.department], dueAt, note: TEXT.assignNote };
      }
      case 'accept':
        return { note: TEXT.acceptNote };
      case 'progress':
        return { note: TEXT.progressNote };
      case 'resolve':
        return { resolution: TEXT.resolution };
      case 'return':
        return { reason: TEXT.returnReason };
      case 'verify':
        return step.satisfaction === 'unsatisfied'
          ? { satisfaction: step.satisfaction, feedback: TEXT.feedback, dueAt }
          : { satisfaction: step.satisfaction, feedback: TEXT.feedback };
      case 'reopen':
        return { reason: TEXT.reopenReason, dueAt };
      case 'withdraw':
        return { reason: TEXT.withdrawReason };
      case 'escalate':
        return step.level === 'supervision'
          ? { note: TEXT.escalateNote, answerBy: dueAt }
          : { note: TEXT.escalateNote, level: step.level, answerBy: dueAt };
      case 'request_extension':
        return { dueAt: extensionDate(dueAt), reason: TEXT.extensionReason };
      case 'approve_extension':
        return { note: TEXT.approveNote };
      case 'refuse_extension':
        return { reason: TEXT.refuseReason };
      case 'lift':
        return { note: TEXT.liftNote };
    }
  }

  const step: fc.Arbitrary<Step> = fc.record({
    problem: fc.nat({ max: 2 }),
    guided: fc.oneof({ weight: 7, arbitrary: fc.constant(true) }, { weight: 3, arbitrary: fc.constant(false) }),
    withdrawDice: fc.nat({ max: 9 }),
    action: fc.nat({ max: ACTIONS.length - 1 }),
    actor: fc.nat({ max: 4 }),
    department: fc.constantFrom<Dept>('A', 'B'),
    satisfaction: fc.constantFrom<Satisfaction>('satisfied', 'basically_satisfied', 'unsatisfied'),
    dueDays: fc.integer({ min: 1, max: 90 }),
    level: fc.constantFrom<Level>(...LEVELS),
  });

  type Check = (ok: boolean, what: string) => void;

  /** A week of its own (Wednesday 10:00 in Jiuquan), so the figures of one run count its problems only. */
  function nextWeek(): { wednesday: DateTime; period: string } {
    const wednesday = DateTime.fromISO('2001-01-03T10:00:00', { zone: 'Asia/Shanghai' }).plus({ weeks: week });
    week += 1;
    return { wednesday, period: wednesday.toFormat("kkkk-'W'WW") };
  }

  async function newProblem(wednesday: DateTime, title: string, check: Check): Promise<ModelProblem> {
    const created = await f.problem(users.official, enterprise.id, { title, reportedAt: wednesday.toISO() });
    check(created.status === 'reported' && created.version === 1, `created as ${created.status} v${created.version}`);
    return {
      id: created.id,
      status: 'reported',
      department: null,
      dueAt: null,
      firstDueAt: null,
      signForDueAt: null,
      resolution: null,
      satisfaction: null,
      feedback: null,
      escalated: false,
      duplicateOf: null,
      pending: null,
      supervision: null,
      supervisionId: null,
      version: created.version,
      events: [
        {
          type: 'created',
          fromStatus: null,
          toStatus: 'reported',
          departmentId: null,
          actorId: users.official.id,
          note: null,
          data: {},
        },
      ],
    };
  }

  /**
   * The whole problem as the service shows it against the model: every field an action changes,
   * the version, and every event field but its id and instant (instants must not go back).
   */
  function compareProblem(body: Record<string, unknown>, p: ModelProblem, where: string, check: Check): void {
    const dept = (d: Dept | null) => (d ? departments[d] : null);
    const expected = {
      id: p.id,
      status: p.status,
      departmentId: dept(p.department),
      dueAt: p.dueAt,
      firstDueAt: p.firstDueAt,
      signForDueAt: p.signForDueAt,
      resolution: p.resolution,
      satisfaction: p.satisfaction,
      feedback: p.feedback,
      escalated: p.escalated,
      duplicateOf: p.duplicateOf,
      supervisionLevel: p.supervision,
      version: p.version,
      lastEventType: p.events.at(-1)!.type,
      pendingExtension: p.pending ? p.pending.dueAt : null,
    };
    const shownPending = body.pendingExtension as { dueAt: string } | null | undefined;
    const actual = {
      ...Object.fromEntries(Object.keys(expected).map((k) => [k, body[k]])),
      pendingExtension: shownPending ? shownPending.dueAt : null,
    };
    check(
      isDeepStrictEqual(actual, expected),
      `${where}: problem ${JSON.stringify(actual)}, model ${JSON.stringify(expected)}`,
    );
    const events = (Array.isArray(body.events) ? body.events : []) as (ModelEvent & { at: string })[];
    const shown = events.map((e) => ({
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      departmentId: e.departmentId,
      actorId: e.actorId,
      note: e.note,
      data: e.data,
    }));
    check(shown.length === p.events.length, `${where}: ${shown.length} events, model ${p.events.length}`);
    for (const [i, e] of p.events.entries()) {
      check(
        isDeepStrictEqual(shown[i], e),
        `${where}: event ${i} ${JSON.stringify(shown[i])}, model ${JSON.stringify(e)}`,
      );
    }
    const instants = events.map((e) => Date.parse(e.at));
    check(
      instants.every((at, i) => i === 0 || at >= instants[i - 1]!),
      `${where}: event instants go back: ${events.map((e) => e.at).join(', ')}`,
    );
  }

  /**
   * Sends one action as one actor with the current version, checks the answer against the model
   * and, on success, moves the model. Answers whether the service (and the model) took it.
   */
  async function tryStep(p: ModelProblem, actor: Actor, action: Action, s: Step, label: string, check: Check) {
    const dueAt = inDays(s.dueDays);
    const expected = predict(p, actor, action, s, dueAt);
    const user = userFor(actor, p);
    cells.add(`${p.status} ${action} ${actor}`);
    const res = await t
      .http()
      .post(`/api/v1/problems/${p.id}/${action.replace(/_/g, '-')}`)
      .set(user.auth)
      .set('If-Match', `"${p.version}"`)
      .send(bodyFor(action, s, dueAt, p));
    tally.steps += 1;

    if (expected.ok) {
      check(res.status === 200, `${label}: expected 200, got ${res.status} ${JSON.stringify(res.body)}`);
      if (res.status !== 200) return false;
      const before = p.status;
      Object.assign(p, expected.next, expected.fromAnswer?.(res.body as ServiceBody));
      if (expected.fromAnswer) {
        const signFor = Date.parse(String(p.signForDueAt));
        check(signFor > Date.now() - 60_000, `${label}: sign-for deadline ${p.signForDueAt} is not ahead`);
      }
      p.version += 1;
      const data = expected.data(departments, res.body as ServiceBody);
      if (action === 'escalate') {
        // The new supervision is the last rung of the ladder the answer shows.
        const ladder = (res.body.supervisions ?? []) as { id: string; level: string; active: boolean }[];
        const opened = ladder.at(-1);
        check(opened?.active === true && opened.level === p.supervision, `${label}: ladder ${JSON.stringify(ladder)}`);
        p.supervisionId = opened?.id ?? null;
        data.supervisionId = p.supervisionId;
      }
      if (action === 'lift') p.supervisionId = null;
      p.events.push({
        type: action,
        fromStatus: before,
        toStatus: p.status,
        // The department the problem is with after the action.
        departmentId: p.department ? departments[p.department] : null,
        actorId: user.id,
        note: expected.note,
        data,
      });
      tally.successes += 1;
      compareProblem(res.body, p, label, check);
      check(res.headers.etag === `"${p.version}"`, `${label}: ETag ${res.headers.etag}`);
      return true;
    }
    check(
      res.status === expected.status && res.body?.code === expected.code,
      `${label}: expected ${expected.status} ${expected.code}, got ${res.status} ${JSON.stringify(res.body)}`,
    );
    if (expected.status === 403) tally.refused403 += 1;
    if (expected.status === 404) tally.refused404 += 1;
    if (expected.status === 409) tally.refused409 += 1;
    if (expected.code === 'INVALID_TRANSITION') {
      // docs/domain.md: the refusal names the current status and the allowed actions.
      const message = String(res.body?.message ?? '');
      check(message.includes(p.status), `${label}: 409 message does not name ${p.status}: ${message}`);
      for (const a of allowedFrom(p.status)) {
        check(message.includes(a), `${label}: 409 message does not list ${a}: ${message}`);
      }
    }
    return false;
  }

  /** Reads each problem back as a manager and compares it whole; then the period's resolution rate. */
  async function finalCheck(problems: ModelProblem[], period: string, check: Check): Promise<void> {
    for (const p of problems) {
      const res = await t.http().get(`/api/v1/problems/${p.id}`).set(users.manager.auth);
      check(res.status === 200, `read ${p.id}: ${res.status}`);
      compareProblem(res.body, p, `${period} problem ${p.id}`, check);
      if (p.status === 'closed') tally.reachedClosed += 1;
      if (p.status === 'withdrawn') tally.reachedWithdrawn += 1;
    }

    const recorded = problems.filter((p) => p.status !== 'withdrawn').length;
    const resolved = problems.filter((p) => p.status === 'resolved' || p.status === 'closed').length;
    const rate = await t
      .http()
      .get(`/api/v1/reports/resolution-rate?period=${period}&asOf=now`)
      .set(users.manager.auth);
    tally.rateChecks += 1;
    check(rate.status === 200, `resolution rate ${period}: ${rate.status} ${JSON.stringify(rate.body)}`);
    check(
      rate.body.recorded === recorded &&
        rate.body.resolved === resolved &&
        rate.body.ratePercent === expectedRate(resolved, recorded),
      `resolution rate ${period}: ${rate.body.recorded}/${rate.body.resolved} ${rate.body.ratePercent}%, model ${recorded}/${resolved} ${expectedRate(resolved, recorded)}%`,
    );
  }

  /** Runs one generated scenario; answers the mismatches between the service and the model. */
  async function scenario(problemCount: number, steps: Step[]): Promise<string[]> {
    const mismatches: string[] = [];
    const check: Check = (ok, what) => {
      if (!ok) mismatches.push(what);
    };
    const { wednesday, period } = nextWeek();
    const problems: ModelProblem[] = [];
    for (let i = 0; i < problemCount; i += 1) {
      problems.push(await newProblem(wednesday, `模型问题 ${period} #${i}`, check));
    }

    for (const [index, s] of steps.entries()) {
      const p = problems[s.problem % problems.length]!;
      let action: Action;
      let actor: Actor;
      const choices = allowedFrom(p.status).filter((a) => a !== 'withdraw' || s.withdrawDice === 0);
      if (s.guided && choices.length > 0) {
        action = choices[s.action % choices.length]!;
        const actors = actorsFor(action);
        actor = actors[s.actor % actors.length]!;
      } else {
        action = ACTIONS[s.action % ACTIONS.length]!;
        actor = ACTORS[s.actor % ACTORS.length]!;
      }
      const label = `step ${index} ${actor} ${action} on ${p.status}/${p.department ?? '-'} v${p.version}`;
      await tryStep(p, actor, action, s, label, check);
    }
    await finalCheck(problems, period, check);
    return mismatches;
  }

  it('succeeds exactly when the model says so, and ends every sequence where the model does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.array(step, { minLength: 5, maxLength: 40 }),
        async (problemCount, steps) => {
          tally.runs += 1;
          tally.sequences += problemCount;
          const mismatches = await scenario(problemCount, steps);
          tally.mismatches += mismatches.length;
          if (mismatches.length > 0) throw new Error(mismatches.join('\n'));
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    tally.randomCells = cells.size;
    expect(tally.mismatches).toBe(0);
    expect(tally.successes).toBeGreaterThan(0);
    // The generated sequences did reach the far ends of the graph, refusals of every kind included
    // (checked at the default size; a handful of runs need not get there).
    if (RUNS < 50) return;
    expect(tally.reachedClosed).toBeGreaterThan(0);
    expect(tally.reachedWithdrawn).toBeGreaterThan(0);
    expect(tally.refused403).toBeGreaterThan(0);
    expect(tally.refused404).toBeGreaterThan(0);
    expect(tally.refused409).toBeGreaterThan(0);
  }, 300_000);

  it('visits every (status, action, role) cell: drives a problem to each status and tries each action as each role', async () => {
    const mismatches: string[] = [];
    const check: Check = (ok, what) => {
      if (!ok) mismatches.push(what);
    };
    const { wednesday, period } = nextWeek();
    // A figure published before the sweep, over every week the runs use, as of the instant of
    // publishing: nothing the sweep does may change it, and the sweep's problems, entered after it,
    // are the only items its reconciliation may name (as entered late).
    const publishBody = { figure: 'resolution-rate', from: '2001-01-01', to: '2099-01-01', asOf: 'now' };
    const published = await t
      .http()
      .post('/api/v1/reports/published')
      .set(users.manager.auth)
      .send(publishBody)
      .expect(201);
    const publishedItems = await t
      .http()
      .get(`/api/v1/reports/published/${published.body.id}/items`)
      .query({ limit: 200 })
      .set(users.manager.auth)
      .expect(200);
    const problems: ModelProblem[] = [];
    const sweep = new Set<string>();
    // How a manager takes a new problem (with department A) to each status.
    const paths: Record<Status, Action[]> = {
      reported: [],
      assigned: ['assign'],
      in_progress: ['assign', 'accept'],
      resolved: ['assign', 'accept', 'resolve'],
      closed: ['assign', 'accept', 'resolve', 'verify'],
      withdrawn: ['withdraw'],
    };
    const base: Step = {
      problem: 0,
      guided: false,
      withdrawDice: 0,
      action: 0,
      actor: 0,
      department: 'A',
      satisfaction: 'satisfied',
      dueDays: 30,
      level: 'listed',
    };
    for (const status of STATUSES) {
      let p: ModelProblem | undefined;
      for (const action of ACTIONS) {
        for (const actor of ACTORS) {
          if (!p) {
            p = await newProblem(wednesday, `模型格 ${status} #${problems.length}`, check);
            problems.push(p);
            for (const move of paths[status]) await tryStep(p, 'manager', move, base, `to ${status}: ${move}`, check);
            check(p.status === status, `could not drive a problem to ${status}: it is ${p.status}`);
          }
          // Reassign to the other department; verify satisfied as a manager, unsatisfied as the others.
          const s: Step = {
            ...base,
            department: 'B',
            dueDays: 45,
            satisfaction: actor === 'manager' ? 'satisfied' : 'unsatisfied',
          };
          sweep.add(`${status} ${action} ${actor}`);
          const label = `cell ${status} × ${action} × ${actor}`;
          // A problem that moved is used up: the next cell starts from a fresh one.
          if (await tryStep(p, actor, action, s, label, check)) p = undefined;
        }
      }
    }
    await finalCheck(problems, period, check);
    const record = await t
      .http()
      .get(`/api/v1/reports/published/${published.body.id}`)
      .set(users.manager.auth)
      .expect(200);
    expect(record.body).toEqual(published.body);
    const itemsNow = await t
      .http()
      .get(`/api/v1/reports/published/${published.body.id}/items`)
      .query({ limit: 200 })
      .set(users.manager.auth)
      .expect(200);
    expect(itemsNow.body.items).toEqual(publishedItems.body.items);
    const again = await t
      .http()
      .post('/api/v1/reports/published')
      .set(users.manager.auth)
      .send({ ...publishBody, asOf: published.body.asOf });
    expect([again.status, again.body.checksum]).toEqual([200, published.body.checksum]);
    const reconciliation = await t
      .http()
      .get(`/api/v1/reports/published/${published.body.id}/reconciliation`)
      .set(users.manager.auth)
      .expect(200);
    const swept = new Set(problems.map((p) => p.id));
    for (const moved of reconciliation.body.moved as { id: string; reasons: { code: string }[] }[]) {
      expect(swept.has(moved.id)).toBe(true);
      expect(moved.reasons.map((r) => r.code)).toContain('entered_late');
    }
    tally.sweepCells = sweep.size;
    tally.sweepProblems = problems.length;
    tally.mismatches += mismatches.length;
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(sweep.size).toBe(STATUSES.length * ACTIONS.length * ACTORS.length);
    expect(cells.size).toBe(STATUSES.length * ACTIONS.length * ACTORS.length);
  }, 300_000);
});

/**
 * Lead and assisting departments (docs/domain.md, "Lead and assisting departments"), against a
 * model written here: a problem led by department A with one assisting department C, driven to
 * each status with C's part open or done, then each of assist_progress, assist_done, resolve
 * (without and with assistsNote) tried by each caller. A handler of C sees the problem while its
 * part of the current assignment is open or done; only C's handler (or a manager naming C) takes
 * the assisting actions, only while the part is open and the lead holds the problem; the lead
 * resolves while the part is open only with assistsNote.
 */
describe('assisting departments against a model of docs/domain.md', () => {
  type AssistActor = 'manager' | 'admin' | 'lead' | 'assisting' | 'other' | 'official';
  type AssistAction = 'assist_progress' | 'assist_done' | 'resolve' | 'resolve_noted';
  type Part = 'open' | 'done' | 'cancelled';
  interface AssistState {
    id: string;
    version: number;
    status: Status;
    lead: boolean;
    part: Part;
    /** The part belongs to the current assignment (a return retires it). */
    current: boolean;
  }
  const ASSIST_ACTORS: AssistActor[] = ['manager', 'admin', 'lead', 'assisting', 'other', 'official'];
  const ASSIST_ACTIONS: AssistAction[] = ['assist_progress', 'assist_done', 'resolve', 'resolve_noted'];
  const NOTE = '协办单位已书面答复';

  let t: TestApp;
  let f: Factory;
  let d: { A: string; B: string; C: string };
  let u: Record<AssistActor, TestUser>;
  let enterprise: { id: string };
  const tally = { cells: 0, successes: 0, refusals: 0, mismatches: 0 };

  beforeAll(async () => {
    t = await createTestApp(TEST_ENV);
    f = new Factory(t);
    d = {
      A: (await f.department('协办模型主办局')).id,
      B: (await f.department('协办模型他局')).id,
      C: (await f.department('协办模型协办局')).id,
    };
    u = {
      manager: await f.user('manager'),
      admin: await f.user('admin'),
      lead: await f.user('handler', d.A),
      assisting: await f.user('handler', d.C),
      other: await f.user('handler', d.B),
      official: await f.user('official'),
    };
    enterprise = await f.enterprise(u.official);
  }, 60_000);

  afterAll(async () => {
    figure('workflow-model-assists', { ...tally });
    await t?.close();
  });

  type Outcome = { ok: true } | { ok: false; status: number; code: string };

  function predict(s: AssistState, actor: AssistActor, action: AssistAction): Outcome {
    const assistAction = action === 'assist_progress' || action === 'assist_done';
    if (actor === 'other') return { ok: false, status: 404, code: 'NOT_FOUND' };
    if (actor === 'lead' && !s.lead) return { ok: false, status: 404, code: 'NOT_FOUND' };
    if (actor === 'assisting' && !(s.current && s.part !== 'cancelled'))
      return { ok: false, status: 404, code: 'NOT_FOUND' };
    const permitted =
      actor === 'manager' ||
      actor === 'admin' ||
      (actor === 'lead' && !assistAction) ||
      (actor === 'assisting' && assistAction && s.part === 'open');
    if (!permitted) return { ok: false, status: 403, code: 'FORBIDDEN' };
    if (!HELD_BY_DEPARTMENT.includes(s.status)) return { ok: false, status: 409, code: 'INVALID_TRANSITION' };
    if (action === 'resolve' && s.part === 'open') return { ok: false, status: 409, code: 'ASSISTS_OPEN' };
    if (assistAction && s.part !== 'open') return { ok: false, status: 409, code: 'CONFLICT' };
    return { ok: true };
  }

  async function send(s: AssistState, actor: AssistActor, action: AssistAction) {
    const path = action === 'resolve_noted' ? 'resolve' : action.replace('_', '-');
    const body =
      action === 'resolve'
        ? { resolution: '已办结' }
        : action === 'resolve_noted'
          ? { resolution: '已办结', assistsNote: NOTE }
          : { note: '协办进展', ...(actor === 'manager' || actor === 'admin' ? { departmentId: d.C } : {}) };
    return t
      .http()
      .post(`/api/v1/problems/${s.id}/${path}`)
      .set(u[actor].auth)
      .set('If-Match', `"${s.version}"`)
      .send(body);
  }

  /** A new problem led by A with C assisting, taken to `status` with C's part `part` (open or done) first. */
  async function prepare(status: Status, part: 'open' | 'done'): Promise<AssistState> {
    const created = await f.problem(u.official, enterprise.id, { title: `协办模型 ${status} ${part}` });
    const s: AssistState = { id: created.id, version: 1, status: 'reported', lead: false, part: 'open', current: true };
    const step = async (path: string, body: Record<string, unknown>, as: TestUser = u.manager) => {
      const res = await t
        .http()
        .post(`/api/v1/problems/${s.id}/${path}`)
        .set(as.auth)
        .set('If-Match', `"${s.version}"`)
        .send(body);
      if (res.status !== 200) throw new Error(`prepare ${status}/${part} ${path}: ${res.status} ${res.text}`);
      s.version = res.body.version;
      s.status = res.body.status;
    };
    await step('assign', { departmentId: d.A, dueAt: inDays(20), assistingDepartmentIds: [d.C] });
    s.lead = true;
    if (status === 'withdrawn') {
      if (part === 'done') await step('assist-done', { note: '已完成' }, u.assisting);
      s.part = part;
      await step('withdraw', { reason: '重复' });
      if (part === 'open') s.part = 'cancelled';
      return s;
    }
    if (part === 'done') {
      await step('assist-done', { note: '已完成' }, u.assisting);
      s.part = 'done';
    }
    if (status === 'reported') {
      await step('return', { reason: '不属本单位' }, u.lead);
      s.lead = false;
      s.current = false;
      if (part === 'open') s.part = 'cancelled';
      return s;
    }
    if (status === 'assigned') return s;
    await step('accept', {}, u.lead);
    if (status === 'in_progress') return s;
    await step('resolve', { resolution: '已办结', assistsNote: NOTE }, u.lead);
    if (status === 'resolved') return s;
    await step('verify', { satisfaction: 'satisfied' });
    if (part === 'open') s.part = 'cancelled';
    return s;
  }

  it('succeeds exactly when the model says so, for every status, part, action and caller', async () => {
    const mismatches: string[] = [];
    for (const status of STATUSES) {
      for (const part of ['open', 'done'] as const) {
        let s: AssistState | undefined;
        for (const action of ASSIST_ACTIONS) {
          for (const actor of ASSIST_ACTORS) {
            s ??= await prepare(status, part);
            const label = `${status}/${part} ${action} by ${actor}`;
            const expected = predict(s, actor, action);
            const res = await send(s, actor, action);
            tally.cells += 1;
            if (!expected.ok) {
              tally.refusals += 1;
              if (res.status !== expected.status || res.body?.code !== expected.code)
                mismatches.push(
                  `${label}: expected ${expected.status} ${expected.code}, got ${res.status} ${res.text}`,
                );
              continue;
            }
            tally.successes += 1;
            if (res.status !== 200) {
              mismatches.push(`${label}: expected 200, got ${res.status} ${res.text}`);
              continue;
            }
            const event = res.body.events.at(-1);
            const assisting = action === 'assist_progress' || action === 'assist_done';
            const expectedEvent = {
              type: action === 'resolve_noted' ? 'resolve' : action,
              departmentId: assisting ? d.C : d.A,
              actorId: u[actor].id,
              data: assisting
                ? { assist: true }
                : action === 'resolve_noted'
                  ? { assistsNote: NOTE, ...(s.part === 'open' ? { assistsOpen: [d.C] } : {}) }
                  : {},
            };
            const shown = {
              type: event.type,
              departmentId: event.departmentId,
              actorId: event.actorId,
              data: event.data,
            };
            if (!isDeepStrictEqual(shown, expectedEvent))
              mismatches.push(`${label}: event ${JSON.stringify(shown)}, model ${JSON.stringify(expectedEvent)}`);
            const nextPart: Part = action === 'assist_done' ? 'done' : s.part;
            const parts = res.body.assists.map((a: { departmentId: string; status: string }) => [
              a.departmentId,
              a.status,
            ]);
            if (!isDeepStrictEqual(parts, [[d.C, nextPart]]))
              mismatches.push(`${label}: parts ${JSON.stringify(parts)}, model ${nextPart}`);
            const nextStatus = action.startsWith('resolve') ? 'resolved' : s.status;
            if (res.body.status !== nextStatus)
              mismatches.push(`${label}: status ${res.body.status}, model ${nextStatus}`);
            // A problem that moved is used up: the next cell starts from a fresh one.
            s = undefined;
          }
        }
      }
    }
    tally.mismatches = mismatches.length;
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(tally.successes).toBeGreaterThan(0);
    expect(tally.cells).toBe(STATUSES.length * 2 * ASSIST_ACTIONS.length * ASSIST_ACTORS.length);
  }, 300_000);
});
