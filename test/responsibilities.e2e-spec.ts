import { Factory, TestUser } from './factories';
import { countRows, instant, validUscc } from './factories/more';
import { visitDueSql } from '../src/responsibilities/visit-due.sql';
import { createTestApp, TestApp } from './support/test-app';

/** A CSV as Excel writes "CSV UTF-8". */
function csv(rows: string[][]): Buffer {
  return Buffer.from(`\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`, 'utf8');
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('responsibilities (包联关系)', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let official: TestUser;
  let official2: TestUser;
  let handler: TestUser;

  const api = (path: string) => `/api/v1${path}`;
  const assign = (as: TestUser, enterpriseId: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(api(`/enterprises/${enterpriseId}/responsibilities`))
      .set(as.auth)
      .send(body);
  const listOf = (as: TestUser, enterpriseId: string, asOf?: string) =>
    t
      .http()
      .get(api(`/enterprises/${enterpriseId}/responsibilities${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`))
      .set(as.auth);

  beforeAll(async () => {
    t = await createTestApp({ WARNING_SCAN_INTERVAL_SECONDS: '0' });
    f = new Factory(t);
    manager = await f.user('manager');
    official = await f.user('official');
    official2 = await f.user('official');
    const dept = await f.department();
    handler = await f.user('handler', dept.id);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('assigns an official and a leader, refuses a second open one and a second leader with 409', async () => {
    const e = await f.enterprise(manager);
    const created = await assign(manager, e.id, { userId: official.id, kind: 'official', note: '新任' }).expect(201);
    expect(created.body).toMatchObject({
      enterpriseId: e.id,
      userId: official.id,
      kind: 'official',
      endsAt: null,
      note: '新任',
      recordedBy: manager.id,
      current: true,
    });
    const again = await assign(manager, e.id, { userId: official.id, kind: 'leader' }).expect(409);
    expect(again.body.code).toBe('CONFLICT');

    await assign(manager, e.id, { userId: manager.id, kind: 'leader' }).expect(201);
    const second = await assign(manager, e.id, { userId: official2.id, kind: 'leader' }).expect(409);
    expect(second.body.message).toMatch(/leader/);
    expect(await countRows(t, 'responsibilities', 'enterprise_id = $1', [e.id])).toBe(2);

    const list = await listOf(official, e.id).expect(200);
    expect(list.body.map((r: { userId: string; kind: string }) => [r.userId, r.kind]).sort()).toEqual(
      [
        [official.id, 'official'],
        [manager.id, 'leader'],
      ].sort(),
    );
  });

  it('refuses a handler, a disabled user, a missing enterprise and a future start', async () => {
    const e = await f.enterprise(manager);
    const res = await assign(manager, e.id, { userId: handler.id, kind: 'official' }).expect(400);
    expect(res.body.errors).toEqual([{ field: 'userId', message: expect.stringMatching(/handler/) }]);
    const leaving = await f.user('official');
    await t
      .http()
      .patch(api(`/users/${leaving.id}`))
      .set(await f.admin())
      .send({ disabled: true })
      .expect(200);
    const disabled = await assign(manager, e.id, { userId: leaving.id, kind: 'official' }).expect(400);
    expect(disabled.body.errors[0].message).toMatch(/disabled/);
    await assign(manager, '00000000-0000-4000-8000-000000000000', { userId: official.id, kind: 'official' }).expect(
      404,
    );
    const future = await assign(manager, e.id, {
      userId: official.id,
      kind: 'official',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    }).expect(400);
    expect(future.body.errors[0].field).toBe('startsAt');
    await assign(official, e.id, { userId: official.id, kind: 'official' }).expect(403);
    expect(await countRows(t, 'responsibilities', 'enterprise_id = $1', [e.id])).toBe(0);
  });

  it('ends a responsibility once, recording who, when and why, and refuses an overlapping restart', async () => {
    const e = await f.enterprise(manager);
    const r = await assign(manager, e.id, { userId: official.id, kind: 'official', startsAt: daysAgo(30) }).expect(201);
    const ended = await t
      .http()
      .post(api(`/responsibilities/${r.body.id}/end`))
      .set(manager.auth)
      .send({ reason: '岗位调整', endsAt: daysAgo(10) })
      .expect(200);
    expect(ended.body).toMatchObject({ endReason: '岗位调整', endedBy: manager.id, current: false });
    expect(Math.abs(Date.parse(ended.body.endsAt) - Date.parse(daysAgo(10)))).toBeLessThan(60_000);
    expect(ended.body.endedRecordedAt).toEqual(expect.any(String));
    await t
      .http()
      .post(api(`/responsibilities/${r.body.id}/end`))
      .set(manager.auth)
      .send({ reason: '再次' })
      .expect(409);
    // Starting again before the earlier end would overlap it; after it is fine.
    await assign(manager, e.id, { userId: official.id, kind: 'official', startsAt: daysAgo(20) }).expect(409);
    await assign(manager, e.id, { userId: official.id, kind: 'official', startsAt: daysAgo(5) }).expect(201);
    const missing = await t
      .http()
      .post(api(`/responsibilities/${r.body.enterpriseId}/end`))
      .set(manager.auth)
      .send({ reason: 'x' });
    expect(missing.status).toBe(404);
  });

  it('hands all of one official’s enterprises to another in one action', async () => {
    const leaving = await f.user('official');
    const taking = await f.user('official');
    const [e1, e2, e3] = [await f.enterprise(manager), await f.enterprise(manager), await f.enterprise(manager)];
    await assign(manager, e1.id, { userId: leaving.id, kind: 'official', startsAt: daysAgo(40) }).expect(201);
    await assign(manager, e2.id, { userId: leaving.id, kind: 'leader', startsAt: daysAgo(40) }).expect(201);
    await assign(manager, e3.id, { userId: leaving.id, kind: 'official', startsAt: daysAgo(40) }).expect(201);
    await assign(manager, e3.id, { userId: taking.id, kind: 'official', startsAt: daysAgo(40) }).expect(201);

    const res = await t
      .http()
      .post(api('/responsibilities/handover'))
      .set(manager.auth)
      .send({ fromUserId: leaving.id, toUserId: taking.id, reason: '干部调离' })
      .expect(200);
    expect(res.body).toEqual({ ended: 3, started: 2, skipped: 1 });
    expect(await countRows(t, 'responsibilities', 'user_id = $1 AND ends_at IS NULL', [leaving.id])).toBe(0);
    const [{ kinds }] = await t.db.query(
      `SELECT array_agg(kind ORDER BY kind) AS kinds FROM responsibilities WHERE user_id = $1 AND ends_at IS NULL`,
      [taking.id],
    );
    expect(kinds).toEqual(['leader', 'official', 'official']);
    const mine = await t.http().get(api('/me/enterprises')).set(taking.auth).expect(200);
    expect(mine.body.items.map((i: { enterpriseId: string }) => i.enterpriseId).sort()).toEqual(
      [e1.id, e2.id, e3.id].sort(),
    );
    // Nothing left to hand over.
    await t
      .http()
      .post(api('/responsibilities/handover'))
      .set(manager.auth)
      .send({ fromUserId: leaving.id, toUserId: taking.id, reason: '再次' })
      .expect(409);
  });

  it('answers who was responsible as of T, unchanged by what is recorded after T', async () => {
    const e = await f.enterprise(manager);
    const first = await assign(manager, e.id, { userId: official.id, kind: 'official', startsAt: daysAgo(60) }).expect(
      201,
    );
    const before = await instant();
    // After T: the first is ended (backdated to before T) and another is assigned (backdated too).
    await t
      .http()
      .post(api(`/responsibilities/${first.body.id}/end`))
      .set(manager.auth)
      .send({ reason: '调整', endsAt: daysAgo(30) })
      .expect(200);
    await assign(manager, e.id, { userId: official2.id, kind: 'official', startsAt: daysAgo(30) }).expect(201);

    const asOfT = await listOf(manager, e.id, before).expect(200);
    expect(asOfT.body).toHaveLength(1);
    expect(asOfT.body[0]).toMatchObject({ userId: official.id, endsAt: null, endReason: null, current: true });

    const nowList = await listOf(manager, e.id).expect(200);
    const current = nowList.body.filter((r: { current: boolean }) => r.current);
    expect(current.map((r: { userId: string }) => r.userId)).toEqual([official2.id]);

    // The due rule as of T reads the same rows: the enterprise was under responsibility since day -60.
    const [due] = await t.db.query(
      `SELECT responsible_since FROM (${visitDueSql('$2::timestamptz')}) d
       WHERE d.enterprise_id = $1`,
      [e.id, before],
    );
    expect(new Date(due.responsible_since).toISOString()).toBe(first.body.startsAt);
    await listOf(manager, e.id, 'yesterday').expect(400);
  });

  it('lets a handler read responsibilities only of an enterprise his department’s problem concerns', async () => {
    const e = await f.enterprise(manager);
    await assign(manager, e.id, { userId: official.id, kind: 'official' }).expect(201);
    await listOf(handler, e.id).expect(404);
    const p = await f.problem(official, e.id);
    const assigned = await f.act(manager, p.id, 'assign', { departmentId: handler.departmentId, dueInWorkingDays: 5 });
    expect(assigned.status).toBe(200);
    const res = await listOf(handler, e.id).expect(200);
    expect(res.body).toHaveLength(1);
  });

  describe('bulk assignment from a spreadsheet', () => {
    const upload = (file: Buffer, query = '') =>
      t
        .http()
        .post(api(`/responsibilities/import${query}`))
        .set(manager.auth)
        .attach('file', file, 'assign.csv');

    it('checks every row on a dry run and writes nothing; applies all rows or none', async () => {
      const uscc = validUscc(7_100_001);
      const a = await f.enterprise(manager, { uscc });
      const b = await f.enterprise(manager);
      const before = await countRows(t, 'responsibilities');
      const good = [
        ['统一社会信用代码', '企业名称', '用户名', '包联类型', '开始日期'],
        [uscc, '', official.username, '包联干部', '2025-01-02'],
        ['', b.name, official2.username, '包联领导', ''],
      ];
      const dry = await upload(csv(good), '?dryRun=true').expect(200);
      expect(dry.body).toEqual({ total: 2, valid: 2, created: 0, applied: false, dryRun: true, rejected: [] });
      expect(await countRows(t, 'responsibilities')).toBe(before);

      const bad = [
        ...good,
        ['', '没有这家企业', official.username, '包联干部', ''],
        ['', b.name, handler.username, '', ''],
      ];
      const refused = await upload(csv(bad)).expect(200);
      expect(refused.body.applied).toBe(false);
      expect(refused.body.created).toBe(0);
      expect(refused.body.rejected).toEqual([
        { row: 4, errors: [{ field: 'enterpriseName', message: expect.stringMatching(/没有这家企业/) }] },
        { row: 5, errors: [{ field: 'username', message: expect.stringMatching(/handler/) }] },
      ]);
      expect(await countRows(t, 'responsibilities')).toBe(before);

      const applied = await upload(csv(good)).expect(200);
      expect(applied.body).toMatchObject({ total: 2, valid: 2, created: 2, applied: true, rejected: [] });
      expect(await countRows(t, 'responsibilities')).toBe(before + 2);
      const [row] = await t.db.query(
        `SELECT starts_at AS "startsAt" FROM responsibilities WHERE enterprise_id = $1 AND user_id = $2`,
        [a.id, official.id],
      );
      expect(row.startsAt.toISOString()).toBe('2025-01-01T16:00:00.000Z');

      // The same file again: every row now clashes with an open responsibility.
      const again = await upload(csv(good)).expect(200);
      expect(again.body.rejected.map((r: { row: number }) => r.row)).toEqual([2, 3]);
      expect(await countRows(t, 'responsibilities')).toBe(before + 2);
    });

    it('reports rows that repeat a person or a leader within the file, and refuses a file without headings', async () => {
      const e = await f.enterprise(manager);
      const res = await upload(
        csv([
          ['企业名称', '用户名', '包联类型'],
          [e.name, official.username, '包联干部'],
          [e.name, official.username, '包联干部'],
          [e.name, official2.username, '包联领导'],
          [e.name, manager.username, '包联领导'],
          [e.name, manager.username, '组长'],
        ]),
        '?dryRun=true',
      ).expect(200);
      expect(
        res.body.rejected.map((r: { row: number; errors: { field: string }[] }) => [r.row, r.errors[0]!.field]),
      ).toEqual([
        [3, 'username'],
        [5, 'kind'],
        [6, 'kind'],
      ]);
      const noHeadings = await upload(csv([['a', 'b']])).expect(400);
      expect(noHeadings.body.errors[0].field).toBe('file');
    });

    it('offers a template in both formats', async () => {
      const res = await t.http().get(api('/responsibilities/import/template?format=csv')).set(manager.auth).expect(200);
      expect(res.text).toContain('用户名');
      const xlsx = await t
        .http()
        .get(api('/responsibilities/import/template'))
        .set(manager.auth)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    });
  });

  describe('tiers', () => {
    it('lists the intervals in force and lets an admin change one, keeping the old row', async () => {
      const list = await t.http().get(api('/tiers')).set(handler.auth).expect(200);
      expect(list.body.map((x: { code: string; visitIntervalDays: number }) => [x.code, x.visitIntervalDays])).toEqual([
        ['key', 30],
        ['above_scale', 60],
        ['other', 90],
      ]);
      await t.http().put(api('/tiers/key')).set(manager.auth).send({ visitIntervalDays: 20 }).expect(403);
      const admin = await f.admin();
      await t.http().put(api('/tiers/key')).set(admin).send({ visitIntervalDays: 0 }).expect(400);
      await t.http().put(api('/tiers/nope')).set(admin).send({ visitIntervalDays: 20 }).expect(404);
      const set = await t.http().put(api('/tiers/key')).set(admin).send({ visitIntervalDays: 20 }).expect(200);
      expect(set.body).toMatchObject({ code: 'key', visitIntervalDays: 20, labelZh: '重点企业' });
      expect(await countRows(t, 'tier_intervals', `tier = 'key'`)).toBe(2);
      await t.http().put(api('/tiers/key')).set(admin).send({ visitIntervalDays: 30 }).expect(200);
    });
  });
});
