import { Factory, TestUser } from './factories';
import { countRows, shanghaiYear } from './factories/more';
import { createTestApp, TestApp } from './support/test-app';

describe('Idempotency-Key on creates, and codes under concurrency', () => {
  let t: TestApp;
  let f: Factory;
  let official: TestUser;
  let otherOfficial: TestUser;
  let enterprise: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    official = await f.user('official');
    otherOfficial = await f.user('official');
    enterprise = await f.enterprise(official);
  });

  afterAll(() => t.close());

  const visitBody = (purpose: string) => ({
    enterpriseId: enterprise.id,
    visitedAt: new Date(Date.now() - 7200_000).toISOString(),
    purpose,
    policiesPromoted: ['增值税留抵退税'],
    problems: [
      { title: `${purpose}-用电`, category: 'factor_supply' },
      { title: `${purpose}-融资`, category: 'financing', description: '贷款审批慢' },
    ],
  });

  const postVisit = (as: TestUser, key: string, body: object) =>
    t.http().post('/api/v1/visits').set(as.auth).set('Idempotency-Key', key).send(body);

  it('answers ten parallel retries of one visit with one and the same 201, creating it once', async () => {
    const body = visitBody('并发重试');
    const responses = await Promise.all(Array.from({ length: 10 }, () => postVisit(official, 'visit-key-1', body)));

    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    const first = responses[0]!.body;
    expect(first.problems).toHaveLength(2);
    for (const res of responses) expect(res.body).toEqual(first);
    const codes = first.problems.map((p: { code: string }) => p.code);
    expect(new Set(codes).size).toBe(2);

    expect(await countRows(t, 'visits', `purpose = '并发重试'`)).toBe(1);
    expect(await countRows(t, 'visits', 'id = $1', [first.id])).toBe(1);
    expect(await countRows(t, 'problems', 'visit_id = $1', [first.id])).toBe(2);
    expect(await countRows(t, 'problems', `title LIKE '并发重试-%'`)).toBe(2);
    expect(await countRows(t, 'visit_officials', 'visit_id = $1', [first.id])).toBe(1);
    expect(
      await countRows(t, 'problem_events', 'problem_id IN (SELECT id FROM problems WHERE visit_id = $1)', [first.id]),
    ).toBe(2);
    expect(await countRows(t, 'idempotency_keys', `key = 'visit-key-1'`)).toBe(1);
  });

  it('answers a later sequential retry with the stored answer', async () => {
    const body = visitBody('顺序重试');
    const first = await postVisit(official, 'visit-key-2', body);
    expect(first.status).toBe(201);
    const again = await postVisit(official, 'visit-key-2', body);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await countRows(t, 'visits', `purpose = '顺序重试'`)).toBe(1);
  });

  it('treats the same body with its keys in another order as the same request', async () => {
    const body = visitBody('字段顺序');
    const first = await postVisit(official, 'visit-key-order', body);
    expect(first.status).toBe(201);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await postVisit(official, 'visit-key-order', reordered);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await countRows(t, 'visits', `purpose = '字段顺序'`)).toBe(1);
  });

  it('refuses the same key with a different body with 422 IDEMPOTENCY_KEY_REUSED, creating nothing', async () => {
    const first = await postVisit(official, 'visit-key-3', visitBody('原请求'));
    expect(first.status).toBe(201);
    const visits = await countRows(t, 'visits');
    const problems = await countRows(t, 'problems');

    const different = await postVisit(official, 'visit-key-3', visitBody('另一个请求'));
    expect(different.status).toBe(422);
    expect(different.body).toMatchObject({ statusCode: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await countRows(t, 'visits')).toBe(visits);
    expect(await countRows(t, 'problems')).toBe(problems);
    expect(await countRows(t, 'visits', `purpose = '另一个请求'`)).toBe(0);

    // The same key on the other route is a different request too.
    const onProblems = await t
      .http()
      .post('/api/v1/problems')
      .set(official.auth)
      .set('Idempotency-Key', 'visit-key-3')
      .send({ enterpriseId: enterprise.id, title: '换路由', category: 'other' });
    expect(onProblems.status).toBe(422);
    expect(onProblems.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countRows(t, 'problems')).toBe(problems);
  });

  it('keeps keys per user: another user with the same key and body creates their own visit', async () => {
    const body = visitBody('各用各的');
    const mine = await postVisit(official, 'shared-key', body);
    const theirs = await postVisit(otherOfficial, 'shared-key', body);
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.createdBy).toBe(otherOfficial.id);
    expect(mine.body.createdBy).toBe(official.id);
    expect(await countRows(t, 'visits', `purpose = '各用各的'`)).toBe(2);

    // And a different body under that key is refused only for the user who used it.
    const reuse = await postVisit(otherOfficial, 'shared-key', visitBody('别的'));
    expect(reuse.status).toBe(422);
  });

  it('does not store a key when the create was refused, so a corrected retry with it succeeds', async () => {
    const bad = { ...visitBody('先错后对'), problems: [{ title: '类别错', category: 'no_such' }] };
    const refused = await postVisit(official, 'visit-key-4', bad);
    expect(refused.status).toBe(400);
    expect(await countRows(t, 'idempotency_keys', `key = 'visit-key-4'`)).toBe(0);

    const good = await postVisit(official, 'visit-key-4', visitBody('先错后对'));
    expect(good.status).toBe(201);
    expect(await countRows(t, 'visits', `purpose = '先错后对'`)).toBe(1);
  });

  it('refuses a malformed Idempotency-Key with 400 naming the header', async () => {
    const res = await postVisit(official, 'x'.repeat(201), visitBody('坏键'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'Idempotency-Key' }] });
    expect(await countRows(t, 'visits', `purpose = '坏键'`)).toBe(0);
  });

  describe('POST /problems', () => {
    const postProblem = (key: string, body: object) =>
      t.http().post('/api/v1/problems').set(official.auth).set('Idempotency-Key', key).send(body);

    it('returns the same problem on a sequential retry', async () => {
      const body = { enterpriseId: enterprise.id, title: '重试问题', category: 'labour', source: 'hotline' };
      const first = await postProblem('problem-key-1', body);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ status: 'reported', version: 1, source: 'hotline' });
      const again = await postProblem('problem-key-1', body);
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      expect(again.body.code).toBe(first.body.code);
      expect(again.body).toEqual(first.body);
      expect(await countRows(t, 'problems', `title = '重试问题'`)).toBe(1);
      expect(await countRows(t, 'problem_events', 'problem_id = $1', [first.body.id])).toBe(1);
    });

    it('creates one problem from ten parallel retries', async () => {
      const body = { enterpriseId: enterprise.id, title: '并发问题', category: 'markets' };
      const responses = await Promise.all(Array.from({ length: 10 }, () => postProblem('problem-key-2', body)));
      expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      expect(await countRows(t, 'problems', `title = '并发问题'`)).toBe(1);
    });

    it('refuses the key with another body with 422', async () => {
      const first = await postProblem('problem-key-3', {
        enterpriseId: enterprise.id,
        title: '甲',
        category: 'labour',
      });
      expect(first.status).toBe(201);
      const before = await countRows(t, 'problems');
      const other = await postProblem('problem-key-3', {
        enterpriseId: enterprise.id,
        title: '乙',
        category: 'labour',
      });
      expect(other.status).toBe(422);
      expect(other.body).toMatchObject({ statusCode: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
      expect(await countRows(t, 'problems')).toBe(before);
    });

    it('creates a new problem each time when no key is sent', async () => {
      const body = { enterpriseId: enterprise.id, title: '无键', category: 'labour' };
      const a = await t.http().post('/api/v1/problems').set(official.auth).send(body).expect(201);
      const b = await t.http().post('/api/v1/problems').set(official.auth).send(body).expect(201);
      expect(a.body.id).not.toBe(b.body.id);
      expect(await countRows(t, 'problems', `title = '无键'`)).toBe(2);
    });
  });

  it('gives 20 problems created in parallel 20 distinct, consecutive codes JQ-<year>-NNNN', async () => {
    const year = shanghaiYear();
    const before = await countRows(t, 'problems', 'code LIKE $1', [`JQ-${year}-%`]);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t
          .http()
          .post('/api/v1/problems')
          .set(official.auth)
          .send({ enterpriseId: enterprise.id, title: `并行编号${i}`, category: 'other' }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const codes: string[] = responses.map((r) => r.body.code);
    for (const code of codes) expect(code).toMatch(new RegExp(`^JQ-${year}-\\d{4}$`));
    expect(new Set(codes).size).toBe(20);
    // Every code this year so far was handed out once: the numbers are exactly before+1 .. before+20.
    const numbers = codes.map((c) => Number(c.slice(-4))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
    expect(await countRows(t, 'problems', `title LIKE '并行编号%'`)).toBe(20);
  });
});
