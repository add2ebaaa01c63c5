/**
 * The drill-down (下钻) of every figure on the demo data: the items it lists are the ones the
 * figure counted, as they were at its instant. For each figure and grouping, at the period's end
 * and as of now, the drill-down's totals equal the figure's own numbers, group by group.
 */
import { createTestApp, demoBearer, type TestApp } from './support/test-app';

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

  it('pages by keyset with the list’s filters, and writes the same items to csv', async () => {
    const seen: Item[] = [];
    let cursor: string | undefined;
    do {
      const page = await get<ItemsPage>('/api/v1/reports/resolution-rate/items', {
        period: '2025-Q1',
        limit: '50',
        ...(cursor ? { cursor } : {}),
      });
      expect(page.total).toBe(127);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen.map((i) => i.id)).size).toBe(127);

    const open = await get<ItemsPage>('/api/v1/reports/resolution-rate/items', {
      period: '2025-Q1',
      inNumerator: 'false',
      limit: '200',
    });
    expect([open.total, open.numerator, open.items.length]).toEqual([11, 0, 11]);
    const inProgress = await get<ItemsPage>('/api/v1/reports/resolution-rate/items', {
      period: '2025-Q1',
      status: 'in_progress',
      limit: '200',
    });
    expect(inProgress.items.every((i) => i.statusAsOf === 'in_progress')).toBe(true);
    expect(inProgress.total).toBe(open.items.filter((i) => i.statusAsOf === 'in_progress').length);
    const one = seen[0]!;
    const byCode = await get<ItemsPage>('/api/v1/reports/resolution-rate/items', { period: '2025-Q1', q: one.code });
    expect(byCode.items.map((i) => i.id)).toEqual([one.id]);

    const csv = await t
      .http()
      .get('/api/v1/reports/resolution-rate/items')
      .query({ period: '2025-Q1', format: 'csv' })
      .set('Authorization', auth);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toContain('116 / 127');
    expect(lines[1]).toContain('resolution-rate/v1');
    expect(lines.filter((line) => seen.some((i) => line.startsWith(`${i.code},`)))).toHaveLength(127);
  });

  it.each([
    ['/api/v1/reports/no-such-figure/items', { period: '2025-Q1' }, 'figure'],
    ['/api/v1/reports/resolution-rate/items', { period: '2025-Q9' }, 'period'],
    ['/api/v1/reports/resolution-rate/items', { period: '2025-Q1', groupBy: 'tier' }, 'groupBy'],
    ['/api/v1/reports/resolution-rate/items', { period: '2025-Q1', group: 'x' }, 'group'],
    ['/api/v1/reports/resolution-rate/items', { period: '2025-Q1', status: 'done' }, 'status'],
    ['/api/v1/reports/resolution-rate/items', { period: '2025-Q1', limit: '500' }, 'limit'],
    ['/api/v1/reports/resolution-rate/items', { period: '2025-Q1', cursor: 'abc' }, 'cursor'],
    ['/api/v1/reports/resolution-rate/items', { period: '2025-Q1', departmentId: 'x' }, 'departmentId'],
  ])('refuses %s %j with 400 naming %s', async (path, query, field) => {
    const res = await t.http().get(path).query(query).set('Authorization', auth);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  // One read of the figures per instant and grouping, checked against every figure's drill-down;
  // the groups' drill-downs are read at once (the service answers them side by side).
  for (const asOf of ['end', 'now'] as const) {
    for (const groupBy of [undefined, 'department', 'district', 'category', 'industry']) {
      it(`every problem figure${groupBy ? ` by ${groupBy}` : ''} as of ${asOf}: the drill-down's counts are the figure's`, async () => {
        const query: Record<string, string> = { period: '2025-Q1', ...(asOf === 'now' ? { asOf: 'now' } : {}) };
        const figures = await get<
          Record<string, Record<string, number>> & { asOf: string; items: Record<string, string>; groups?: Group[] }
        >('/api/v1/reports/figures', { ...query, ...(groupBy ? { groupBy } : {}) });
        for (const [figure, [name, numerator, denominator]] of Object.entries(PROBLEM_FIGURES)) {
          // The figure names its drill-down, at the instant it was taken (as of now too).
          const link = new URL(figures.items[name]!, 'http://x');
          expect(link.pathname).toBe(`/reports/${figure}/items`);
          const at = Object.fromEntries(link.searchParams);
          expect(at.asOf).toBe(figures.asOf);
          const total = await get<ItemsPage>(`/api/v1/reports/${figure}/items`, { ...at, limit: '1' });
          expect([figure, total.numerator, total.total]).toEqual([
            figure,
            figures[name]![numerator],
            figures[name]![denominator],
          ]);
          expect(total.total).toBeGreaterThan(0);
          const groups = figures.groups ?? [];
          const pages = await Promise.all(
            groups.map((group) =>
              get<ItemsPage>(`/api/v1/reports/${figure}/items`, {
                ...at,
                groupBy: groupBy!,
                group: group.key ?? 'none',
                limit: '1',
              }),
            ),
          );
          groups.forEach((group, index) => {
            const counts = group[name] as Record<string, number>;
            expect([figure, group.key, pages[index]!.numerator, pages[index]!.total]).toEqual([
              figure,
              group.key,
              counts[numerator],
              counts[denominator],
            ]);
          });
        }
      });
    }
  }
});
