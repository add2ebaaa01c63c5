/**
 * Publishing figures (发布) and reconciling them (口径核对): a published figure is stored with its
 * exact items and reads the same forever; publishing it again finds it (200) or, when the items
 * under the same identity differ, is refused (409); the reconciliation names what moved and why.
 */
import { DateTime } from 'luxon';
import { Factory, inDays, type TestUser } from './factories';
import { countRows, instant } from './factories/more';
import { createTestApp, demoBearer, type TestApp } from './support/test-app';

interface Published {
  id: string;
  figure: string;
  definition: string;
  period: { label: string; from: string; to: string };
  asOf: string;
  numerator: number;
  denominator: number;
  ratePercent: number | null;
  checksum: string;
  publishedBy: string;
  publishedAt: string;
  itemCount: number;
}

interface StoredItem {
  itemKey: string;
  id: string;
  code: string;
  inNumerator: boolean;
  statusAsOf: string | null;
}

describe('published figures', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let handler: TestUser;
  let official: TestUser;
  let enterprise: { id: string };
  let resolved: { id: string; code: string };
  let open: { id: string; code: string };
  /** An open period around now, and an instant after the problems' histories below. */
  const period = { from: inDays(-1).slice(0, 10), to: inDays(2).slice(0, 10) };
  let asOf: string;
  let first: Published;

  const publish = (as: TestUser, body: Record<string, unknown>) =>
    t.http().post('/api/v1/reports/published').set(as.auth).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    const department = await f.department('市发改委');
    manager = await f.user('manager');
    handler = await f.user('handler', department.id);
    official = await f.user('official');
    enterprise = await f.enterprise(official, { district: 'suzhou' });
    resolved = await f.problem(official, enterprise.id);
    open = await f.problem(official, enterprise.id, { category: 'approvals' });
    expect(
      (await f.act(manager, resolved.id, 'assign', { departmentId: department.id, dueAt: inDays(10) })).status,
    ).toBe(200);
    expect((await f.act(handler, resolved.id, 'accept')).status).toBe(200);
    expect((await f.act(handler, resolved.id, 'resolve', { resolution: '已协调供电公司扩容' })).status).toBe(200);
    asOf = await instant();
  });

  afterAll(() => t?.close());

  it('publishes a figure with the fixed answer and its exact items', async () => {
    const res = await publish(manager, { figure: 'resolution-rate', ...period, asOf, note: '第一期通报' });
    expect(res.status).toBe(201);
    first = res.body;
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining([
        'id',
        'figure',
        'definition',
        'period',
        'asOf',
        'numerator',
        'denominator',
        'ratePercent',
        'checksum',
        'publishedBy',
        'publishedAt',
      ]),
    );
    expect(first).toMatchObject({
      figure: 'resolution-rate',
      definition: 'resolution-rate/v1',
      asOf: new Date(asOf).toISOString(),
      numerator: 1,
      denominator: 2,
      ratePercent: 50,
      publishedBy: manager.id,
      itemCount: 2,
    });
    expect(first.checksum).toMatch(/^[0-9a-f]{64}$/);
    const items = await t.http().get(`/api/v1/reports/published/${first.id}/items`).set(manager.auth).expect(200);
    expect(items.body.items.map((i: StoredItem) => [i.code, i.inNumerator, i.statusAsOf]).sort()).toEqual(
      [
        [resolved.code, true, 'resolved'],
        [open.code, false, 'reported'],
      ].sort(),
    );
  });

  it('pins asOf "now" to the instant of publishing', async () => {
    const before = Date.now();
    const res = await publish(manager, { figure: 'resolution-rate', ...period, asOf: 'now' }).expect(201);
    const pinned = new Date(res.body.asOf).getTime();
    expect(pinned).toBeGreaterThanOrEqual(before - 1);
    expect(pinned).toBeLessThanOrEqual(Date.now());
    const again = await t.http().get(`/api/v1/reports/published/${res.body.id}`).set(manager.auth).expect(200);
    expect(again.body.asOf).toBe(res.body.asOf);
  });

  it('answers the stored record when the same figure is published again with the same items', async () => {
    const res = await publish(manager, { figure: 'resolution-rate', ...period, asOf });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: first.id, checksum: first.checksum, publishedAt: first.publishedAt });
  });

  it('reads the same after a counted problem is reopened, and the reconciliation names it', async () => {
    expect((await f.act(manager, resolved.id, 'reopen', { reason: '企业反映仍未通电', dueAt: inDays(5) })).status).toBe(
      200,
    );

    const record = await t.http().get(`/api/v1/reports/published/${first.id}`).set(manager.auth).expect(200);
    expect(record.body).toMatchObject({ numerator: 1, denominator: 2, checksum: first.checksum });
    const numerator = await t
      .http()
      .get(`/api/v1/reports/published/${first.id}/items`)
      .query({ inNumerator: 'true' })
      .set(manager.auth)
      .expect(200);
    expect(numerator.body.items.map((i: StoredItem) => i.code)).toEqual([resolved.code]);
    // Its history before the published instant is unchanged, so publishing again still finds it.
    expect((await publish(manager, { figure: 'resolution-rate', ...period, asOf })).status).toBe(200);

    const reconciliation = await t
      .http()
      .get(`/api/v1/reports/published/${first.id}/reconciliation`)
      .set(manager.auth)
      .expect(200);
    expect(reconciliation.body).toMatchObject({
      published: { id: first.id, numerator: 1, denominator: 2 },
      now: { numerator: 0, denominator: 2, ratePercent: 0, definition: 'resolution-rate/v1' },
      difference: { numerator: -1, denominator: 0 },
    });
    expect(reconciliation.body.moved).toHaveLength(1);
    const [moved] = reconciliation.body.moved;
    expect(moved).toMatchObject({
      id: resolved.id,
      code: resolved.code,
      before: { inNumerator: true, statusAsOf: 'resolved' },
      after: { inNumerator: false, statusAsOf: 'in_progress' },
    });
    expect(moved.reasons.map((r: { code: string }) => r.code)).toEqual(['reopened']);
    expect(new Date(moved.reasons[0].at).getTime()).toBeGreaterThan(new Date(asOf).getTime());

    // As of the published instant nothing moved.
    const then = await t
      .http()
      .get(`/api/v1/reports/published/${first.id}/reconciliation`)
      .query({ asOf })
      .set(manager.auth)
      .expect(200);
    expect(then.body.moved).toEqual([]);

    const csv = await t
      .http()
      .get(`/api/v1/reports/published/${first.id}/reconciliation`)
      .query({ format: 'csv' })
      .set(manager.auth)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain(resolved.code);
    expect(csv.text).toContain('重新打开');
  });

  it('lists the reopened problem in the weekly report’s reconciliations, in every format', async () => {
    const week = DateTime.now().setZone('Asia/Shanghai').toFormat("kkkk-'W'WW");
    const report = await t.http().get('/api/v1/reports/weekly').query({ week }).set(manager.auth).expect(200);
    expect(report.body.rates.quarterToDate.definition).toBe('resolution-rate/v1');
    expect(report.body.definitions).toMatchObject({ resolutionRate: 'resolution-rate/v1' });
    const mine = report.body.reconciliations.find((r: { publishedId: string }) => r.publishedId === first.id);
    expect(mine).toMatchObject({
      definition: 'resolution-rate/v1',
      published: { numerator: 1, denominator: 2 },
      now: { numerator: 0, denominator: 2 },
    });
    expect(mine.moved.map((m: { code: string }) => m.code)).toEqual([resolved.code]);
    expect(mine.moved[0].reasons.map((r: { code: string }) => r.code)).toEqual(['reopened']);
    for (const format of ['csv', 'html']) {
      const file = await t.http().get('/api/v1/reports/weekly').query({ week, format }).set(manager.auth).expect(200);
      expect(file.text).toContain('口径核对');
      expect(file.text).toContain('resolution-rate/v1');
      expect(file.text).toContain(resolved.code);
    }
  });

  it('refuses, with the difference, a figure published again that now counts other items (409)', async () => {
    // The district grouping reads the enterprise's district as it is now: moving the enterprise
    // takes its problems out of the published group under the very same identity.
    const query = { figure: 'resolution-rate', ...period, asOf, groupBy: 'district', group: 'suzhou' };
    const published = await publish(manager, query).expect(201);
    expect(published.body).toMatchObject({ denominator: 2, groupBy: 'district', group: 'suzhou' });
    const current = await t.http().get(`/api/v1/enterprises/${enterprise.id}`).set(manager.auth).expect(200);
    await t
      .http()
      .patch(`/api/v1/enterprises/${enterprise.id}`)
      .set(manager.auth)
      .set('If-Match', `"${current.body.version}"`)
      .send({ district: 'yumen' })
      .expect(200);
    const refused = await publish(manager, query);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'PUBLISHED_DIFFERS', publishedId: published.body.id });
    expect([...refused.body.difference.removed].sort()).toEqual([resolved.code, open.code].sort());
    expect(refused.body.difference.added).toEqual([]);
    // The stored figure did not change.
    const stored = await t.http().get(`/api/v1/reports/published/${published.body.id}`).set(manager.auth).expect(200);
    expect(stored.body.checksum).toBe(published.body.checksum);
  });

  it('stores one record when the same figure is published twice at once', async () => {
    const query = { figure: 'resolution-rate', ...period, asOf, groupBy: 'category', group: 'approvals' };
    const answers = await Promise.all([publish(manager, query), publish(manager, query)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(answers[0]!.body.id).toBe(answers[1]!.body.id);
    expect(await countRows(t, 'published_figures', `group_by = 'category' AND group_key = 'approvals'`)).toBe(1);
  });

  it('publishes the group without a key as a group of its own, and no grouping without a group', async () => {
    const none = await publish(manager, {
      figure: 'resolution-rate',
      ...period,
      asOf,
      groupBy: 'department',
      group: 'none',
    });
    // The whole figure of the same period and instant was published by the first test: the same items.
    const whole = await publish(manager, { figure: 'resolution-rate', ...period, asOf });
    expect([none.status, whole.status]).toEqual([201, 200]);
    expect(none.body).toMatchObject({ group: null, groupLabel: '未分派', denominator: 1 });
    expect(whole.body).not.toHaveProperty('group');
    expect(whole.body.denominator).toBe(2);
    expect(none.body.checksum).not.toBe(whole.body.checksum);
    // Every group at once would store items without the group each counts in.
    const every = await publish(manager, { figure: 'resolution-rate', ...period, asOf, groupBy: 'department' });
    expect(every.status).toBe(400);
    expect(every.body.errors).toEqual([expect.objectContaining({ field: 'group' })]);
    // A group that counted nothing is published as 0 / 0: a bulletin lists every district, even one without problems.
    const empty = await publish(manager, {
      figure: 'resolution-rate',
      ...period,
      asOf,
      groupBy: 'district',
      group: 'nowhere',
    });
    expect(empty.status).toBe(201);
    expect(empty.body).toMatchObject({ numerator: 0, denominator: 0, ratePercent: null });
  });

  it('is append-only in the database', async () => {
    await expect(t.db.query(`UPDATE published_figures SET note = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM published_figure_items`)).rejects.toThrow(/append-only/);
  });

  it('lists published figures newest first, by figure and period, in pages', async () => {
    const page = await t
      .http()
      .get('/api/v1/reports/published')
      .query({ figure: 'resolution-rate', limit: 2 })
      .set(manager.auth)
      .expect(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const rest = await t
      .http()
      .get('/api/v1/reports/published')
      .query({ figure: 'resolution-rate', limit: 200, cursor: page.body.nextCursor })
      .set(manager.auth)
      .expect(200);
    const all = [...page.body.items, ...rest.body.items] as Published[];
    expect(all.length).toBe(await countRows(t, 'published_figures'));
    const times = all.map((p) => p.publishedAt);
    expect(times).toEqual([...times].sort().reverse());
    const none = await t
      .http()
      .get('/api/v1/reports/published')
      .query({ figure: 'sign-for-rate' })
      .set(manager.auth)
      .expect(200);
    expect(none.body.items).toEqual([]);
  });

  it('gives the stored items as csv and xlsx', async () => {
    const csv = await t
      .http()
      .get(`/api/v1/reports/published/${first.id}/items`)
      .query({ format: 'csv' })
      .set(manager.auth)
      .expect(200);
    expect(csv.text).toContain('resolution-rate/v1');
    expect(csv.text).toContain(resolved.code);
    expect(csv.text).toContain(open.code);
    const xlsx = await t
      .http()
      .get(`/api/v1/reports/published/${first.id}/items`)
      .query({ format: 'xlsx' })
      .set(manager.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses handlers and officials (403)', async () => {
    for (const who of [handler, official]) {
      expect((await publish(who, { figure: 'resolution-rate', ...period, asOf })).status).toBe(403);
      expect((await t.http().get('/api/v1/reports/published').set(who.auth)).status).toBe(403);
      expect((await t.http().get(`/api/v1/reports/published/${first.id}`).set(who.auth)).status).toBe(403);
    }
  });

  it('refuses a bad figure, period or instant naming the field (400), writing nothing', async () => {
    const before = await countRows(t, 'published_figures');
    const cases: [Record<string, unknown>, string][] = [
      [{ figure: 'happiness-rate', period: '2025-Q1' }, 'figure'],
      [{ figure: 'resolution-rate', period: '2025-Q5' }, 'period'],
      [{ figure: 'resolution-rate' }, 'period'],
      [{ figure: 'resolution-rate', period: '2025-Q1', asOf: 'yesterday' }, 'asOf'],
      [{ figure: 'resolution-rate', ...period, asOf: inDays(1) }, 'asOf'],
      [{ figure: 'resolution-rate', period: '2025-Q1', groupBy: 'weather' }, 'groupBy'],
    ];
    for (const [body, field] of cases) {
      const res = await publish(manager, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await countRows(t, 'published_figures')).toBe(before);
  });

  it('answers 404 for an unknown published figure', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const path of ['', '/items', '/reconciliation']) {
      expect((await t.http().get(`/api/v1/reports/published/${unknown}${path}`).set(manager.auth)).status).toBe(404);
    }
  });
});

describe('the demo data’s published figures', () => {
  let t: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp({ ADMIN_USERNAME: '', ADMIN_PASSWORD: '', WARNING_SCAN_INTERVAL_SECONDS: '0' }, 'demo');
    auth = { Authorization: await demoBearer(t) };
  }, 120_000);

  afterAll(() => t?.close());

  const q1 = async (): Promise<Published & { publishedByName: string }> => {
    const list = await t
      .http()
      .get('/api/v1/reports/published')
      .query({ figure: 'resolution-rate', period: '2025-Q1' })
      .set(auth)
      .expect(200);
    expect(list.body.items).toHaveLength(1);
    return list.body.items[0];
  };

  it('has the 2025-Q1 resolution rate, 116 of 127 items, published by the manager on 2 April 2025', async () => {
    const published = await q1();
    expect(published).toMatchObject({
      definition: 'resolution-rate/v1',
      asOf: '2025-03-31T16:00:00.000Z',
      numerator: 116,
      denominator: 127,
      ratePercent: 91.3,
      itemCount: 127,
      publishedAt: '2025-04-02T01:00:00.000Z',
    });
    const items: StoredItem[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: StoredItem[]; nextCursor: string | null } } = await t
        .http()
        .get(`/api/v1/reports/published/${published.id}/items`)
        .query({ limit: 50, ...(cursor ? { cursor } : {}) })
        .set(auth)
        .expect(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(items).toHaveLength(127);
    expect(new Set(items.map((i) => i.itemKey)).size).toBe(127);
    expect(items.filter((i) => i.inNumerator)).toHaveLength(116);
  });

  it('publishing the 2025-Q1 figure again finds the stored one, with the same checksum', async () => {
    const published = await q1();
    const again = await t
      .http()
      .post('/api/v1/reports/published')
      .set(auth)
      .send({ figure: 'resolution-rate', period: '2025-Q1' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: published.id, checksum: published.checksum });
  });

  it('reconciles the 2025-Q1 figure with the problems resolved since', async () => {
    const published = await q1();
    const res = await t.http().get(`/api/v1/reports/published/${published.id}/reconciliation`).set(auth).expect(200);
    expect(res.body.published.numerator).toBe(116);
    expect(res.body.difference.numerator).toBeGreaterThan(0);
    expect(res.body.now.numerator - 116).toBe(res.body.difference.numerator);
    const moved = res.body.moved as { before: { inNumerator: boolean } | null; reasons: { code: string }[] }[];
    expect(moved.length).toBeGreaterThanOrEqual(res.body.difference.numerator);
    expect(moved.some((m) => m.reasons.some((r) => r.code === 'resolved_later'))).toBe(true);
    for (const m of moved) expect(m.reasons.length).toBeGreaterThan(0);
  });

  it('shows the 2025-Q1 figure in the reconciliations of a week in which one of its items moved', async () => {
    const published = await q1();
    const res = await t.http().get(`/api/v1/reports/published/${published.id}/reconciliation`).set(auth).expect(200);
    const at = (res.body.moved as { reasons: { at: string | null }[] }[])
      .flatMap((m) => m.reasons.map((r) => r.at))
      .filter((x): x is string => x !== null)
      .sort()[0]!;
    const week = DateTime.fromISO(at).setZone('Asia/Shanghai').toFormat("kkkk-'W'WW");
    const report = await t.http().get('/api/v1/reports/weekly').query({ week }).set(auth).expect(200);
    const mine = report.body.reconciliations.find((r: { publishedId: string }) => r.publishedId === published.id);
    expect(mine).toMatchObject({ definition: 'resolution-rate/v1', published: { numerator: 116, denominator: 127 } });
    expect(mine.moved.length).toBeGreaterThan(0);
    const [from, end] = [Date.parse(report.body.week.from), Date.parse(report.body.asOf)];
    const inWeek = (x: string | null) => x !== null && Date.parse(x) >= from && Date.parse(x) < end;
    for (const m of mine.moved as { reasons: { at: string | null }[] }[]) {
      expect(m.reasons.some((r) => inWeek(r.at))).toBe(true);
    }
  });
});
