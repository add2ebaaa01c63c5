import * as jwt from 'jsonwebtoken';
import { Factory, inDays, TestUser } from './factories';
import { countRows } from './factories/more';
import { createTestApp, TestApp } from './support/test-app';

const TEST_SECRET = 'test-secret-that-is-long-enough-0123456789';
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('authentication and authorisation', () => {
  let t: TestApp;
  let f: Factory;
  let official: TestUser;
  let manager: TestUser;
  let enterprise: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    official = await f.user('official');
    manager = await f.user('manager');
    enterprise = await f.enterprise(official);
  });

  afterAll(() => t.close());

  /** A request that needs a token and that any role may make. */
  const whoCanRead = (headers: Record<string, string>) => t.http().get('/api/v1/departments').set(headers);

  describe('login', () => {
    it('answers an access token and the user', async () => {
      const department = await f.department('登录测试局');
      const admin = await f.admin();
      await t
        .http()
        .post('/api/v1/users')
        .set(admin)
        .send({
          username: 'wang.fang',
          password: 'Wang-fang-2025',
          displayName: '王芳',
          role: 'handler',
          departmentId: department.id,
        })
        .expect(201);
      const [row] = await t.db.query(`SELECT id FROM users WHERE username = 'wang.fang'`);

      const res = await t.http().post('/api/v1/auth/login').send({ username: 'wang.fang', password: 'Wang-fang-2025' });
      expect(res.status).toBe(200);
      expect(typeof res.body.accessToken).toBe('string');
      expect(res.body.accessToken.split('.')).toHaveLength(3);
      expect(res.body.user).toMatchObject({
        id: row.id,
        username: 'wang.fang',
        displayName: '王芳',
        role: 'handler',
        departmentId: department.id,
      });
      // The token is HS256 and names the user; it works on the next request.
      const decoded = jwt.verify(res.body.accessToken, TEST_SECRET, { algorithms: ['HS256'] }) as jwt.JwtPayload;
      expect(decoded.sub).toBe(row.id);
      await whoCanRead(bearer(res.body.accessToken)).expect(200);
    });

    it('answers a wrong password and an unknown user with the same 401', async () => {
      const wrong = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ username: official.username, password: 'Wrong-123' });
      const unknown = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ username: 'nobody-here', password: 'Wrong-123' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body.accessToken).toBeUndefined();
    });

    it('says how many attempts are left before the lock, and how long the lock lasts', async () => {
      const user = await f.user('official');
      const answers = [];
      for (let i = 0; i < 5; i += 1) {
        answers.push(await t.http().post('/api/v1/auth/login').send({ username: user.username, password: 'Wrong-1' }));
      }
      expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
      expect(answers.map((r) => r.body.attemptsLeft)).toEqual([4, 3, 2, 1, 0]);
      expect(answers.slice(0, 4).every((r) => r.body.lockedForSeconds === undefined)).toBe(true);
      expect(answers[4]!.body.lockedForSeconds).toBeGreaterThan(14 * 60);
      expect(answers[4]!.body.lockedForSeconds).toBeLessThanOrEqual(15 * 60);
      // The sixth, with the right password, is refused while the lock holds, and says so.
      const locked = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ username: user.username, password: 'Password-123' });
      expect(locked.status).toBe(429);
      expect(locked.body).toMatchObject({ code: 'RATE_LIMITED', locked: true });
      expect(locked.body.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(Number(locked.headers['retry-after'])).toBe(locked.body.retryAfterSeconds);
    });

    it('refuses a login without a password with 400 naming it', async () => {
      const res = await t.http().post('/api/v1/auth/login').send({ username: official.username });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'password' }] });
    });
  });

  describe('tokens', () => {
    it('refuses a request without a token with 401', async () => {
      const res = await t.http().get('/api/v1/departments');
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    });

    it('refuses a token without the Bearer scheme', async () => {
      const res = await t.http().get('/api/v1/departments').set('Authorization', official.token);
      expect(res.status).toBe(401);
      const basic = await t.http().get('/api/v1/departments').set('Authorization', `Basic ${official.token}`);
      expect(basic.status).toBe(401);
    });

    it('refuses a garbage token', async () => {
      const res = await whoCanRead(bearer('not.a.token'));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
      expect((await whoCanRead(bearer('garbage'))).status).toBe(401);
    });

    it('refuses an unsigned token (alg: none) naming a real user', async () => {
      const token = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({
        sub: official.id,
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 3600,
      })}.`;
      const res = await whoCanRead(bearer(token));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a token signed with another secret', async () => {
      const token = jwt.sign({ sub: official.id }, 'another-secret-that-is-also-long-0123456789', {
        algorithm: 'HS256',
        expiresIn: 3600,
      });
      expect((await whoCanRead(bearer(token))).status).toBe(401);
    });

    it('refuses an expired token, while the same token unexpired passes (control)', async () => {
      const expired = jwt.sign({ sub: official.id }, TEST_SECRET, { algorithm: 'HS256', expiresIn: -10 });
      const res = await whoCanRead(bearer(expired));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');

      const fresh = jwt.sign({ sub: official.id }, TEST_SECRET, { algorithm: 'HS256', expiresIn: 60 });
      expect((await whoCanRead(bearer(fresh))).status).toBe(200);
    });

    it('refuses a token once it expires, though the same token passed before', async () => {
      const token = jwt.sign({ sub: official.id }, TEST_SECRET, { algorithm: 'HS256', expiresIn: 2 });
      expect((await whoCanRead(bearer(token))).status).toBe(200);
      const { exp } = jwt.decode(token) as { exp: number };
      await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
      const res = await whoCanRead(bearer(token));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a token signed with the right secret but another algorithm (HS512)', async () => {
      const token = jwt.sign({ sub: official.id }, TEST_SECRET, { algorithm: 'HS512', expiresIn: 60 });
      expect((await whoCanRead(bearer(token))).status).toBe(401);
    });

    it('refuses a valid signature over a user that does not exist or a subject that is not an id', async () => {
      const ghost = jwt.sign({ sub: '00000000-0000-4000-8000-000000000000' }, TEST_SECRET, { expiresIn: 60 });
      expect((await whoCanRead(bearer(ghost))).status).toBe(401);
      const odd = jwt.sign({ sub: 'admin' }, TEST_SECRET, { expiresIn: 60 });
      expect((await whoCanRead(bearer(odd))).status).toBe(401);
      const none = jwt.sign({ role: 'admin' }, TEST_SECRET, { expiresIn: 60 });
      expect((await whoCanRead(bearer(none))).status).toBe(401);
    });

    it('takes the role from the database, not from a claim in the token', async () => {
      const token = jwt.sign({ sub: official.id, role: 'admin' }, TEST_SECRET, { expiresIn: 60 });
      const res = await t.http().post('/api/v1/departments').set(bearer(token)).send({ name: '冒充局', code: 'fake' });
      expect(res.status).toBe(403);
      expect(await countRows(t, 'departments', `code = 'fake'`)).toBe(0);
    });
  });

  describe('changes by the admin take effect on the old token', () => {
    it('refuses a disabled user on their next request, and their login', async () => {
      const user = await f.user('official');
      await whoCanRead(user.auth).expect(200);

      const admin = await f.admin();
      const patched = await t.http().patch(`/api/v1/users/${user.id}`).set(admin).send({ disabled: true });
      expect(patched.status).toBe(200);
      const [stored] = await t.db.query(`SELECT disabled FROM users WHERE id = $1`, [user.id]);
      expect(stored.disabled).toBe(true);

      const res = await whoCanRead(user.auth);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
      const create = await t
        .http()
        .post('/api/v1/problems')
        .set(user.auth)
        .send({ enterpriseId: enterprise.id, title: '停用后提交', category: 'other' });
      expect(create.status).toBe(401);
      expect(await countRows(t, 'problems', `title = '停用后提交'`)).toBe(0);

      // The right password learns that the account is disabled; a wrong one learns nothing more
      // than for any other username.
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ username: user.username, password: 'Password-123' });
      expect(login.status).toBe(403);
      expect(login.body).toMatchObject({ statusCode: 403, code: 'ACCOUNT_DISABLED' });
      expect(login.body.accessToken).toBeUndefined();
      const wrong = await t.http().post('/api/v1/auth/login').send({ username: user.username, password: 'Wrong-123' });
      const unknown = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ username: 'nobody-disabled', password: 'Wrong-123' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      // Both pairs have now failed twice and once respectively: only the attempts left may differ.
      const { attemptsLeft: _w, ...wrongBody } = wrong.body;
      const { attemptsLeft: _u, ...unknownBody } = unknown.body;
      expect(wrongBody).toEqual(unknownBody);
    });

    it('checks every user of many requests at once, and refuses one disabled between two bursts in all of the next', async () => {
      const users = await Promise.all([f.user('official'), f.user('manager'), f.user('official')]);
      const burst = () => Promise.all(users.flatMap((user) => Array.from({ length: 15 }, () => whoCanRead(user.auth))));
      expect((await burst()).map((res) => res.status)).toEqual(Array(45).fill(200));

      const admin = await f.admin();
      await t.http().patch(`/api/v1/users/${users[1]!.id}`).set(admin).send({ disabled: true }).expect(200);
      const statuses = (await burst()).map((res) => res.status);
      expect(statuses).toEqual([...Array(15).fill(200), ...Array(15).fill(401), ...Array(15).fill(200)]);
    });

    it('shows a handler moved to another department the new department’s problems at once, and hides the old', async () => {
      const oldDept = await f.department('原责任单位');
      const newDept = await f.department('新责任单位');
      const handler = await f.user('handler', oldDept.id);
      const oldProblem = await f.problem(official, enterprise.id, { title: '原单位的问题' });
      const newProblem = await f.problem(official, enterprise.id, { title: '新单位的问题' });
      expect(
        (await f.act(manager, oldProblem.id, 'assign', { departmentId: oldDept.id, dueAt: inDays(7) }, 1)).status,
      ).toBe(200);
      expect(
        (await f.act(manager, newProblem.id, 'assign', { departmentId: newDept.id, dueAt: inDays(7) }, 1)).status,
      ).toBe(200);

      await t.http().get(`/api/v1/problems/${oldProblem.id}`).set(handler.auth).expect(200);
      await t.http().get(`/api/v1/problems/${newProblem.id}`).set(handler.auth).expect(404);

      const admin = await f.admin();
      const moved = await t.http().patch(`/api/v1/users/${handler.id}`).set(admin).send({ departmentId: newDept.id });
      expect(moved.status).toBe(200);

      // Same token as before the move.
      const nowOwn = await t.http().get(`/api/v1/problems/${newProblem.id}`).set(handler.auth);
      expect(nowOwn.status).toBe(200);
      expect(nowOwn.body.departmentId).toBe(newDept.id);
      const nowHidden = await t.http().get(`/api/v1/problems/${oldProblem.id}`).set(handler.auth);
      expect(nowHidden.status).toBe(404);
      expect(nowHidden.body.code).toBe('NOT_FOUND');

      const list = await t.http().get('/api/v1/problems').set(handler.auth).expect(200);
      expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([newProblem.id]);

      expect((await f.act(handler, oldProblem.id, 'accept', {}, 2)).status).toBe(404);
      const accepted = await f.act(handler, newProblem.id, 'accept', {}, 2);
      expect(accepted.status).toBe(200);
      expect(accepted.body.status).toBe('in_progress');
      const [old] = await t.db.query(`SELECT status, version FROM problems WHERE id = $1`, [oldProblem.id]);
      expect(old).toEqual({ status: 'assigned', version: 2 });
    });

    it('signs a demoted manager out, and refuses it a manager-only action with 403 after signing in again', async () => {
      const demoted = await f.user('manager');
      const problem = await f.problem(official, enterprise.id, { title: '降级测试' });
      const department = await f.department('降级测试局');
      await t.http().get('/api/v1/reports/resolution-rate?period=2025').set(demoted.auth).expect(200);

      const admin = await f.admin();
      const patched = await t.http().patch(`/api/v1/users/${demoted.id}`).set(admin).send({ role: 'official' });
      expect(patched.status).toBe(200);

      // A role change signs the user out everywhere: the old token is refused.
      const stale = await t.http().get('/api/v1/reports/resolution-rate?period=2025').set(demoted.auth);
      expect(stale.status).toBe(401);
      expect(stale.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      const token = await f.login(demoted.username, 'Password-123');
      demoted.auth = { Authorization: `Bearer ${token}` };

      const report = await t.http().get('/api/v1/reports/resolution-rate?period=2025').set(demoted.auth);
      expect(report.status).toBe(403);
      expect(report.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });

      const assign = await f.act(demoted, problem.id, 'assign', { departmentId: department.id, dueAt: inDays(3) }, 1);
      expect(assign.status).toBe(403);
      expect(assign.body.code).toBe('FORBIDDEN');
      const [row] = await t.db.query(`SELECT status, version, department_id AS d FROM problems WHERE id = $1`, [
        problem.id,
      ]);
      expect(row).toEqual({ status: 'reported', version: 1, d: null });
      expect(await countRows(t, 'problem_events', 'problem_id = $1', [problem.id])).toBe(1);

      // What an official may do works with the new token.
      const created = await t
        .http()
        .post('/api/v1/problems')
        .set(demoted.auth)
        .send({ enterpriseId: enterprise.id, title: '降级后仍可登记', category: 'other' });
      expect(created.status).toBe(201);
    });

    it('answers PATCH /users/:id with the updated user', async () => {
      const department = await f.department('改派答复局');
      const user = await f.user('official');
      const admin = await f.admin();
      const res = await t
        .http()
        .patch(`/api/v1/users/${user.id}`)
        .set(admin)
        .send({ role: 'handler', departmentId: department.id, displayName: '改名', disabled: true });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: user.id,
        username: user.username,
        displayName: '改名',
        role: 'handler',
        departmentId: department.id,
        disabled: true,
      });
    });

    it('refuses PATCH of an unknown user with 404 and a handler without department with 400', async () => {
      const admin = await f.admin();
      const missing = await t
        .http()
        .patch('/api/v1/users/00000000-0000-4000-8000-000000000000')
        .set(admin)
        .send({ disabled: true });
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('NOT_FOUND');

      const user = await f.user('official');
      const res = await t.http().patch(`/api/v1/users/${user.id}`).set(admin).send({ role: 'handler' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'departmentId' }] });
      const [row] = await t.db.query(`SELECT role FROM users WHERE id = $1`, [user.id]);
      expect(row.role).toBe('official');
    });

    it('lets an official promoted to manager read reports once signed in again', async () => {
      const promoted = await f.user('official');
      await t.http().get('/api/v1/reports/resolution-rate?period=2025').set(promoted.auth).expect(403);
      const admin = await f.admin();
      await t.http().patch(`/api/v1/users/${promoted.id}`).set(admin).send({ role: 'manager' }).expect(200);
      await t.http().get('/api/v1/reports/resolution-rate?period=2025').set(promoted.auth).expect(401);
      const token = await f.login(promoted.username, 'Password-123');
      await t
        .http()
        .get('/api/v1/reports/resolution-rate?period=2025')
        .set({ Authorization: `Bearer ${token}` })
        .expect(200);
    });
  });

  describe('roles', () => {
    it('refuses an official creating a department with 403, writing nothing', async () => {
      const before = await countRows(t, 'departments');
      const res = await t.http().post('/api/v1/departments').set(official.auth).send({ name: '越权局', code: 'yq' });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      expect(await countRows(t, 'departments')).toBe(before);
    });

    it('refuses a manager managing users and a handler registering enterprises', async () => {
      const users = await t.http().get('/api/v1/users').set(manager.auth);
      expect(users.status).toBe(403);
      const createUser = await t
        .http()
        .post('/api/v1/users')
        .set(manager.auth)
        .send({ username: 'sneaky', password: 'Sneaky-123', displayName: 'x', role: 'admin' });
      expect(createUser.status).toBe(403);
      expect(await countRows(t, 'users', `username = 'sneaky'`)).toBe(0);

      const department = await f.department();
      const handler = await f.user('handler', department.id);
      const before = await countRows(t, 'enterprises');
      const ent = await t
        .http()
        .post('/api/v1/enterprises')
        .set(handler.auth)
        .send({ name: '经办人登记', district: 'suzhou' });
      expect(ent.status).toBe(403);
      expect(await countRows(t, 'enterprises')).toBe(before);
      expect((await t.http().get('/api/v1/enterprises').set(handler.auth)).status).toBe(403);
    });

    it('checks the token before the role: no token on an admin endpoint is 401, not 403', async () => {
      const res = await t.http().post('/api/v1/departments').send({ name: '无令牌局', code: 'none' });
      expect(res.status).toBe(401);
    });

    it('lets the admin create a department (201 with id)', async () => {
      const res = await t
        .http()
        .post('/api/v1/departments')
        .set(await f.admin())
        .send({ name: '市税务局', code: 'tax' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name: '市税务局', code: 'tax', id: expect.any(String) });
    });
  });

  it('answers GET /api/v1/health with 200 and status ok without a token', async () => {
    const res = await t.http().get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info).toMatchObject({ database: { status: 'up' } });
  });
});
