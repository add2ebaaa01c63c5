/**
 * The drill-down (下钻) of the outreach, project and assisting-department figures on the demo data:
 * for each figure and grouping, at the period's end and as of now, the drill-down's totals equal
 * the figure's own numbers, in total and group by group; and an item is listed as it was at the
 * figure's instant, not as it is now.
 */
import { createTestApp, demoBearer, type TestApp } from './support/test-app';

interface Item {
  id: string;
  itemKey: string;
  code: string;
  title: string;
  inNumerator: boolean;
  countedAt: string | null;
  groupKey: string | null;
  reason: string;
  reasonCode: string;
}

interface ItemsPage {
  total: number;
  numerator: number;
  asOf: string;
  definition: { id: string };
  items: Item[];
  nextCursor: string | null;
}

type Report = Record<string, unknown> & { asOf: string; groups?: (Record<string, unknown> & { key: string | null })[] };

/**
 * Each figure: its period in the demo data, its report, and where that report (and each of its
 * groups) gives the numerator and the denominator.
 */
const FIGURES = {
  'visit-coverage-rate': {
    definition: 'coverageRate',
    period: '2025-Q1',
    path: '/api/v1/reports/visits',
    groupBys: ['district', 'official', 'tier'],
    counts: (r: Record<string, unknown>) => [r.enterprisesVisited, r.enterprisesResponsible],
  },
  'project-start-rate': {
    definition: 'startRate',
    period: '2025-Q1',
    path: '/api/v1/reports/projects',
    groupBys: ['district', 'industry', 'department'],
    counts: (r: Record<string, unknown>) => [r.started, r.planned],
  },
  'assist-on-time-rate': {
    definition: 'onTimeRate',
    period: '2025-Q2',
    path: '/api/v1/reports/assists',
    groupBys: ['department'],
    counts: (r: Record<string, unknown>) => [r.doneOnTime, r.done],
  },
} as const;

