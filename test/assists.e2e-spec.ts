import { DateTime } from 'luxon';
import { Factory, inDays, TestUser } from './factories';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Lead and assisting departments (主办/协办): an assignment names one lead and assisting
 * departments; each assisting department sees the problem, notes its progress and marks its part
 * done; only the lead resolves, and while a part is open only with an explanation.
 */
describe('lead and assisting departments', () => {
  let t: TestApp;
  let f: Factory;
  let official: TestUser;
  let manager: TestUser;
  const dept = {} as Record<'lead' | 'land' | 'power' | 'other', { id: string; name: string }>;
  const handler = {} as Record<keyof typeof dept, TestUser>;
  let enterprise: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    dept.lead = await f.department('协办测试工信局');
    dept.land = await f.department('协办测试自然资源局');
    dept.power = await f.department('协办测试供电公司');
    dept.other = await f.department('协办测试人社局');
    official = await f.user('official');
    manager = await f.user('manager');
    for (const key of Object.keys(dept) as (keyof typeof dept)[]) handler[key] = await f.user('handler', dept[key].id);
    enterprise = await f.enterprise(official);
  });

  afterAll(() => t.close());

  const get = (as: TestUser, id: string) => t.http().get(`/api/v1/problems/${id}`).set(as.auth);
  const queue = async (as: TestUser) =>
    (await t.http().get('/api/v1/problems?status=assigned,in_progress&limit=200').set(as.auth).expect(200)).body
      .items as { id: string }[];
  const assistRows = (id: string) =>
    t.db.query(`SELECT department_id, status, current FROM problem_assists WHERE problem_id = $1 ORDER BY created_at`, [
      id,
    ]);

  async function assigned(assisting: string[], dueDays = 10) {
    const problem = await f.problem(official, enterprise.id, { title: `协办问题${Math.random()}` });
    const res = await f.act(
      manager,
      problem.id,
      'assign',
      { departmentId: dept.lead.id, dueAt: inDays(dueDays), assistingDepartmentIds: assisting },
      1,
    );
    expect(res.status).toBe(200);
    return res.body as {
      id: string;
      code: string;
      version: number;
      assists: { departmentId: string; status: string }[];
    };
  }

  it('three departments on one problem: each assisting one sees it, notes, marks done and leaves its queue; who is done is visible', async () => {
    const p = await assigned([dept.land.id, dept.power.id]);
    expect(p.assists.map((a) => [a.departmentId, a.status])).toEqual([
      [dept.land.id, 'open'],
      [dept.power.id, 'open'],
    ]);
    const assignEvent = (await get(manager, p.id).expect(200)).body.events.at(-1);
    expect(assignEvent.data).toMatchObject({
      assistingDepartmentIds: [dept.land.id, dept.power.id],
      assistsOpened: [dept.land.id, dept.power.id],
    });

    // The assisting department sees it, in its queue, and may take only its own actions.
    const seen = await get(handler.land, p.id).expect(200);
    expect(seen.body.allowedActions).toEqual(['assist_progress', 'assist_done']);
    expect((await queue(handler.land)).map((x) => x.id)).toContain(p.id);
    const lead = await get(handler.lead, p.id).expect(200);
    expect(lead.body.allowedActions).not.toContain('assist_done');
    expect(lead.body.allowedActions).toContain('resolve');

    // Another department: 404, as for a problem that does not exist; nothing in its queue.
    const hidden = await get(handler.other, p.id);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('NOT_FOUND');
    expect((await queue(handler.other)).map((x) => x.id)).not.toContain(p.id);
    expect((await f.act(handler.other, p.id, 'assist-done', { note: '越权' }, p.version)).status).toBe(404);

    // It cannot resolve, accept or return: those are the lead's.
    for (const [action, body] of [
      ['resolve', { resolution: '已办结' }],
      ['accept', {}],
      ['return', { reason: '不属本单位' }],
    ] as const) {
      const refused = await f.act(handler.land, p.id, action, body, p.version);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    }

    const noted = await f.act(handler.land, p.id, 'assist-progress', { note: '已提供用地红线图' }, p.version);
    expect(noted.status).toBe(200);
    expect(noted.body.status).toBe('assigned');
    const note = noted.body.events.at(-1);
    expect(note).toMatchObject({
      type: 'assist_progress',
      departmentId: dept.land.id,
      actorId: handler.land.id,
      note: '已提供用地红线图',
      data: { assist: true },
    });

    const done = await f.act(handler.land, p.id, 'assist-done', { note: '用地手续已办妥' }, noted.body.version);
    expect(done.status).toBe(200);
    expect(done.body.assists).toEqual([
      expect.objectContaining({ departmentId: dept.land.id, status: 'done', doneNote: '用地手续已办妥' }),
      expect.objectContaining({ departmentId: dept.power.id, status: 'open', doneAt: null }),
    ]);
    expect(done.body.events.at(-1)).toMatchObject({ type: 'assist_done', departmentId: dept.land.id });

    // Done: out of its queue, still readable (it may read what it helped with), no more actions.
    expect((await queue(handler.land)).map((x) => x.id)).not.toContain(p.id);
    const after = await get(handler.land, p.id).expect(200);
    expect(after.body.allowedActions).toEqual([]);
    expect((await f.act(handler.land, p.id, 'assist-done', { note: '再次' }, done.body.version)).status).toBe(403);

    // The manager sees who has not finished; acts for the power company only by naming it.
    const seenByManager = await get(manager, p.id).expect(200);
    expect(seenByManager.body.assists.filter((a: { status: string }) => a.status === 'open')).toEqual([
      expect.objectContaining({ departmentId: dept.power.id, departmentName: dept.power.name }),
    ]);
    const unnamed = await f.act(manager, p.id, 'assist-progress', { note: '代录' }, done.body.version);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors[0].field).toBe('departmentId');
    const notOpen = await f.act(
      manager,
      p.id,
      'assist-progress',
      { note: '代录', departmentId: dept.land.id },
      done.body.version,
    );
    expect(notOpen.status).toBe(409);
    expect(notOpen.body.errors[0].field).toBe('departmentId');

    // The lead cannot resolve while the power company's part is open, unless it explains why.
    const refused = await f.act(handler.lead, p.id, 'resolve', { resolution: '已办结' }, done.body.version);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'ASSISTS_OPEN', openDepartmentIds: [dept.power.id] });
    expect(refused.body.errors[0].field).toBe('assistsNote');
    expect((await get(manager, p.id).expect(200)).body.status).toBe('assigned');

    const resolved = await f.act(
      handler.lead,
      p.id,
      'resolve',
      { resolution: '已办结', assistsNote: '供电公司已现场答复，书面材料后补' },
      done.body.version,
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body.events.at(-1)).toMatchObject({
      type: 'resolve',
      departmentId: dept.lead.id,
      data: { assistsNote: '供电公司已现场答复，书面材料后补', assistsOpen: [dept.power.id] },
    });
    // A final close cancels the part still open.
    const closed = await f.act(manager, p.id, 'verify', { satisfaction: 'satisfied' }, resolved.body.version);
    expect(closed.status).toBe(200);
    expect(closed.body.assists.map((a: { status: string }) => a.status)).toEqual(['done', 'cancelled']);
    expect(closed.body.events.at(-1).data).toEqual({
      satisfaction: 'satisfied',
      source: 'manager',
      assistsCancelled: [dept.power.id],
    });
    // The power company's part was cancelled: it no longer sees the problem.
    expect((await get(handler.power, p.id)).status).toBe(404);
  });

  it('the lead resolves without a note once every part is done', async () => {
    const p = await assigned([dept.power.id]);
    const done = await f.act(handler.power, p.id, 'assist-done', { note: '已接电' }, p.version);
    expect(done.status).toBe(200);
    const resolved = await f.act(handler.lead, p.id, 'resolve', { resolution: '已办结' }, done.body.version);
    expect(resolved.status).toBe(200);
    expect(resolved.body.events.at(-1).data).toEqual({});
  });

  it('a reassignment cancels the parts it no longer names and opens new ones; a return cancels them all', async () => {
    const p = await assigned([dept.land.id, dept.power.id]);
    const re = await f.act(
      manager,
      p.id,
      'assign',
      // The lead holds the problem already: it keeps its deadline, so no date is named.
      { departmentId: dept.lead.id, assistingDepartmentIds: [dept.power.id, dept.other.id] },
      p.version,
    );
    expect(re.status).toBe(200);
    expect(re.body.assists.map((a: { departmentId: string; status: string }) => [a.departmentId, a.status])).toEqual([
      [dept.power.id, 'open'],
      [dept.other.id, 'open'],
    ]);
    expect(re.body.events.at(-1).data).toMatchObject({
      assistsOpened: [dept.other.id],
      assistsCancelled: [dept.land.id],
    });
    expect((await get(handler.land, p.id)).status).toBe(404);
    expect((await get(handler.other, p.id)).status).toBe(200);

    const returned = await f.act(handler.lead, p.id, 'return', { reason: '不属本单位' }, re.body.version);
    expect(returned.status).toBe(200);
    expect(returned.body.events.at(-1).data).toEqual({
      returnedBy: dept.lead.id,
      assistsCancelled: [dept.power.id, dept.other.id],
    });
    expect((await assistRows(p.id)).every((row: { status: string }) => row.status === 'cancelled')).toBe(true);
    expect((await get(handler.other, p.id)).status).toBe(404);
  });

  it('refuses bad assisting departments with the field named, writing nothing', async () => {
    const problem = await f.problem(official, enterprise.id, { title: '协办校验' });
    const cases: [unknown, number][] = [
      [[dept.lead.id], 400],
      [[dept.land.id, dept.land.id], 400],
      [['00000000-0000-4000-8000-000000000000'], 400],
      [['not-a-uuid'], 400],
      [Array.from({ length: 11 }, () => dept.land.id), 400],
      ['x', 400],
    ];
    for (const [ids, status] of cases) {
      const res = await f.act(
        manager,
        problem.id,
        'assign',
        { departmentId: dept.lead.id, dueAt: inDays(5), assistingDepartmentIds: ids },
        1,
      );
      expect(res.status).toBe(status);
      expect(JSON.stringify(res.body.errors)).toContain('assistingDepartmentIds');
    }
    expect(await assistRows(problem.id)).toEqual([]);
    expect((await get(manager, problem.id).expect(200)).body.version).toBe(1);
  });

  it('figures: the lead keeps its counts; the assisting departments get their parts, done and done on time, as of T', async () => {
    const lead = await f.department('协办统计主办局');
    const fast = await f.department('协办统计甲局');
    const slow = await f.department('协办统计乙局');
    const leadHandler = await f.user('handler', lead.id);
    const fastHandler = await f.user('handler', fast.id);
    const problem = await f.problem(official, enterprise.id, { title: '协办统计问题' });
    const assignedRes = await f.act(
      manager,
      problem.id,
      'assign',
      { departmentId: lead.id, dueAt: inDays(10), assistingDepartmentIds: [fast.id, slow.id] },
      1,
    );
    expect(assignedRes.status).toBe(200);
    const done = await f.act(fastHandler, problem.id, 'assist-done', { note: '已完成' }, assignedRes.body.version);
    expect(done.status).toBe(200);
    const doneAt: string = done.body.events.at(-1).at;
    const resolved = await f.act(
      leadHandler,
      problem.id,
      'resolve',
      { resolution: '已办结', assistsNote: '乙局材料已口头确认' },
      done.body.version,
    );
    expect(resolved.status).toBe(200);

    const month = DateTime.fromISO(doneAt).setZone('Asia/Shanghai').toFormat('yyyy-MM');
    const assists = async (asOf: string) => {
      const res = await t
        .http()
        .get(`/api/v1/reports/assists?period=${month}&asOf=${encodeURIComponent(asOf)}&groupBy=department`)
        .set(manager.auth)
        .expect(200);
      const byKey = new Map(res.body.groups.map((g: { key: string }) => [g.key, g]));
      return { body: res.body, fast: byKey.get(fast.id), slow: byKey.get(slow.id), lead: byKey.get(lead.id) };
    };

    // Just before the part was marked done: both open. The lead has no part of its own.
    const before = await assists(new Date(Date.parse(doneAt) - 1).toISOString());
    expect(before.fast).toMatchObject({ assigned: 1, done: 0, doneOnTime: 0, open: 1, label: fast.name });
    expect(before.slow).toMatchObject({ assigned: 1, done: 0, open: 1 });
    expect(before.lead).toBeUndefined();

    const now = await assists('now');
    expect(now.fast).toMatchObject({
      assigned: 1,
      done: 1,
      doneOnTime: 1,
      open: 0,
      cancelled: 0,
      doneRatePercent: 100,
      onTimeRatePercent: 100,
    });
    expect(now.slow).toMatchObject({ assigned: 1, done: 0, open: 1, doneRatePercent: 0, onTimeRatePercent: null });
    expect(now.body.assigned).toBeGreaterThanOrEqual(2);

    // The department figures count the resolution under the lead only.
    const figures = await t
      .http()
      .get(`/api/v1/reports/figures?period=${month}&asOf=now&groupBy=department`)
      .set(manager.auth)
      .expect(200);
    const group = (id: string) => figures.body.groups.find((g: { key: string }) => g.key === id);
    expect(group(lead.id).onTimeRate).toMatchObject({ onTime: 1, resolved: 1 });
    expect(group(fast.id)?.onTimeRate.resolved ?? 0).toBe(0);
    expect(group(slow.id)?.onTimeRate.resolved ?? 0).toBe(0);

    // Refused grouping and a handler: the usual answers.
    await t.http().get(`/api/v1/reports/assists?period=${month}&groupBy=district`).set(manager.auth).expect(400);
    await t.http().get(`/api/v1/reports/assists?period=${month}`).set(fastHandler.auth).expect(403);
  });

  it('the weekly report lists the assisting parts per department', async () => {
    const problem = await f.problem(official, enterprise.id, { title: '协办周报问题' });
    const assignedRes = await f.act(
      manager,
      problem.id,
      'assign',
      { departmentId: dept.lead.id, dueAt: inDays(10), assistingDepartmentIds: [dept.other.id] },
      1,
    );
    expect(assignedRes.status).toBe(200);
    const week = DateTime.now().setZone('Asia/Shanghai').toFormat("kkkk-'W'WW");
    const report = await t.http().get(`/api/v1/reports/weekly?week=${week}`).set(manager.auth).expect(200);
    const row = report.body.departments.find((d: { departmentId: string }) => d.departmentId === dept.other.id);
    expect(row.assistsOpen).toBeGreaterThanOrEqual(1);
    const done = await f.act(handler.other, problem.id, 'assist-done', { note: '已配合' }, assignedRes.body.version);
    expect(done.status).toBe(200);
    const after = await t.http().get(`/api/v1/reports/weekly?week=${week}`).set(manager.auth).expect(200);
    const rowAfter = after.body.departments.find((d: { departmentId: string }) => d.departmentId === dept.other.id);
    expect(rowAfter.assistsOpen).toBe(row.assistsOpen - 1);
    expect(rowAfter.assistsDoneThisWeek).toBe(row.assistsDoneThisWeek + 1);
  });

  it('exports name the assisting departments', async () => {
    const p = await assigned([dept.power.id, dept.land.id]);
    const res = await t
      .http()
      .get(`/api/v1/problems/export?format=csv&q=${encodeURIComponent('协办问题')}`)
      .set(manager.auth)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done(null, text));
      })
      .expect(200);
    const text = res.body as string;
    expect(text.split('\r\n')[0]).toContain('协办单位');
    const line = text.split('\r\n').find((l) => l.includes(p.code));
    expect(line).toContain(`${dept.power.name}、${dept.land.name}`);
  });
});

