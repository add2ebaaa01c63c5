import { DateTime } from 'luxon';
import { Client } from 'pg';
import { COUNTS_BY } from '../src/reports/resolution-rate.sql';
import { Factory, inDays, TestUser } from './factories';
import { sleep } from './factories/more';
import { history } from './factories/history';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Figures as of an instant that has passed are kept in memory (they never change); these tests
 * pin what must still be fresh: labels, and anything as of now.
 */
describe('settled figures and what stays fresh', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let admin: TestUser;
  let official: TestUser;
  let enterpriseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    manager = await f.user('manager');
    admin = await f.user('admin');
    official = await f.user('official');
    const department = await f.department('缓存测试局');
    enterpriseId = (await f.enterprise(official, { name: '酒泉缓存测试有限公司', district: 'suzhou' })).id;
    await history(t)
      .problem({ reportedAt: '2025-02-10T09:00:00+08:00', enterpriseId, category: 'labour', createdBy: official.id })
      .assign('2025-02-10T10:00:00+08:00', department.id, '2025-02-28T18:00:00+08:00')
      .accept('2025-02-11T09:00:00+08:00')
      .resolve('2025-02-20T16:00:00+08:00')
      .insert();
  });
  afterAll(() => t.close());

  // Problems with a history before the settled instant the counts as of now start from: written
  // before any figure of this quarter is asked for, as the service itself never writes the past.
  let earlierThisQuarter: {
    first: { id: string };
    second: { id: string };
    handler: TestUser;
    moved: { id: string };
  };
  beforeAll(async () => {
    const now = DateTime.now().setZone('Asia/Shanghai');
    // A day ago (or just after the quarter began).
    const earlier = DateTime.max(now.startOf('quarter').plus({ minutes: 1 }), now.minus({ days: 1 }));
    const first = await f.department('此前交办单位');
    const second = await f.department('改派接收单位');
    const handler = await f.user('handler', second.id);
    const assigned = (category: string) =>
      history(t)
        .problem({ reportedAt: earlier.toISO()!, enterpriseId, category, createdBy: official.id })
        .assign(earlier.plus({ seconds: 30 }).toISO()!, first.id, now.plus({ days: 10 }).toISO()!)
        .insert();
    const moved = await assigned('labour');
    await assigned('financing');
    earlierThisQuarter = { first, second, handler, moved };
  });

  const rate = async (query: Record<string, string>) =>
    (await t.http().get('/api/v1/reports/resolution-rate').query(query).set(manager.auth).expect(200)).body;

  it('gives the same past figure twice, and a renamed category under its new name', async () => {
    const labour = (body: { groups: { key: string; label: string; recorded: number; resolved: number }[] }) =>
      body.groups.find((g) => g.key === 'labour')!;
    const first = await rate({ period: '2025-Q1', groupBy: 'category' });
    expect(labour(first)).toMatchObject({ label: '用工', recorded: 1, resolved: 1 });
    expect(await rate({ period: '2025-Q1', groupBy: 'category' })).toEqual(first);

    await t.http().patch('/api/v1/categories/labour').set(admin.auth).send({ name: '用工保障' }).expect(200);
    const renamed = await rate({ period: '2025-Q1', groupBy: 'category' });
    expect(labour(renamed)).toMatchObject({ label: '用工保障', recorded: 1, resolved: 1 });
  });

  it('counts a problem recorded a moment ago in the figure as of now', async () => {
    const now = DateTime.now().setZone('Asia/Shanghai');
    const quarter = `${now.year}-Q${now.quarter}`;
    const before = await rate({ period: quarter, asOf: 'now', groupBy: 'department' });
    await f.problem(official, enterpriseId, { title: '刚登记的问题' });
    const after = await rate({ period: quarter, asOf: 'now', groupBy: 'department' });
    expect(after.recorded).toBe(before.recorded + 1);
    const unassigned = after.groups.find((g: { key: string | null }) => g.key === null);
    expect(unassigned).toMatchObject({ label: '未分派', resolved: 0 });
  });

  it('answers requests that come together with one figure, never older than the request', async () => {
    const now = DateTime.now().setZone('Asia/Shanghai');
    const quarter = `${now.year}-Q${now.quarter}`;
    const together = await Promise.all(
      Array.from({ length: 12 }, () => rate({ period: quarter, asOf: 'now', groupBy: 'department' })),
    );
    const recorded = new Set(together.map((body) => body.recorded));
    expect(recorded.size).toBe(1);
    for (const body of together) expect(Date.parse(body.asOf)).toBeGreaterThanOrEqual(now.toMillis());

    // A change acknowledged before the next burst is in every answer of it, also while one runs.
    const burst = Array.from({ length: 6 }, () => rate({ period: quarter, asOf: 'now', groupBy: 'department' }));
    await f.problem(official, enterpriseId, { title: '并发报表期间登记的问题' });
    const afterWrite = await Promise.all(
      Array.from({ length: 6 }, () => rate({ period: quarter, asOf: 'now', groupBy: 'department' })),
    );
    await Promise.all(burst);
    for (const body of afterWrite) expect(body.recorded).toBe([...recorded][0] + 1);
  });

  it('counts a change whose transaction was open while the figure moved on, once it commits', async () => {
    const now = DateTime.now().setZone('Asia/Shanghai');
    const quarter = `${now.year}-Q${now.quarter}`;
    const problem = await f.problem(official, enterpriseId, { title: '慢事务中撤回的问题' });
    const before = await rate({ period: quarter, asOf: 'now' });

    // A withdrawal as the service writes one (row and event stamped at one instant, here the
    // transaction's start), in a transaction that stays open while figures as of now are asked for.
    const slow = new Client({ connectionString: t.databaseUrl });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(
        `UPDATE problems SET status = 'withdrawn', version = version + 1, updated_at = now(), last_event_type = 'withdraw'
         WHERE id = $1`,
        [problem.id],
      );
      await slow.query(
        `INSERT INTO problem_events (problem_id, type, from_status, to_status, actor_id, note, at)
         VALUES ($1, 'withdraw', 'reported', 'withdrawn', $2, '重复登记', now())`,
        [problem.id, manager.id],
      );
      // Long enough for the recent base to move forward several times past the transaction's start.
      for (let i = 0; i < 4; i++) {
        await sleep(2_000);
        expect((await rate({ period: quarter, asOf: 'now' })).recorded).toBe(before.recorded);
      }
      await slow.query('COMMIT');
    } finally {
      await slow.end();
    }
    expect((await rate({ period: quarter, asOf: 'now' })).recorded).toBe(before.recorded - 1);
  });

  it('counts as of now from kept counts of a settled instant plus the changes since, as computing afresh would', async () => {
    const now = DateTime.now().setZone('Asia/Shanghai');
    const quarter = `${now.year}-Q${now.quarter}`;
    const { first, second, handler, moved } = earlierThisQuarter;
    const group = (body: { groups: { key: string | null }[] }, key: string) => body.groups.find((g) => g.key === key);
    const before = await rate({ period: quarter, asOf: 'now', groupBy: 'department' });
    expect(group(before, first.id)).toMatchObject({ recorded: 2, resolved: 0 });

    // Now: one of them moves to the second department, which resolves it; a new one is withdrawn.
    expect((await f.act(manager, moved.id, 'assign', { departmentId: second.id, dueAt: inDays(5) })).status).toBe(200);
    expect((await f.act(handler, moved.id, 'accept')).status).toBe(200);
    expect((await f.act(handler, moved.id, 'resolve', { resolution: '已协调解决' })).status).toBe(200);
    const withdrawn = await f.problem(official, enterpriseId, { title: '登记后撤回的问题' });
    expect((await f.act(manager, withdrawn.id, 'withdraw', { reason: '重复登记' })).status).toBe(200);

    const after = await rate({ period: quarter, asOf: 'now', groupBy: 'department' });
    expect(group(after, first.id)).toMatchObject({ recorded: 1, resolved: 0 });
    expect(group(after, second.id)).toMatchObject({ recorded: 1, resolved: 1 });
    expect(after.recorded).toBe(before.recorded);
    expect(after.resolved).toBe(before.resolved + 1);
    // The same figures as the whole period counted afresh as of the answer's instant.
    const fresh: { key: string | null; recorded: number; resolved: number }[] = await t.db.query(COUNTS_BY.department, [
      new Date(after.period.from),
      new Date(after.period.to),
      new Date(after.asOf),
    ]);
    for (const g of after.groups as { key: string | null; recorded: number; resolved: number }[]) {
      const row = fresh.find((r) => r.key === g.key) ?? { recorded: 0, resolved: 0 };
      expect({ key: g.key, recorded: g.recorded, resolved: g.resolved }).toEqual({
        key: g.key,
        recorded: row.recorded,
        resolved: row.resolved,
      });
    }
    const total = await rate({ period: quarter, asOf: 'now' });
    expect({ recorded: total.recorded, resolved: total.resolved }).toEqual({
      recorded: after.recorded,
      resolved: after.resolved,
    });
  });
});
