import { Factory, TestUser } from './factories';
import { createTestApp, TestApp } from './support/test-app';

/**
 * 1,000 problems that share only five reportedAt values (and few due dates and activity times),
 * walked page by page with every sort: each row must come exactly once, in the order the sort
 * promises, however the page boundaries fall among equal keys.
 */
describe('keyset pages over 1,000 problems with shared timestamps', () => {
  let t: TestApp;
  let manager: TestUser;
  const SORTS = [
    '-reportedAt',
    'reportedAt',
    'dueAt',
    '-dueAt',
    '-lastActivityAt',
    'lastActivityAt',
    '-daysOpen',
    'daysOpen',
  ];

  beforeAll(async () => {
    t = await createTestApp();
    const f = new Factory(t);
    manager = await f.user('manager');
    const official = await f.user('official');
    const enterprise = await f.enterprise(official);
    // Rows written in bulk: the list reads the problems table only. The timestamps carry
    // microseconds, which JavaScript dates would lose if a cursor went through them.
    await t.db.query(
      `INSERT INTO problems (code, enterprise_id, source, category_code, title, reported_at, status, created_by,
                             due_at, updated_at, resolved_at)
       SELECT 'JQ-2025-' || lpad(i::text, 4, '0'), $1, 'other', 'other', '批量问题 ' || i,
              '2025-03-01 09:00:00.123456+08'::timestamptz + (i % 5) * interval '1 day',
              CASE WHEN i % 3 = 0 THEN 'resolved' ELSE 'reported' END, $2,
              CASE WHEN i % 4 = 0 THEN NULL ELSE '2025-04-01 18:00:00.654321+08'::timestamptz + (i % 3) * interval '1 day' END,
              '2025-03-10 10:00:00.000001+08'::timestamptz + (i % 7) * interval '1 hour',
              CASE WHEN i % 3 = 0 THEN '2025-03-20 10:00:00.5+08'::timestamptz + (i % 2) * interval '1 day' END
       FROM generate_series(1, 1000) AS i`,
      [enterprise.id, official.id],
    );
  });

  afterAll(() => t.close());

  it.each(SORTS)('walks every row exactly once in order with sort=%s', async (sort) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page += 1) {
      const res: { body: { items: { id: string; reportedAt: string }[]; nextCursor: string | null } } = await t
        .http()
        .get(`/api/v1/problems?sort=${sort}&limit=37${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        .set(manager.auth)
        .expect(200);
      seen.push(...res.body.items.map((p) => p.id));
      cursor = res.body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(1000);
    expect(new Set(seen).size).toBe(1000);

    // The same order, computed by PostgreSQL in one statement.
    const expression: Record<string, string> = {
      reportedAt: 'reported_at',
      dueAt: `COALESCE(due_at, 'infinity')`,
      lastActivityAt: 'updated_at',
      daysOpen: `COALESCE(resolved_at, now()) - reported_at`,
    };
    const descending = sort.startsWith('-');
    const direction = descending ? 'DESC' : 'ASC';
    const column = expression[sort.replace('-', '')]!.replace('infinity', descending ? '-infinity' : 'infinity');
    const expected: { id: string }[] = await t.db.query(
      `SELECT id FROM problems ORDER BY ${column} ${direction}, id ${direction}`,
    );
    expect(seen).toEqual(expected.map((row) => row.id));
  });
});
