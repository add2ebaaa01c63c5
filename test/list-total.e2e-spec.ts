import { Factory, inDays, TestUser } from './factories';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The resolution list's total (`withTotal=true`) and its sort by working days overdue: the count
 * is the whole walk's on every page and follows the filters and the caller's visibility; the
 * overdue sort pages through every row once, the most overdue first (or last).
 */
describe('lists: the total and the sort by working days overdue', () => {
  let t: TestApp;
  let manager: TestUser;
  let handler: TestUser;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const f = new Factory(t);
    const official = await f.user('official');
    manager = await f.user('manager');
    const department = await f.department();
    handler = await f.user('handler', department.id);
    const enterprise = await f.enterprise(official);
    for (let i = 0; i < 9; i += 1) {
      const p = await f.problem(official, enterprise.id, { title: `超期排序${i}` });
      ids.push(p.id);
    }
    // Five assigned to the department; deadlines then moved into the past by 0, 3, 10, 25 and 40
    // days (the first is due in the future), so their working days overdue differ.
    for (const id of ids.slice(0, 5)) {
      await f.act(manager, id, 'assign', { departmentId: department.id, dueAt: inDays(3) }, 1);
    }
    for (const [i, days] of [3, 10, 25, 40].entries()) {
      await t.db.query(`UPDATE problems SET due_at = now() - make_interval(days => $2) WHERE id = $1`, [
        ids[i + 1],
        days,
      ]);
    }
  });

  afterAll(() => t.close());

  type Item = { id: string; daysOverdue: number };
  type Body = { items: Item[]; nextCursor: string | null; total?: number };

  async function walk(user: TestUser, query: string, limit: number): Promise<{ items: Item[]; totals: number[] }> {
    const items: Item[] = [];
    const totals: number[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const res: { body: Body } = await t
        .http()
        .get(`/api/v1/problems?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        .set(user.auth)
        .expect(200);
      items.push(...res.body.items);
      if (res.body.total !== undefined) totals.push(res.body.total);
      cursor = res.body.nextCursor;
      if (!cursor) return { items, totals };
    }
    throw new Error('more pages than rows');
  }

  it('answers the total on every page only when asked, the same on each page', async () => {
    const plain = await t.http().get('/api/v1/problems?limit=2').set(manager.auth).expect(200);
    expect(plain.body).not.toHaveProperty('total');
    expect(Object.keys(plain.body).sort()).toEqual(['items', 'nextCursor']);

    const { items, totals } = await walk(manager, 'withTotal=true', 2);
    expect(items).toHaveLength(9);
    expect(totals).toEqual([9, 9, 9, 9, 9]);
  });

  it('counts what the filters and the caller’s visibility leave', async () => {
    const total = async (user: TestUser, query: string) =>
      ((await t.http().get(`/api/v1/problems?withTotal=true&limit=1&${query}`).set(user.auth).expect(200)).body as Body)
        .total;
    expect(await total(manager, 'overdue=true')).toBe(4);
    expect(await total(manager, 'status=reported')).toBe(4);
    expect(await total(manager, `q=${encodeURIComponent('超期排序3')}`)).toBe(1);
    expect(await total(handler, '')).toBe(5);
    expect(await total(manager, 'status=closed')).toBe(0);
  });

  it('refuses a withTotal that is not true or false, naming the field', async () => {
    const res = await t.http().get('/api/v1/problems?withTotal=yes').set(manager.auth).expect(400);
    expect(res.body.errors[0].field).toBe('withTotal');
  });

  it.each(['-daysOverdue', 'daysOverdue'])('sorts by working days overdue (%s), every row once', async (sort) => {
    const all = (await walk(manager, `sort=${sort}`, 100)).items;
    expect(all.map((p) => p.id).sort()).toEqual([...ids].sort());
    const days = all.map((p) => p.daysOverdue);
    const ordered = [...days].sort((a, b) => (sort.startsWith('-') ? b - a : a - b));
    expect(days).toEqual(ordered);
    // Four overdue problems, each further past its deadline than the last.
    expect(new Set(days.filter((d) => d > 0)).size).toBe(4);
    for (const limit of [1, 2, 4]) {
      expect((await walk(manager, `sort=${sort}`, limit)).items.map((p) => p.id)).toEqual(all.map((p) => p.id));
    }
  });
});
