/**
 * The demo data's key projects and production status, loaded as a start with DEMO_DATA=true loads
 * them, checked by plain SQL that follows the figures' definitions: the 2025 plan's 165 projects, 66
 * of them started as of the end of Q1 2025 (40.0 %), completed investment 8,350,000,000 yuan in Q1
 * 2025 against 7,740,000,000 in Q1 2024 (+7.9 %); enterprises idle and reduced now, resumptions in
 * past quarters; problems that hold up a project. And 127 / 116 / 91.3 % untouched.
 */
import { buildDemoData } from '../src/demo/demo-data';
import { beijing } from '../src/demo/demo-time';
import { createTestApp, demoBearer, type TestApp } from './support/test-app';

const Q1_2025_END = new Date(beijing(2025, 4, 1));
const Q1_2024_END = new Date(beijing(2024, 4, 1));

/** Half-up to one decimal, as every rate of the service. */
const percent = (numerator: number, denominator: number) => Math.round((numerator * 1000) / denominator) / 10;

describe('the demo data’s key projects and production status', () => {
  let t: TestApp;
  let now: Date;
  let loadSeconds: number;

  beforeAll(async () => {
    const started = Date.now();
    t = await createTestApp({
      ADMIN_USERNAME: '',
      ADMIN_PASSWORD: '',
      DEMO_DATA: 'true',
      WARNING_SCAN_INTERVAL_SECONDS: '0',
    });
    loadSeconds = (Date.now() - started) / 1000;
    now = new Date();
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => t.db.query(sql, params);

  /** The start rate's numerator and denominator for a plan, the period ending at `periodEnd`, as of `asOf`. */
  const startRate = async (planYear: number, periodEnd: Date, asOf: Date) => {
    const [row] = await query<{ planned: number; started: number }>(
      `SELECT count(*)::int AS planned,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM project_stage_events s
                WHERE s.project_id = p.id AND s.stage IN ('started', 'completed', 'in_production')
                  AND s.effective_at <= least($2::timestamptz, $3::timestamptz) AND s.recorded_at <= $3))::int AS started
       FROM projects p WHERE p.plan_year = $1 AND p.created_at <= $3`,
      [planYear, periodEnd, asOf],
    );
    return row!;
  };

  /** Completed investment in the months [from, to) as of `asOf`: each month's latest revision recorded by then. */
  const investment = async (from: string, to: string, asOf: Date): Promise<number> => {
    const [row] = await query<{ total: string }>(
      `SELECT coalesce(sum(amount_yuan), 0)::text AS total FROM (
         SELECT DISTINCT ON (project_id, month) amount_yuan FROM project_investments
         WHERE month >= $1::date AND month < $2::date AND recorded_at <= $3
         ORDER BY project_id, month, revision DESC) latest`,
      [from, to, asOf],
    );
    return Number(row!.total);
  };

  it('reports the demo load time', () => {
    // Printed so that a slower loader shows up in the test output; the bound is generous.
    console.log(`demo data with projects and production status loaded in ${loadSeconds.toFixed(1)} s`);
    expect(loadSeconds).toBeLessThan(60);
  });

  it('has 165 projects in the 2025 plan, 66 started as of the end of Q1 2025 (40.0 %), more as of now', async () => {
    const atQuarterEnd = await startRate(2025, Q1_2025_END, Q1_2025_END);
    expect(atQuarterEnd).toEqual({ planned: 165, started: 66 });
    expect(percent(atQuarterEnd.started, atQuarterEnd.planned)).toBe(40.0);
    // Two starts in the quarter's last days were recorded in April: as of now the same period counts them.
    const q1Now = await startRate(2025, Q1_2025_END, now);
    expect(q1Now.started).toBe(68);
    const yearNow = await startRate(2025, new Date(beijing(2026, 1, 1)), now);
    expect(yearNow.started).toBeGreaterThan(140);
    expect(yearNow.started).toBeLessThan(165);
    // The plans before and after are there too, the current year's included.
    const plans = await query<{ plan_year: number; n: number }>(
      `SELECT plan_year, count(*)::int AS n FROM projects GROUP BY plan_year ORDER BY plan_year`,
    );
    // (A year's plan is entered in the second half of January: before that, the last is the year before's.)
    const currentYear = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
    const years = plans.map((p) => p.plan_year);
    expect(years.slice(0, 2)).toEqual([2024, 2025]);
    expect(plans.map((p) => p.n)).toEqual([148, 165, ...plans.slice(2).map(() => 170)]);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2024 + i));
    expect(years[years.length - 1]).toBeGreaterThanOrEqual(Math.max(currentYear - 1, 2025));
    expect(years[years.length - 1]).toBeLessThanOrEqual(Math.max(currentYear, 2025));
  });

  it('has Q1 2025 investment 8,350,000,000 and Q1 2024 7,740,000,000 as of each quarter’s end and now (+7.9 %)', async () => {
    const q1of2025 = await investment('2025-01-01', '2025-04-01', Q1_2025_END);
    const q1of2024 = await investment('2024-01-01', '2024-04-01', Q1_2024_END);
    expect(q1of2025).toBe(8_350_000_000);
    expect(q1of2024).toBe(7_740_000_000);
    // The growth compares with the year before as of the same T: amendments kept that total too.
    expect(await investment('2024-01-01', '2024-04-01', Q1_2025_END)).toBe(7_740_000_000);
    expect(await investment('2025-01-01', '2025-04-01', now)).toBe(8_350_000_000);
    expect(await investment('2024-01-01', '2024-04-01', now)).toBe(7_740_000_000);
    expect(percent(q1of2025 - q1of2024, q1of2024)).toBe(7.9);
    // Months continue to the present, one entry per project and month and revision.
    const [latest] = await query<{ month: string }>(
      `SELECT to_char(max(month), 'YYYY-MM') AS month FROM project_investments`,
    );
    const lastMonth = new Date(now.getTime() + 8 * 3600_000 - 31 * 24 * 3600_000).toISOString().slice(0, 7);
    expect(latest!.month >= lastMonth).toBe(true);
  });

  it('keeps the original of every amended investment entry, with a reason on the amendment', async () => {
    const amended = await query<{ month: string; original: string; amended: string; reason: string }>(
      `SELECT to_char(a.month, 'YYYY-MM') AS month, o.amount_yuan::text AS original, a.amount_yuan::text AS amended, a.reason
       FROM project_investments a
       JOIN project_investments o ON o.project_id = a.project_id AND o.month = a.month AND o.revision = 1
       WHERE a.revision = 2 AND o.recorded_at < a.recorded_at`,
    );
    expect(amended.length).toBeGreaterThanOrEqual(5);
    expect(amended.every((a) => a.reason.length > 0 && a.original !== a.amended)).toBe(true);
    expect(amended.some((a) => a.month === '2025-02')).toBe(true);
    expect(amended.some((a) => a.month === '2024-02')).toBe(true);
    // Each month's first entry is made in that month's last days (so a quarter is complete at its end).
    const [late] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM project_investments
       WHERE revision = 1 AND (recorded_at AT TIME ZONE 'Asia/Shanghai')::date
                              NOT BETWEEN month + interval '1 month' - interval '8 days' AND month + interval '1 month' - interval '1 day'`,
    );
    expect(late!.n).toBe(0);
  });

  it('gives every project an owner of its district and industry, a department, a leader and its latest stage', async () => {
    const [odd] = await query<{ n: number; total: number }>(
      `SELECT count(*) FILTER (WHERE p.code !~ '^XM-\\d{4}-\\d{3}$'
                                 OR p.district_code <> e.district_code OR p.industry IS DISTINCT FROM e.industry
                                 OR p.department_id IS NULL OR p.leader_name IS NULL OR p.planned_start_date IS NULL
                                 OR p.planned_annual_investment_yuan > p.planned_total_investment_yuan
                                 OR p.stage <> coalesce((SELECT s.stage FROM project_stage_events s WHERE s.project_id = p.id
                                                         ORDER BY s.effective_at DESC, s.id DESC LIMIT 1), 'preparation')
                                 OR (p.kind = 'continuing' AND NOT EXISTS (
                                       SELECT 1 FROM project_stage_events s WHERE s.project_id = p.id AND s.stage = 'started'
                                         AND s.effective_at < make_date(p.plan_year, 1, 1))))::int AS n,
              count(*)::int AS total
       FROM projects p JOIN enterprises e ON e.id = p.owner_enterprise_id`,
    );
    expect(odd).toEqual({ n: 0, total: expect.any(Number) });
    const industries = await query<{ industry: string }>(`SELECT DISTINCT industry FROM projects ORDER BY industry`);
    expect(industries.map((i) => i.industry)).toEqual([
      'agri_processing',
      'coal_coking',
      'logistics',
      'new_energy_equipment',
      'petrochemicals',
      'renewable_power',
    ]);
    const stages = await query<{ stage: string; n: number }>(
      `SELECT stage, count(*)::int AS n FROM projects WHERE plan_year = 2025 GROUP BY stage`,
    );
    const count = (stage: string) => stages.find((s) => s.stage === stage)?.n ?? 0;
    expect(count('completed')).toBeGreaterThan(0);
    expect(count('in_production')).toBeGreaterThan(0);
    // Some projects are past their planned start and have not started.
    const [overdueStarts] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM projects WHERE stage = 'preparation' AND planned_start_date < $1::date`,
      [now],
    );
    expect(overdueStarts!.n).toBeGreaterThan(0);
  });

  it('has enterprises idle and reduced now, a couple idle for more than 30 days, with the latest event on the row', async () => {
    const [mismatch] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM enterprises e
       WHERE e.production_status <> coalesce((SELECT s.status FROM production_status_events s WHERE s.enterprise_id = e.id
                                              ORDER BY s.effective_at DESC, s.id DESC LIMIT 1), 'normal')
          OR (e.production_status <> 'normal' AND (e.production_status_since IS NULL OR e.production_status_since > $1))`,
      [now],
    );
    expect(mismatch!.n).toBe(0);
    const [now_] = await query<{ idle: number; reduced: number; idle_long: number; idle_with_open_problems: number }>(
      `SELECT count(*) FILTER (WHERE production_status = 'idle')::int AS idle,
              count(*) FILTER (WHERE production_status = 'reduced')::int AS reduced,
              count(*) FILTER (WHERE production_status = 'idle' AND production_status_since < $1::timestamptz - interval '30 days')::int
                AS idle_long,
              count(*) FILTER (WHERE production_status = 'idle' AND EXISTS (
                SELECT 1 FROM problems p WHERE p.enterprise_id = e.id AND p.status IN ('reported', 'assigned', 'in_progress')))::int
                AS idle_with_open_problems
       FROM enterprises e`,
      [now],
    );
    expect(now_!.idle).toBeGreaterThanOrEqual(3);
    expect(now_!.reduced).toBeGreaterThanOrEqual(2);
    expect(now_!.idle_long).toBeGreaterThanOrEqual(2);
    expect(now_!.idle_with_open_problems).toBeGreaterThanOrEqual(3);
    const [output] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM production_status_events WHERE output_value_yuan > 0`,
    );
    expect(output!.n).toBeGreaterThan(10);
  });

  it('has every status event recorded by the enterprise’s responsible official of the time, after it took effect', async () => {
    const [odd] = await query<{ n: number; total: number }>(
      `SELECT count(*) FILTER (WHERE s.recorded_at < s.effective_at OR s.recorded_at > $1 OR NOT EXISTS (
                SELECT 1 FROM responsibilities r
                WHERE r.enterprise_id = s.enterprise_id AND r.user_id = s.recorded_by AND r.kind = 'official'
                  AND r.starts_at <= s.recorded_at AND (r.ends_at IS NULL OR r.ends_at > s.recorded_at)))::int AS n,
              count(*)::int AS total
       FROM production_status_events s`,
      [now],
    );
    expect(odd!.n).toBe(0);
    expect(odd!.total).toBeGreaterThan(100);
  });

  it('has enterprises idle at the start of past quarters that resumed by their end, and some that did not', async () => {
    const quarters = await query<{ start: Date; idle: number; resumed: number }>(
      `WITH q AS (
         SELECT (d AT TIME ZONE 'Asia/Shanghai') AS start, ((d + interval '3 months') AT TIME ZONE 'Asia/Shanghai') AS stop
         FROM generate_series(timestamp '2024-01-01', timestamp '2025-10-01', interval '3 months') d),
       states AS (
         SELECT q.start,
                (SELECT s.status FROM production_status_events s WHERE s.enterprise_id = e.id
                   AND s.effective_at <= q.start AND s.recorded_at <= q.stop ORDER BY s.effective_at DESC, s.id DESC LIMIT 1) AS at_start,
                (SELECT s.status FROM production_status_events s WHERE s.enterprise_id = e.id
                   AND s.effective_at <= q.stop AND s.recorded_at <= q.stop ORDER BY s.effective_at DESC, s.id DESC LIMIT 1) AS at_end
         FROM q CROSS JOIN enterprises e)
       SELECT start, count(*) FILTER (WHERE at_start = 'idle')::int AS idle,
              count(*) FILTER (WHERE at_start = 'idle' AND at_end = 'normal')::int AS resumed
       FROM states GROUP BY start ORDER BY start`,
    );
    expect(quarters).toHaveLength(8);
    expect(quarters.filter((q) => q.resumed > 0).length).toBeGreaterThanOrEqual(3);
    const idle = quarters.reduce((sum, q) => sum + q.idle, 0);
    const resumed = quarters.reduce((sum, q) => sum + q.resumed, 0);
    expect(resumed).toBeLessThan(idle);
  });

  it('links problems of a project’s owner to the project, and a project is held up by an overdue open problem', async () => {
    const [links] = await query<{ linked: number; foreign: number; overdue_projects: number }>(
      `SELECT count(*)::int AS linked,
              count(*) FILTER (WHERE pr.owner_enterprise_id <> p.enterprise_id)::int AS foreign,
              count(DISTINCT p.project_id) FILTER (WHERE p.status IN ('assigned', 'in_progress') AND p.due_at < $1)::int
                AS overdue_projects
       FROM problems p JOIN projects pr ON pr.id = p.project_id`,
      [now],
    );
    expect(links!.linked).toBeGreaterThan(50);
    expect(links!.foreign).toBe(0);
    expect(links!.overdue_projects).toBeGreaterThanOrEqual(1);
    const categories = await query<{ category_code: string }>(
      `SELECT DISTINCT category_code FROM problems WHERE project_id IS NOT NULL ORDER BY category_code`,
    );
    expect(categories.map((c) => c.category_code)).toEqual(
      expect.arrayContaining(['approvals', 'factor_supply', 'financing']),
    );
  });

  it('still gives 2025-Q1 problems as published: 127 recorded, 116 resolved, 91.3 %', async () => {
    const res = await t
      .http()
      .get('/api/v1/reports/resolution-rate')
      .query({ period: '2025-Q1', asOf: Q1_2025_END.toISOString() })
      .set('Authorization', await demoBearer(t))
      .expect(200);
    expect(res.body).toMatchObject({ recorded: 127, resolved: 116, ratePercent: 91.3 });
  });

  it('builds the same projects and statuses from the same instant, and the same 2025 whatever the day of loading', () => {
    const at = beijing(2026, 11, 18, 15, 20);
    const a = buildDemoData(at);
    const b = buildDemoData(at);
    const projects = (d: typeof a) =>
      JSON.stringify(d.projects.projects.map((p) => ({ ...p, carriedFrom: p.carriedFrom?.code })));
    expect(projects(b)).toBe(projects(a));
    expect(JSON.stringify([...b.projects.problemProjects])).toBe(JSON.stringify([...a.projects.problemProjects]));
    expect(JSON.stringify(b.production.events)).toBe(JSON.stringify(a.production.events));
    const later = buildDemoData(at + 30 * 24 * 3600_000);
    const of2025 = (d: typeof a) =>
      JSON.stringify(
        d.projects.projects
          .filter((p) => p.planYear <= 2025)
          .map((p) => ({
            ...p,
            carriedFrom: p.carriedFrom?.code,
            stages: p.stages.filter((s) => s.recordedAt < beijing(2026, 1, 1)),
            investments: p.investments.filter((i) => i.recordedAt < beijing(2026, 1, 1)),
          })),
      );
    expect(of2025(later)).toBe(of2025(a));
    expect(JSON.stringify([...later.projects.problemProjects])).toBe(JSON.stringify([...a.projects.problemProjects]));
  });
});
