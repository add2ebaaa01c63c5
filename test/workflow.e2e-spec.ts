import { DateTime } from 'luxon';
import { Factory, inDays, TestUser } from './factories';
import { createTestApp, TestApp } from './support/test-app';

describe('the problem workflow, end to end', () => {
  let t: TestApp;
  let f: Factory;
  let official: TestUser;
  let manager: TestUser;
  let handler: TestUser;
  let otherHandler: TestUser;
  let department: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    department = await f.department('市工信局');
    const other = await f.department('市人社局');
    official = await f.user('official');
    manager = await f.user('manager');
    handler = await f.user('handler', department.id);
    otherHandler = await f.user('handler', other.id);
  });

  afterAll(() => t.close());

  it('takes a problem from a visit to a closed case and counts it in the report', async () => {
    const enterprise = await f.enterprise(official);
    const visit = await t
      .http()
      .post('/api/v1/visits')
      .set(official.auth)
      .send({
        enterpriseId: enterprise.id,
        visitedAt: new Date(Date.now() - 3600_000).toISOString(),
        purpose: '季度走访',
        policiesPromoted: ['稳岗返还'],
        problems: [{ title: '变电站扩容审批慢', category: 'approvals' }],
      })
      .expect(201);
    expect(visit.body.problems).toHaveLength(1);
    const problem = visit.body.problems[0];
    expect(problem).toMatchObject({ status: 'reported', version: 1, source: 'visit', visitId: visit.body.id });
    expect(problem.code).toMatch(/^JQ-\d{4}-\d{4}$/);

    const assigned = await f.act(manager, problem.id, 'assign', { departmentId: department.id, dueAt: inDays(10) }, 1);
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', version: 2, departmentId: department.id });
    expect(assigned.headers.etag).toBe('"2"');

    expect((await f.act(handler, problem.id, 'accept', {}, 2)).body.status).toBe('in_progress');
    expect((await f.act(handler, problem.id, 'progress', { note: '已协调供电公司' }, 3)).body.version).toBe(4);
    expect((await f.act(handler, problem.id, 'resolve', { resolution: '已完成扩容' }, 4)).body.status).toBe('resolved');
    const closed = await f.act(manager, problem.id, 'verify', { satisfaction: 'satisfied', feedback: '满意' }, 5);
    expect(closed.body).toMatchObject({ status: 'closed', satisfaction: 'satisfied', version: 6 });
    expect(closed.body.events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'assign',
      'accept',
      'progress',
      'resolve',
      'verify',
    ]);

    // The service's year (Asia/Shanghai), not the test process's: they differ for 8 hours a year.
    const year = DateTime.now().setZone('Asia/Shanghai').year;
    const report = await t
      .http()
      .get(`/api/v1/reports/resolution-rate?period=${year}&groupBy=department`)
      .set(manager.auth)
      .expect(200);
    expect(report.body).toMatchObject({ recorded: 1, resolved: 1, ratePercent: 100 });
    expect(report.body.groups).toContainEqual({
      key: department.id,
      label: '市工信局',
      recorded: 1,
      resolved: 1,
      ratePercent: 100,
    });
  });

  it('refuses a stale or missing If-Match and an illegal move, changing nothing', async () => {
    const enterprise = await f.enterprise(official);
    const problem = await f.problem(official, enterprise.id);

    const missing = await t
      .http()
      .post(`/api/v1/problems/${problem.id}/escalate`)
      .set(manager.auth)
      .send({ note: '督办' });
    expect(missing.status).toBe(428);
    expect(missing.body.code).toBe('VERSION_REQUIRED');

    const stale = await f.act(manager, problem.id, 'escalate', { note: '督办' }, 7);
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'VERSION_MISMATCH', currentVersion: 1 });

    const illegal = await f.act(manager, problem.id, 'verify', { satisfaction: 'satisfied' }, 1);
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ code: 'INVALID_TRANSITION', status: 'reported' });
    expect(illegal.body.allowedActions).toEqual(['assign', 'withdraw', 'escalate', 'lift']);

    const after = await t.http().get(`/api/v1/problems/${problem.id}`).set(manager.auth).expect(200);
    expect(after.body.version).toBe(1);
    expect(after.body.events).toHaveLength(1);
  });

  it('hides another department’s problem exactly as a missing one, in reads, lists and actions', async () => {
    const enterprise = await f.enterprise(official);
    const problem = await f.problem(official, enterprise.id);
    await f
      .act(manager, problem.id, 'assign', { departmentId: department.id, dueAt: inDays(5) }, 1)
      .then((r) => expect(r.status).toBe(200));

    const own = await t.http().get(`/api/v1/problems/${problem.id}`).set(handler.auth);
    expect(own.status).toBe(200);

    const hidden = await t.http().get(`/api/v1/problems/${problem.id}`).set(otherHandler.auth);
    const missing = await t.http().get(`/api/v1/problems/00000000-0000-4000-8000-000000000000`).set(otherHandler.auth);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);

    const action = await f.act(otherHandler, problem.id, 'accept', {}, 2);
    expect(action.status).toBe(404);
    expect(action.body).toEqual(missing.body);

    const list = await t
      .http()
      .get(`/api/v1/problems?departmentId=${department.id}`)
      .set(otherHandler.auth)
      .expect(200);
    expect(list.body.items).toEqual([]);
    const ownList = await t.http().get('/api/v1/problems').set(handler.auth).expect(200);
    expect(ownList.body.items.map((p: { id: string }) => p.id)).toContain(problem.id);
    expect(ownList.body.items.every((p: { departmentId: string }) => p.departmentId === department.id)).toBe(true);
  });

  it('lets exactly one of many parallel actions on the same version through, with one event', async () => {
    const enterprise = await f.enterprise(official);
    const problem = await f.problem(official, enterprise.id);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => f.act(manager, problem.id, 'escalate', { note: `督办 ${i}` }, 1)),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const after = await t.http().get(`/api/v1/problems/${problem.id}`).set(manager.auth).expect(200);
    expect(after.body.version).toBe(2);
    expect(after.body.events.map((e: { type: string }) => e.type)).toEqual(['created', 'escalate']);
  });

  it('loses no progress note when handlers retry on 412 with the fresh version', async () => {
    const enterprise = await f.enterprise(official);
    const problem = await f.problem(official, enterprise.id);
    await f.act(manager, problem.id, 'assign', { departmentId: department.id, dueAt: inDays(5) }, 1);
    const note = async (i: number) => {
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const res = await f.act(handler, problem.id, 'progress', { note: `进展 ${i}` });
        if (res.status !== 412) return res.status;
      }
      return 'gave up after 100 attempts';
    };
    const statuses = await Promise.all(Array.from({ length: 15 }, (_, i) => note(i)));
    expect(statuses).toEqual(Array(15).fill(200));
    const after = await t.http().get(`/api/v1/problems/${problem.id}`).set(handler.auth).expect(200);
    const notes = after.body.events
      .filter((e: { type: string }) => e.type === 'progress')
      .map((e: { note: string }) => e.note);
    expect(notes.sort()).toEqual(Array.from({ length: 15 }, (_, i) => `进展 ${i}`).sort());
    expect(after.body.version).toBe(2 + 15);
  });

  /** YYYY-MM-DD in Beijing. */
  const beijingDate = (at: Date) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(at);
  const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  /**
   * The deadline of `days` working days from today, counted here day by day over the calendar's
   * exceptions as GET /calendar lists them (not by the service's code): Monday to Friday work
   * unless listed as a day off, a listed make-up day works; the deadline is the end of the last
   * working day, midnight Beijing time.
   */
  async function countedDeadline(days: number): Promise<string> {
    let date = beijingDate(new Date());
    const year = Number(date.slice(0, 4));
    const exceptions = new Map<string, boolean>();
    for (const y of [year, year + 1]) {
      const res = await t.http().get(`/api/v1/calendar?year=${y}`).set(official.auth).expect(200);
      for (const day of res.body.days as { date: string; working: boolean }[]) exceptions.set(day.date, day.working);
    }
    for (let left = days; left > 0;) {
      date = dayAfter(date);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (exceptions.get(date) ?? (weekday !== 0 && weekday !== 6)) left -= 1;
    }
    return new Date(`${dayAfter(date)}T00:00:00+08:00`).toISOString();
  }

  it('counts working days across a holiday and a 调休 Saturday (dates written out by hand)', async () => {
    // From Tuesday 2025-09-30 10:00, 5 working days. 国庆节、中秋节: 10-01 to 10-08 off (10-04 and
    // 10-05 are the weekend anyway); Saturday 10-11 is a make-up working day (调休), Sunday 10-12 is
    // not. Working days: Thu 10-09 (1), Fri 10-10 (2), Sat 10-11 (3), Mon 10-13 (4), Tue 10-14 (5):
    // due at the end of 10-14, 2025-10-15 00:00 Beijing = 2025-10-14T16:00:00Z.
    const res = await t
      .http()
      .get('/api/v1/calendar/working-days')
      .query({ from: '2025-09-30T10:00:00+08:00', days: 5 })
      .set(manager.auth)
      .expect(200);
    expect(res.body.dueAt).toBe('2025-10-14T16:00:00.000Z');
    expect(res.body.lastWorkingDay).toBe('2025-10-14');
    // 2 working days from Friday 10-10: Sat 10-11 (1, 调休), Mon 10-13 (2) → 2025-10-13T16:00:00Z;
    // were the 调休 Saturday off it would be the end of Tuesday 10-14, were every day counted the end
    // of Sunday 10-12.
    const bridge = await t
      .http()
      .get('/api/v1/calendar/working-days')
      .query({ from: '2025-10-10T09:00:00+08:00', days: 2 })
      .set(manager.auth)
      .expect(200);
    expect(bridge.body.dueAt).toBe('2025-10-13T16:00:00.000Z');
  });

  it('computes a deadline from working days, or from the category’s time limit when none is given', async () => {
    const enterprise = await f.enterprise(official);

    const byDays = await f.problem(official, enterprise.id, { category: 'labour' });
    const assigned = await f.act(manager, byDays.id, 'assign', { departmentId: department.id, dueInWorkingDays: 5 }, 1);
    expect(assigned.status).toBe(200);
    expect(assigned.body.dueAt).toBe(await countedDeadline(5));
    // Five working days always span a weekend: at least seven calendar days.
    expect(Date.parse(assigned.body.dueAt) - Date.now()).toBeGreaterThan(6 * 86_400_000);

    // factor_supply's time limit is 20 working days (migration ManagersTools).
    const byCategory = await f.problem(official, enterprise.id, { category: 'factor_supply' });
    const defaulted = await f.act(manager, byCategory.id, 'assign', { departmentId: department.id }, 1);
    expect(defaulted.body.dueAt).toBe(await countedDeadline(20));

    const both = await f.act(
      manager,
      byCategory.id,
      'assign',
      { departmentId: department.id, dueAt: inDays(3), dueInWorkingDays: 3 },
      2,
    );
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([
      { field: 'dueInWorkingDays', message: 'give dueAt or dueInWorkingDays, not both' },
    ]);
  });
});
