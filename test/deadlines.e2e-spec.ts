import { Factory, inDays, TestUser } from './factories';
import { bj, history, NewHistory } from './factories/history';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Deadlines that hold (issue 15): sign-for deadlines, extension requests, same-department
 * reassignment, redo deadlines, and the figures judged by them (src/reports/deadlines.sql.ts).
 *
 * The figure blocks use histories written at past instants (test/factories/history.ts), each in a
 * period of its own, so no block's figures include another's problems:
 *
 *   2019-Q1  same-department reassignment with a later date
 *   2019-Q2  approved extension; refused extension
 *   2019-Q3  asOf around an extension and the resolution
 *   2019-Q4  reassignment to another department
 *   2020-Q1  redo with its own deadline
 *   2020-Q2  the timely sign-for rate on a hand-worked set
 */

interface DeadlineFigures {
  onTimeRate: { onTime: number; resolved: number; ratePercent: number | null };
  onTimeWithExtensionRate: { onTimeWithExtension: number; resolved: number; ratePercent: number | null };
  signForRate: { timely: number; due: number; ratePercent: number | null };
  redos: { count: number };
}

describe('deadlines: sign-for, extensions, redo', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let official: TestUser;
  let handlerA: TestUser;
  let handlerB: TestUser;
  let admin: TestUser;
  let deptA: { id: string; name: string };
  let deptB: { id: string; name: string };
  let enterprise: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    deptA = await f.department('时限甲局');
    deptB = await f.department('时限乙局');
    manager = await f.user('manager');
    official = await f.user('official');
    admin = await f.user('admin');
    handlerA = await f.user('handler', deptA.id);
    handlerB = await f.user('handler', deptB.id);
    enterprise = await f.enterprise(official);
  });

  afterAll(() => t.close());

  const past = (reportedAt: string, more: Partial<NewHistory> = {}) =>
    history(t).problem({
      reportedAt,
      enterpriseId: enterprise.id,
      createdBy: official.id,
      managerId: manager.id,
      handlers: { [deptA.id]: handlerA.id, [deptB.id]: handlerB.id },
      ...more,
    });

  async function figures(query: Record<string, string>): Promise<DeadlineFigures> {
    const res = await t.http().get('/api/v1/reports/figures').query(query).set(manager.auth);
    expect(res.status).toBe(200);
    const { onTimeRate, onTimeWithExtensionRate, signForRate, redos } = res.body as DeadlineFigures;
    return { onTimeRate, onTimeWithExtensionRate, signForRate, redos };
  }

  /** A fresh problem assigned to 甲 through the API, due in `days` days. */
  async function assigned(days = 10) {
    const problem = await f.problem(official, enterprise.id);
    const res = await f.act(manager, problem.id, 'assign', { departmentId: deptA.id, dueAt: inDays(days) }, 1);
    expect(res.status).toBe(200);
    return res.body as { id: string; version: number; dueAt: string; signForDueAt: string; firstDueAt: string };
  }

  describe('through the API', () => {
    it('an assignment carries its sign-for deadline (the category’s, 1 working day by default); accept signs for it', async () => {
      const before = Date.now();
      const problem = await assigned();
      expect(problem.firstDueAt).toBe(problem.dueAt);
      const signForDue = Date.parse(problem.signForDueAt);
      // The end of the next working day: after now, within the week (a long holiday aside, 10 days).
      expect(signForDue).toBeGreaterThan(before);
      expect(signForDue).toBeLessThan(before + 10 * 86_400_000);
      const read = await t.http().get(`/api/v1/problems/${problem.id}`).set(handlerA.auth).expect(200);
      const assign = read.body.events.find((e: { type: string }) => e.type === 'assign');
      expect(assign.data).toEqual({
        departmentId: deptA.id,
        dueAt: problem.dueAt,
        signForDueAt: problem.signForDueAt,
        reassigned: false,
        assistingDepartmentIds: [],
      });
      expect(read.body.signedForAt).toBeNull();
      const accepted = await f.act(handlerA, problem.id, 'accept', {}, problem.version);
      expect(accepted.status).toBe(200);
      expect(Date.parse(accepted.body.signedForAt)).toBeGreaterThanOrEqual(before);
    });

    it('the sign-for limit is per category, edited by an admin', async () => {
      const res = await t
        .http()
        .patch('/api/v1/categories/financing')
        .set(admin.auth)
        .send({ signForWorkingDays: 3 })
        .expect(200);
      expect(res.body).toMatchObject({ code: 'financing', signForWorkingDays: 3 });
      const bad = await t.http().patch('/api/v1/categories/financing').set(admin.auth).send({ signForWorkingDays: 0 });
      expect(bad.status).toBe(400);
      const problem = await f.problem(official, enterprise.id, { category: 'financing' });
      const one = await f.act(manager, problem.id, 'assign', { departmentId: deptA.id, dueAt: inDays(20) }, 1);
      const labour = await assigned(20);
      // Three working days are later than one (both counted from now).
      expect(Date.parse(one.body.signForDueAt)).toBeGreaterThan(Date.parse(labour.signForDueAt));
      const list = await t.http().get('/api/v1/categories').set(manager.auth).expect(200);
      expect(list.body.find((c: { code: string }) => c.code === 'financing').signForWorkingDays).toBe(3);
    });

    it('a reassignment to the same department keeps its deadlines and refuses another date (422 naming dueAt)', async () => {
      const problem = await assigned();
      const moved = await f.act(
        manager,
        problem.id,
        'assign',
        { departmentId: deptA.id, dueAt: inDays(30) },
        problem.version,
      );
      expect(moved.status).toBe(422);
      expect(moved.body.errors).toEqual([{ field: 'dueAt', message: expect.stringMatching(/extension/) }]);
      const days = await f.act(manager, problem.id, 'assign', { departmentId: deptA.id, dueInWorkingDays: 40 });
      expect(days.status).toBe(422);
      // Nothing was written.
      const read = await t.http().get(`/api/v1/problems/${problem.id}`).set(manager.auth).expect(200);
      expect(read.body.version).toBe(problem.version);

      const kept = await f.act(manager, problem.id, 'assign', { departmentId: deptA.id, note: '请抓紧办理' });
      expect(kept.status).toBe(200);
      expect(kept.body).toMatchObject({
        dueAt: problem.dueAt,
        firstDueAt: problem.dueAt,
        signForDueAt: problem.signForDueAt,
      });
      const event = kept.body.events.at(-1);
      expect(event.data).toEqual({
        departmentId: deptA.id,
        dueAt: problem.dueAt,
        signForDueAt: problem.signForDueAt,
        reassigned: true,
        sameDepartment: true,
        assistingDepartmentIds: [],
      });
      // Naming the very same date is not a change: accepted.
      const same = await f.act(manager, problem.id, 'assign', { departmentId: deptA.id, dueAt: problem.dueAt });
      expect(same.status).toBe(200);
    });

    it('a reassignment to another department starts that department’s clock', async () => {
      const problem = await assigned();
      const dueB = inDays(25);
      const moved = await f.act(
        manager,
        problem.id,
        'assign',
        { departmentId: deptB.id, dueAt: dueB },
        problem.version,
      );
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ departmentId: deptB.id, dueAt: dueB, firstDueAt: dueB, signedForAt: null });
    });

    it('request, one pending at a time, approve: the deadline moves, the first deadline stays', async () => {
      const problem = await assigned(10);
      const notLater = await f.act(handlerA, problem.id, 'request-extension', {
        dueAt: problem.dueAt,
        reason: '需省级批复',
      });
      expect(notLater.status).toBe(400);
      expect(notLater.body.errors[0].field).toBe('dueAt');
      const noReason = await f.act(handlerA, problem.id, 'request-extension', { dueAt: inDays(20) });
      expect(noReason.status).toBe(400);
      // Another department's handler does not see it.
      expect(
        (await f.act(handlerB, problem.id, 'request-extension', { dueAt: inDays(20), reason: 'x' }, 2)).status,
      ).toBe(404);
      const nothingPending = await f.act(manager, problem.id, 'approve-extension', {});
      expect(nothingPending.status).toBe(409);

      const asked = inDays(20);
      const requested = await f.act(handlerA, problem.id, 'request-extension', { dueAt: asked, reason: '需省级批复' });
      expect(requested.status).toBe(200);
      expect(requested.body.dueAt).toBe(problem.dueAt);
      expect(requested.body.pendingExtension).toMatchObject({
        dueAt: asked,
        previousDueAt: problem.dueAt,
        reason: '需省级批复',
      });
      const requestEvent = requested.body.events.at(-1);
      expect(requestEvent).toMatchObject({
        type: 'request_extension',
        departmentId: deptA.id,
        note: '需省级批复',
        data: { dueAt: asked, previousDueAt: problem.dueAt },
      });
      const second = await f.act(handlerA, problem.id, 'request-extension', { dueAt: inDays(30), reason: '再延' });
      expect(second.status).toBe(409);
      expect(second.body.message).toMatch(/already pending/);
      // A handler may not decide.
      expect((await f.act(handlerA, problem.id, 'approve-extension', {})).status).toBe(403);

      const approved = await f.act(manager, problem.id, 'approve-extension', { note: '同意延期' });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ dueAt: asked, firstDueAt: problem.dueAt, pendingExtension: null });
      expect(approved.body.events.at(-1)).toMatchObject({
        type: 'approve_extension',
        note: '同意延期',
        data: { requestEventId: requestEvent.id, dueAt: asked, previousDueAt: problem.dueAt },
      });

      const list = await t.http().get('/api/v1/extensions').query({ status: 'approved' }).set(manager.auth).expect(200);
      const item = list.body.items.find((i: { requestEventId: string }) => i.requestEventId === requestEvent.id);
      expect(item).toMatchObject({
        status: 'approved',
        problemId: problem.id,
        departmentId: deptA.id,
        departmentName: '时限甲局',
        currentDueAt: asked,
        previousDueAt: problem.dueAt,
        requestedDueAt: asked,
        reason: '需省级批复',
        decision: { type: 'approve_extension', note: '同意延期' },
      });
    });

    it('refuse: the deadline stays; the list shows pending requests to managers and to the asking department only', async () => {
      const problem = await assigned(10);
      const requested = await f.act(handlerA, problem.id, 'request-extension', {
        dueAt: inDays(15),
        reason: '材料未齐',
      });
      expect(requested.status).toBe(200);
      const requestEventId = requested.body.pendingExtension.requestEventId;

      const pendingFor = async (user: TestUser) =>
        (await t.http().get('/api/v1/extensions').set(user.auth).expect(200)).body.items.map(
          (i: { requestEventId: string }) => i.requestEventId,
        );
      expect(await pendingFor(manager)).toContain(requestEventId);
      expect(await pendingFor(handlerA)).toContain(requestEventId);
      expect(await pendingFor(handlerB)).not.toContain(requestEventId);
      await t.http().get('/api/v1/extensions').set(official.auth).expect(403);
      expect((await t.http().get('/api/v1/extensions').query({ status: 'soon' }).set(manager.auth)).status).toBe(400);

      const noReason = await f.act(manager, problem.id, 'refuse-extension', {});
      expect(noReason.status).toBe(400);
      const refused = await f.act(manager, problem.id, 'refuse-extension', { reason: '理由不充分' });
      expect(refused.status).toBe(200);
      expect(refused.body).toMatchObject({ dueAt: problem.dueAt, firstDueAt: problem.dueAt, pendingExtension: null });
      expect(refused.body.events.at(-1).data).toEqual({ requestEventId });
      expect(await pendingFor(manager)).not.toContain(requestEventId);
      const refusedList = await t.http().get('/api/v1/extensions?status=refused').set(handlerA.auth).expect(200);
      expect(refusedList.body.items.map((i: { requestEventId: string }) => i.requestEventId)).toContain(requestEventId);
      // After a refusal the department may ask again.
      expect(
        (await f.act(handlerA, problem.id, 'request-extension', { dueAt: inDays(12), reason: '补充' })).status,
      ).toBe(200);
    });

    it('a reopen is a redo with its own deadline (default: the category’s time limit)', async () => {
      const problem = await assigned(10);
      expect((await f.act(handlerA, problem.id, 'resolve', { resolution: '已办结' })).status).toBe(200);
      const redoDue = inDays(40);
      const reopened = await f.act(manager, problem.id, 'reopen', { reason: '企业反映未解决', dueAt: redoDue });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ status: 'in_progress', dueAt: redoDue, firstDueAt: redoDue });
      expect(reopened.body.events.at(-1).data).toEqual({ dueAt: redoDue, redo: true });
      expect((await f.act(handlerA, problem.id, 'resolve', { resolution: '再次办结' })).status).toBe(200);
      const unsatisfied = await f.act(manager, problem.id, 'verify', { satisfaction: 'unsatisfied' });
      expect(unsatisfied.status).toBe(200);
      const data = unsatisfied.body.events.at(-1).data;
      expect(data).toMatchObject({ satisfaction: 'unsatisfied', redo: true });
      expect(Date.parse(data.dueAt)).toBeGreaterThan(Date.now());
      expect(unsatisfied.body.dueAt).toBe(data.dueAt);
    });

    it('a redo deadline in the past, and a satisfied verification with a deadline, are refused', async () => {
      const problem = await assigned(10);
      expect((await f.act(handlerA, problem.id, 'resolve', { resolution: '已办结' })).status).toBe(200);
      const pastDue = await f.act(manager, problem.id, 'reopen', { reason: 'x', dueAt: '2020-01-01T00:00:00Z' });
      expect(pastDue.status).toBe(400);
      expect(pastDue.body.errors[0].field).toBe('dueAt');
      const satisfied = await f.act(manager, problem.id, 'verify', { satisfaction: 'satisfied', dueAt: inDays(5) });
      expect(satisfied.status).toBe(400);
    });

    it('sign_for_overdue: an assignment not signed for by its deadline is recorded once', async () => {
      const problem = await assigned(10);
      // Its sign-for deadline has passed (the clock cannot be moved, the row can).
      await t.db.query(`UPDATE problems SET sign_for_due_at = now() - interval '3 hours' WHERE id = $1`, [problem.id]);
      const warnings = await t.http().get('/api/v1/warnings?level=sign_for_overdue').set(manager.auth).expect(200);
      const item = warnings.body.items.find((w: { problemId: string }) => w.problemId === problem.id);
      expect(item).toMatchObject({ level: 'sign_for_overdue', departmentId: deptA.id, hoursLate: 3 });
      const first = await t.http().post('/api/v1/warnings/scan').set(admin.auth).expect(200);
      expect(first.body.recorded.sign_for_overdue).toBe(1);
      const second = await t.http().post('/api/v1/warnings/scan').set(admin.auth).expect(200);
      expect(second.body.recorded.sign_for_overdue).toBe(0);
      const [{ count }] = await t.db.query(
        `SELECT count(*)::int AS count FROM warnings WHERE problem_id = $1 AND level = 'sign_for_overdue'`,
        [problem.id],
      );
      expect(count).toBe(1);
      const events = await t.http().get(`/api/v1/problems/${problem.id}`).set(manager.auth).expect(200);
      expect(
        events.body.events.filter(
          (e: { type: string; data: { level?: string } }) => e.data.level === 'sign_for_overdue',
        ),
      ).toHaveLength(1);
      // Signed for: no longer a warning.
      expect((await f.act(handlerA, problem.id, 'accept', {})).status).toBe(200);
      const after = await t.http().get('/api/v1/warnings?level=sign_for_overdue').set(manager.auth).expect(200);
      expect(after.body.items.map((w: { problemId: string }) => w.problemId)).not.toContain(problem.id);
    });
  });

  describe('figures', () => {
    it('a reassignment to the same department with a later date does not turn a late resolution on time (2019-Q1)', async () => {
      // due 01-15; reassigned to 甲 (same department) 01-14, the older way with a new date 02-28, and
      // the rule of today (kept); resolved 01-20: late against the first deadline either way.
      await past(bj('2019-01-02 09:00'))
        .assign(bj('2019-01-02 10:00'), deptA.id, bj('2019-01-15 18:00'))
        .accept(bj('2019-01-03 09:00'))
        .assign(bj('2019-01-14 10:00'), deptA.id, bj('2019-02-28 18:00'))
        .resolve(bj('2019-01-20 09:00'))
        .insert();
      await past(bj('2019-01-02 09:00'))
        .assign(bj('2019-01-02 10:00'), deptA.id, bj('2019-01-15 18:00'))
        .accept(bj('2019-01-03 09:00'))
        .assign(bj('2019-01-14 10:00'), deptA.id, bj('2019-02-28 18:00'), undefined, { sameDepartment: true })
        .resolve(bj('2019-01-20 09:00'))
        .insert();
      const q1 = await figures({ period: '2019-Q1' });
      expect(q1.onTimeRate).toEqual({ onTime: 0, resolved: 2, ratePercent: 0 });
      expect(q1.onTimeWithExtensionRate).toEqual({ onTimeWithExtension: 0, resolved: 2, ratePercent: 0 });
    });

    it('an approved extension counts in the separate figure only; a refused one changes nothing (2019-Q2)', async () => {
      // E1: due 04-15, extension to 04-30 approved 04-12, resolved 04-25: late, on time with extension.
      // E2: due 04-15, extension to 04-30 refused 04-12, resolved 04-25: late both ways.
      // E3: due 04-15, resolved 04-10: on time both ways.
      await past(bj('2019-04-01 09:00'))
        .assign(bj('2019-04-01 10:00'), deptA.id, bj('2019-04-15 18:00'))
        .accept(bj('2019-04-02 09:00'))
        .requestExtension(bj('2019-04-10 09:00'), bj('2019-04-30 18:00'))
        .approveExtension(bj('2019-04-12 09:00'))
        .resolve(bj('2019-04-25 09:00'))
        .insert();
      await past(bj('2019-04-01 09:00'))
        .assign(bj('2019-04-01 10:00'), deptA.id, bj('2019-04-15 18:00'))
        .accept(bj('2019-04-02 09:00'))
        .requestExtension(bj('2019-04-10 09:00'), bj('2019-04-30 18:00'))
        .refuseExtension(bj('2019-04-12 09:00'))
        .resolve(bj('2019-04-25 09:00'))
        .insert();
      await past(bj('2019-04-01 09:00'))
        .assign(bj('2019-04-01 10:00'), deptA.id, bj('2019-04-15 18:00'))
        .resolve(bj('2019-04-10 09:00'))
        .insert();
      const q2 = await figures({ period: '2019-Q2' });
      expect(q2.onTimeRate).toEqual({ onTime: 1, resolved: 3, ratePercent: 33.3 });
      expect(q2.onTimeWithExtensionRate).toEqual({ onTimeWithExtension: 2, resolved: 3, ratePercent: 66.7 });
    });

    it('figures as of T read only events before T: an extension decided after T does not count (2019-Q3)', async () => {
      // X1: due 07-15; requested 07-10, approved 07-20 (to 08-15), resolved 08-01: late, on time with it.
      // X2: due 07-15; resolved 07-18 (late); reopened 07-25 with a redo due 07-26, extension to
      //     08-20 requested 07-25 12:00, approved 08-05, resolved again 08-10.
      await past(bj('2019-07-01 09:00'))
        .assign(bj('2019-07-01 10:00'), deptA.id, bj('2019-07-15 18:00'))
        .accept(bj('2019-07-02 09:00'))
        .requestExtension(bj('2019-07-10 09:00'), bj('2019-08-15 18:00'))
        .approveExtension(bj('2019-07-20 09:00'))
        .resolve(bj('2019-08-01 09:00'))
        .insert();
      await past(bj('2019-07-01 09:00'))
        .assign(bj('2019-07-01 10:00'), deptA.id, bj('2019-07-15 18:00'))
        .accept(bj('2019-07-02 09:00'))
        .resolve(bj('2019-07-18 09:00'))
        .reopen(bj('2019-07-25 09:00'), '未解决', bj('2019-07-26 18:00'))
        .requestExtension(bj('2019-07-25 12:00'), bj('2019-08-20 18:00'))
        .approveExtension(bj('2019-08-05 09:00'))
        .resolve(bj('2019-08-10 09:00'))
        .insert();
      // As of 08-03: X1 resolved (late; on time with its extension, approved before); X2's latest
      // resolve in the window is 07-18 (late both ways; its extension is of a later round).
      const early = await figures({ period: '2019-Q3', asOf: bj('2019-08-03 00:00') });
      expect(early.onTimeRate).toEqual({ onTime: 0, resolved: 2, ratePercent: 0 });
      expect(early.onTimeWithExtensionRate).toEqual({ onTimeWithExtension: 1, resolved: 2, ratePercent: 50 });
      expect(early.redos).toEqual({ count: 1 });
      // As of the end: X2's latest resolve, 08-10, is judged in the redo's round: late against its
      // deadline 07-26, on time against the extension to 08-20 approved 08-05.
      const end = await figures({ period: '2019-Q3' });
      expect(end.onTimeRate).toEqual({ onTime: 0, resolved: 2, ratePercent: 0 });
      expect(end.onTimeWithExtensionRate).toEqual({ onTimeWithExtension: 2, resolved: 2, ratePercent: 100 });
      // As of 08-01 00:00 X1 is not resolved yet: only X2's first resolve counts.
      const before = await figures({ period: '2019-Q3', asOf: bj('2019-08-01 00:00') });
      expect(before.onTimeWithExtensionRate).toEqual({ onTimeWithExtension: 0, resolved: 1, ratePercent: 0 });
    });

    it('a reassignment to another department is judged against that department’s first deadline (2019-Q4)', async () => {
      // R1: 甲 due 10-10; reassigned to 乙 10-09 due 10-31; 乙 resolves 10-20: on time for 乙.
      // R2: 甲 due 10-10; returned 10-05; assigned to 乙 due 10-12, then back to 甲 10-08 due 11-30
      //     (甲's first deadline in the round is still 10-10); 甲 resolves 10-20: late.
      await past(bj('2019-10-01 09:00'))
        .assign(bj('2019-10-01 10:00'), deptA.id, bj('2019-10-10 18:00'))
        .assign(bj('2019-10-09 10:00'), deptB.id, bj('2019-10-31 18:00'))
        .resolve(bj('2019-10-20 09:00'))
        .insert();
      await past(bj('2019-10-01 09:00'))
        .assign(bj('2019-10-01 10:00'), deptA.id, bj('2019-10-10 18:00'))
        .return(bj('2019-10-05 09:00'))
        .assign(bj('2019-10-06 10:00'), deptB.id, bj('2019-10-12 18:00'))
        .assign(bj('2019-10-08 10:00'), deptA.id, bj('2019-11-30 18:00'))
        .resolve(bj('2019-10-20 09:00'))
        .insert();
      const q4 = await figures({ period: '2019-Q4' });
      expect(q4.onTimeRate).toEqual({ onTime: 1, resolved: 2, ratePercent: 50 });
      const res = await t
        .http()
        .get('/api/v1/reports/figures')
        .query({ period: '2019-Q4', groupBy: 'department' })
        .set(manager.auth)
        .expect(200);
      const group = (id: string) => res.body.groups.find((g: { key: string }) => g.key === id);
      expect(group(deptB.id).onTimeRate).toEqual({ onTime: 1, resolved: 1, ratePercent: 100 });
      expect(group(deptA.id).onTimeRate).toEqual({ onTime: 0, resolved: 1, ratePercent: 0 });
    });

    it('a redo gets its own deadline and counts as a redo (2020-Q1)', async () => {
      // D1: due 01-10, resolved 01-08 (on time); unsatisfied 01-13 with a redo due 01-20; resolved 01-18:
      //     on time against the redo's deadline (the original, 01-10, has passed).
      // D2: due 01-10, resolved 01-08; reopened 01-13 the older way (no deadline: no new round);
      //     resolved 01-18: late against 01-10. Both are redos.
      await past(bj('2020-01-02 09:00'))
        .assign(bj('2020-01-02 10:00'), deptA.id, bj('2020-01-10 18:00'))
        .resolve(bj('2020-01-08 09:00'))
        .verify(bj('2020-01-13 09:00'), 'unsatisfied', '仍未解决', bj('2020-01-20 18:00'))
        .resolve(bj('2020-01-18 09:00'))
        .insert();
      await past(bj('2020-01-02 09:00'))
        .assign(bj('2020-01-02 10:00'), deptA.id, bj('2020-01-10 18:00'))
        .resolve(bj('2020-01-08 09:00'))
        .reopen(bj('2020-01-13 09:00'))
        .resolve(bj('2020-01-18 09:00'))
        .insert();
      const q1 = await figures({ period: '2020-Q1' });
      expect(q1.onTimeRate).toEqual({ onTime: 1, resolved: 2, ratePercent: 50 });
      expect(q1.redos).toEqual({ count: 2 });
      // As of 01-15 the latest resolves are 01-08 (both on time) and the redos have happened.
      const mid = await figures({ period: '2020-Q1', asOf: bj('2020-01-15 00:00') });
      expect(mid.onTimeRate).toEqual({ onTime: 2, resolved: 2, ratePercent: 100 });
      expect(mid.redos).toEqual({ count: 2 });
      expect((await figures({ period: '2020-Q1', asOf: bj('2020-01-13 00:00') })).redos).toEqual({ count: 0 });
    });

    it('the timely sign-for rate on a hand-worked set (2020-Q2)', async () => {
      // Sign-for deadlines 04-02 18:00 for assignments on 04-01 10:00 to 甲:
      //   S1 accepted 04-02 09:00              → due, timely
      //   S2 accepted 04-03 09:00              → due, late
      //   S3 never accepted                    → due (deadline passed by the end), late
      //   S4 resolved straight from assigned 04-02 12:00 (the implicit accept) → due, timely
      //   S5 an assignment recorded before sign-for deadlines (none)           → not counted
      //   S6 reassigned to 甲 itself 04-02 08:00 (same department: starts no clock) → only its
      //      first assignment counts: accepted 04-02 10:00 → due, timely
      //   S7 returned 04-02 09:00 unaccepted, then to 乙 04-03 10:00 (deadline 04-04 18:00),
      //      乙 accepts 04-06 09:00 → 甲's: due, late; 乙's: due, late
      // → timely 3 (S1, S4, S6) of due 7 (S1, S2, S3, S4, S6, S7×2) = 42.9 %.
      const signFor = { signForDueAt: bj('2020-04-02 18:00') };
      const at = bj('2020-04-01 10:00');
      const due = bj('2020-04-30 18:00');
      await past(bj('2020-04-01 09:00'))
        .assign(at, deptA.id, due, undefined, signFor)
        .accept(bj('2020-04-02 09:00'))
        .insert();
      await past(bj('2020-04-01 09:00'))
        .assign(at, deptA.id, due, undefined, signFor)
        .accept(bj('2020-04-03 09:00'))
        .insert();
      await past(bj('2020-04-01 09:00')).assign(at, deptA.id, due, undefined, signFor).insert();
      await past(bj('2020-04-01 09:00'))
        .assign(at, deptA.id, due, undefined, signFor)
        .resolve(bj('2020-04-02 12:00'))
        .insert();
      await past(bj('2020-04-01 09:00')).assign(at, deptA.id, due).accept(bj('2020-04-05 09:00')).insert();
      await past(bj('2020-04-01 09:00'))
        .assign(at, deptA.id, due, undefined, signFor)
        .assign(bj('2020-04-02 08:00'), deptA.id, due, undefined, { sameDepartment: true })
        .accept(bj('2020-04-02 10:00'))
        .insert();
      await past(bj('2020-04-01 09:00'))
        .assign(at, deptA.id, due, undefined, signFor)
        .return(bj('2020-04-02 09:00'))
        .assign(bj('2020-04-03 10:00'), deptB.id, due, undefined, { signForDueAt: bj('2020-04-04 18:00') })
        .accept(bj('2020-04-06 09:00'))
        .insert();
      const q2 = await figures({ period: '2020-Q2' });
      expect(q2.signForRate).toEqual({ timely: 3, due: 7, ratePercent: 42.9 });
      // As of 04-02 12:30: S1, S4 and S6 signed for (timely); every other deadline (04-02 18:00) is
      // still ahead and S7's second assignment is later → timely 3 of due 3.
      const early = await figures({ period: '2020-Q2', asOf: bj('2020-04-02 12:30') });
      expect(early.signForRate).toEqual({ timely: 3, due: 3, ratePercent: 100 });
      const byDepartment = await t
        .http()
        .get('/api/v1/reports/figures')
        .query({ period: '2020-Q2', groupBy: 'department' })
        .set(manager.auth)
        .expect(200);
      const group = (id: string) => byDepartment.body.groups.find((g: { key: string }) => g.key === id);
      expect(group(deptA.id).signForRate).toEqual({ timely: 3, due: 6, ratePercent: 50 });
      expect(group(deptB.id).signForRate).toEqual({ timely: 0, due: 1, ratePercent: 0 });
    });

    it('the weekly report lists the late sign-fors and the extensions of its week, beside the quarter’s figures', async () => {
      // 2020-W14 (03-30 to 04-06 00:00) holds the sign-for deadlines of the 2020-Q2 set: S2 signed
      // 04-03 09:00 (15 h late), S3 and S7 (甲) never (78 h to the week's end), S7 (乙, due 04-04
      // 18:00, signed only 04-06 09:00, after the week) 30 h.
      const week = await t.http().get('/api/v1/reports/weekly').query({ week: '2020-W14' }).set(manager.auth);
      expect(week.status).toBe(200);
      const { quarterToDate, lateSignFor } = week.body.deadlines;
      expect(quarterToDate.label).toBe('2020-Q2');
      expect(quarterToDate.signFor).toEqual({ timely: 3, due: 7, ratePercent: 42.9 });
      expect(lateSignFor.map((i: { hoursLate: number }) => i.hoursLate)).toEqual([78, 78, 30, 15]);
      expect(lateSignFor.map((i: { signedForAt: string | null }) => i.signedForAt === null)).toEqual([
        true,
        true,
        true,
        false,
      ]);
      // 2019-W15 (04-08 to 04-15) holds E1 (approved) and E2 (refused), both requested and decided in it.
      const extensions = await t.http().get('/api/v1/reports/weekly').query({ week: '2019-W15' }).set(manager.auth);
      expect(extensions.status).toBe(200);
      const items = extensions.body.deadlines.extensions as { decision: string; requestedDueAt: string }[];
      expect(items.map((i) => i.decision).sort()).toEqual(['approved', 'refused']);
      expect(items.every((i) => i.requestedDueAt === new Date(bj('2019-04-30 18:00')).toISOString())).toBe(true);
      expect(extensions.body.deadlines.quarterToDate.onTimeWithExtension).toEqual({
        onTimeWithExtension: 1,
        resolved: 1,
        ratePercent: 100,
      });
    });
  });
});
