import { Factory, TestUser } from './factories';
import { countRows, shanghaiYear, snapshot, usccCheck, validUscc } from './factories/more';
import { ADMIN, createTestApp, TestApp } from './support/test-app';

const hourAgo = () => new Date(Date.now() - 3600_000).toISOString();

describe('input validation: refused requests write nothing', () => {
  let t: TestApp;
  let f: Factory;
  let official: TestUser;
  let enterprise: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    official = await f.user('official');
    enterprise = await f.enterprise(official);
    // One accepted problem, so that the tables refused requests must not touch are not empty.
    await f.problem(official, enterprise.id);
  });

  afterAll(() => t.close());

  /** Sends a request, then proves that no table changed. */
  async function refused(send: () => Promise<{ status: number; body: Record<string, unknown> }>) {
    const before = await snapshot(t);
    const res = await send();
    expect(await snapshot(t)).toEqual(before);
    return res;
  }

  const postProblem = (body: unknown) =>
    t
      .http()
      .post('/api/v1/problems')
      .set(official.auth)
      .send(body as object);
  const postVisit = (body: unknown) =>
    t
      .http()
      .post('/api/v1/visits')
      .set(official.auth)
      .send(body as object);

  describe('unknown fields', () => {
    it('refuses an extra status on POST /problems, naming the field', async () => {
      const res = await refused(() =>
        postProblem({
          enterpriseId: enterprise.id,
          title: '用地指标不足',
          category: 'factor_supply',
          status: 'closed',
        }),
      );
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.errors).toEqual([{ field: 'status', message: 'unknown field' }]);
      expect(await countRows(t, 'problems', `title = '用地指标不足'`)).toBe(0);
    });

    it('refuses a client-chosen id on POST /problems', async () => {
      const res = await refused(() =>
        postProblem({
          id: '00000000-0000-4000-8000-000000000001',
          enterpriseId: enterprise.id,
          title: '指定编号',
          category: 'financing',
        }),
      );
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.errors).toEqual([{ field: 'id', message: 'unknown field' }]);
      expect(await countRows(t, 'problems', `id = '00000000-0000-4000-8000-000000000001'`)).toBe(0);
    });

    it('refuses several unknown fields at once, naming each', async () => {
      const res = await refused(() =>
        postProblem({
          enterpriseId: enterprise.id,
          title: '多余字段',
          category: 'financing',
          version: 9,
          code: 'JQ-2025-9999',
        }),
      );
      expect(res.status).toBe(400);
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
      expect(fields).toEqual(['code', 'version']);
    });

    it('refuses an unknown field nested inside problems[0] of POST /visits as problems.0.<name>', async () => {
      const res = await refused(() =>
        postVisit({
          enterpriseId: enterprise.id,
          visitedAt: hourAgo(),
          problems: [{ title: '融资难', category: 'financing', status: 'resolved' }],
        }),
      );
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.errors).toEqual([{ field: 'problems.0.status', message: 'unknown field' }]);
    });

    it('refuses an enterpriseId inside a visit problem (the visit names the enterprise)', async () => {
      const res = await refused(() =>
        postVisit({
          enterpriseId: enterprise.id,
          visitedAt: hourAgo(),
          problems: [
            { title: '用工难', category: 'labour' },
            { title: '融资难', category: 'financing', enterpriseId: enterprise.id },
          ],
        }),
      );
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'problems.1.enterpriseId', message: 'unknown field' }]);
    });

    it('refuses an unknown field on POST /enterprises', async () => {
      const res = await refused(() =>
        t
          .http()
          .post('/api/v1/enterprises')
          .set(official.auth)
          .send({ name: '某公司', district: 'suzhou', createdBy: official.id }),
      );
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'createdBy', message: 'unknown field' }]);
    });
  });

  describe('wrong types and missing fields', () => {
    it('refuses a number as title', async () => {
      const res = await refused(() => postProblem({ enterpriseId: enterprise.id, title: 123, category: 'financing' }));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['title']);
    });

    it('refuses an enterpriseId that is not a UUID', async () => {
      const res = await refused(() => postProblem({ enterpriseId: 'abc', title: '标题', category: 'financing' }));
      expect(res.status).toBe(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['enterpriseId']);
    });

    it('refuses a well-formed enterpriseId that names no enterprise', async () => {
      const res = await refused(() =>
        postProblem({ enterpriseId: '00000000-0000-4000-8000-000000000000', title: '标题', category: 'financing' }),
      );
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'enterpriseId' }] });
    });

    it('refuses a category or visit that names nothing, or a visit to another enterprise, and skips no code', async () => {
      const other = await f.enterprise(official);
      const visit = await t
        .http()
        .post('/api/v1/visits')
        .set(official.auth)
        .send({ enterpriseId: other.id, visitedAt: hourAgo() })
        .expect(201);
      const before = await f.problem(official, enterprise.id);
      const cases: [Record<string, unknown>, string, string][] = [
        [{ category: 'no-such-category' }, 'category', 'no category has the code "no-such-category"'],
        [{ visitId: '00000000-0000-4000-8000-000000000000' }, 'visitId', 'no such visit'],
        [{ visitId: visit.body.id }, 'visitId', 'the visit was to another enterprise'],
      ];
      for (const [change, field, message] of cases) {
        const res = await refused(() =>
          postProblem({ enterpriseId: enterprise.id, title: '标题', category: 'financing', ...change }),
        );
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field, message }] });
      }
      // The refused creates took no number: the next problem's code follows the last one's.
      const after = await f.problem(official, enterprise.id);
      const number = (code: string) => Number(code.split('-')[2]);
      expect(number(after.code)).toBe(number(before.code) + 1);
    });

    it('refuses an unknown source and a string as isAboveScale', async () => {
      const problem = await refused(() =>
        postProblem({ enterpriseId: enterprise.id, title: '标题', category: 'financing', source: 'wechat' }),
      );
      expect(problem.status).toBe(400);
      expect((problem.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['source']);

      const ent = await refused(() =>
        t
          .http()
          .post('/api/v1/enterprises')
          .set(official.auth)
          .send({ name: '某公司', district: 'suzhou', isAboveScale: 'yes' }),
      );
      expect(ent.status).toBe(400);
      expect((ent.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['isAboveScale']);
    });

    it('refuses a string where a visit expects arrays', async () => {
      const res = await refused(() =>
        postVisit({ enterpriseId: enterprise.id, visitedAt: hourAgo(), policiesPromoted: '稳岗返还', problems: 'x' }),
      );
      expect(res.status).toBe(400);
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
      expect(fields).toEqual(['policiesPromoted', 'problems']);
    });

    it('names every missing required field of POST /problems', async () => {
      const res = await refused(() => postProblem({}));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
      expect(fields).toEqual(['category', 'enterpriseId', 'title']);
    });

    it('names a missing title inside a visit problem and a missing visitedAt', async () => {
      const res = await refused(() => postVisit({ enterpriseId: enterprise.id, problems: [{ category: 'labour' }] }));
      expect(res.status).toBe(400);
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
      expect(fields).toEqual(['problems.0.title', 'visitedAt']);
    });

    it('explains a missing or mistyped field as such, not as a length problem', async () => {
      const missing = await refused(() => postProblem({ enterpriseId: enterprise.id, category: 'other' }));
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([
        { field: 'title', message: expect.stringMatching(/string|required|empty/) },
      ]);

      const number = await refused(() => postProblem({ enterpriseId: enterprise.id, title: 123, category: 'other' }));
      expect(number.status).toBe(400);
      expect(number.body.errors).toEqual([{ field: 'title', message: expect.stringMatching(/string/) }]);
    });

    it('refuses a title of spaces only, on POST /problems and inside a visit', async () => {
      const res = await refused(() => postProblem({ enterpriseId: enterprise.id, title: '   ', category: 'other' }));
      expect(res.status).toBe(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['title']);
      expect(await countRows(t, 'problems', `title = ''`)).toBe(0);

      const visit = await refused(() =>
        postVisit({ enterpriseId: enterprise.id, visitedAt: hourAgo(), problems: [{ title: ' ', category: 'other' }] }),
      );
      expect(visit.status).toBe(400);
      expect((visit.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['problems.0.title']);
    });

    it('refuses an enterprise name of spaces only', async () => {
      const res = await refused(() =>
        t.http().post('/api/v1/enterprises').set(official.auth).send({ name: '   ', district: 'suzhou' }),
      );
      expect(res.status).toBe(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['name']);
      expect(await countRows(t, 'enterprises', `name = ''`)).toBe(0);
    });

    it('refuses an unknown category with 400 naming category', async () => {
      const res = await refused(() =>
        postProblem({ enterpriseId: enterprise.id, title: '标题', category: 'nonsense' }),
      );
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'category' }] });
    });
  });

  describe('credit codes (uscc)', () => {
    it('refuses a wrong check character, saying which one was expected', async () => {
      const good = validUscc(1);
      const expected = good[17]!;
      const wrong = expected === '0' ? '1' : '0';
      const res = await refused(() =>
        t
          .http()
          .post('/api/v1/enterprises')
          .set(official.auth)
          .send({ name: '校验位错误公司', district: 'yumen', uscc: good.slice(0, 17) + wrong }),
      );
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      const errors = res.body.errors as { field: string; message: string }[];
      expect(errors).toHaveLength(1);
      expect(errors[0]!.field).toBe('uscc');
      expect(errors[0]!.message).toContain(`should be ${expected}`);
      expect(await countRows(t, 'enterprises', `name = '校验位错误公司'`)).toBe(0);
    });

    it('accepts a published valid code (check character 3) and refuses it with the last character changed', async () => {
      // 91350100M000100Y43 by hand: values 9,1,3,5,0,1,0,0,M=21,0,0,0,1,0,0,Y=30,4 times weights
      // 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 → 9+3+27+135+26+420+8+900+112 = 1640;
      // 1640 mod 31 = 28; 31 - 28 = 3 → check character "3".
      expect(usccCheck('91350100M000100Y4')).toBe('3');
      const ok = await t
        .http()
        .post('/api/v1/enterprises')
        .set(official.auth)
        .send({ name: '公开样例公司', district: 'jinta', uscc: '91350100M000100Y43' });
      expect(ok.status).toBe(201);
      expect(ok.body.uscc).toBe('91350100M000100Y43');

      const bad = await refused(() =>
        t
          .http()
          .post('/api/v1/enterprises')
          .set(official.auth)
          .send({ name: '改错样例公司', district: 'jinta', uscc: '91350100M000100Y44' }),
      );
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([{ field: 'uscc', message: expect.stringContaining('should be 3') }]);
    });

    it('refuses a code of the wrong length or with a forbidden letter', async () => {
      const short = await refused(() =>
        t
          .http()
          .post('/api/v1/enterprises')
          .set(official.auth)
          .send({ name: '短码', district: 'suzhou', uscc: '9162' }),
      );
      expect(short.status).toBe(400);
      expect(short.body.errors).toEqual([{ field: 'uscc', message: expect.stringContaining('18') }]);

      const letter = await refused(() =>
        t
          .http()
          .post('/api/v1/enterprises')
          .set(official.auth)
          .send({ name: '禁用字母', district: 'suzhou', uscc: '91620900MA0000O01X' }),
      );
      expect(letter.status).toBe(400);
      expect(letter.body.errors).toEqual([{ field: 'uscc', message: expect.stringContaining('"O"') }]);
    });

    it('refuses a duplicate code with 409, also when sent in lower case, keeping one enterprise', async () => {
      const uscc = validUscc(2);
      await f.enterprise(official, { uscc });
      expect(await countRows(t, 'enterprises', 'uscc = $1', [uscc])).toBe(1);

      const again = await refused(() =>
        t.http().post('/api/v1/enterprises').set(official.auth).send({ name: '重复公司', district: 'suzhou', uscc }),
      );
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ statusCode: 409, code: 'DUPLICATE', errors: [{ field: 'uscc' }] });

      const lower = await refused(() =>
        t
          .http()
          .post('/api/v1/enterprises')
          .set(official.auth)
          .send({ name: '重复公司二', district: 'suzhou', uscc: ` ${uscc.toLowerCase()} ` }),
      );
      expect(lower.status).toBe(409);
      expect(await countRows(t, 'enterprises', 'uscc = $1', [uscc])).toBe(1);
    });
  });

  describe('timestamps', () => {
    it('refuses a reportedAt in the future', async () => {
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
      const res = await refused(() =>
        postProblem({ enterpriseId: enterprise.id, title: '未来', category: 'other', reportedAt: tomorrow }),
      );
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['reportedAt']);
    });

    it('refuses a reportedAt without an offset', async () => {
      const res = await refused(() =>
        postProblem({
          enterpriseId: enterprise.id,
          title: '无时区',
          category: 'other',
          reportedAt: '2025-03-01T10:00:00',
        }),
      );
      expect(res.status).toBe(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['reportedAt']);
    });

    it('refuses a reportedAt that is not a timestamp and one before 2000', async () => {
      const text = await refused(() =>
        postProblem({ enterpriseId: enterprise.id, title: '乱写', category: 'other', reportedAt: 'yesterday' }),
      );
      expect(text.status).toBe(400);
      expect((text.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['reportedAt']);

      const old = await refused(() =>
        postProblem({
          enterpriseId: enterprise.id,
          title: '太早',
          category: 'other',
          reportedAt: '1999-12-31T00:00:00Z',
        }),
      );
      expect(old.status).toBe(400);
      expect((old.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['reportedAt']);
    });

    it('accepts a backdated reportedAt with an offset and returns it as that instant', async () => {
      const res = await postProblem({
        enterpriseId: enterprise.id,
        title: '补录',
        category: 'other',
        reportedAt: '2025-03-31T23:30:00+08:00',
      });
      expect(res.status).toBe(201);
      expect(res.body.reportedAt).toBe('2025-03-31T15:30:00.000Z');
      expect(res.body.code).toMatch(/^JQ-2025-\d{4}$/);
    });

    it('numbers a problem by the year of its reportedAt in Beijing time', async () => {
      // 2024-12-31T17:00Z is 1 January 2025, 01:00 in Beijing.
      const res = await postProblem({
        enterpriseId: enterprise.id,
        title: '跨年',
        category: 'other',
        reportedAt: '2024-12-31T17:00:00Z',
      });
      expect(res.status).toBe(201);
      expect(res.body.code).toMatch(/^JQ-2025-\d{4}$/);
    });

    it('refuses a visit dated in the future', async () => {
      const res = await refused(() =>
        postVisit({ enterpriseId: enterprise.id, visitedAt: new Date(Date.now() + 86_400_000).toISOString() }),
      );
      expect(res.status).toBe(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['visitedAt']);
    });
  });

  describe('bodies that cannot be read', () => {
    it('answers malformed JSON with 400, not 500, and no internals', async () => {
      const res = await refused(() =>
        t
          .http()
          .post('/api/v1/problems')
          .set(official.auth)
          .set('Content-Type', 'application/json')
          .send('{"enterpriseId": "x", "title": '),
      );
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'the request body is not valid JSON',
      });
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js|node_modules|stack/i);
    });

    it('refuses a body that is not JSON with 415', async () => {
      const res = await refused(() =>
        t
          .http()
          .post('/api/v1/problems')
          .set(official.auth)
          .type('form')
          .send({ enterpriseId: enterprise.id, title: '表单', category: 'other' }),
      );
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('answers a body over 100 kB with 413', async () => {
      const res = await refused(() =>
        postProblem({
          enterpriseId: enterprise.id,
          title: '超大',
          category: 'other',
          description: 'x'.repeat(110 * 1024),
        }),
      );
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    });

    it('refuses a description over 5000 characters (a body under the size limit reaches validation)', async () => {
      const res = await refused(() =>
        postProblem({ enterpriseId: enterprise.id, title: '很长', category: 'other', description: 'x'.repeat(5001) }),
      );
      expect(res.status).toBe(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['description']);
    });
  });

  describe('a visit is all or nothing', () => {
    it('refuses a visit whose second problem has an unknown category, leaving no visit, problem or event', async () => {
      const before = await snapshot(t);
      const visitsOfEnterprise = await countRows(t, 'visits', 'enterprise_id = $1', [enterprise.id]);
      const res = await postVisit({
        enterpriseId: enterprise.id,
        visitedAt: hourAgo(),
        purpose: '全有或全无',
        problems: [
          { title: '第一个问题正常', category: 'labour' },
          { title: '第二个问题类别不存在', category: 'no_such_category' },
        ],
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.errors).toEqual([{ field: 'problems.1.category', message: expect.any(String) }]);

      expect(await snapshot(t)).toEqual(before);
      expect(await countRows(t, 'visits', 'enterprise_id = $1', [enterprise.id])).toBe(visitsOfEnterprise);
      expect(await countRows(t, 'visits', `purpose = '全有或全无'`)).toBe(0);
      expect(await countRows(t, 'problems', `title = '第一个问题正常'`)).toBe(0);
    });

    it('does not use up a problem code for the refused visit', async () => {
      const year = shanghaiYear();
      const first = await f.problem(official, enterprise.id);
      const failed = await postVisit({
        enterpriseId: enterprise.id,
        visitedAt: hourAgo(),
        problems: [
          { title: '会回滚', category: 'labour' },
          { title: '类别错', category: 'nope' },
        ],
      });
      expect(failed.status).toBe(400);
      const next = await f.problem(official, enterprise.id);
      const n = (code: string) => Number(code.split('-')[2]);
      expect(first.code).toMatch(new RegExp(`^JQ-${year}-\\d{4}$`));
      expect(next.code).toMatch(new RegExp(`^JQ-${year}-\\d{4}$`));
      expect(n(next.code)).toBe(n(first.code) + 1);
    });

    it('writes the visit, its officials, problems and created events together when all is valid', async () => {
      const before = await snapshot(t);
      const res = await postVisit({
        enterpriseId: enterprise.id,
        visitedAt: hourAgo(),
        problems: [
          { title: '甲', category: 'labour' },
          { title: '乙', category: 'markets' },
        ],
      });
      expect(res.status).toBe(201);
      const after = await snapshot(t);
      expect(after.visits - before.visits).toBe(1);
      expect(after.visit_officials - before.visit_officials).toBe(1);
      expect(after.problems - before.problems).toBe(2);
      expect(after.problem_events - before.problem_events).toBe(2);
    });
  });

  describe('password hashes never leave the service', () => {
    const HASH = /\$argon2|password|hash/i;

    it('POST /users answers the user without password or hash', async () => {
      const admin = await f.admin();
      const res = await t
        .http()
        .post('/api/v1/users')
        .set(admin)
        .send({ username: 'li.na', password: 'Secret-pass-1', displayName: '李娜', role: 'manager' });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual([
        'departmentId',
        'disabled',
        'displayName',
        'id',
        'role',
        'username',
      ]);
      expect(res.body).toMatchObject({ username: 'li.na', displayName: '李娜', role: 'manager', departmentId: null });
      expect(JSON.stringify(res.body)).not.toMatch(HASH);
      // The hash is there, in the database only.
      const [row] = await t.db.query(`SELECT password_hash AS h FROM users WHERE username = 'li.na'`);
      expect(row.h).toMatch(/^\$argon2id\$/);
    });

    it('GET /users lists users without passwords or hashes', async () => {
      const admin = await f.admin();
      const res = await t.http().get('/api/v1/users').set(admin).expect(200);
      const users = res.body as Record<string, unknown>[];
      expect(users.length).toBe(await countRows(t, 'users'));
      expect(users.map((u) => u.username)).toEqual(expect.arrayContaining([ADMIN.username, official.username]));
      expect(JSON.stringify(res.body)).not.toMatch(HASH);
    });

    it('login answers the token and the user without a hash', async () => {
      const res = await t.http().post('/api/v1/auth/login').send(ADMIN).expect(200);
      const [admin] = await t.db.query(`SELECT id FROM users WHERE username = $1`, [ADMIN.username]);
      expect(res.body.user).toMatchObject({
        id: admin.id,
        username: ADMIN.username,
        displayName: ADMIN.username,
        role: 'admin',
        departmentId: null,
      });
      const { accessToken, ...rest } = res.body;
      expect(typeof accessToken).toBe('string');
      expect(JSON.stringify(rest)).not.toMatch(HASH);
    });

    it('PATCH /users answers without the hash when the password changes', async () => {
      const admin = await f.admin();
      const target = await f.user('official');
      const res = await t
        .http()
        .patch(`/api/v1/users/${target.id}`)
        .set(admin)
        .send({ password: 'Another-pass-2' })
        .expect(200);
      expect(JSON.stringify(res.body)).not.toMatch(HASH);
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ username: target.username, password: 'Another-pass-2' })
        .expect(200);
    });
  });
});
