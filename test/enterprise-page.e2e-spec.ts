import { Factory, TestUser } from './factories';
import { countRows } from './factories/more';
import { createTestApp, TestApp } from './support/test-app';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const DAY = 86_400_000;

describe('the enterprise page and my enterprises', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let official: TestUser;
  let other: TestUser;
  let handler: TestUser;
  let otherHandler: TestUser;

  const api = (path: string) => `/api/v1${path}`;
  const page = (as: TestUser, id: string) =>
    t
      .http()
      .get(api(`/enterprises/${id}`))
      .set(as.auth);
  const patch = (as: TestUser, id: string, body: Record<string, unknown>, version?: number | string) => {
    const req = t
      .http()
      .patch(api(`/enterprises/${id}`))
      .set(as.auth);
    return (
      version === undefined ? req : req.set('If-Match', typeof version === 'number' ? `"${version}"` : version)
    ).send(body);
  };
  const responsible = (id: string, userId: string, startsAt: string, kind = 'official') =>
    t
      .http()
      .post(api(`/enterprises/${id}/responsibilities`))
      .set(manager.auth)
      .send({ userId, kind, startsAt })
      .expect(201);
  const visit = (as: TestUser, enterpriseId: string, visitedAt: string, purpose = '走访') =>
    t.http().post(api('/visits')).set(as.auth).send({ enterpriseId, visitedAt, purpose }).expect(201);

  beforeAll(async () => {
    t = await createTestApp({ WARNING_SCAN_INTERVAL_SECONDS: '0' });
    f = new Factory(t);
    manager = await f.user('manager');
    official = await f.user('official');
    other = await f.user('official');
    const dept = await f.department();
    handler = await f.user('handler', dept.id);
    otherHandler = await f.user('handler', (await f.department()).id);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows tier, version, who answers for it, its visits and problems, with an ETag', async () => {
    const e = await f.enterprise(manager, { isKey: true, contactName: '张经理' });
    await responsible(e.id, official.id, daysAgo(40));
    await responsible(e.id, manager.id, daysAgo(40), 'leader');
    const v = await visit(official, e.id, daysAgo(3), '一季度走访');
    await f.problem(official, e.id);
    const res = await page(official, e.id).expect(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      id: e.id,
      tier: 'key',
      version: 1,
      contactName: '张经理',
      visitIntervalDays: 30,
      responsibleLeader: { userId: manager.id, kind: 'leader' },
      editable: true,
    });
    expect(res.body.responsibleOfficials.map((r: { userId: string }) => r.userId)).toEqual([official.id]);
    expect(res.body.recentVisits).toEqual([
      expect.objectContaining({
        id: v.body.id,
        purpose: '一季度走访',
        status: 'recorded',
        officials: expect.any(Array),
      }),
    ]);
    expect(res.body.lastVisitAt).toBe(v.body.visitedAt);
    expect(Date.parse(res.body.nextVisitDueAt) - Date.parse(v.body.visitedAt)).toBe(30 * DAY);
    expect(res.body.problems).toHaveLength(1);
    expect(res.body.problems[0]).toMatchObject({ status: 'reported', title: expect.any(String) });
    expect((await page(other, e.id).expect(200)).body.editable).toBe(false);
  });

  it('edits with If-Match: 428 without, 412 when stale, and records the change and a tier change', async () => {
    const e = await f.enterprise(manager);
    await patch(manager, e.id, { address: '肃州区工业园' }).expect(428);
    const stale = await patch(manager, e.id, { address: '肃州区工业园' }, 7).expect(412);
    expect(stale.body).toMatchObject({ code: 'VERSION_MISMATCH', currentVersion: 1 });
    await patch(manager, e.id, { address: 'x' }, 'garbage').expect(400);
    await patch(manager, e.id, {}, 1).expect(400);
    await patch(manager, e.id, { uscc: '91620900MA71XXXX0X' }, 1).expect(400);
    await patch(manager, e.id, { tier: 'huge' }, 1).expect(400);
    await patch(manager, e.id, { name: null }, 1).expect(400);
    await patch(manager, e.id, { district: 'nowhere' }, 1).expect(400);
    expect(await countRows(t, 'enterprise_changes', 'enterprise_id = $1', [e.id])).toBe(0);

    const done = await patch(
      manager,
      e.id,
      { address: '肃州区工业园', contactPhone: '0937-1234567', tier: 'key' },
      1,
    ).expect(200);
    expect(done.headers.etag).toBe('"2"');
    expect(done.body).toMatchObject({ version: 2, tier: 'key', address: '肃州区工业园', contactPhone: '0937-1234567' });
    const [tierRow] = await t.db.query(
      `SELECT tier, set_by AS "setBy" FROM enterprise_tier_changes WHERE enterprise_id = $1 ORDER BY set_at DESC, id DESC LIMIT 1`,
      [e.id],
    );
    expect(tierRow).toEqual({ tier: 'key', setBy: manager.id });

    // The same values again change nothing: no version bump, no change row.
    const same = await patch(manager, e.id, { address: '肃州区工业园' }, 2).expect(200);
    expect(same.body.version).toBe(2);
    await patch(manager, e.id, { contactName: '李四', address: null }, 2).expect(200);

    const changes = await t
      .http()
      .get(api(`/enterprises/${e.id}/changes`))
      .set(official.auth)
      .expect(200);
    expect(changes.body).toEqual([
      expect.objectContaining({
        source: 'edit',
        changedBy: { id: manager.id, displayName: expect.any(String) },
        before: { address: '肃州区工业园', contactName: null },
        after: { address: null, contactName: '李四' },
      }),
      expect.objectContaining({
        source: 'edit',
        before: { address: null, contactPhone: null, tier: 'other' },
        after: { address: '肃州区工业园', contactPhone: '0937-1234567', tier: 'key' },
      }),
    ]);
  });

  it('lets managers, admins and its responsible officials edit; refuses other officials and handlers', async () => {
    const e = await f.enterprise(manager);
    await patch(official, e.id, { contactName: '王五' }, 1).expect(403);
    await responsible(e.id, official.id, daysAgo(1));
    await patch(official, e.id, { contactName: '王五' }, 1).expect(200);
    await patch(other, e.id, { contactName: '赵六' }, 2).expect(403);
    await patch(handler, e.id, { contactName: '赵六' }, 2).expect(403);
    await patch(await adminUser(), e.id, { contactName: '赵六' }, 2).expect(200);
    expect(await countRows(t, 'enterprise_changes', 'enterprise_id = $1', [e.id])).toBe(2);
  });

  async function adminUser(): Promise<TestUser> {
    const auth = await f.admin();
    return { id: '', username: '', role: 'admin', departmentId: null, token: '', auth };
  }

  it('shows a handler only an enterprise his department’s problem concerns, and only those problems', async () => {
    const e = await f.enterprise(manager);
    await page(handler, e.id).expect(404);
    await t
      .http()
      .get(api(`/enterprises/${e.id}/changes`))
      .set(handler.auth)
      .expect(404);
    const mine = await f.problem(official, e.id, { title: '本部门的问题' });
    const theirs = await f.problem(official, e.id, { title: '别的部门的问题' });
    expect(
      (await f.act(manager, mine.id, 'assign', { departmentId: handler.departmentId, dueInWorkingDays: 5 })).status,
    ).toBe(200);
    expect(
      (await f.act(manager, theirs.id, 'assign', { departmentId: otherHandler.departmentId, dueInWorkingDays: 5 }))
        .status,
    ).toBe(200);
    const res = await page(handler, e.id).expect(200);
    expect(res.body.problems.map((p: { id: string }) => p.id)).toEqual([mine.id]);
    expect(JSON.stringify(res.body)).not.toContain(theirs.id);
    expect(res.body.editable).toBe(false);
    // A missing enterprise answers the same.
    const missing = await page(handler, '00000000-0000-4000-8000-000000000000').expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('lists my enterprises overdue first, then soonest due, with the due rule and a week filter', async () => {
    const me = await f.user('official');
    const never = await f.enterprise(manager); // other: 90 days from the start, 100 days ago: 10 overdue
    const soon = await f.enterprise(manager, { isKey: true }); // key: visited 25 days ago: due in 5
    const later = await f.enterprise(manager, { isAboveScale: true }); // above_scale: start 10 days ago: due in 50
    const worst = await f.enterprise(manager, { isKey: true }); // key: start 50 days ago, never visited: 20 overdue
    const notMine = await f.enterprise(manager);
    await responsible(never.id, me.id, daysAgo(100));
    await responsible(soon.id, me.id, daysAgo(100), 'leader');
    await responsible(later.id, me.id, daysAgo(10));
    await responsible(worst.id, me.id, daysAgo(50));
    await responsible(notMine.id, other.id, daysAgo(50));
    await visit(me, soon.id, daysAgo(60));
    const last = await visit(other, soon.id, daysAgo(25));
    await f.problem(me, soon.id);
    await f.problem(me, soon.id);

    const res = await t.http().get(api('/me/enterprises')).set(me.auth).expect(200);
    const items = res.body.items as Record<string, unknown>[];
    expect(items.map((i) => i.enterpriseId)).toEqual([worst.id, never.id, soon.id, later.id]);
    expect(items.map((i) => [i.overdue, i.overdueDays])).toEqual([
      [true, 20],
      [true, 10],
      [false, 0],
      [false, 0],
    ]);
    expect(items[2]).toMatchObject({
      tier: 'key',
      kind: 'leader',
      visitIntervalDays: 30,
      lastVisitAt: last.body.visitedAt,
      openProblems: 2,
    });
    expect(Date.parse(items[2]!.nextVisitDueAt as string)).toBe(Date.parse(last.body.visitedAt) + 30 * DAY);
    expect(Date.parse(items[3]!.nextVisitDueAt as string)).toBe(
      Date.parse(items[3]!.responsibleSince as string) + 60 * DAY,
    );
    expect(items[0]).toMatchObject({ lastVisitAt: null, openProblems: 0 });

    const week = await t.http().get(api('/me/enterprises?due=week')).set(me.auth).expect(200);
    expect(week.body.items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual([worst.id, never.id, soon.id]);
    await t.http().get(api('/me/enterprises?due=month')).set(me.auth).expect(400);
    await t.http().get(api('/me/enterprises')).set(handler.auth).expect(403);

    // The list filters of GET /enterprises.
    const byUser = await t
      .http()
      .get(api(`/enterprises?responsibleUserId=${me.id}&tier=key`))
      .set(manager.auth)
      .expect(200);
    expect(byUser.body.items.map((i: { id: string }) => i.id).sort()).toEqual([soon.id, worst.id].sort());
  });
});
