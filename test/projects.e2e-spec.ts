import { randomUUID } from 'node:crypto';
import { Factory, TestUser } from './factories';
import { countRows, sleep } from './factories/more';
import { createTestApp, TestApp } from './support/test-app';

/** The key project ledger: CRUD, stages, monthly investment, scoping, problem links. */
describe('key projects (/projects)', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let official: TestUser;
  let otherOfficial: TestUser;
  let deptA: { id: string; name: string };
  let deptB: { id: string; name: string };
  let handlerA: TestUser;
  let handlerB: TestUser;
  let owner: { id: string; name: string };
  let serial = 0;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    manager = await f.user('manager');
    official = await f.user('official');
    otherOfficial = await f.user('official');
    deptA = await f.department();
    deptB = await f.department();
    handlerA = await f.user('handler', deptA.id);
    handlerB = await f.user('handler', deptB.id);
    owner = await f.enterprise(official);
    // The official answers for the owner enterprise from yesterday on.
    await t.db.query(
      `INSERT INTO responsibilities (enterprise_id, user_id, kind, starts_at, recorded_by)
       VALUES ($1, $2, 'official', now() - interval '1 day', $3)`,
      [owner.id, official.id, manager.id],
    );
  });
  afterAll(() => t.close());

  const api = (path: string) => `/api/v1${path}`;

  async function create(overrides: Record<string, unknown> = {}) {
    serial += 1;
    const res = await t
      .http()
      .post(api('/projects'))
      .set(manager.auth)
      .send({
        code: `XM-T-${serial}`,
        planYear: 2025,
        name: `测试项目${serial}`,
        district: 'suzhou',
        kind: 'new',
        ...overrides,
      })
      .expect(201);
    return res.body;
  }

  const read = (id: string, as: TestUser = manager) =>
    t
      .http()
      .get(api(`/projects/${id}`))
      .set(as.auth);

  it('creates a project with its fields, in preparation, with an ETag', async () => {
    const res = await t
      .http()
      .post(api('/projects'))
      .set(manager.auth)
      .send({
        code: 'XM-2025-900',
        planYear: 2025,
        name: '风电装备制造基地',
        ownerEnterpriseId: owner.id,
        district: 'yumen',
        industry: 'new_energy_equipment',
        kind: 'continuing',
        plannedTotalInvestmentYuan: 1_200_000_000,
        plannedAnnualInvestmentYuan: 300_000_000,
        plannedStartDate: '2025-03-01',
        departmentId: deptA.id,
        leaderName: '张副市长',
      })
      .expect(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      code: 'XM-2025-900',
      planYear: 2025,
      ownerEnterpriseName: owner.name,
      district: 'yumen',
      districtName: '玉门市',
      kind: 'continuing',
      plannedTotalInvestmentYuan: 1_200_000_000,
      plannedStartDate: '2025-03-01',
      departmentId: deptA.id,
      departmentName: deptA.name,
      stage: 'preparation',
      investmentToDateYuan: 0,
      openProblems: 0,
      heldUp: false,
      pastPlannedStart: true,
      stageHistory: [],
      investments: [],
      problems: [],
      canEdit: true,
      canRecordProgress: true,
      version: 1,
    });
  });

  it('refuses bad input naming the field, a duplicate code, and non-managers', async () => {
    const field = async (body: Record<string, unknown>) =>
      (await t.http().post(api('/projects')).set(manager.auth).send(body).expect(400)).body.errors.map(
        (e: { field: string }) => e.field,
      );
    const ok = { code: 'XM-BAD', planYear: 2025, name: '项目', district: 'suzhou', kind: 'new' };
    expect(await field({ ...ok, kind: 'old' })).toContain('kind');
    expect(await field({ ...ok, planYear: 1999 })).toContain('planYear');
    expect(await field({ ...ok, district: 'nowhere' })).toContain('district');
    expect(await field({ ...ok, departmentId: randomUUID() })).toContain('departmentId');
    expect(await field({ ...ok, ownerEnterpriseId: randomUUID() })).toContain('ownerEnterpriseId');
    expect(await field({ ...ok, plannedStartDate: '2025-02-30' })).toContain('plannedStartDate');
    expect(await field({ ...ok, stage: 'started' })).toContain('stage');
    const before = await countRows(t, 'projects');
    const first = await create();
    await t
      .http()
      .post(api('/projects'))
      .set(manager.auth)
      .send({ ...ok, code: first.code })
      .expect(409);
    expect(await countRows(t, 'projects')).toBe(before + 1);
    await t.http().post(api('/projects')).set(official.auth).send(ok).expect(403);
    await t.http().post(api('/projects')).set(handlerA.auth).send(ok).expect(403);
  });

  it('edits descriptive fields with If-Match, never the stage', async () => {
    const p = await create();
    const patch = (body: Record<string, unknown>, version?: number) => {
      const req = t
        .http()
        .patch(api(`/projects/${p.id}`))
        .set(manager.auth);
      return (version === undefined ? req : req.set('If-Match', `"${version}"`)).send(body);
    };
    await patch({ name: '改名' }).expect(428);
    const res = await patch({ name: '改名后的项目', leaderName: '李局长' }, 1).expect(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toMatchObject({ name: '改名后的项目', leaderName: '李局长', version: 2 });
    await patch({ name: '再改' }, 1).expect(412);
    expect((await patch({ stage: 'started' }, 2).expect(400)).body.errors[0].field).toBe('stage');
    expect((await patch({ name: null }, 2).expect(400)).body.errors[0].field).toBe('name');
    await t
      .http()
      .patch(api(`/projects/${p.id}`))
      .set(handlerA.auth)
      .set('If-Match', '"2"')
      .send({})
      .expect(403);
  });

  it('records stages forward as events; a step back needs a note; effectiveAt never goes back', async () => {
    const p = await create({ departmentId: deptA.id });
    const stage = (body: Record<string, unknown>, version: number, as: TestUser = manager) =>
      t
        .http()
        .post(api(`/projects/${p.id}/stage`))
        .set(as.auth)
        .set('If-Match', `"${version}"`)
        .send(body);
    const started = await stage(
      { stage: 'started', effectiveAt: '2025-03-10T09:00:00+08:00', note: '开工仪式' },
      1,
    ).expect(200);
    expect(started.body.stage).toBe('started');
    expect(started.body.stageHistory).toMatchObject([{ stage: 'started', note: '开工仪式' }]);
    // Same stage again: a conflict; stale version: 412.
    await stage({ stage: 'started', effectiveAt: '2025-03-11T09:00:00+08:00' }, 2).expect(409);
    await stage({ stage: 'completed', effectiveAt: '2025-06-01T09:00:00+08:00' }, 1).expect(412);
    // Back without a note: 400 naming note; earlier than the last change: 400 naming effectiveAt.
    expect(
      (await stage({ stage: 'preparation', effectiveAt: '2025-03-12T09:00:00+08:00' }, 2).expect(400)).body.errors[0]
        .field,
    ).toBe('note');
    expect(
      (await stage({ stage: 'completed', effectiveAt: '2025-03-01T09:00:00+08:00' }, 2).expect(400)).body.errors[0]
        .field,
    ).toBe('effectiveAt');
    // The responsible department's handler may record; another department does not see it.
    await stage({ stage: 'completed', effectiveAt: '2025-09-01T09:00:00+08:00' }, 2, handlerB).expect(404);
    const completed = await stage({ stage: 'completed', effectiveAt: '2025-09-01T09:00:00+08:00' }, 2, handlerA).expect(
      200,
    );
    expect(completed.body.stageHistory.map((e: { stage: string }) => e.stage)).toEqual(['started', 'completed']);
    // An official may not record stages.
    await stage({ stage: 'in_production', effectiveAt: '2025-10-01T09:00:00+08:00' }, 3, official).expect(403);
    // A correction back, with its note.
    const back = await stage(
      { stage: 'started', effectiveAt: '2025-09-01T09:00:00+08:00', note: '竣工验收未通过' },
      3,
    ).expect(200);
    expect(back.body.stage).toBe('started');
    expect(await countRows(t, 'project_stage_events', 'project_id = $1', [p.id])).toBe(3);
  });

  it('keeps the original investment entry when it is amended, and the total uses the amendment', async () => {
    const p = await create({ departmentId: deptA.id });
    const put = (month: string, body: Record<string, unknown>, as: TestUser = manager) =>
      t
        .http()
        .put(api(`/projects/${p.id}/investments/${month}`))
        .set(as.auth)
        .send(body);
    await put('2025-01', { amountYuan: 5_000_000 }).expect(200);
    await put('2025-02', { amountYuan: 3_000_000 }, handlerA).expect(200);
    // A second entry without a reason is refused; with one it is revision 2.
    expect((await put('2025-02', { amountYuan: 3_500_000 }).expect(400)).body.errors[0].field).toBe('reason');
    const amended = await put('2025-02', { amountYuan: 3_500_000, reason: '补报设备款' }).expect(200);
    const february = amended.body.investments.find((m: { month: string }) => m.month === '2025-02');
    expect(february.amountYuan).toBe(3_500_000);
    expect(february.revisions).toMatchObject([
      { revision: 1, amountYuan: 3_000_000, reason: null },
      { revision: 2, amountYuan: 3_500_000, reason: '补报设备款' },
    ]);
    expect(amended.body.investmentToDateYuan).toBe(8_500_000);
    expect(await countRows(t, 'project_investments', 'project_id = $1', [p.id])).toBe(3);
    // Bad months, amounts, roles.
    expect((await put('2025-13', { amountYuan: 1 }).expect(400)).body.errors[0].field).toBe('month');
    expect((await put('2099-01', { amountYuan: 1 }).expect(400)).body.errors[0].field).toBe('month');
    expect((await put('2025-03', { amountYuan: -1 }).expect(400)).body.errors[0].field).toBe('amountYuan');
    await put('2025-03', { amountYuan: 1 }, handlerB).expect(404);
    await put('2025-03', { amountYuan: 1 }, official).expect(403);
  });

  it('scopes projects: departments see theirs and their problems’; officials their enterprises’; 404 otherwise', async () => {
    const ofA = await create({ departmentId: deptA.id, name: '甲部门项目' });
    const ofOwner = await create({ ownerEnterpriseId: owner.id, name: '包联企业项目' });
    const linked = await create({ name: '问题关联项目' });
    // A problem of department B that names `linked`.
    const problem = await f.problem(official, owner.id, { projectId: linked.id });
    expect((await f.act(manager, problem.id, 'assign', { departmentId: deptB.id, dueInWorkingDays: 5 })).status).toBe(
      200,
    );

    const ids = async (as: TestUser) =>
      (await t.http().get(api('/projects?limit=200')).set(as.auth).expect(200)).body.items.map(
        (p: { id: string }) => p.id,
      );
    const seenA = await ids(handlerA);
    expect(seenA).toContain(ofA.id);
    expect(seenA).not.toContain(ofOwner.id);
    expect(seenA).not.toContain(linked.id);
    const seenB = await ids(handlerB);
    expect(seenB).toContain(linked.id);
    expect(seenB).not.toContain(ofA.id);
    const seenByOfficial = (await t.http().get(api('/projects?limit=200')).set(official.auth).expect(200)).body.items;
    expect(seenByOfficial.map((p: { id: string }) => p.id)).toContain(ofOwner.id);
    expect(seenByOfficial.every((p: { ownerEnterpriseId: string }) => p.ownerEnterpriseId === owner.id)).toBe(true);
    expect(await ids(otherOfficial)).toEqual([]);
    expect((await ids(manager)).length).toBeGreaterThanOrEqual(3);

    await read(ofA.id, handlerB).expect(404);
    await read(linked.id, handlerB).expect(200);
    await read(ofOwner.id, otherOfficial).expect(404);
    await read(ofOwner.id, official).expect(200);
    await read(randomUUID()).expect(404);
    await read('not-a-uuid' as string).expect(404);
    // What a refusal says about a hidden project equals what it says about a missing one.
    const hidden = await read(ofA.id, handlerB);
    const missing = await read(randomUUID(), handlerB);
    expect(hidden.body).toEqual(missing.body);
  });

  it('links problems to a project; an overdue open problem flags it held up', async () => {
    const p = await create({ departmentId: deptA.id });
    const problem = await f.problem(manager, owner.id, { title: '项目用地指标未落实' });
    // Link through the route, with If-Match; recorded as an event.
    const linked = await t
      .http()
      .post(api(`/problems/${problem.id}/project`))
      .set(manager.auth)
      .set('If-Match', `"${problem.version}"`)
      .send({ projectId: p.id, note: '属该项目用地问题' })
      .expect(200);
    expect(linked.body).toMatchObject({ projectId: p.id, projectName: p.name, status: 'reported', version: 2 });
    expect(linked.body.events.at(-1)).toMatchObject({ type: 'link_project', data: { projectId: p.id } });
    await t
      .http()
      .post(api(`/problems/${problem.id}/project`))
      .set(handlerA.auth)
      .set('If-Match', '"2"')
      .send({ projectId: null })
      .expect(403);
    expect(
      (
        await t
          .http()
          .post(api(`/problems/${problem.id}/project`))
          .set(manager.auth)
          .set('If-Match', '"2"')
          .send({ projectId: randomUUID() })
          .expect(400)
      ).body.errors[0].field,
    ).toBe('projectId');
    // POST /problems with an unknown project: 400 naming projectId, nothing written.
    const before = await countRows(t, 'problems');
    const refused = await t
      .http()
      .post(api('/problems'))
      .set(manager.auth)
      .send({ enterpriseId: owner.id, title: 'x', category: 'factor_supply', projectId: randomUUID() })
      .expect(400);
    expect(refused.body.errors[0].field).toBe('projectId');
    expect(await countRows(t, 'problems')).toBe(before);

    // Assigned with a deadline two seconds away, then overdue.
    const assigned = await f.act(manager, problem.id, 'assign', {
      departmentId: deptA.id,
      dueAt: new Date(Date.now() + 2000).toISOString(),
    });
    expect(assigned.status).toBe(200);
    let page = (await read(p.id).expect(200)).body;
    expect(page).toMatchObject({ openProblems: 1, overdueProblems: 0, heldUp: false });
    await sleep(2500);
    page = (await read(p.id).expect(200)).body;
    expect(page).toMatchObject({ openProblems: 1, overdueProblems: 1, heldUp: true });
    expect(page.problems).toMatchObject([
      { id: problem.id, status: 'assigned', departmentId: deptA.id, overdue: true },
    ]);
    const held = (await t.http().get(api('/projects?overdueProblems=true')).set(manager.auth).expect(200)).body.items;
    expect(held.map((x: { id: string }) => x.id)).toEqual([p.id]);

    // Unlink.
    const unlinked = await t
      .http()
      .post(api(`/problems/${problem.id}/project`))
      .set(manager.auth)
      .set('If-Match', `"${(await f.act(manager, problem.id, 'progress', { note: '推进中' })).body.version}"`)
      .send({ projectId: null, note: '关联错误' })
      .expect(200);
    expect(unlinked.body.projectId).toBeNull();
    expect((await read(p.id).expect(200)).body).toMatchObject({ openProblems: 0, heldUp: false, problems: [] });
  });

  it('filters and sorts the ledger with keyset pages', async () => {
    const year = 2030;
    const made = [];
    for (const [i, district] of ['dunhuang', 'guazhou', 'dunhuang'].entries()) {
      made.push(
        await create({ planYear: year, district, name: `排序项目${i}`, plannedStartDate: `2030-0${i + 1}-01` }),
      );
    }
    const list = async (query: string) =>
      (
        await t
          .http()
          .get(api(`/projects?planYear=${year}&${query}`))
          .set(manager.auth)
          .expect(200)
      ).body;
    expect((await list('district=dunhuang')).items.map((p: { id: string }) => p.id).sort()).toEqual(
      [made[0].id, made[2].id].sort(),
    );
    const desc = await list('sort=-plannedStartDate&limit=2');
    expect(desc.items.map((p: { id: string }) => p.id)).toEqual([made[2].id, made[1].id]);
    const next = await list(`sort=-plannedStartDate&limit=2&cursor=${desc.nextCursor}`);
    expect(next.items.map((p: { id: string }) => p.id)).toEqual([made[0].id]);
    expect(next.nextCursor).toBeNull();
    expect((await list('q=排序项目1')).items).toHaveLength(1);
    expect((await list('stage=started')).items).toHaveLength(0);
    const bad = await t.http().get(api('/projects?sort=size')).set(manager.auth).expect(400);
    expect(bad.body.errors[0].field).toBe('sort');
    await t.http().get(api('/projects?cursor=xyz')).set(manager.auth).expect(400);
    // A cursor naming an impossible day is refused, not sent to the database.
    const forged = Buffer.from(JSON.stringify(['2030-02-30', made[0].id])).toString('base64url');
    const refused = await t
      .http()
      .get(api(`/projects?sort=plannedStartDate&cursor=${forged}`))
      .set(manager.auth);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('cursor');
  });
});

