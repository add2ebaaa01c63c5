import { INestApplication } from '@nestjs/common';
import { DateTime } from 'luxon';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/app-config';
import { WarningsService } from '../src/warnings/warnings.service';
import { Factory, inDays, TestUser } from './factories';
import { countRows, sleep } from './factories/more';
import { createTestApp, TestApp } from './support/test-app';

const JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';

/** The supervision ladder (督办), its overdue warning, and bounced problems (推诿). */
describe('supervision and bounced problems', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let admin: TestUser;
  let official: TestUser;
  let handlerA: TestUser;
  let depA: { id: string; name: string };
  let depB: { id: string; name: string };
  let depC: { id: string; name: string };
  let enterprise: { id: string };
  const extraApps: INestApplication[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    manager = await f.user('manager');
    admin = await f.user('admin');
    official = await f.user('official');
    depA = await f.department('督办甲局');
    depB = await f.department('督办乙局');
    depC = await f.department('督办丙局');
    handlerA = await f.user('handler', depA.id);
    enterprise = await f.enterprise(official);
  }, 60_000);

  afterAll(async () => {
    for (const app of extraApps) await app.close();
    await t?.close();
  });

  async function assignedTo(department: { id: string }, title = '用地手续迟迟未办') {
    const created = await f.problem(official, enterprise.id, { title });
    expect(
      (await f.act(manager, created.id, 'assign', { departmentId: department.id, dueAt: inDays(20) })).status,
    ).toBe(200);
    return created;
  }

  const read = async (id: string, as: TestUser = manager) =>
    (await t.http().get(`/api/v1/problems/${id}`).set(as.auth).expect(200)).body;

  it('escalates with a level, a leader and an answer-by date, recorded on the problem, its event and its ladder', async () => {
    const p = await assignedTo(depA);
    const answerBy = inDays(5);
    const res = await f.act(manager, p.id, 'escalate', {
      note: '列入周调度督办',
      level: 'reminder',
      leaderId: admin.id,
      answerBy,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ escalated: true, supervisionLevel: 'reminder', status: 'assigned' });
    const event = res.body.events.at(-1);
    expect(event).toMatchObject({ type: 'escalate', note: '列入周调度督办' });
    expect(event.data).toEqual({
      supervisionId: res.body.supervisions[0].id,
      level: 'reminder',
      leaderId: admin.id,
      answerBy: new Date(answerBy).toISOString(),
    });
    expect(res.body.supervisions).toHaveLength(1);
    expect(res.body.supervisions[0]).toMatchObject({
      level: 'reminder',
      leaderId: admin.id,
      answerBy: new Date(answerBy).toISOString(),
      openedBy: manager.id,
      answeredAt: null,
      active: true,
      overdue: false,
    });
    expect(res.body.allowedActions).toContain('lift');
  });

  it('defaults to a supervision answered within three working days, and refuses bad leaders and dates naming the field', async () => {
    const p = await assignedTo(depA);
    const noLeader = await f.act(manager, p.id, 'escalate', { note: '督办', leaderId: official.id });
    expect(noLeader.status).toBe(400);
    expect(noLeader.body.errors).toEqual([expect.objectContaining({ field: 'leaderId' })]);
    const past = await f.act(manager, p.id, 'escalate', { note: '督办', answerBy: inDays(-1) });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ field: 'answerBy' })]);
    expect(await countRows(t, 'supervisions', 'problem_id = $1', [p.id])).toBe(0);
    expect((await read(p.id)).version).toBe(2);

    const before = new Date();
    const res = await f.act(manager, p.id, 'escalate', { note: '请督办' });
    expect(res.status).toBe(200);
    const [s] = res.body.supervisions;
    expect(s).toMatchObject({ level: 'supervision', leaderId: null });
    const [{ days }] = await t.db.query(`SELECT working_days_between($1, $2, 'Asia/Shanghai') AS days`, [
      before,
      new Date(Date.parse(s.answerBy) - 1),
    ]);
    expect(days).toBe(3);
  });

  it('raises the level, keeping the lower one as superseded; the same or a lower level is refused naming level', async () => {
    const p = await assignedTo(depA);
    expect((await f.act(manager, p.id, 'escalate', { note: '催办', level: 'reminder' })).status).toBe(200);
    expect((await f.act(manager, p.id, 'escalate', { note: '督办', level: 'supervision' })).status).toBe(200);
    for (const level of ['reminder', 'supervision']) {
      const refused = await f.act(manager, p.id, 'escalate', { note: '再督办', level });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'level' })]);
    }
    const res = await f.act(manager, p.id, 'escalate', { note: '挂牌督办', level: 'listed', leaderId: manager.id });
    expect(res.status).toBe(200);
    expect(res.body.supervisionLevel).toBe('listed');
    const ladder = res.body.supervisions;
    expect(ladder.map((s: { level: string }) => s.level)).toEqual(['reminder', 'supervision', 'listed']);
    expect(ladder.map((s: { active: boolean }) => s.active)).toEqual([false, false, true]);
    expect(ladder[0].supersededBy).toBe(ladder[1].id);
    expect(ladder[1].supersededBy).toBe(ladder[2].id);
    expect(ladder[1].liftedAt).toBe(res.body.events.at(-1).at);
    expect(await countRows(t, 'supervisions', 'problem_id = $1 AND lifted_at IS NULL', [p.id])).toBe(1);
  });

  it('is answered by the department’s next progress note, once', async () => {
    const p = await assignedTo(depA);
    await f.act(manager, p.id, 'escalate', { note: '督办' });
    // A sign-for (accept) is no answer.
    expect((await f.act(handlerA, p.id, 'accept', { note: '已签收' })).status).toBe(200);
    expect((await read(p.id)).supervisions[0].answeredAt).toBeNull();
    const progress = await f.act(handlerA, p.id, 'progress', { note: '已约谈企业，正在协调' });
    expect(progress.status).toBe(200);
    const answerEvent = progress.body.events.at(-1);
    expect(progress.body.supervisions[0].answeredAt).toBe(answerEvent.at);
    const [row] = await t.db.query(`SELECT answer_event_id::text AS id FROM supervisions WHERE problem_id = $1`, [
      p.id,
    ]);
    expect(row.id).toBe(answerEvent.id);
    await f.act(handlerA, p.id, 'progress', { note: '再次推进' });
    const [again] = await t.db.query(`SELECT answer_event_id::text AS id FROM supervisions WHERE problem_id = $1`, [
      p.id,
    ]);
    expect(again.id).toBe(answerEvent.id);
    // The handler sees the supervision of their department's problem in the list.
    const list = await t.http().get('/api/v1/supervisions?status=all').set(handlerA.auth).expect(200);
    expect(list.body.items.map((s: { problemId: string }) => s.problemId)).toContain(p.id);
  });

  it('lift ends the supervision with a note and clears escalated; only a manager lifts, and only an active one', async () => {
    const p = await assignedTo(depA);
    await f.act(manager, p.id, 'escalate', { note: '督办', level: 'listed' });
    expect((await f.act(handlerA, p.id, 'lift', { note: '已回应' })).status).toBe(403);
    expect((await f.act(manager, p.id, 'lift', {})).status).toBe(400);
    const res = await f.act(manager, p.id, 'lift', { note: '部门已回应，解除督办' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ escalated: false, supervisionLevel: null, status: 'assigned' });
    expect(res.body.events.at(-1)).toMatchObject({
      type: 'lift',
      note: '部门已回应，解除督办',
      data: { supervisionId: res.body.supervisions[0].id },
    });
    expect(res.body.supervisions[0]).toMatchObject({
      active: false,
      liftNote: '部门已回应，解除督办',
      supersededBy: null,
      liftedAt: res.body.events.at(-1).at,
    });
    expect(res.body.allowedActions).not.toContain('lift');
    const again = await f.act(manager, p.id, 'lift', { note: '再解除' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
    // After a lift any level may be opened again.
    expect((await f.act(manager, p.id, 'escalate', { note: '再次催办', level: 'reminder' })).status).toBe(200);

    const lifted = await t.http().get('/api/v1/supervisions?status=lifted&level=listed').set(manager.auth).expect(200);
    expect(lifted.body.items.map((s: { problemId: string }) => s.problemId)).toContain(p.id);
    const active = await t.http().get('/api/v1/supervisions?status=active').set(manager.auth).expect(200);
    const mine = active.body.items.filter((s: { problemId: string }) => s.problemId === p.id);
    expect(mine).toEqual([expect.objectContaining({ level: 'reminder', active: true })]);
    expect((await t.http().get('/api/v1/supervisions').set(official.auth)).status).toBe(403);
  });

  it('raises exactly one supervision_overdue warning across two instances once the answer-by date passes', async () => {
    const config = loadConfig({
      DATABASE_URL: t.databaseUrl,
      JWT_SECRET,
      LOG_LEVEL: 'silent',
      WARNING_SCAN_INTERVAL_SECONDS: '0',
    });
    const second = await createApp({ config, databaseUrl: t.databaseUrl, jwtSecret: config.jwtSecret! });
    extraApps.push(second);

    const late = await assignedTo(depA, '督办超期未回应');
    await f.act(manager, late.id, 'escalate', { note: '督办', level: 'listed' });
    const answered = await assignedTo(depA, '督办已回应');
    await f.act(manager, answered.id, 'escalate', { note: '督办' });
    await f.act(handlerA, answered.id, 'progress', { note: '已回应' });
    await t.db.query(
      `UPDATE supervisions SET answer_by = now() - interval '3 days' WHERE problem_id = ANY($1::uuid[])`,
      [[late.id, answered.id]],
    );

    const listed = await t.http().get('/api/v1/warnings?level=supervision_overdue').set(manager.auth).expect(200);
    expect(listed.body.items.map((w: { problemId: string }) => w.problemId)).toEqual([late.id]);
    expect(listed.body.items[0].answerBy).toBeDefined();
    const overdue = await t.http().get('/api/v1/supervisions?status=overdue').set(manager.auth).expect(200);
    expect(overdue.body.items.map((s: { problemId: string }) => s.problemId)).toEqual([late.id]);

    const one = t.app.get(WarningsService);
    const two = second.get(WarningsService);
    const results = await Promise.all([one.scan(), two.scan(), one.scan(), two.scan()]);
    const recorded = results.reduce((sum, r) => sum + (r.ran ? r.recorded.supervision_overdue : 0), 0);
    expect(recorded).toBe(1);
    expect(await countRows(t, 'warnings', `level = 'supervision_overdue'`)).toBe(1);
    expect(await countRows(t, 'problem_events', `type = 'warning' AND problem_id = $1`, [late.id])).toBe(1);

    // Lifted, it is no longer in force.
    await f.act(manager, late.id, 'lift', { note: '已约谈' });
    const after = await t.http().get('/api/v1/warnings?level=supervision_overdue').set(manager.auth).expect(200);
    expect(after.body.counts.supervision_overdue).toBe(0);
  });

  describe('bounced problems (推诿)', () => {
    const ids: Record<string, string> = {};
    let between: string;
    let from: string;
    let to: string;

    /** `kept`: a reassignment to the department holding the problem, which keeps its deadline (no date). */
    const move = async (key: string, action: 'assign' | 'return', dep?: { id: string }, kept = false) => {
      const body =
        action === 'assign'
          ? { departmentId: dep!.id, ...(kept ? {} : { dueAt: inDays(20) }) }
          : { reason: `不属于本单位 ${key}` };
      const res = await f.act(manager, ids[key]!, action, body);
      expect(res.status).toBe(200);
    };

    beforeAll(async () => {
      from = new Date(Date.now() - 86_400_000).toISOString();
      to = new Date(Date.now() + 86_400_000).toISOString();
      for (const key of ['twoReturns', 'threeDepartments', 'sameDepartment', 'backAndForth', 'oneReturn']) {
        ids[key] = (await f.problem(official, enterprise.id, { title: `推诿 ${key}` })).id;
      }
      // A returns, B takes it: one departure, two departments.
      await move('twoReturns', 'assign', depA);
      await move('twoReturns', 'return');
      await move('twoReturns', 'assign', depB);
      // A → B → C by reassignment.
      await move('threeDepartments', 'assign', depA);
      await move('threeDepartments', 'assign', depB);
      // A, then A again twice (the deadline kept): never left A.
      await move('sameDepartment', 'assign', depA);
      await move('sameDepartment', 'assign', depA, true);
      await move('sameDepartment', 'assign', depA, true);
      // A → B → A.
      await move('backAndForth', 'assign', depA);
      await move('backAndForth', 'assign', depB);
      await move('backAndForth', 'assign', depA);
      await move('oneReturn', 'assign', depA);
      await move('oneReturn', 'return');

      await sleep(20);
      between = new Date().toISOString();
      await sleep(20);
      // Then B returns it too, and C gets the third.
      await move('twoReturns', 'return');
      await move('threeDepartments', 'assign', depC);
    });

    it('flags a problem that left a department twice or went through more than two departments', async () => {
      const flags = Object.fromEntries(
        await Promise.all(Object.entries(ids).map(async ([key, id]) => [key, (await read(id)).bounced])),
      );
      expect(flags).toEqual({
        twoReturns: true,
        threeDepartments: true,
        sameDepartment: false,
        backAndForth: true,
        oneReturn: false,
      });
      const listed = await t.http().get('/api/v1/problems?bounced=true&limit=200').set(manager.auth).expect(200);
      const bouncedIds = listed.body.items.map((p: { id: string }) => p.id);
      expect(bouncedIds.filter((id: string) => Object.values(ids).includes(id)).sort()).toEqual(
        [ids.twoReturns, ids.threeDepartments, ids.backAndForth].sort(),
      );
      const notBounced = await t.http().get('/api/v1/problems?bounced=false&limit=200').set(manager.auth).expect(200);
      expect(notBounced.body.items.map((p: { id: string }) => p.id)).toContain(ids.sameDepartment);
    });

    it('lists them with their route, as of an instant', async () => {
      const now = await t
        .http()
        .get(`/api/v1/reports/bounced?from=${from}&to=${to}&asOf=now`)
        .set(manager.auth)
        .expect(200);
      const byId = new Map(now.body.items.map((item: { id: string }) => [item.id, item]));
      expect([...byId.keys()].filter((id) => Object.values(ids).includes(id as string)).sort()).toEqual(
        [ids.twoReturns, ids.threeDepartments, ids.backAndForth].sort(),
      );
      expect(byId.get(ids.twoReturns)).toMatchObject({
        departures: 2,
        departments: 2,
        route: [
          { departmentId: depA.id, departmentName: depA.name, left: 'returned', reason: '不属于本单位 twoReturns' },
          { departmentId: depB.id, departmentName: depB.name, left: 'returned', reason: '不属于本单位 twoReturns' },
        ],
      });
      expect(byId.get(ids.threeDepartments)).toMatchObject({
        departures: 2,
        departments: 3,
        route: [
          { departmentId: depA.id, left: 'reassigned', reason: null },
          { departmentId: depB.id, left: 'reassigned', reason: null },
          { departmentId: depC.id, left: null, reason: null },
        ],
      });
      expect(byId.get(ids.backAndForth)).toMatchObject({
        departures: 2,
        route: [
          { departmentId: depA.id, left: 'reassigned' },
          { departmentId: depB.id, left: 'reassigned' },
          { departmentId: depA.id, left: null },
        ],
      });

      const earlier = await t
        .http()
        .get(`/api/v1/reports/bounced?from=${from}&to=${to}&asOf=${between}`)
        .set(manager.auth)
        .expect(200);
      const earlierIds = earlier.body.items.map((item: { id: string }) => item.id);
      expect(earlierIds.filter((id: string) => Object.values(ids).includes(id)).sort()).toEqual([ids.backAndForth]);
      // The weekly report lists them with their route, in every format.
      const week = DateTime.now().setZone('Asia/Shanghai').toFormat("kkkk-'W'WW");
      const weekly = await t.http().get(`/api/v1/reports/weekly?week=${week}`).set(manager.auth).expect(200);
      const section = weekly.body.supervision;
      expect(
        section.bounced
          .map((item: { id: string }) => item.id)
          .filter((id: string) => Object.values(ids).includes(id))
          .sort(),
      ).toEqual([ids.twoReturns, ids.threeDepartments, ids.backAndForth].sort());
      const [{ opened }] = await t.db.query(
        `SELECT count(*) FILTER (WHERE level = 'listed')::int AS opened FROM supervisions WHERE opened_at >= $1`,
        [DateTime.fromISO(weekly.body.week.from).toJSDate()],
      );
      expect(section.openedThisWeek.listed).toBe(opened);
      expect(section.activeAtEnd).toBe(await countRows(t, 'supervisions', 'lifted_at IS NULL'));
      const html = await t.http().get(`/api/v1/reports/weekly?week=${week}&format=html`).set(manager.auth).expect(200);
      expect(html.text).toContain('督办与推诿');
      expect(html.text).toContain(`${depA.name}（退回：不属于本单位 twoReturns）`);
      // Handlers and officials do not read reports.
      expect((await t.http().get(`/api/v1/reports/bounced?from=${from}&to=${to}`).set(handlerA.auth)).status).toBe(403);
    });
  });
});