describe('the drill-down of the outreach, project and assisting figures (demo data)', () => {
  let t: TestApp;
  let auth: string;

  beforeAll(async () => {
    t = await createTestApp({ ADMIN_USERNAME: '', ADMIN_PASSWORD: '', WARNING_SCAN_INTERVAL_SECONDS: '0' }, 'demo');
    auth = await demoBearer(t);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const get = async <T>(path: string, query: Record<string, string>): Promise<T> => {
    const res = await t.http().get(path).query(query).set('Authorization', auth);
    expect(res.status).toBe(200);
    return res.body as T;
  };

  /** Every item of a drill-down, page by page. */
  const every = async (figure: string, query: Record<string, string>) => {
    const items: Item[] = [];
    let page = await get<ItemsPage>(`/api/v1/reports/${figure}/items`, { ...query, limit: '100' });
    const first = page;
    items.push(...page.items);
    while (page.nextCursor) {
      page = await get<ItemsPage>(`/api/v1/reports/${figure}/items`, {
        ...query,
        limit: '100',
        cursor: page.nextCursor,
      });
      items.push(...page.items);
    }
    return { first, items };
  };

  for (const asOf of ['end', 'now'] as const) {
    for (const [figure, spec] of Object.entries(FIGURES)) {
      for (const groupBy of [undefined, ...spec.groupBys]) {
        it(`${figure}${groupBy ? ` by ${groupBy}` : ''} as of ${asOf}: the drill-down's counts are the figure's`, async () => {
          const query: Record<string, string> = { period: spec.period, ...(asOf === 'now' ? { asOf: 'now' } : {}) };
          const report = await get<Report>(spec.path, { ...query, ...(groupBy ? { groupBy } : {}) });
          // As of now, the drill-down is taken at the instant the figure was.
          const at = { ...query, asOf: report.asOf };
          const total = await get<ItemsPage>(`/api/v1/reports/${figure}/items`, { ...at, limit: '1' });
          expect(total.definition.id).toBe(`${figure}/v1`);
          // The report names the definition its figure was computed under: the drill-down's.
          expect(report.definitions).toEqual({ [spec.definition]: total.definition.id });
          expect([total.numerator, total.total]).toEqual(spec.counts(report));
          expect(total.total).toBeGreaterThan(0);
          if (!groupBy) return;
          expect(report.groups?.length).toBeGreaterThan(0);
          for (const group of report.groups ?? []) {
            const page = await get<ItemsPage>(`/api/v1/reports/${figure}/items`, {
              ...at,
              groupBy,
              group: group.key ?? 'none',
              limit: '1',
            });
            expect([group.key, page.numerator, page.total]).toEqual([group.key, ...spec.counts(group)]);
          }
        });
      }
    }
  }

  it('lists every item once, and every enterprise once per official answering for it', async () => {
    for (const [figure, spec] of Object.entries(FIGURES)) {
      for (const groupBy of [undefined, ...spec.groupBys]) {
        const { first, items } = await every(figure, { period: spec.period, ...(groupBy ? { groupBy } : {}) });
        expect(items).toHaveLength(first.total);
        expect(new Set(items.map((i) => i.itemKey)).size).toBe(first.total);
        expect(items.filter((i) => i.inNumerator)).toHaveLength(first.numerator);
      }
    }
  });

  it('gives every item of each figure as a csv file naming the definition, and filters by district', async () => {
    for (const [figure, spec] of Object.entries(FIGURES)) {
      const { first, items } = await every(figure, { period: spec.period });
      const res = await t
        .http()
        .get(`/api/v1/reports/${figure}/items`)
        .query({ period: spec.period, format: 'csv' })
        .set('Authorization', auth);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      expect(res.text).toContain(first.definition.id);
      for (const item of items.slice(0, 5)) expect(res.text).toContain(item.code);
      // The district filter reads the enterprise's (or the project's) district: for the figures
      // grouped by district, it gives that group.
      const district = await get<ItemsPage>(`/api/v1/reports/${figure}/items`, {
        period: spec.period,
        district: 'suzhou',
        limit: '1',
      });
      expect(district.total).toBeLessThan(first.total);
      if ((spec.groupBys as readonly string[]).includes('district')) {
        const group = await get<ItemsPage>(`/api/v1/reports/${figure}/items`, {
          period: spec.period,
          groupBy: 'district',
          group: 'suzhou',
          limit: '1',
        });
        expect([district.total, district.numerator]).toEqual([group.total, group.numerator]);
        expect(district.total).toBeGreaterThan(0);
      }
    }
  });

  /** The items at the period's end and at an instant T inside it. */
  const endAndMid = async (figure: keyof typeof FIGURES, mid: string) => {
    const period = FIGURES[figure].period;
    const atEnd = await every(figure, { period });
    const atMid = await every(figure, { period, asOf: mid });
    return { atEnd: atEnd.items, atMid: atMid.items, midAsOf: atMid.first.asOf };
  };

  it('lists an enterprise first visited after T as not visited as of T', async () => {
    const { atEnd, atMid, midAsOf } = await endAndMid('visit-coverage-rate', '2025-02-15T00:00:00+08:00');
    const t0 = new Date(midAsOf).getTime();
    for (const item of atMid) {
      expect(item.reasonCode).toBe(item.inNumerator ? 'visited' : 'not_visited');
      if (item.inNumerator) {
        expect(new Date(item.countedAt!).getTime()).toBeLessThan(t0);
        expect(item.reason).toMatch(/^2025-0[12]-\d\d 走访/);
      } else {
        expect(item.reason).toBe('期内未走访');
        expect(item.countedAt).toBeNull();
      }
    }
    const visitedLater = atEnd.filter((i) => i.inNumerator && new Date(i.countedAt!).getTime() >= t0);
    expect(visitedLater.length).toBeGreaterThan(0);
    for (const item of visitedLater) {
      const then = atMid.find((i) => i.itemKey === item.itemKey);
      // Under responsibility already at T: listed, not visited yet.
      if (then) expect([then.inNumerator, then.reasonCode]).toEqual([false, 'not_visited']);
    }
    expect(visitedLater.some((i) => atMid.some((m) => m.itemKey === i.itemKey))).toBe(true);
  });

  it('lists a project started after T as not started as of T', async () => {
    const { atEnd, atMid, midAsOf } = await endAndMid('project-start-rate', '2025-02-15T00:00:00+08:00');
    const t0 = new Date(midAsOf).getTime();
    expect(atEnd.filter((i) => i.inNumerator)).toHaveLength(66);
    for (const item of atMid.filter((i) => i.inNumerator)) {
      expect(item.reasonCode).toBe('started');
      expect(new Date(item.countedAt!).getTime()).toBeLessThan(t0);
    }
    const startedLater = atEnd.filter((i) => i.inNumerator && new Date(i.countedAt!).getTime() >= t0);
    expect(startedLater.length).toBeGreaterThan(0);
    for (const item of startedLater) {
      const then = atMid.find((i) => i.itemKey === item.itemKey);
      if (then) {
        expect([then.inNumerator, then.reasonCode, then.countedAt]).toEqual([false, 'not_started', null]);
        expect(then.reason).toMatch(/^截至统计时点未开工/);
      }
    }
    const now = await t.db.query<{ code: string }[]>(
      `SELECT code FROM projects WHERE id = ANY($1::uuid[]) AND stage IN ('started', 'completed', 'in_production')`,
      [startedLater.map((i) => i.id)],
    );
    expect(now.length).toBe(startedLater.length);
  });

  it('leaves out an assisting part done after T, and judges each part by its deadline', async () => {
    const period = FIGURES['assist-on-time-rate'].period;
    const { items: atEnd } = await every('assist-on-time-rate', { period });
    expect(atEnd.length).toBeGreaterThan(0);
    // T: the instant the last of them was done; as of T only the events before it count.
    const last = atEnd.reduce((a, b) => (a.countedAt! >= b.countedAt! ? a : b));
    const mid = await every('assist-on-time-rate', { period, asOf: last.countedAt! });
    const t0 = new Date(mid.first.asOf).getTime();
    expect(t0).toBe(new Date(last.countedAt!).getTime());
    for (const item of mid.items) expect(new Date(item.countedAt!).getTime()).toBeLessThan(t0);
    const doneLater = atEnd.filter((i) => new Date(i.countedAt!).getTime() >= t0);
    expect(doneLater.length).toBeGreaterThan(0);
    for (const item of doneLater) expect(mid.items.some((i) => i.itemKey === item.itemKey)).toBe(false);
    expect(mid.items).toHaveLength(atEnd.length - doneLater.length);
    for (const item of atEnd) {
      expect(item.reasonCode).toBe(item.inNumerator ? 'done_on_time' : 'done_late');
      expect(item.reason).toMatch(/完成协办，(不晚于时限|超过时限|未设时限)/);
      // The item is the problem; its key names the part: the assignment that gave it and the department.
      expect(item.itemKey.split(':')).toHaveLength(2);
    }
  });
});
