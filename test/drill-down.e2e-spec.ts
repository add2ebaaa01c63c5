/**
 * The drill-down (下钻) of every figure on the demo data: the items it lists are the ones the
 * figure counted, as they were at its instant. For each figure and grouping, at the period's end
 * and as of now, the drill-down's totals equal the figure's own numbers, group by group.
 */
import { createTestApp, type TestApp } from './support/test-app';

const DEMO_PASSWORD = 'Demo@2025';

interface Item {
  id: string;
  code: string;
  inNumerator: boolean;
  statusAsOf: string | null;
  departmentIdAsOf: string | null;
  countedAt: string | null;
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

interface Group {
  key: string | null;
  [figure: string]: unknown;
}

/** A figure of GET /reports/figures: where its numerator and denominator are. */
const PROBLEM_FIGURES = {
  'resolution-rate': ['resolutionRate', 'resolved', 'recorded'],
  'on-time-rate': ['onTimeRate', 'onTime', 'resolved'],
  'on-time-with-extension-rate': ['onTimeWithExtensionRate', 'onTimeWithExtension', 'resolved'],
  'satisfaction-rate': ['satisfactionRate', 'satisfied', 'verified'],
  'sign-for-rate': ['signForRate', 'timely', 'due'],
} as const;

describe('the drill-down of every figure (demo data)', () => {
  let t: TestApp;
  let auth: string;

  beforeAll(async () => {
    t = await createTestApp({ ADMIN_USERNAME: '', ADMIN_PASSWORD: '', WARNING_SCAN_INTERVAL_SECONDS: '0' }, 'demo');
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'manager', password: DEMO_PASSWORD })
      .expect(200);
    auth = `Bearer ${login.body.accessToken}`;
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
    let page = await get<ItemsPage>(`/api/v1/reports/${figure}/items`, { ...query, limit: '200' });
    items.push(...page.items);
    while (page.nextCursor) {
      page = await get<ItemsPage>(`/api/v1/reports/${figure}/items`, {
        ...query,
        limit: '200',
        cursor: page.nextCursor,
      });
      items.push(...page.items);
    }
    return { first: page, items };
  };

  it('lists the 127 problems of 2025-Q1, 116 resolved, each with its status as of 2025-04-01 00:00', async () => {
    const { first, items } = await every('resolution-rate', { period: '2025-Q1' });
    expect(first.definition.id).toBe('resolution-rate/v1');
    expect(first.asOf).toBe('2025-04-01T00:00:00.000+08:00');
    expect([first.total, first.numerator]).toEqual([127, 116]);
    expect(items).toHaveLength(127);
    expect(new Set(items.map((i) => i.id)).size).toBe(127);
    expect(items.filter((i) => i.inNumerator)).toHaveLength(116);
    for (const item of items) {
      expect(['resolved', 'closed'].includes(item.statusAsOf ?? '')).toBe(item.inNumerator);
      if (item.inNumerator) expect(item.countedAt! < '2025-03-31T16:00:00.000Z').toBe(true);
    }
    // Several of those open at the quarter's end were resolved later: the list shows them as they were.
    const now = await t.db.query<{ id: string; status: string }[]>(
      `SELECT id, status FROM problems WHERE id = ANY($1::uuid[])`,
      [items.filter((i) => !i.inNumerator).map((i) => i.id)],
    );
    const resolvedSince = now.filter((p) => ['resolved', 'closed'].includes(p.status));
    expect(resolvedSince.length).toBeGreaterThan(0);
    const one = items.find((i) => i.id === resolvedSince[0]!.id)!;
    expect(['reported', 'assigned', 'in_progress']).toContain(one.statusAsOf);
  });

  for (const asOf of ['end', 'now'] as const) {
    for (const [figure, [name, numerator, denominator]] of Object.entries(PROBLEM_FIGURES)) {
      for (const groupBy of [undefined, 'department', 'district', 'category', 'industry']) {
        it(`${figure}${groupBy ? ` by ${groupBy}` : ''} as of ${asOf}: the drill-down's counts are the figure's`, async () => {
          const query: Record<string, string> = { period: '2025-Q1', ...(asOf === 'now' ? { asOf: 'now' } : {}) };
          const figures = await get<
            Record<string, Record<string, number>> & { asOf: string; items: Record<string, string>; groups?: Group[] }
          >('/api/v1/reports/figures', { ...query, ...(groupBy ? { groupBy } : {}) });
          // The figure names its drill-down, at the instant it was taken (as of now too).
          const link = new URL(figures.items[name]!, 'http://x');
          expect(link.pathname).toBe(`/reports/${figure}/items`);
          const at = Object.fromEntries(link.searchParams);
          expect(at.asOf).toBe(figures.asOf);
          const total = await get<ItemsPage>(`/api/v1/reports/${figure}/items`, { ...at, limit: '1' });
          expect([total.numerator, total.total]).toEqual([figures[name]![numerator], figures[name]![denominator]]);
          expect(total.total).toBeGreaterThan(0);
          for (const group of figures.groups ?? []) {
            const counts = group[name] as Record<string, number>;
            const page = await get<ItemsPage>(`/api/v1/reports/${figure}/items`, {
              ...at,
              groupBy: groupBy!,
              group: group.key ?? 'none',
              limit: '1',
            });
            expect([group.key, page.numerator, page.total]).toEqual([
              group.key,
              counts[numerator],
              counts[denominator],
            ]);
          }
        });
      }
    }
  }
});
