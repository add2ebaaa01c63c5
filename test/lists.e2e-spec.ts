import { Factory, inDays, TestUser } from './factories';
import { createTestApp, TestApp } from './support/test-app';

describe('lists: filters and keyset pages', () => {
  let t: TestApp;
  let f: Factory;
  let official: TestUser;
  let manager: TestUser;
  let department: { id: string };
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    official = await f.user('official');
    manager = await f.user('manager');
    department = await f.department();
    const enterprise = await f.enterprise(official, { name: '酒泉瓜州风电装备有限公司', district: 'guazhou' });
    const other = await f.enterprise(official, { name: '敦煌文旅发展有限公司', district: 'dunhuang' });
    // Seven problems, two of them reported at the very same instant (the cursor must tell them apart).
    const instants = [
      '2025-03-01T09:00:00+08:00',
      '2025-03-02T09:00:00+08:00',
      '2025-03-02T09:00:00+08:00',
      '2025-03-03T09:00:00.123456+08:00',
      '2025-03-04T09:00:00+08:00',
      '2025-03-05T09:00:00+08:00',
      '2025-03-06T09:00:00+08:00',
    ];
    for (const [i, reportedAt] of instants.entries()) {
      const p = await f.problem(official, i < 5 ? enterprise.id : other.id, {
        reportedAt,
        title: i === 2 ? '光伏组件运输车辆限行' : `问题${i}`,
        category: i % 2 ? 'financing' : 'factor_supply',
      });
      ids.push(p.id);
    }
    await f.act(manager, ids[0]!, 'assign', { departmentId: department.id, dueAt: inDays(3) }, 1);
    await f.act(manager, ids[1]!, 'escalate', { note: '督办' }, 1);
  });

  afterAll(() => t.close());

  async function walk(query: string, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await t
        .http()
        .get(`/api/v1/problems?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        .set(manager.auth)
        .expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...res.body.items.map((p) => p.id));
      cursor = res.body.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error('more pages than rows');
  }

  it.each(['-reportedAt', 'reportedAt', 'dueAt', '-dueAt', '-lastActivityAt', '-daysOpen', 'daysOpen'])(
    'pages through every problem once, in order, sorted by %s',
    async (sort) => {
      const all = await walk(`sort=${sort}`, 100);
      expect([...all].sort()).toEqual([...ids].sort());
      for (const limit of [1, 2, 3]) expect(await walk(`sort=${sort}`, limit)).toEqual(all);
    },
  );

  it('lists newest first by default, and sorts the same instant by id', async () => {
    const all = await walk('sort=-reportedAt', 100);
    expect(all[0]).toBe(ids[6]);
    expect(all[all.length - 1]).toBe(ids[0]);
    expect(all.indexOf(ids[1]!)).toBe(all.indexOf(ids[2]!) + (ids[1]! < ids[2]! ? 1 : -1));
  });

  it('filters by status, department, district, category, escalation, dates and text (Chinese too)', async () => {
    const list = async (query: string) =>
      (await t.http().get(`/api/v1/problems?${query}`).set(manager.auth).expect(200)).body.items.map(
        (p: { id: string }) => p.id,
      );
    expect(await list('status=assigned')).toEqual([ids[0]]);
    expect((await list('status=reported,assigned')).length).toBe(7);
    expect(await list(`departmentId=${department.id}`)).toEqual([ids[0]]);
    expect((await list('district=dunhuang')).sort()).toEqual([ids[5], ids[6]].sort());
    expect((await list('category=financing')).sort()).toEqual([ids[1], ids[3], ids[5]].sort());
    expect(await list('escalated=true')).toEqual([ids[1]]);
    expect(await list('overdue=true')).toEqual([]);
    expect(
      (await list('reportedFrom=2025-03-02T09:00:00%2B08:00&reportedTo=2025-03-04T00:00:00%2B08:00')).sort(),
    ).toEqual([ids[1], ids[2], ids[3]].sort());
    expect(await list(`q=${encodeURIComponent('光伏')}`)).toEqual([ids[2]]);
    expect((await list(`q=${encodeURIComponent('瓜州风电')}`)).length).toBe(5);
    expect(await list(`q=${encodeURIComponent('100%_')}`)).toEqual([]);
  });

  it('refuses a sort or cursor it did not hand out, and bad filters, naming the field', async () => {
    for (const [query, field] of [
      ['sort=title;DROP TABLE problems', 'sort'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
      [`cursor=${Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url')}`, 'cursor'],
      [`cursor=${Buffer.from(JSON.stringify(['2025-13-45 99:00:00+08', ids[0]])).toString('base64url')}`, 'cursor'],
      ['status=open', 'status'],
      ['overdue=maybe', 'overdue'],
      ['limit=500', 'limit'],
      ['departmentId=1', 'departmentId'],
    ]) {
      const res = await t.http().get(`/api/v1/problems?${query}`).set(manager.auth);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe(field);
    }
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM problems');
    expect(n).toBe(7);
  });

  it('pages through enterprises by name and finds them by name or credit code', async () => {
    const page1 = await t.http().get('/api/v1/enterprises?limit=1').set(official.auth).expect(200);
    expect(page1.body.items).toHaveLength(1);
    const page2 = await t
      .http()
      .get(`/api/v1/enterprises?limit=1&cursor=${page1.body.nextCursor}`)
      .set(official.auth)
      .expect(200);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
    expect(page2.body.nextCursor).toBeNull();
    const found = await t
      .http()
      .get(`/api/v1/enterprises?q=${encodeURIComponent('风电')}`)
      .set(official.auth)
      .expect(200);
    expect(found.body.items.map((e: { name: string }) => e.name)).toEqual(['酒泉瓜州风电装备有限公司']);
  });

  it('lists the problems a user recorded: createdBy=me or a user id', async () => {
    const colleague = await f.user('official');
    const enterprise = await f.enterprise(colleague, { name: '玉门石化配套有限公司', district: 'yumen' });
    const theirs = await f.problem(colleague, enterprise.id, { title: '同事登记的问题' });
    const mine = await t.http().get('/api/v1/problems?createdBy=me&limit=200').set(colleague.auth).expect(200);
    expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([theirs.id]);
    const byId = await t
      .http()
      .get(`/api/v1/problems?createdBy=${official.id}&limit=200`)
      .set(manager.auth)
      .expect(200);
    expect(byId.body.items).toHaveLength(ids.length);
    expect(byId.body.items.every((p: { createdBy: string }) => p.createdBy === official.id)).toBe(true);
    const bad = await t.http().get('/api/v1/problems?createdBy=someone').set(manager.auth).expect(400);
    expect(JSON.stringify(bad.body)).toContain('createdBy');
  });
});
