import { Factory, inDays, TestUser } from './factories';
import { instant, shanghaiYear } from './factories/more';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Each test works in its own period (reportedAt is backdated into it), so the figures of one
 * test never include another's problems. Periods that have ended default to asOf = their end,
 * before any of these backdated problems were entered, so the tests ask asOf explicitly.
 */
describe('GET /reports/resolution-rate', () => {
  let t: TestApp;
  let f: Factory;
  let official: TestUser;
  let manager: TestUser;
  let handlerA: TestUser;
  let handlerB: TestUser;
  let deptA: { id: string; name: string };
  let deptB: { id: string; name: string };
  let deptC: { id: string; name: string };
  let enterprise: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    deptA = await f.department('报表甲局');
    deptB = await f.department('报表乙局');
    deptC = await f.department('报表丙局'); // never given a problem
    official = await f.user('official');
    manager = await f.user('manager');
    handlerA = await f.user('handler', deptA.id);
    handlerB = await f.user('handler', deptB.id);
    enterprise = await f.enterprise(official);
  });

  afterAll(() => t.close());

  async function rate(query: Record<string, string>) {
    const res = await t.http().get('/api/v1/reports/resolution-rate').query(query).set(manager.auth);
    expect(res.status).toBe(200);
    return res.body as {
      period: { label: string; from: string; to: string; timezone: string };
      asOf: string;
      recorded: number;
      resolved: number;
      ratePercent: number | null;
      groups?: { key: string | null; label: string; recorded: number; resolved: number; ratePercent: number | null }[];
    };
  }

  const figures = async (query: Record<string, string>) => {
    const { recorded, resolved, ratePercent } = await rate(query);
    return { recorded, resolved, ratePercent };
  };

  const problem = (reportedAt: string, overrides: Record<string, unknown> = {}, enterpriseId = enterprise.id) =>
    f.problem(official, enterpriseId, { reportedAt, ...overrides });

  async function assign(id: string, departmentId: string) {
    const res = await f.act(manager, id, 'assign', { departmentId, dueAt: inDays(10) });
    expect(res.status).toBe(200);
    return res.body;
  }

  /** Assigned to a department and resolved by its handler. */
  async function resolve(id: string, department: { id: string } = deptA) {
    await assign(id, department.id);
    const handler = department.id === deptB.id ? handlerB : handlerA;
    const res = await f.act(handler, id, 'resolve', { resolution: '已办结' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('resolved');
  }

  async function act(as: TestUser, id: string, action: string, body: Record<string, unknown>, status: string) {
    const res = await f.act(as, id, action, body);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe(status);
  }

  it('keeps a resolution as of an instant before a later reopen, and drops it as of now', async () => {
    // Period 2024-Q3: two problems reported in August 2024, entered now.
    const t0 = await instant();
    const p1 = await problem('2024-08-15T10:00:00+08:00');
    await problem('2024-08-16T10:00:00+08:00');
    await resolve(p1.id);
    const t1 = await instant(); // p1 resolved, p2 reported
    await act(manager, p1.id, 'reopen', { reason: '企业反映未解决' }, 'in_progress');
    const t2 = await instant(); // p1 in progress again

    // Before either was entered: nothing recorded, and no rate rather than 0 % or an error.
    expect(await figures({ period: '2024-Q3', asOf: t0 })).toEqual({ recorded: 0, resolved: 0, ratePercent: null });
    // At t1: 1 of 2 resolved → 100 × 1 / 2 = 50.0.
    const atT1 = await rate({ period: '2024-Q3', asOf: t1 });
    expect(atT1).toMatchObject({ recorded: 2, resolved: 1, ratePercent: 50 });
    expect(Date.parse(atT1.asOf)).toBe(Date.parse(t1));
    // At t2 and now: 0 of 2 → 0 (a figure, not null).
    expect(await figures({ period: '2024-Q3', asOf: t2 })).toEqual({ recorded: 2, resolved: 0, ratePercent: 0 });
    expect(await figures({ period: '2024-Q3', asOf: 'now' })).toEqual({ recorded: 2, resolved: 0, ratePercent: 0 });

    // Resolved again and closed: now 1 of 2; the figures for t1 and t2 do not move.
    await act(handlerA, p1.id, 'resolve', { resolution: '二次办结' }, 'resolved');
    await act(manager, p1.id, 'verify', { satisfaction: 'basically_satisfied' }, 'closed');
    expect(await figures({ period: '2024-Q3', asOf: 'now' })).toEqual({ recorded: 2, resolved: 1, ratePercent: 50 });
    expect(await figures({ period: '2024-Q3', asOf: t1 })).toEqual({ recorded: 2, resolved: 1, ratePercent: 50 });
    expect(await figures({ period: '2024-Q3', asOf: t2 })).toEqual({ recorded: 2, resolved: 0, ratePercent: 0 });

    // Without asOf, an ended period is taken at its end (1 Oct 2024, Beijing time), before any
    // of these problems was entered: the published figure does not drift.
    const published = await rate({ period: '2024-Q3' });
    expect(published).toMatchObject({ recorded: 0, resolved: 0, ratePercent: null });
    expect(Date.parse(published.asOf)).toBe(Date.parse('2024-10-01T00:00:00+08:00'));
  });

  it('counts an unsatisfied verification as not resolved from that instant on', async () => {
    // Period 2024-09 (a month): one problem, resolved, then verified unsatisfied.
    const p = await problem('2024-09-20T12:00:00+08:00');
    await resolve(p.id);
    const t1 = await instant();
    await act(manager, p.id, 'verify', { satisfaction: 'unsatisfied', feedback: '不满意' }, 'in_progress');
    const t2 = await instant();
    expect(await figures({ period: '2024-09', asOf: t1 })).toEqual({ recorded: 1, resolved: 1, ratePercent: 100 });
    expect(await figures({ period: '2024-09', asOf: t2 })).toEqual({ recorded: 1, resolved: 0, ratePercent: 0 });
  });

  it('does not record a withdrawn problem, but did as of before its withdrawal', async () => {
    // Period 2024-Q2: A and B resolved, C open, D withdrawn after t1.
    const a = await problem('2024-05-10T09:00:00+08:00');
    const b = await problem('2024-05-11T09:00:00+08:00');
    await problem('2024-05-12T09:00:00+08:00');
    const d = await problem('2024-05-13T09:00:00+08:00');
    await resolve(a.id);
    await resolve(b.id, deptB);
    const t1 = await instant();
    await act(manager, d.id, 'withdraw', { reason: '重复登记', duplicateOf: a.id }, 'withdrawn');
    const t2 = await instant();

    // At t1: 2 of 4 resolved → 50.0.
    expect(await figures({ period: '2024-Q2', asOf: t1 })).toEqual({ recorded: 4, resolved: 2, ratePercent: 50 });
    // At t2: D no longer recorded; 2 of 3 → 66.666… → 66.7 (half-up to one decimal).
    expect(await figures({ period: '2024-Q2', asOf: t2 })).toEqual({ recorded: 3, resolved: 2, ratePercent: 66.7 });
    // Closing A keeps it resolved: still 2 of 3.
    await act(manager, a.id, 'verify', { satisfaction: 'satisfied' }, 'closed');
    expect(await figures({ period: '2024-Q2', asOf: 'now' })).toEqual({ recorded: 3, resolved: 2, ratePercent: 66.7 });
  });

  it('does not count, as of T, a problem entered after T even though its reportedAt is earlier', async () => {
    // Period 2024-Q1.
    await problem('2024-02-01T10:00:00+08:00');
    const t1 = await instant();
    const late = await problem('2024-01-15T10:00:00+08:00'); // entered after t1, reported before the first
    await resolve(late.id);

    // At t1 only the first existed: 0 of 1.
    expect(await figures({ period: '2024-Q1', asOf: t1 })).toEqual({ recorded: 1, resolved: 0, ratePercent: 0 });
    // Now both, the late one resolved: 1 of 2 → 50.
    expect(await figures({ period: '2024-Q1', asOf: 'now' })).toEqual({ recorded: 2, resolved: 1, ratePercent: 50 });
  });

  it('rounds the rate half-up to one decimal', async () => {
    // Period 2021-Q1: sixteen problems.
    const ids: string[] = [];
    for (let i = 0; i < 16; i += 1)
      ids.push((await problem(`2021-02-${String(i + 1).padStart(2, '0')}T09:00:00+08:00`)).id);
    await resolve(ids[0]!);
    const t1 = await instant();
    await resolve(ids[1]!);
    await resolve(ids[2]!);
    // 1 of 16 → 6.25 → 6.3; 3 of 16 → 18.75 → 18.8 (half-up, not half-even).
    expect(await figures({ period: '2021-Q1', asOf: t1 })).toEqual({ recorded: 16, resolved: 1, ratePercent: 6.3 });
    expect(await figures({ period: '2021-Q1', asOf: 'now' })).toEqual({ recorded: 16, resolved: 3, ratePercent: 18.8 });
  });

  it('answers an empty period with recorded 0, resolved 0 and ratePercent null', async () => {
    const res = await rate({ period: '2001-Q1' });
    expect(res).toEqual({
      period: {
        label: '2001-Q1',
        from: '2001-01-01T00:00:00.000+08:00',
        to: '2001-04-01T00:00:00.000+08:00',
        timezone: 'Asia/Shanghai',
      },
      asOf: '2001-04-01T00:00:00.000+08:00',
      definition: 'resolution-rate/v1',
      items: '/reports/resolution-rate/items?period=2001-Q1&asOf=2001-04-01T00%3A00%3A00.000%2B08%3A00',
      recorded: 0,
      resolved: 0,
      ratePercent: null,
    });

    const grouped = await rate({ period: '2001-Q1', groupBy: 'department', asOf: 'now' });
    expect(grouped).toMatchObject({ recorded: 0, resolved: 0, ratePercent: null });
    // Every department, each with zeros; no unassigned group when nothing is unassigned.
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM departments`);
    expect(grouped.groups).toHaveLength(n);
    for (const group of grouped.groups!) {
      expect(group).toMatchObject({ recorded: 0, resolved: 0, ratePercent: null });
      expect(group.key).not.toBeNull();
    }
  });

  it('groups by department: every department, one with no problems, and the unassigned', async () => {
    // Period 2023-Q4:
    //   A: three problems, two resolved          → 3 recorded, 2 resolved, 66.7
    //   B: one in progress                       → 1, 0, 0
    //   C: none                                  → 0, 0, null
    //   unassigned: one never assigned, one returned by B → 2, 0, 0
    //   total: 6 recorded, 2 resolved → 33.3
    const a1 = await problem('2023-10-01T09:00:00+08:00');
    const a2 = await problem('2023-10-02T09:00:00+08:00');
    const a3 = await problem('2023-10-03T09:00:00+08:00');
    const b1 = await problem('2023-11-01T09:00:00+08:00');
    await problem('2023-12-01T09:00:00+08:00');
    const returned = await problem('2023-12-02T09:00:00+08:00');
    await resolve(a1.id);
    await resolve(a2.id);
    await assign(a3.id, deptA.id);
    await assign(b1.id, deptB.id);
    await act(handlerB, b1.id, 'accept', {}, 'in_progress');
    await assign(returned.id, deptB.id);
    await act(handlerB, returned.id, 'return', { reason: '不属于本单位职责' }, 'reported');

    const res = await rate({ period: '2023-Q4', groupBy: 'department', asOf: 'now' });
    expect(res).toMatchObject({ recorded: 6, resolved: 2, ratePercent: 33.3 });
    const groups = res.groups!;
    expect(groups).toContainEqual({ key: deptA.id, label: '报表甲局', recorded: 3, resolved: 2, ratePercent: 66.7 });
    expect(groups).toContainEqual({ key: deptB.id, label: '报表乙局', recorded: 1, resolved: 0, ratePercent: 0 });
    expect(groups).toContainEqual({ key: deptC.id, label: '报表丙局', recorded: 0, resolved: 0, ratePercent: null });
    expect(groups[groups.length - 1]).toEqual({
      key: null,
      label: expect.any(String),
      recorded: 2,
      resolved: 0,
      ratePercent: 0,
    });
    expect(groups.filter((g) => g.key === null)).toHaveLength(1);
    expect(groups.reduce((sum, g) => sum + g.recorded, 0)).toBe(6);
    expect(groups.reduce((sum, g) => sum + g.resolved, 0)).toBe(2);
  });

  it('counts a problem in the department it had at T, not the one it was reassigned to later', async () => {
    // Period 2023-Q2: one problem, in B at t1, reassigned to A and resolved by A afterwards.
    const p = await problem('2023-05-05T09:00:00+08:00');
    await assign(p.id, deptB.id);
    const t1 = await instant();
    await assign(p.id, deptA.id);
    await act(handlerA, p.id, 'resolve', { resolution: '甲局办结' }, 'resolved');

    const before = await rate({ period: '2023-Q2', groupBy: 'department', asOf: t1 });
    expect(before.groups).toContainEqual({
      key: deptB.id,
      label: '报表乙局',
      recorded: 1,
      resolved: 0,
      ratePercent: 0,
    });
    expect(before.groups).toContainEqual({
      key: deptA.id,
      label: '报表甲局',
      recorded: 0,
      resolved: 0,
      ratePercent: null,
    });

    const now = await rate({ period: '2023-Q2', groupBy: 'department', asOf: 'now' });
    expect(now.groups).toContainEqual({ key: deptA.id, label: '报表甲局', recorded: 1, resolved: 1, ratePercent: 100 });
    expect(now.groups).toContainEqual({
      key: deptB.id,
      label: '报表乙局',
      recorded: 0,
      resolved: 0,
      ratePercent: null,
    });
  });

  it('groups by district, category and industry', async () => {
    // Period 2023-Q3:
    //   E1 肃州区, new_energy_equipment: factor_supply resolved, financing open
    //   E2 敦煌市, tourism:              labour resolved
    //   E3 玉门市, no industry:          factor_supply open
    //   total 4 recorded, 2 resolved → 50.0
    const e1 = await f.enterprise(official, { district: 'suzhou', industry: 'new_energy_equipment' });
    const e2 = await f.enterprise(official, { district: 'dunhuang', industry: 'tourism' });
    const e3 = await f.enterprise(official, { district: 'yumen', industry: undefined });
    const p1 = await problem('2023-07-01T09:00:00+08:00', { category: 'factor_supply' }, e1.id);
    await problem('2023-07-02T09:00:00+08:00', { category: 'financing' }, e1.id);
    const p3 = await problem('2023-08-01T09:00:00+08:00', { category: 'labour' }, e2.id);
    await problem('2023-09-01T09:00:00+08:00', { category: 'factor_supply' }, e3.id);
    await resolve(p1.id);
    await resolve(p3.id, deptB);

    const district = await rate({ period: '2023-Q3', groupBy: 'district', asOf: 'now' });
    expect(district).toMatchObject({ recorded: 4, resolved: 2, ratePercent: 50 });
    // All seven districts, in their reference order.
    expect(district.groups).toEqual([
      { key: 'suzhou', label: '肃州区', recorded: 2, resolved: 1, ratePercent: 50 },
      { key: 'yumen', label: '玉门市', recorded: 1, resolved: 0, ratePercent: 0 },
      { key: 'dunhuang', label: '敦煌市', recorded: 1, resolved: 1, ratePercent: 100 },
      { key: 'jinta', label: '金塔县', recorded: 0, resolved: 0, ratePercent: null },
      { key: 'guazhou', label: '瓜州县', recorded: 0, resolved: 0, ratePercent: null },
      { key: 'subei', label: '肃北蒙古族自治县', recorded: 0, resolved: 0, ratePercent: null },
      { key: 'aksay', label: '阿克塞哈萨克族自治县', recorded: 0, resolved: 0, ratePercent: null },
    ]);

    const category = await rate({ period: '2023-Q3', groupBy: 'category', asOf: 'now' });
    expect(category.groups).toEqual([
      { key: 'factor_supply', label: '要素保障', recorded: 2, resolved: 1, ratePercent: 50 },
      { key: 'financing', label: '融资', recorded: 1, resolved: 0, ratePercent: 0 },
      { key: 'labour', label: '用工', recorded: 1, resolved: 1, ratePercent: 100 },
      { key: 'approvals', label: '审批手续', recorded: 0, resolved: 0, ratePercent: null },
      { key: 'policy_delivery', label: '政策兑现', recorded: 0, resolved: 0, ratePercent: null },
      { key: 'markets', label: '市场开拓', recorded: 0, resolved: 0, ratePercent: null },
      { key: 'infrastructure', label: '基础设施', recorded: 0, resolved: 0, ratePercent: null },
      { key: 'other', label: '其他', recorded: 0, resolved: 0, ratePercent: null },
    ]);

    const industry = await rate({ period: '2023-Q3', groupBy: 'industry', asOf: 'now' });
    expect(industry.groups).toEqual([
      { key: 'new_energy_equipment', label: 'new_energy_equipment', recorded: 2, resolved: 1, ratePercent: 50 },
      { key: 'tourism', label: 'tourism', recorded: 1, resolved: 1, ratePercent: 100 },
      { key: null, label: expect.any(String), recorded: 1, resolved: 0, ratePercent: 0 },
    ]);
  });

  describe('periods', () => {
    beforeAll(async () => {
      // 2022-03-15 10:00 Beijing = 02:00 UTC, in ISO week 2022-W11 (Monday 14 March);
      // 2022-06-01 10:00 Beijing, in 2022-Q2.
      await problem('2022-03-15T10:00:00+08:00');
      await problem('2022-06-01T10:00:00+08:00');
    });

    const recorded = async (query: Record<string, string>) => (await rate({ ...query, asOf: 'now' })).recorded;

    it('reads years, quarters, months and ISO weeks', async () => {
      expect(await recorded({ period: '2022' })).toBe(2);
      expect(await recorded({ period: '2022-Q1' })).toBe(1);
      expect(await recorded({ period: '2022-Q2' })).toBe(1);
      expect(await recorded({ period: '2022-Q3' })).toBe(0);
      expect(await recorded({ period: '2022-03' })).toBe(1);
      expect(await recorded({ period: '2022-04' })).toBe(0);
      expect(await recorded({ period: '2022-06' })).toBe(1);
      expect(await recorded({ period: '2022-W11' })).toBe(1);
      expect(await recorded({ period: '2022-W10' })).toBe(0);
      expect(await recorded({ period: '2022-W22' })).toBe(1); // Monday 30 May to Monday 6 June
    });

    it('reports the bounds of each kind of period in Beijing time', async () => {
      expect((await rate({ period: '2022' })).period).toEqual({
        label: '2022',
        from: '2022-01-01T00:00:00.000+08:00',
        to: '2023-01-01T00:00:00.000+08:00',
        timezone: 'Asia/Shanghai',
      });
      expect((await rate({ period: '2022-Q2' })).period).toMatchObject({
        from: '2022-04-01T00:00:00.000+08:00',
        to: '2022-07-01T00:00:00.000+08:00',
      });
      expect((await rate({ period: '2024-02' })).period).toMatchObject({
        from: '2024-02-01T00:00:00.000+08:00',
        to: '2024-03-01T00:00:00.000+08:00',
      });
      expect((await rate({ period: '2022-W11' })).period).toMatchObject({
        from: '2022-03-14T00:00:00.000+08:00',
        to: '2022-03-21T00:00:00.000+08:00',
      });
      // Week 1 of 2026 starts on Monday 29 December 2025; 2020 has a week 53.
      expect((await rate({ period: '2026-W01' })).period).toMatchObject({
        from: '2025-12-29T00:00:00.000+08:00',
        to: '2026-01-05T00:00:00.000+08:00',
      });
      expect((await rate({ period: '2020-W53' })).period).toMatchObject({
        from: '2020-12-28T00:00:00.000+08:00',
        to: '2021-01-04T00:00:00.000+08:00',
      });
    });

    it('reads from/to as a half-open range, dates being Beijing midnight', async () => {
      expect(await recorded({ from: '2022-03-01', to: '2022-06-01' })).toBe(1);
      expect(await recorded({ from: '2022-03-01', to: '2022-06-02' })).toBe(2);
      // The start is included and the end is not: the first problem is at exactly 02:00 UTC.
      expect(await recorded({ from: '2022-03-15T02:00:00Z', to: '2022-03-15T02:00:01Z' })).toBe(1);
      expect(await recorded({ from: '2022-03-15T01:00:00Z', to: '2022-03-15T02:00:00Z' })).toBe(0);
      expect(await recorded({ from: '2022-03-15T10:00:00+08:00', to: '2022-03-15T10:00:01+08:00' })).toBe(1);
      const explicit = await rate({ from: '2022-03-01', to: '2022-06-01' });
      expect(explicit.period).toMatchObject({
        from: '2022-03-01T00:00:00.000+08:00',
        to: '2022-06-01T00:00:00.000+08:00',
        timezone: 'Asia/Shanghai',
      });
    });

    it('takes a period that has not ended as of now by default', async () => {
      const year = shanghaiYear();
      const p = await f.problem(official, enterprise.id);
      const before = Date.now();
      const res = await rate({ period: String(year) });
      expect(Date.parse(res.asOf)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(res.asOf)).toBeLessThanOrEqual(Date.now() + 1000);
      expect(res.recorded).toBe(1);
      expect(res.resolved).toBe(0);
      await resolve(p.id);
      expect(await figures({ period: String(year) })).toEqual({ recorded: 1, resolved: 1, ratePercent: 100 });
    });

    const refused = async (query: Record<string, string>, field: string) => {
      const res = await t.http().get('/api/v1/reports/resolution-rate').query(query).set(manager.auth);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual([field]);
    };

    it('refuses malformed periods with 400 naming period', async () => {
      await refused({ period: '2025-Q5' }, 'period');
      await refused({ period: '2025-Q0' }, 'period');
      await refused({ period: '2025-13' }, 'period');
      await refused({ period: '2025-00' }, 'period');
      await refused({ period: '2025-W53' }, 'period'); // 2025 has 52 ISO weeks
      await refused({ period: '2025-W00' }, 'period');
      await refused({ period: '25' }, 'period');
      await refused({ period: '1999' }, 'period');
      await refused({ period: 'Q1-2025' }, 'period');
      await refused({ period: '' }, 'period');
      await refused({}, 'period');
      await refused({ period: '2025-Q1', from: '2025-01-01', to: '2025-04-01' }, 'period');
    });

    it('refuses incomplete or reversed from/to naming the field', async () => {
      await refused({ from: '2025-01-01' }, 'to');
      await refused({ from: '2025-04-01', to: '2025-01-01' }, 'to');
      await refused({ from: '2025-01-01', to: '2025-01-01' }, 'to');
      await refused({ from: 'last monday', to: '2025-01-01' }, 'from');
      await refused({ from: '2025-01-01T00:00:00', to: '2025-04-01' }, 'from');
    });

    it('refuses a malformed asOf naming asOf', async () => {
      await refused({ period: '2025-Q1', asOf: 'yesterday' }, 'asOf');
      await refused({ period: '2025-Q1', asOf: '2025-03-31T12:00:00' }, 'asOf'); // no offset
      await refused({ period: '2025-Q1', asOf: '2025-02-30T12:00:00Z' }, 'asOf');
    });

    it('refuses an unknown groupBy naming groupBy, and an unknown parameter naming it', async () => {
      await refused({ period: '2025-Q1', groupBy: 'enterprise' }, 'groupBy');
      await refused({ period: '2025-Q1', groupby: 'department' }, 'groupby');
    });
  });

  it('puts 23:30 Beijing on 31 March in Q1, and 07:00 Beijing on 1 April (still 31 March in UTC) in Q2', async () => {
    const lateMarch = await problem('2025-03-31T23:30:00+08:00');
    const earlyApril = await problem('2025-04-01T07:00:00+08:00');
    await resolve(earlyApril.id);

    // Q1: only the 31 March one, open → 0 of 1.
    expect(await figures({ period: '2025-Q1', asOf: 'now' })).toEqual({ recorded: 1, resolved: 0, ratePercent: 0 });
    // Q2: only the 1 April one, resolved → 1 of 1.
    expect(await figures({ period: '2025-Q2', asOf: 'now' })).toEqual({ recorded: 1, resolved: 1, ratePercent: 100 });
    expect((await rate({ period: '2025-03', asOf: 'now' })).recorded).toBe(1);
    expect((await rate({ period: '2025-04', asOf: 'now' })).recorded).toBe(1);
    // Both fall in ISO week 2025-W14 (Monday 31 March to Monday 7 April).
    expect((await rate({ period: '2025-W14', asOf: 'now' })).recorded).toBe(2);
    // Counted in UTC both would be in March: the report time zone is what decides.
    expect((await rate({ from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z', asOf: 'now' })).recorded).toBe(2);
    expect(lateMarch.id).not.toBe(earlyApril.id);
  });

  it('refuses officials and handlers with 403, and callers without a token with 401', async () => {
    const asOfficial = await t.http().get('/api/v1/reports/resolution-rate?period=2025-Q1').set(official.auth);
    expect(asOfficial.status).toBe(403);
    expect(asOfficial.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    const asHandler = await t.http().get('/api/v1/reports/resolution-rate?period=2025-Q1').set(handlerA.auth);
    expect(asHandler.status).toBe(403);
    expect(asHandler.body.code).toBe('FORBIDDEN');
    const anonymous = await t.http().get('/api/v1/reports/resolution-rate?period=2025-Q1');
    expect(anonymous.status).toBe(401);
    const admin = await t
      .http()
      .get('/api/v1/reports/resolution-rate?period=2025-Q1')
      .set(await f.admin());
    expect(admin.status).toBe(200);
  });
});