describe('key projects: export and import', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let dept: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    manager = await f.user('manager');
    dept = await f.department('发改委项目办');
  });
  afterAll(() => t.close());

  const upload = (csv: string, dryRun: boolean) =>
    t
      .http()
      .post(`/api/v1/projects/import?dryRun=${dryRun}`)
      .set(manager.auth)
      .attach('file', Buffer.from(`\uFEFF${csv}`), { filename: 'projects.csv', contentType: 'text/csv' });

  const HEAD = '项目编号,计划年度,项目名称,县区,建设性质,计划总投资（元）,计划开工日期,责任单位';

  it('a dry run reports the rows and changes nothing; apply writes them all', async () => {
    const csv = [
      HEAD,
      `IMP-1,2025,光伏组件项目,肃州区,新建,"1,500,000,000",2025/3/1,发改委项目办`,
      // 45762: how an .xlsx date cell arrives (Excel's day number for 2025-04-15).
      `IMP-2,2025,煤化工续建项目,yumen,续建,800000000,45762,`,
    ].join('\n');
    const before = await countRows(t, 'projects');
    const dry = await upload(csv, true).expect(200);
    expect(dry.body).toEqual({ total: 2, created: 2, updated: 0, rejected: [], applied: false });
    expect(await countRows(t, 'projects')).toBe(before);

    const applied = await upload(csv, false).expect(200);
    expect(applied.body).toMatchObject({ created: 2, applied: true });
    const list = (await t.http().get('/api/v1/projects?q=IMP-').set(manager.auth).expect(200)).body.items;
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({
      code: 'IMP-1',
      district: 'suzhou',
      kind: 'new',
      plannedTotalInvestmentYuan: 1_500_000_000,
      plannedStartDate: '2025-03-01',
      departmentId: dept.id,
    });
    expect(list[1]).toMatchObject({ code: 'IMP-2', kind: 'continuing', plannedStartDate: '2025-04-15' });
    // The same file again updates them.
    expect((await upload(csv, false).expect(200)).body).toMatchObject({ created: 0, updated: 2, applied: true });
  });

  it('is all or nothing: one bad row and nothing is written, with a row report', async () => {
    const csv = [
      HEAD,
      `IMP-10,2025,好项目,肃州区,新建,100,2025-03-01,`,
      `IMP-11,2025,坏项目,火星区,扩建,-5,2025-02-30,不存在的单位`,
      `IMP-10,2025,重复编号,肃州区,新建,,,`,
    ].join('\n');
    const before = await countRows(t, 'projects');
    const res = await upload(csv, false).expect(200);
    expect(res.body.applied).toBe(false);
    expect(res.body.rejected.map((r: { row: number }) => r.row)).toEqual([3, 4]);
    const fields = res.body.rejected[0].errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['department', 'district', 'kind', 'plannedStartDate', 'plannedTotalInvestmentYuan'].sort());
    expect(res.body.rejected[1].errors[0].field).toBe('code');
    expect(await countRows(t, 'projects')).toBe(before);
  });

  it('refuses a file without the required headings, naming file', async () => {
    const res = await upload('名称,县区\n某项目,肃州区\n', false).expect(400);
    expect(res.body.errors[0].field).toBe('file');
  });

  it('exports the ledger as CSV and xlsx, and hands out a template', async () => {
    const csv = await t.http().get('/api/v1/projects/export?format=csv&q=IMP-').set(manager.auth).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('项目编号');
    expect(csv.text).toContain('IMP-1');
    expect(csv.text).toContain('前期');
    const xlsx = await t
      .http()
      .get('/api/v1/projects/export?format=xlsx')
      .set(manager.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const template = await t.http().get('/api/v1/projects/import/template?format=csv').set(manager.auth).expect(200);
    expect(template.text).toContain('计划开工日期');
    const official = await f.user('official');
    // An official exports only his scope: here nothing but the headings.
    const scoped = await t.http().get('/api/v1/projects/export?format=csv').set(official.auth).expect(200);
    expect(scoped.text).not.toContain('IMP-1');
    await t.http().post('/api/v1/projects/import').set(official.auth).expect(403);
  });
});