describe('the demo data’s assisting departments', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      ADMIN_USERNAME: '',
      ADMIN_PASSWORD: '',
      DEMO_DATA: 'true',
      WARNING_SCAN_INTERVAL_SECONDS: '0',
    });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const login = async (username: string) => {
    const res = await t.http().post('/api/v1/auth/login').send({ username, password: 'Demo@2025' }).expect(200);
    return { Authorization: `Bearer ${res.body.accessToken}` };
  };

  it('has problems with one or two assisting departments, parts done and open, and one lead who explained', async () => {
    const parts: { problem_id: string; department_id: string; status: string; assign_event_id: string }[] =
      await t.db.query(`SELECT problem_id, department_id, status, assign_event_id::text FROM problem_assists`);
    const perProblem = new Map<string, number>();
    for (const part of parts) perProblem.set(part.problem_id, (perProblem.get(part.problem_id) ?? 0) + 1);
    expect(perProblem.size).toBeGreaterThanOrEqual(4);
    expect([...perProblem.values()].every((n) => n === 1 || n === 2)).toBe(true);
    expect(parts.some((p) => p.status === 'done')).toBe(true);
    expect(parts.some((p) => p.status === 'open')).toBe(true);

    // The table agrees with the events: each done part has its department's assist_done, each
    // part its assignment naming it.
    for (const part of parts) {
      const [assign] = await t.db.query(`SELECT type, problem_id, data FROM problem_events WHERE id = $1`, [
        part.assign_event_id,
      ]);
      expect(assign).toMatchObject({ type: 'assign', problem_id: part.problem_id });
      expect(assign.data.assistsOpened).toContain(part.department_id);
      const [done] = await t.db.query(
        `SELECT count(*)::int AS n FROM problem_events WHERE problem_id = $1 AND type = 'assist_done' AND department_id = $2`,
        [part.problem_id, part.department_id],
      );
      expect(done.n).toBe(part.status === 'done' ? 1 : 0);
    }
    const [explained] = await t.db.query(
      `SELECT count(*)::int AS n FROM problem_events WHERE type = 'resolve' AND data ? 'assistsNote' AND data ? 'assistsOpen'`,
    );
    expect(explained.n).toBeGreaterThanOrEqual(1);

    // A demo handler of an assisting department finds an open part in the queue.
    const open = parts.find((p) => p.status === 'open');
    const [handler] = await t.db.query(`SELECT username FROM users WHERE role = 'handler' AND department_id = $1`, [
      open!.department_id,
    ]);
    if (handler) {
      const auth = await login(handler.username);
      const queue = await t.http().get('/api/v1/problems?status=assigned,in_progress,resolved&limit=200').set(auth);
      expect(queue.status).toBe(200);
      const ids = queue.body.items.map((p: { id: string }) => p.id);
      expect(ids).toContain(open!.problem_id);
    }

    // The published figure stays: 2025-Q1, 127 recorded, 116 resolved, 91.3 %.
    const manager = await login('manager');
    const rate = await t.http().get('/api/v1/reports/resolution-rate?period=2025-Q1').set(manager).expect(200);
    expect(rate.body).toMatchObject({ recorded: 127, resolved: 116, ratePercent: 91.3 });
    const assists = await t.http().get('/api/v1/reports/assists?period=2025&asOf=now').set(manager).expect(200);
    expect(assists.body.assigned).toBe(parts.length);
    expect(assists.body.done).toBe(parts.filter((p) => p.status === 'done').length);
  });
});
