import { Factory, TestUser } from './factories';
import { instant } from './factories/more';
import { createTestApp, TestApp } from './support/test-app';

/**
 * GET /reports/projects. Projects, stages and investment are written through the API now, so
 * every figure here is taken as of an instant after (or between) those writes: a stage event
 * or an entry recorded after asOf is not seen, whatever date it takes effect on.
 */
describe('project figures (GET /reports/projects)', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let deptA: { id: string; name: string };
  let serial = 0;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    manager = await f.user('manager');
    deptA = await f.department();
  });
  afterAll(() => t.close());

  async function project(planYear: number, overrides: Record<string, unknown> = {}) {
    serial += 1;
    const res = await t
      .http()
      .post('/api/v1/projects')
      .set(manager.auth)
      .send({
        code: `FIG-${planYear}-${serial}`,
        planYear,
        name: `项目${serial}`,
        district: 'suzhou',
        kind: 'new',
        ...overrides,
      })
      .expect(201);
    return res.body as { id: string; version: number };
  }

  async function stage(id: string, stageCode: string, effectiveAt: string, note?: string) {
    const current = (await t.http().get(`/api/v1/projects/${id}`).set(manager.auth).expect(200)).body;
    return t
      .http()
      .post(`/api/v1/projects/${id}/stage`)
      .set(manager.auth)
      .set('If-Match', `"${current.version}"`)
      .send({ stage: stageCode, effectiveAt, ...(note ? { note } : {}) });
  }

  const invest = (id: string, month: string, amountYuan: number, reason?: string) =>
    t
      .http()
      .put(`/api/v1/projects/${id}/investments/${month}`)
      .set(manager.auth)
      .send({ amountYuan, ...(reason ? { reason } : {}) });

  const report = (query: Record<string, string>) =>
    t.http().get('/api/v1/reports/projects').set(manager.auth).query(query);

  it('counts the plan and the started projects as of an instant; a later stage event is ignored', async () => {
    // Plan 2023: four projects; one of 2022 that does not count.
    const [a, b, c] = [await project(2023), await project(2023), await project(2023)];
    await project(2023);
    await project(2022);
    await stage(a.id, 'started', '2023-02-10T09:00:00+08:00').then((r) => expect(r.status).toBe(200));
    // Started in Q2: not by the end of Q1.
    await stage(c.id, 'started', '2023-04-03T09:00:00+08:00').then((r) => expect(r.status).toBe(200));
    const before = await instant();
    await stage(b.id, 'started', '2023-03-01T09:00:00+08:00').then((r) => expect(r.status).toBe(200));
    const after = await instant();

    const atBefore = (await report({ period: '2023-Q1', asOf: before }).expect(200)).body;
    expect(atBefore).toMatchObject({ planYear: 2023, planned: 4, started: 1, startRatePercent: 25 });
    const atAfter = (await report({ period: '2023-Q1', asOf: after }).expect(200)).body;
    expect(atAfter).toMatchObject({ planned: 4, started: 2, startRatePercent: 50 });
    // The whole year sees the Q2 start too.
    expect((await report({ period: '2023', asOf: after }).expect(200)).body).toMatchObject({ planned: 4, started: 3 });

    // A correction (back to preparation) recorded later takes b out again, from that instant on.
    await stage(b.id, 'preparation', '2023-03-01T09:00:00+08:00', '开工日期录错').then((r) =>
      expect(r.status).toBe(200),
    );
    const corrected = await instant();
    expect((await report({ period: '2023-Q1', asOf: after }).expect(200)).body.started).toBe(2);
    expect((await report({ period: '2023-Q1', asOf: corrected }).expect(200)).body.started).toBe(1);
  });

  it('sums investment per month from the latest revision recorded by asOf, and its growth', async () => {
    const p = await project(2021);
    const q = await project(2020);
    // Q1 2021: 300 + 200 + 500; Q1 2020: 400 + 400.
    await invest(p.id, '2021-01', 300).expect(200);
    await invest(p.id, '2021-02', 200).expect(200);
    await invest(q.id, '2021-03', 500).expect(200);
    await invest(q.id, '2020-01', 400).expect(200);
    await invest(q.id, '2020-03', 400).expect(200);
    // Outside both quarters.
    await invest(q.id, '2021-04', 9999).expect(200);
    const original = await instant();
    // Amendment: February becomes 100.
    await invest(p.id, '2021-02', 100, '统计口径更正').expect(200);
    const amended = await instant();

    const before = (await report({ period: '2021-Q1', asOf: original }).expect(200)).body;
    expect(before).toMatchObject({
      investmentYuan: 1000,
      previousYearInvestmentYuan: 800,
      investmentGrowthPercent: 25,
    });
    const after = (await report({ period: '2021-Q1', asOf: amended }).expect(200)).body;
    // 900 / 800 − 1 = 12.5 %
    expect(after).toMatchObject({
      investmentYuan: 900,
      previousYearInvestmentYuan: 800,
      investmentGrowthPercent: 12.5,
    });
    // No previous year: growth null.
    const earlier = (await report({ period: '2020-Q1', asOf: amended }).expect(200)).body;
    expect(earlier).toMatchObject({
      investmentYuan: 800,
      previousYearInvestmentYuan: 0,
      investmentGrowthPercent: null,
    });
    // A month period.
    expect((await report({ period: '2021-02', asOf: amended }).expect(200)).body.investmentYuan).toBe(100);
  });

  it('rounds growth half-up and handles a fall', async () => {
    const p = await project(2019);
    await invest(p.id, '2018-05', 1000).expect(200);
    await invest(p.id, '2019-05', 1079).expect(200); // +7.9 %
    await invest(p.id, '2018-06', 2000).expect(200);
    await invest(p.id, '2019-06', 1999).expect(200); // −0.05 % → −0.1 (half away from zero)
    const asOf = await instant();
    expect((await report({ period: '2019-05', asOf }).expect(200)).body.investmentGrowthPercent).toBe(7.9);
    expect((await report({ period: '2019-06', asOf }).expect(200)).body.investmentGrowthPercent).toBe(-0.1);
  });

  it('groups by district, industry and department; the groups add up to the total', async () => {
    const x = await project(2017, { district: 'yumen', industry: 'petrochemicals', departmentId: deptA.id });
    const y = await project(2017, { district: 'dunhuang', industry: 'tourism' });
    await project(2017, { district: 'dunhuang', industry: 'tourism', departmentId: deptA.id });
    await stage(x.id, 'started', '2017-01-20T09:00:00+08:00').then((r) => expect(r.status).toBe(200));
    await invest(y.id, '2017-02', 700).expect(200);
    const asOf = await instant();

    const byDistrict = (await report({ period: '2017-Q1', asOf, groupBy: 'district' }).expect(200)).body;
    expect(byDistrict).toMatchObject({ planned: 3, started: 1, startRatePercent: 33.3, investmentYuan: 700 });
    const yumen = byDistrict.groups.find((g: { key: string }) => g.key === 'yumen');
    const dunhuang = byDistrict.groups.find((g: { key: string }) => g.key === 'dunhuang');
    expect(yumen).toMatchObject({ label: '玉门市', planned: 1, started: 1, startRatePercent: 100, investmentYuan: 0 });
    expect(dunhuang).toMatchObject({ planned: 2, started: 0, startRatePercent: 0, investmentYuan: 700 });

    const byIndustry = (await report({ period: '2017-Q1', asOf, groupBy: 'industry' }).expect(200)).body;
    expect(byIndustry.groups.map((g: { key: string; planned: number }) => [g.key, g.planned]).sort()).toEqual([
      ['petrochemicals', 1],
      ['tourism', 2],
    ]);

    const byDepartment = (await report({ period: '2017-Q1', asOf, groupBy: 'department' }).expect(200)).body;
    const own = byDepartment.groups.find((g: { key: string }) => g.key === deptA.id);
    const none = byDepartment.groups.find((g: { key: string | null }) => g.key === null);
    expect(own).toMatchObject({ label: deptA.name, planned: 2, started: 1 });
    expect(none).toMatchObject({ label: '未指定', planned: 1, investmentYuan: 700 });
    const sum = byDepartment.groups.reduce((n: number, g: { planned: number }) => n + g.planned, 0);
    expect(sum).toBe(byDepartment.planned);
  });

  it('answers a plan without projects with null rates', async () => {
    const body = (await report({ period: '2031-Q1', asOf: new Date().toISOString() }).expect(200)).body;
    expect(body).toMatchObject({
      planYear: 2031,
      planned: 0,
      started: 0,
      startRatePercent: null,
      investmentGrowthPercent: null,
    });
  });

  it('refuses bad queries with 400 naming the field', async () => {
    const field = async (query: Record<string, string>) =>
      (await report(query).expect(400)).body.errors.map((e: { field: string }) => e.field);
    expect(await field({ period: '2025-Q5' })).toContain('period');
    expect(await field({})).toContain('period');
    expect(await field({ period: '2025-Q1', asOf: 'yesterday' })).toContain('asOf');
    expect(await field({ period: '2025-Q1', groupBy: 'category' })).toContain('groupBy');
    expect(await field({ period: '2025-Q1', extra: '1' })).toContain('extra');
  });

  it('is for managers and admins only', async () => {
    const official = await f.user('official');
    await t.http().get('/api/v1/reports/projects').set(official.auth).query({ period: '2025-Q1' }).expect(403);
  });
});
