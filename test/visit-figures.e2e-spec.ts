import { Factory, TestUser } from './factories';
import { instant } from './factories/more';
import { createTestApp, TestApp } from './support/test-app';

/**
 * GET /reports/visits: the visit figures of a period as of an instant (docs/domain.md, "Visit
 * figures"). Enterprises and visits go through the API; responsibilities, amendments and
 * withdrawals are written the way their own routes write them (a row per responsibility, a new
 * revision per amendment, withdrawn_at on withdrawal), straight into the tables.
 *
 * Everything is dated relative to now (N). The period P is [N − 60 d, N + 1 d).
 * - E1 (肃州区, key, 30 days): O1 answers for it since N − 50 d; visited by O1 at N − 40 d (one
 *   problem, policies 稳岗返还 and 留抵退税) and at N − 15 d (稳岗返还). Gaps 10, 25, 15 days: on schedule.
 * - E2 (肃州区, other, 90 days): O1 since N − 10 d, never visited: 10 days, on schedule.
 * - E3 (玉门市, above designated size, 60 days): O2 since N − 100 d, never visited: due at
 *   N − 40 d, so overdue during P.
 * - E4 (肃州区, other): nobody answers for it; O2 visited it at N − 3 d (稳岗返还).
 * So: visits 3, under responsibility 3, visited 1 (E1), coverage 33.3 %, reached 2 (E1, E4),
 * on schedule 2 of 3 (66.7 %), problems per visit 1 / 3 = 0.3.
 */

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe('visit figures (GET /reports/visits)', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let o1: TestUser;
  let o2: TestUser;
  const e: Record<'e1' | 'e2' | 'e3' | 'e4', { id: string; name: string }> = {} as never;
  const v: Record<'v1' | 'v2' | 'v3', string> = {} as never;
  let period: { from: string; to: string };

  const figures = (query: Record<string, string>, as: TestUser = manager) =>
    t
      .http()
      .get('/api/v1/reports/visits')
      .query({ ...period, ...query })
      .set(as.auth);

  async function responsibility(enterpriseId: string, userId: string, startsDaysAgo: number): Promise<string> {
    const [row] = await t.db.query(
      `INSERT INTO responsibilities (enterprise_id, user_id, kind, starts_at, recorded_by)
       VALUES ($1, $2, 'official', $3, $4) RETURNING id`,
      [enterpriseId, userId, ago(startsDaysAgo), manager.id],
    );
    return row.id;
  }

  async function visit(as: TestUser, enterpriseId: string, daysAgo: number, policies: string[], problems = 0) {
    const res = await t
      .http()
      .post('/api/v1/visits')
      .set(as.auth)
      .send({
        enterpriseId,
        visitedAt: ago(daysAgo),
        purpose: '走访',
        policiesPromoted: policies,
        problems: Array.from({ length: problems }, (_, i) => ({
          title: `走访发现问题${i}`,
          category: 'factor_supply',
        })),
      })
      .expect(201);
    return res.body.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    manager = await f.user('manager');
    o1 = await f.user('official');
    o2 = await f.user('official');
    period = { from: ago(60), to: new Date(Date.now() + DAY).toISOString() };
    e.e1 = await f.enterprise(manager, { district: 'suzhou', isKey: true });
    e.e2 = await f.enterprise(manager, { district: 'suzhou' });
    e.e3 = await f.enterprise(manager, { district: 'yumen', isAboveScale: true });
    e.e4 = await f.enterprise(manager, { district: 'suzhou' });
    await responsibility(e.e1.id, o1.id, 50);
    await responsibility(e.e2.id, o1.id, 10);
    await responsibility(e.e3.id, o2.id, 100);
    v.v1 = await visit(o1, e.e1.id, 40, ['稳岗返还', '留抵退税'], 1);
    v.v2 = await visit(o1, e.e1.id, 15, ['稳岗返还']);
    v.v3 = await visit(o2, e.e4.id, 3, ['稳岗返还']);
  });

  afterAll(() => t.close());

  it('counts visits, coverage, the on-schedule rate, problems per visit and policies, each with its parts', async () => {
    const res = await figures({ asOf: await instant() }).expect(200);
    expect(res.body).toMatchObject({
      visits: 3,
      enterprisesResponsible: 3,
      enterprisesVisited: 1,
      coverageRatePercent: 33.3,
      enterprisesReached: 2,
      onScheduleRate: { onSchedule: 2, responsible: 3, ratePercent: 66.7 },
      problemsPerVisit: { problems: 1, visits: 3, value: 0.3 },
      policiesPromoted: [
        { policy: '稳岗返还', visits: 3 },
        { policy: '留抵退税', visits: 1 },
      ],
    });
    expect(res.body.groups).toBeUndefined();
    // The coverage rate names the definition it was computed under.
    expect(res.body.definitions).toEqual({ coverageRate: 'visit-coverage-rate/v1' });

    // GET /reports/figures carries the same visit figures beside the problem figures.
    const all = await t
      .http()
      .get('/api/v1/reports/figures')
      .query({ ...period, asOf: res.body.asOf })
      .set(manager.auth);
    expect(all.status).toBe(200);
    const { period: _period, asOf: _asOf, definitions: _definitions, ...visitFigures } = res.body;
    expect(all.body.visits).toEqual(visitFigures);
    expect(all.body.resolutionRate).toEqual({ recorded: 1, resolved: 0, ratePercent: 0 });
  });

  it('groups by district, by official and by tier', async () => {
    const asOf = await instant();
    const district = (await figures({ asOf, groupBy: 'district' }).expect(200)).body;
    expect(district.groupBy).toBe('district');
    const suzhou = district.groups.find((g: { key: string }) => g.key === 'suzhou');
    const yumen = district.groups.find((g: { key: string }) => g.key === 'yumen');
    expect(suzhou).toMatchObject({
      label: '肃州区',
      visits: 3,
      enterprisesResponsible: 2,
      enterprisesVisited: 1,
      coverageRatePercent: 50,
      onScheduleRate: { onSchedule: 2, responsible: 2, ratePercent: 100 },
    });
    expect(yumen).toMatchObject({
      label: '玉门市',
      visits: 0,
      enterprisesResponsible: 1,
      enterprisesVisited: 0,
      coverageRatePercent: 0,
      onScheduleRate: { onSchedule: 0, responsible: 1, ratePercent: 0 },
      policiesPromoted: [],
    });
    // Every district is listed, also those with nothing in the period.
    const empty = district.groups.find((g: { key: string }) => g.key === 'dunhuang');
    expect(empty).toMatchObject({ visits: 0, enterprisesResponsible: 0, coverageRatePercent: null });

    const official = (await figures({ asOf, groupBy: 'official' }).expect(200)).body;
    expect(official.groups).toHaveLength(2);
    expect(official.groups.find((g: { key: string }) => g.key === o1.id)).toMatchObject({
      label: `official ${o1.username}`,
      visits: 2,
      enterprisesResponsible: 2,
      enterprisesVisited: 1,
      coverageRatePercent: 50,
      problemsPerVisit: { problems: 1, visits: 2, value: 0.5 },
    });
    expect(official.groups.find((g: { key: string }) => g.key === o2.id)).toMatchObject({
      visits: 1,
      enterprisesReached: 1,
      enterprisesResponsible: 1,
      enterprisesVisited: 0,
      coverageRatePercent: 0,
      policiesPromoted: [{ policy: '稳岗返还', visits: 1 }],
    });

    const tier = (await figures({ asOf, groupBy: 'tier' }).expect(200)).body;
    expect(tier.groups.map((g: { key: string; label: string }) => [g.key, g.label])).toEqual([
      ['key', '重点企业'],
      ['above_scale', '规上企业'],
      ['other', '一般企业'],
    ]);
    const [key, aboveScale, other] = tier.groups;
    expect(key).toMatchObject({
      visits: 2,
      enterprisesResponsible: 1,
      enterprisesVisited: 1,
      coverageRatePercent: 100,
    });
    expect(aboveScale).toMatchObject({ visits: 0, enterprisesResponsible: 1, onScheduleRate: { onSchedule: 0 } });
    expect(other).toMatchObject({ visits: 1, enterprisesResponsible: 1, enterprisesVisited: 0, enterprisesReached: 1 });
  });

  it('keeps the figure as of T when responsibilities move, visits are amended or withdrawn after T', async () => {
    const t0 = await instant();
    const before = (await figures({ asOf: t0, groupBy: 'district' }).expect(200)).body;

    // After T0: E3's responsibility is ended back before the period (recorded now), and O2 takes
    // on E4 from 20 days ago (recorded now).
    await t.db.query(
      `UPDATE responsibilities SET ends_at = $2, ended_recorded_at = now(), ended_by = $3, end_reason = '录入错误'
       WHERE enterprise_id = $1`,
      [e.e3.id, ago(70), manager.id],
    );
    await responsibility(e.e4.id, o2.id, 20);
    const t1 = await instant();
    const moved = (await figures({ asOf: t1 }).expect(200)).body;
    // E1, E2, E4 under responsibility; E1 and E4 visited.
    expect(moved).toMatchObject({ enterprisesResponsible: 3, enterprisesVisited: 2, coverageRatePercent: 66.7 });
    expect((await figures({ asOf: t0, groupBy: 'district' }).expect(200)).body).toEqual(before);

    // V2 amended after T1: its date moves before the period. It counts as of T1, not as of now.
    await t.db.query(
      `INSERT INTO visit_revisions (visit_id, revision, visited_at, purpose, policies_promoted, official_ids, reason, recorded_by)
       VALUES ($1, 2, $2, '走访', '{稳岗返还}', ARRAY[$3::uuid], '日期录错', $3)`,
      [v.v2, ago(70), o1.id],
    );
    await t.db.query(`UPDATE visits SET visited_at = $2, revision = 2 WHERE id = $1`, [v.v2, ago(70)]);
    const t2 = await instant();
    expect((await figures({ asOf: t1 }).expect(200)).body).toEqual(moved);
    const amended = (await figures({ asOf: t2 }).expect(200)).body;
    expect(amended).toMatchObject({ visits: 2, enterprisesVisited: 2 });
    expect(amended.policiesPromoted).toEqual([
      { policy: '稳岗返还', visits: 2 },
      { policy: '留抵退税', visits: 1 },
    ]);

    // V1 withdrawn after T2: it counts up to its withdrawal and not from it; its problem goes with it.
    await t.db.query(
      `UPDATE visits SET withdrawn_at = now(), withdrawn_by = $2, withdraw_reason = '重复录入' WHERE id = $1`,
      [v.v1, manager.id],
    );
    expect((await figures({ asOf: t2 }).expect(200)).body).toEqual(amended);
    const withdrawn = (await figures({ asOf: 'now' }).expect(200)).body;
    expect(withdrawn).toMatchObject({
      visits: 1,
      enterprisesResponsible: 3,
      enterprisesVisited: 1,
      coverageRatePercent: 33.3,
      problemsPerVisit: { problems: 0, visits: 1, value: 0 },
      policiesPromoted: [{ policy: '稳岗返还', visits: 1 }],
    });

    // And T0 still reads as it did.
    expect((await figures({ asOf: t0, groupBy: 'district' }).expect(200)).body).toEqual(before);
  });

  it('takes a period by its label, as of its end by default', async () => {
    const res = await t.http().get('/api/v1/reports/visits').query({ period: '2025-Q1' }).set(manager.auth).expect(200);
    expect(res.body).toMatchObject({
      period: { label: '2025-Q1' },
      asOf: '2025-04-01T00:00:00.000+08:00',
      visits: 0,
      enterprisesResponsible: 0,
      coverageRatePercent: null,
      onScheduleRate: { ratePercent: null },
      problemsPerVisit: { value: null },
    });
  });

  it('answers 400 naming the field for a bad query', async () => {
    const field = async (query: Record<string, string>) => {
      const res = await t.http().get('/api/v1/reports/visits').query(query).set(manager.auth).expect(400);
      return res.body.errors.map((error: { field: string }) => error.field);
    };
    expect(await field({ period: '2025-Q5' })).toEqual(['period']);
    expect(await field({ period: '2025-Q1', groupBy: 'department' })).toEqual(['groupBy']);
    expect(await field({ period: '2025-Q1', asOf: 'yesterday' })).toEqual(['asOf']);
    expect(await field({ from: '2025-01-01' })).toEqual(['to']);
    expect(await field({ period: '2025-Q1', colour: 'red' })).toEqual(['colour']);
  });

  it('is for managers and admins only', async () => {
    await figures({}, o1).expect(403);
    await t.http().get('/api/v1/reports/visits').query({ period: '2025-Q1' }).expect(401);
  });
});
