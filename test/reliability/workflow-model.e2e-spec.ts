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
  'assign' | 'accept' | 'progress' | 'resolve' | 'return' | 'verify' | 'reopen' | 'withdraw' | 'escalate' | 'lift';
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
  resolution: string | null;
  satisfaction: Satisfaction | null;
  feedback: string | null;
  escalated: boolean;
  duplicateOf: string | null;
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
  liftNote: '部门已回应，解除督办',
};

type Prediction =
  | {
      ok: true;
      next: ModelState;
      note: string | null;
      data: (departments: Record<Dept, string>) => Record<string, unknown>;
    }
  | {
      ok: false;
      status: 400 | 403 | 404 | 409;
      code: 'VALIDATION_FAILED' | 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_TRANSITION' | 'CONFLICT';
    };

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
    resolution: p.resolution,
    satisfaction: p.satisfaction,
    feedback: p.feedback,
    escalated: p.escalated,
    duplicateOf: p.duplicateOf,
    supervision: p.supervision,
  };
  const none = () => ({});
  switch (action) {
    case 'assign': {
      const reassigned = p.status !== 'reported';
      return {
        ok: true,
        next: { ...same, status: 'assigned', department: step.department, dueAt: new Date(dueAt).toISOString() },
        note: TEXT.assignNote,
        data: (d) => ({
          departmentId: d[step.department],
          dueAt: new Date(dueAt).toISOString(),
          reassigned,
        }),
      };
    }
    case 'accept':
      return { ok: true, next: { ...same, status: 'in_progress' }, note: TEXT.acceptNote, data: none };
    case 'progress':
      return { ok: true, next: same, note: TEXT.progressNote, data: none };
    case 'resolve':
      return {
        ok: true,
        next: { ...same, status: 'resolved', resolution: TEXT.resolution },
        note: TEXT.resolution,
        data: none,
      };
    case 'return': {
      const returnedBy = p.department;
      return {
        ok: true,
        next: { ...same, status: 'reported', department: null, dueAt: null },
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
          // docs/domain.md: an unsatisfied verification clears the resolution.
          resolution: satisfied ? p.resolution : null,
        },
        note: TEXT.feedback,
        data: () => ({ satisfaction: step.satisfaction }),
      };
    }
    case 'reopen':
      return {
        ok: true,
        next: { ...same, status: 'in_progress', resolution: null, satisfaction: null, feedback: null },
        note: TEXT.reopenReason,
        data: none,
      };
    case 'withdraw':
      return { ok: true, next: { ...same, status: 'withdrawn' }, note: TEXT.withdrawReason, data: none };
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

  function bodyFor(action: Action, step: Step, dueAt: string): Record<string, unknown> {
    switch (action) {
      case 'assign':
        return { departmentId: departments[step.department], dueAt, note: TEXT.assignNote };
      case 'accept':
        return { note: TEXT.acceptNote };
      case 'progress':
        return { note: TEXT.progressNote };
      case 'resolve':
        return { resolution: TEXT.resolution };
      case 'return':
        return { reason: TEXT.returnReason };
      case 'verify':
        return { satisfaction: step.satisfaction, feedback: TEXT.feedback };
      case 'reopen':
        return { reason: TEXT.reopenReason };
      case 'withdraw':
        return { reason: TEXT.withdrawReason };
      case 'escalate':
        return step.level === 'supervision'
          ? { note: TEXT.escalateNote, answerBy: dueAt }
          : { note: TEXT.escalateNote, level: step.level, answerBy: dueAt };
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
      resolution: null,
      satisfaction: null,
      feedback: null,
      escalated: false,
      duplicateOf: null,
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
      resolution: p.resolution,
      satisfaction: p.satisfaction,
      feedback: p.feedback,
      escalated: p.escalated,
      duplicateOf: p.duplicateOf,
      supervisionLevel: p.supervision,
      version: p.version,
      lastEventType: p.events.at(-1)!.type,
    };
    const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, body[k]]));
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
      .post(`/api/v1/problems/${p.id}/${action}`)
      .set(user.auth)
      .set('If-Match', `"${p.version}"`)
      .send(bodyFor(action, s, dueAt));
    tally.steps += 1;

    if (expected.ok) {
      check(res.status === 200, `${label}: expected 200, got ${res.status} ${JSON.stringify(res.body)}`);
      if (res.status !== 200) return false;
      const before = p.status;
      Object.assign(p, expected.next);
      p.version += 1;
      const data = expected.data(departments);
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
    tally.sweepCells = sweep.size;
    tally.sweepProblems = problems.length;
    tally.mismatches += mismatches.length;
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(sweep.size).toBe(STATUSES.length * ACTIONS.length * ACTORS.length);
    expect(cells.size).toBe(STATUSES.length * ACTIONS.length * ACTORS.length);
  }, 300_000);
});
