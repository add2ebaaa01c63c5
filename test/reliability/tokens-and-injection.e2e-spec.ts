import { createHmac, generateKeyPairSync, randomBytes, randomUUID, sign as cryptoSign } from 'node:crypto';
import type { Response, Test } from 'supertest';
import { Factory, inDays, TestUser } from '../factories';
import { ADMIN, createTestApp, TestApp } from '../support/test-app';
import { countChanges, inPool, printFigure, ResponseLog, tableCounts, Tally } from './figures';

/** The signing key the test app runs with (test/support/test-app.ts). */
const SECRET = 'test-secret-that-is-long-enough-0123456789';

const b64 = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const hmac = (algorithm: 'sha256' | 'sha384' | 'sha512', key: string | Buffer) => (input: string) =>
  createHmac(algorithm, key).update(input).digest('base64url');
/** A compact JWS built by hand, so that every byte of it is under the test's control. */
const compact = (header: object, payload: object | string, sign: (input: string) => string) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign(input)}`;
};
const HS256 = { alg: 'HS256', typ: 'JWT' };
const unique = () => randomBytes(4).toString('hex');

describe('tokens, mass assignment and injection', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let manager: TestUser;
  let official: TestUser;
  let handlerA: TestUser;
  let handlerB: TestUser;
  let deptA: { id: string };
  let deptB: { id: string };
  let enterprise: { id: string };
  let problemA: { id: string; code: string };
  let problemB: { id: string; code: string };
  const tokens = new Tally('tokens');
  const injection = new Tally('injection');
  const log = new ResponseLog();

  const api = (path: string) => `/api/v1${path}`;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const claims = (sub: unknown, extra: Record<string, unknown> = {}) => ({
    sub,
    iat: now(),
    exp: now() + 3600,
    ...extra,
  });

  async function send(label: string, request: Test): Promise<Response> {
    const res = await request;
    log.add(label, res);
    return res;
  }

  const problemRow = async (id: string) =>
    (
      await t.db.query(
        `SELECT status, version, department_id, escalated, title, created_by,
                (SELECT count(*)::int FROM problem_events e WHERE e.problem_id = p.id) AS events
         FROM problems p WHERE id = $1`,
        [id],
      )
    )[0];
  const userRow = async (id: string) =>
    (
      await t.db.query(
        `SELECT username, display_name, role, department_id, disabled, password_hash, created_at FROM users WHERE id = $1`,
        [id],
      )
    )[0];

  /**
   * A user written straight into the table (sparing two argon2 runs per user), holding the token
   * the login would issue: HS256 over { sub, iat, exp } with the service's secret.
   */
  async function quickUser(role: TestUser['role'], departmentId?: string): Promise<TestUser> {
    const username = `quick-${role}-${unique()}`;
    const [row] = await t.db.query(
      `INSERT INTO users (username, display_name, role, department_id, password_hash)
       SELECT $1, $1, $2, $3, password_hash FROM users WHERE id = $4 RETURNING id`,
      [username, role, departmentId ?? null, official.id],
    );
    const token = compact(HS256, claims(row.id), hmac('sha256', SECRET));
    return { id: row.id, username, role, departmentId: departmentId ?? null, token, auth: bearer(token) };
  }

  /**
   * A password, role or disable change signs the user out (issue 19): the old token answers 401,
   * and the user signs in again (a token of the user's current version) to go on.
   */
  async function signedOutThenBack(user: TestUser, label: string): Promise<void> {
    const stale = await send(label, t.http().get(api('/departments')).set(user.auth));
    tokens.check(`${label}: old token refused`, stale.status === 401, () => `${stale.status} ${stale.text}`);
    expect(stale.status).toBe(401);
    const [row] = await t.db.query(`SELECT token_version AS ver FROM users WHERE id = $1`, [user.id]);
    user.token = compact(HS256, claims(user.id, { ver: row.ver }), hmac('sha256', SECRET));
    user.auth = bearer(user.token);
  }

  async function assignedProblem(dept: { id: string }, title: string) {
    const created = await f.problem(official, enterprise.id, { title });
    const res = await f.act(manager, created.id, 'assign', { departmentId: dept.id, dueAt: inDays(10) }, 1);
    expect(res.status).toBe(200);
    return created;
  }

  beforeAll(async () => {
    t = await createTestApp({ WARNING_SCAN_INTERVAL_SECONDS: '0' });
    f = new Factory(t);
    const adminAuth = await f.admin();
    const [adminRow] = await t.db.query(`SELECT id FROM users WHERE username = $1`, [ADMIN.username]);
    admin = {
      id: adminRow.id,
      username: ADMIN.username,
      role: 'admin',
      departmentId: null,
      token: adminAuth.Authorization.slice(7),
      auth: adminAuth,
    };
    deptA = await f.department('令牌甲局');
    deptB = await f.department('令牌乙局');
    official = await f.user('official');
    manager = await quickUser('manager');
    handlerA = await quickUser('handler', deptA.id);
    handlerB = await quickUser('handler', deptB.id);
    enterprise = await f.enterprise(official);
    problemA = await assignedProblem(deptA, '甲局的问题');
    problemB = await assignedProblem(deptB, '乙局的问题');
  });

  afterAll(async () => {
    tokens.print();
    injection.print();
    await t?.close();
  });

  // ---------------------------------------------------------------------------------------------
  describe('forged, tampered and stale tokens', () => {
    /** Each token is tried on a read and on an admin-only write; both must answer 401 and write nothing. */
    async function refused(label: string, authorization: string, own = true) {
      const before = own ? await tableCounts(t) : undefined;
      const rowBefore = own ? await problemRow(problemB.id) : undefined;
      const read = await send(
        `${label} read`,
        t
          .http()
          .get(api(`/problems/${problemB.id}`))
          .set('Authorization', authorization),
      );
      const write = await send(
        `${label} write`,
        t
          .http()
          .post(api('/departments'))
          .set('Authorization', authorization)
          .send({ name: `伪造局${unique()}`, code: `forged${unique()}` }),
      );
      const problems: string[] = [];
      for (const [what, res] of [
        ['read', read],
        ['write', write],
      ] as const) {
        if (res.status !== 401 || res.body.code !== 'UNAUTHENTICATED' || res.body.statusCode !== 401) {
          problems.push(`${what}: ${res.status} ${res.text}`);
        }
      }
      if (before) {
        const changes = countChanges(before, await tableCounts(t));
        if (changes.length) problems.push(`wrote ${changes.join(', ')}`);
        if (JSON.stringify(await problemRow(problemB.id)) !== JSON.stringify(rowBefore))
          problems.push('problem changed');
      }
      tokens.check(label, problems.length === 0, () => problems.join('; '));
      return problems;
    }

    it('accepts the hand-built HS256 token of the right secret (the control every forgery is measured against)', async () => {
      const token = compact(HS256, claims(admin.id), hmac('sha256', SECRET));
      const res = await send(
        'control',
        t
          .http()
          .get(api(`/problems/${problemB.id}`))
          .set(bearer(token)),
      );
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(problemB.id);
      tokens.check('control token accepted', res.status === 200);
    });

    it('refuses every forged or tampered token with 401 and writes nothing', async () => {
      const valid = (await f.login(official.username, 'Password-123')).split('.');
      const [validHeader, validPayload, validSignature] = valid as [string, string, string];
      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const rsaSign = (input: string) => cryptoSign('sha256', Buffer.from(input), rsa.privateKey).toString('base64url');
      const ecSign = (input: string) =>
        cryptoSign('sha256', Buffer.from(input), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }).toString(
          'base64url',
        );
      const adminClaims = claims(admin.id);
      const editedPayload = (change: Record<string, unknown>) =>
        b64({ ...JSON.parse(Buffer.from(validPayload, 'base64url').toString()), ...change });

      const cases: [string, string][] = [
        ['alg none, empty signature', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(adminClaims)}.`],
        ['alg none, two segments', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(adminClaims)}`],
        ['alg None', `${b64({ alg: 'None', typ: 'JWT' })}.${b64(adminClaims)}.`],
        ['alg NONE', `${b64({ alg: 'NONE', typ: 'JWT' })}.${b64(adminClaims)}.`],
        ['alg nOnE', `${b64({ alg: 'nOnE' })}.${b64(adminClaims)}.`],
        ['alg none keeping a valid signature', `${b64({ alg: 'none', typ: 'JWT' })}.${validPayload}.${validSignature}`],
        [
          'HS256 with a wrong secret',
          compact(HS256, adminClaims, hmac('sha256', 'another-secret-that-is-long-0123456789')),
        ],
        ['HS256 with an empty key', compact(HS256, adminClaims, hmac('sha256', ''))],
        [
          'HS256 with the secret less its last character',
          compact(HS256, adminClaims, hmac('sha256', SECRET.slice(0, -1))),
        ],
        ['HS256 with the secret and one more character', compact(HS256, adminClaims, hmac('sha256', `${SECRET}x`))],
        ['HS256 with the secret in capitals', compact(HS256, adminClaims, hmac('sha256', SECRET.toUpperCase()))],
        [
          'HS256 with kid path traversal and an empty key',
          compact({ ...HS256, kid: '../../../../dev/null' }, adminClaims, hmac('sha256', '')),
        ],
        ['HS384 with the right secret', compact({ alg: 'HS384', typ: 'JWT' }, adminClaims, hmac('sha384', SECRET))],
        ['HS512 with the right secret', compact({ alg: 'HS512', typ: 'JWT' }, adminClaims, hmac('sha512', SECRET))],
        ['RS256 with a key of our own', compact({ alg: 'RS256', typ: 'JWT' }, adminClaims, rsaSign)],
        [
          'RS256 with our public key embedded as jwk',
          compact({ alg: 'RS256', typ: 'JWT', jwk: rsa.publicKey.export({ format: 'jwk' }) }, adminClaims, rsaSign),
        ],
        ['ES256 with a key of our own', compact({ alg: 'ES256', typ: 'JWT' }, adminClaims, ecSign)],
        [
          'HS256 keyed with a public key PEM (algorithm confusion)',
          compact(HS256, adminClaims, hmac('sha256', rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string)),
        ],
        [
          'header alg changed to HS512, signature kept',
          `${b64({ alg: 'HS512', typ: 'JWT' })}.${validPayload}.${validSignature}`,
        ],
        [
          'header alg changed to RS256, signature kept',
          `${b64({ alg: 'RS256', typ: 'JWT' })}.${validPayload}.${validSignature}`,
        ],
        [
          'payload sub changed to the admin, signature kept',
          `${validHeader}.${editedPayload({ sub: admin.id })}.${validSignature}`,
        ],
        [
          'payload role claim added, signature kept',
          `${validHeader}.${editedPayload({ role: 'admin' })}.${validSignature}`,
        ],
        [
          'payload exp extended, signature kept',
          `${validHeader}.${editedPayload({ exp: now() + 86400 * 365 })}.${validSignature}`,
        ],
        ['admin payload under another token’s signature', `${validHeader}.${b64(adminClaims)}.${validSignature}`],
        ['signature stripped', `${validHeader}.${validPayload}.`],
        [
          'signature with its first character changed',
          `${validHeader}.${validPayload}.${validSignature[0] === 'A' ? 'B' : 'A'}${validSignature.slice(1)}`,
        ],
        ['expired a second ago', compact(HS256, claims(admin.id, { exp: now() - 1 }), hmac('sha256', SECRET))],
        ['expired in 1970', compact(HS256, claims(admin.id, { iat: 0, exp: 1 }), hmac('sha256', SECRET))],
        [
          'not valid before a minute from now (nbf)',
          compact(HS256, claims(admin.id, { nbf: now() + 60 }), hmac('sha256', SECRET)),
        ],
        ['not valid before 2100 (nbf)', compact(HS256, claims(admin.id, { nbf: 4102444800 }), hmac('sha256', SECRET))],
        [
          'exp written as a string',
          compact(HS256, claims(admin.id, { exp: String(now() + 3600) }), hmac('sha256', SECRET)),
        ],
        ['sub a number', compact(HS256, claims(1), hmac('sha256', SECRET))],
        ['sub an array holding the admin id', compact(HS256, claims([admin.id]), hmac('sha256', SECRET))],
        ['sub an object holding the admin id', compact(HS256, claims({ id: admin.id }), hmac('sha256', SECRET))],
        ['sub null', compact(HS256, claims(null), hmac('sha256', SECRET))],
        ['sub empty', compact(HS256, claims(''), hmac('sha256', SECRET))],
        ['no sub at all', compact(HS256, { iat: now(), exp: now() + 60, role: 'admin' }, hmac('sha256', SECRET))],
        ["sub ' OR '1'='1", compact(HS256, claims("' OR '1'='1"), hmac('sha256', SECRET))],
        ['sub the admin id then SQL', compact(HS256, claims(`${admin.id}' OR '1'='1`), hmac('sha256', SECRET))],
        ['sub the admin id with spaces around', compact(HS256, claims(` ${admin.id} `), hmac('sha256', SECRET))],
        ['sub a random uuid (a user deleted in effect)', compact(HS256, claims(randomUUID()), hmac('sha256', SECRET))],
        ['four segments', `${validHeader}.${validPayload}.${validSignature}.${validSignature}`],
        ['header not JSON', `${b64('not json')}.${validPayload}.${validSignature}`],
        ['payload not JSON', compact(HS256, 'not json', hmac('sha256', SECRET))],
        ['base64 padding and + / characters', `${validHeader}=.${validPayload.replace(/-/g, '+')}=.${validSignature}`],
        ['8 kB of garbage', 'x'.repeat(8192)],
        ['Latin-1 token', 'tökén.tökén.tökén'],
      ];
      const failed: string[] = [];
      // Several at a time; every one is refused, so the rows are compared once around them all.
      const before = await tableCounts(t);
      const rowBefore = await problemRow(problemB.id);
      const results = await inPool(cases, 6, ([label, token]) => refused(label, `Bearer ${token}`, false));
      results.forEach((problems, i) => failed.push(...problems.map((p) => `${cases[i]![0]}: ${p}`)));
      expect(failed).toEqual([]);
      expect(countChanges(before, await tableCounts(t))).toEqual([]);
      expect(await problemRow(problemB.id)).toEqual(rowBefore);
      expect(cases.length).toBeGreaterThanOrEqual(45);
    });

    it('reads the scheme case-insensitively and refuses what is not one bearer token', async () => {
      const token = handlerA.token;
      // Accepted forms: the same handler, scoped to department A.
      for (const header of [`Bearer ${token}`, `bearer ${token}`, `BEARER ${token}`, `Bearer ${token}   `]) {
        const res = await send(
          `scheme ${header.slice(0, 8)}`,
          t.http().get(api('/problems')).set('Authorization', header),
        );
        const ids = (res.body.items ?? []).map((p: { id: string }) => p.id);
        tokens.check(
          `accepted "${header.slice(0, 7)}…"`,
          res.status === 200 && ids.join() === problemA.id,
          () => `${res.status} ${res.text}`,
        );
        expect([res.status, ids]).toEqual([200, [problemA.id]]);
      }
      // Lenient forms: refused, or else judged as exactly this handler (never anyone else).
      for (const header of [
        `Bearer  ${token}`,
        `Bearer\t${token}`,
        `Bearer ${token} extra`,
        `Bearer ${token},Bearer ${handlerB.token}`,
      ]) {
        const res = await send(
          `lenient ${JSON.stringify(header.slice(0, 8))}`,
          t.http().get(api('/problems')).set('Authorization', header),
        );
        const ids = (res.body.items ?? []).map((p: { id: string }) => p.id);
        const ok =
          (res.status === 401 && res.body.code === 'UNAUTHENTICATED') ||
          (res.status === 200 && ids.join() === problemA.id);
        tokens.check(`lenient ${JSON.stringify(header.slice(0, 9))}`, ok, () => `${res.status} ${res.text}`);
        expect(ok).toBe(true);
      }
      // Refused forms.
      const basic = Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64');
      for (const header of [
        'Bearer',
        'Bearer ',
        `Token ${token}`,
        `JWT ${token}`,
        `Basic ${basic}`,
        token,
        `${token} Bearer`,
      ]) {
        expect(await refused(`refused scheme ${JSON.stringify(header.slice(0, 12))}`, header)).toEqual([]);
      }
      // A token anywhere but the Authorization header is no token.
      const inQuery = await send('token in query', t.http().get(api(`/problems?access_token=${token}`)));
      const inCookie = await send(
        'token in cookie',
        t.http().get(api('/problems')).set('Cookie', `accessToken=${token}; token=${token}`),
      );
      const inOtherHeader = await send(
        'token in X-Access-Token',
        t.http().get(api('/problems')).set('X-Access-Token', token),
      );
      for (const res of [inQuery, inCookie, inOtherHeader]) {
        tokens.check('token outside Authorization', res.status === 401, () => `${res.status} ${res.text}`);
        expect(res.status).toBe(401);
      }
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('a valid token is judged by the user row as it is now', () => {
    it('refuses a disabled handler everywhere at once, and takes them back when re-enabled', async () => {
      const department = await f.department('停用测试局');
      const handler = await quickUser('handler', department.id);
      const own = await assignedProblem(department, '停用测试问题');
      await t
        .http()
        .get(api(`/problems/${own.id}`))
        .set(handler.auth)
        .expect(200);
      await t
        .http()
        .patch(api(`/users/${handler.id}`))
        .set(admin.auth)
        .send({ disabled: true })
        .expect(200);

      const rowBefore = await problemRow(own.id);
      const attempts = [
        t.http().get(api('/problems')).set(handler.auth),
        t
          .http()
          .get(api(`/problems/${own.id}`))
          .set(handler.auth),
        t.http().get(api('/warnings')).set(handler.auth),
        t
          .http()
          .post(api(`/problems/${own.id}/accept`))
          .set(handler.auth)
          .set('If-Match', '"2"')
          .send({}),
        t
          .http()
          .post(api(`/problems/${own.id}/resolve`))
          .set(handler.auth)
          .set('If-Match', '"2"')
          .send({ resolution: '停用后办结' }),
      ];
      for (const attempt of attempts) {
        const res = await send('disabled handler', attempt);
        tokens.check('disabled handler refused', res.status === 401, () => `${res.status} ${res.text}`);
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('UNAUTHENTICATED');
      }
      expect(await problemRow(own.id)).toEqual(rowBefore);

      await t
        .http()
        .patch(api(`/users/${handler.id}`))
        .set(admin.auth)
        .send({ disabled: false })
        .expect(200);
      await signedOutThenBack(handler, 're-enabled handler');
      const back = await send(
        're-enabled handler',
        t
          .http()
          .get(api(`/problems/${own.id}`))
          .set(handler.auth),
      );
      tokens.check('re-enabled handler judged by the row', back.status === 200);
      expect(back.status).toBe(200);
    });

    it('moves a handler’s whole view with their department: list, warnings and every department action', async () => {
      const from = await f.department('调出局');
      const to = await f.department('调入局');
      const handler = await quickUser('handler', from.id);
      const old = await assignedProblem(from, '调出局问题');
      const fresh = await assignedProblem(to, '调入局问题');
      await t.db.query(`UPDATE problems SET due_at = now() - interval '3 days' WHERE id = ANY($1)`, [
        [old.id, fresh.id],
      ]);
      const before = await send('before move warnings', t.http().get(api('/warnings?level=overdue')).set(handler.auth));
      expect(before.body.items.map((w: { problemId: string }) => w.problemId)).toEqual([old.id]);

      await t
        .http()
        .patch(api(`/users/${handler.id}`))
        .set(admin.auth)
        .send({ departmentId: to.id })
        .expect(200);

      const list = await send('moved list', t.http().get(api('/problems')).set(handler.auth));
      expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([fresh.id]);
      const warnings = await send('moved warnings', t.http().get(api('/warnings?level=overdue')).set(handler.auth));
      expect(warnings.body.items.map((w: { problemId: string }) => w.problemId)).toEqual([fresh.id]);
      expect(warnings.body.counts.overdue).toBe(1);

      const rowBefore = await problemRow(old.id);
      const bodies: Record<string, object> = {
        accept: {},
        progress: { note: '调走后' },
        resolve: { resolution: '调走后' },
        return: { reason: '调走后' },
      };
      for (const [action, payload] of Object.entries(bodies)) {
        const missing = await send(
          `moved ${action} missing`,
          t
            .http()
            .post(api(`/problems/${randomUUID()}/${action}`))
            .set(handler.auth)
            .set('If-Match', '"2"')
            .send(payload),
        );
        const hidden = await send(
          `moved ${action} old`,
          t
            .http()
            .post(api(`/problems/${old.id}/${action}`))
            .set(handler.auth)
            .set('If-Match', '"2"')
            .send(payload),
        );
        const same = hidden.status === 404 && hidden.text === missing.text;
        tokens.check(`moved handler ${action} on the old department`, same, () => `${hidden.status} ${hidden.text}`);
        expect([hidden.status, hidden.text]).toEqual([404, missing.text]);
      }
      expect(await problemRow(old.id)).toEqual(rowBefore);
      const accepted = await f.act(handler, fresh.id, 'accept', {}, 2);
      expect(accepted.status).toBe(200);
    });

    it('applies a role change at once in both directions (handler ↔ manager, handler → official)', async () => {
      const department = await f.department('角色变更局');
      const user = await quickUser('handler', department.id);
      const own = await assignedProblem(department, '角色变更问题');
      expect(
        (
          await t
            .http()
            .get(api(`/problems/${problemB.id}`))
            .set(user.auth)
        ).status,
      ).toBe(404);

      await t
        .http()
        .patch(api(`/users/${user.id}`))
        .set(admin.auth)
        .send({ role: 'manager' })
        .expect(200);
      await signedOutThenBack(user, 'promoted');
      const asManager = await send(
        'promoted read',
        t
          .http()
          .get(api(`/problems/${problemB.id}`))
          .set(user.auth),
      );
      expect(asManager.status).toBe(200);

      await t
        .http()
        .patch(api(`/users/${user.id}`))
        .set(admin.auth)
        .send({ role: 'handler' })
        .expect(200);
      await signedOutThenBack(user, 'demoted');
      const back = await send(
        'demoted read',
        t
          .http()
          .get(api(`/problems/${problemB.id}`))
          .set(user.auth),
      );
      expect(back.status).toBe(404);
      const list = await send('demoted list', t.http().get(api('/problems')).set(user.auth));
      expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([own.id]);

      await t
        .http()
        .patch(api(`/users/${user.id}`))
        .set(admin.auth)
        .send({ role: 'official' })
        .expect(200);
      await signedOutThenBack(user, 'made official');
      // An official reads only the not_visited warnings of his own enterprises: none of the
      // department's problem warnings he saw a moment ago as a handler.
      const warnings = await send('official warnings', t.http().get(api('/warnings')).set(user.auth));
      expect(warnings.status).toBe(200);
      expect((warnings.body.items as { problemId: string | null }[]).filter((w) => w.problemId)).toEqual([]);
      const rowBefore = await problemRow(own.id);
      const accept = await send(
        'official accept',
        t
          .http()
          .post(api(`/problems/${own.id}/accept`))
          .set(user.auth)
          .set('If-Match', '"2"')
          .send({}),
      );
      expect(accept.status).toBe(403);
      expect(await problemRow(own.id)).toEqual(rowBefore);
      tokens.check('role changes applied at once', true);
    });

    it('refuses the token of a user whose row was deleted, and of an admin demoted since', async () => {
      const doomed = await quickUser('official');
      await t.http().get(api('/departments')).set(doomed.auth).expect(200);
      await t.db.query(`DELETE FROM users WHERE id = $1`, [doomed.id]);
      const gone = await send('deleted user', t.http().get(api('/departments')).set(doomed.auth));
      expect(gone.status).toBe(401);
      expect(gone.body.code).toBe('UNAUTHENTICATED');

      const formerAdmin = await quickUser('admin');
      await t
        .http()
        .patch(api(`/users/${formerAdmin.id}`))
        .set(admin.auth)
        .send({ role: 'official' })
        .expect(200);
      await signedOutThenBack(formerAdmin, 'demoted admin');
      const before = await tableCounts(t);
      const create = await send(
        'demoted admin creates user',
        t
          .http()
          .post(api('/users'))
          .set(formerAdmin.auth)
          .send({ username: `x${unique()}`, password: 'Password-123', displayName: 'x', role: 'admin' }),
      );
      expect(create.status).toBe(403);
      expect(countChanges(before, await tableCounts(t))).toEqual([]);
      tokens.check('deleted and demoted users', true);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('mass assignment', () => {
    /** Sends a body that must be refused with 400 naming `field`, and proves nothing changed. */
    async function refusedBody(
      label: string,
      request: () => Test,
      field: string | null,
      row?: () => Promise<unknown>,
      status = 400,
    ): Promise<string[]> {
      const before = await tableCounts(t);
      const rowBefore = row ? JSON.stringify(await row()) : undefined;
      const res = await send(label, request());
      const problems: string[] = [];
      if (res.status !== status) problems.push(`status ${res.status} ${res.text.slice(0, 300)}`);
      else if (status === 400) {
        const fields = (res.body.errors ?? []).map((e: { field: string }) => e.field);
        if (res.body.code !== 'VALIDATION_FAILED' || (field !== null && !fields.includes(field))) {
          problems.push(`body ${res.text}`);
        }
      }
      const changes = countChanges(before, await tableCounts(t));
      if (changes.length) problems.push(`wrote ${changes.join(', ')}`);
      if (row && JSON.stringify(await row()) !== rowBefore)
        problems.push(`row changed: ${rowBefore} -> ${JSON.stringify(await row())}`);
      injection.check(`mass assignment ${label}`, problems.length === 0, () => problems.join('; '));
      return problems.map((p) => `${label}: ${p}`);
    }

    const validProblem = () => ({ enterpriseId: enterprise.id, title: `批量赋值${unique()}`, category: 'other' });

    it('refuses server-owned fields in every create body with 400 naming the field', async () => {
      const failed: string[] = [];
      const problemExtras: Record<string, unknown> = {
        id: randomUUID(),
        status: 'closed',
        version: 7,
        departmentId: deptA.id,
        escalated: true,
        code: 'JQ-2025-9999',
        createdBy: admin.id,
        created_by: admin.id,
        dueAt: inDays(3),
        resolution: '已解决',
        satisfaction: 'satisfied',
        duplicateOf: problemA.id,
      };
      for (const [field, value] of Object.entries(problemExtras)) {
        failed.push(
          ...(await refusedBody(
            `POST /problems ${field}`,
            () =>
              t
                .http()
                .post(api('/problems'))
                .set(official.auth)
                .send({ ...validProblem(), [field]: value }),
            field,
          )),
        );
      }
      const visit = () => ({ enterpriseId: enterprise.id, visitedAt: new Date(Date.now() - 60_000).toISOString() });
      const nested = { title: '走访问题', category: 'other' };
      const visitCases: [string, Record<string, unknown>, string][] = [
        ['id', { ...visit(), id: randomUUID() }, 'id'],
        ['createdBy', { ...visit(), createdBy: admin.id }, 'createdBy'],
        [
          'problems[].enterpriseId',
          { ...visit(), problems: [{ ...nested, enterpriseId: enterprise.id }] },
          'problems.0.enterpriseId',
        ],
        ['problems[].status', { ...visit(), problems: [{ ...nested, status: 'closed' }] }, 'problems.0.status'],
        [
          'problems[].departmentId',
          { ...visit(), problems: [{ ...nested, departmentId: deptA.id }] },
          'problems.0.departmentId',
        ],
        ['problems[].version', { ...visit(), problems: [{ ...nested, version: 3 }] }, 'problems.0.version'],
      ];
      for (const [label, payload, field] of visitCases) {
        failed.push(
          ...(await refusedBody(
            `POST /visits ${label}`,
            () => t.http().post(api('/visits')).set(official.auth).send(payload),
            field,
          )),
        );
      }
      for (const field of ['id', 'createdBy', 'createdAt']) {
        failed.push(
          ...(await refusedBody(
            `POST /enterprises ${field}`,
            () =>
              t
                .http()
                .post(api('/enterprises'))
                .set(official.auth)
                .send({
                  name: `赋值企业${unique()}`,
                  district: 'suzhou',
                  [field]: field === 'createdAt' ? '2020-01-01T00:00:00Z' : admin.id,
                }),
            field,
          )),
        );
      }
      const newUser = () => ({
        username: `ma-${unique()}`,
        password: 'Password-123',
        displayName: '赋值',
        role: 'official',
      });
      for (const [field, value] of Object.entries({
        passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$x$y',
        id: randomUUID(),
        disabled: false,
        createdAt: '2020-01-01T00:00:00Z',
      })) {
        failed.push(
          ...(await refusedBody(
            `POST /users ${field}`,
            () =>
              t
                .http()
                .post(api('/users'))
                .set(admin.auth)
                .send({ ...newUser(), [field]: value }),
            field,
          )),
        );
      }
      failed.push(
        ...(await refusedBody(
          'POST /departments id',
          () =>
            t
              .http()
              .post(api('/departments'))
              .set(admin.auth)
              .send({ id: randomUUID(), name: `赋值局${unique()}`, code: `ma${unique()}` }),
          'id',
        )),
      );
      failed.push(
        ...(await refusedBody(
          'PATCH /categories code',
          () => t.http().patch(api('/categories/other')).set(admin.auth).send({ code: 'renamed' }),
          'code',
          async () => t.db.query(`SELECT * FROM categories ORDER BY code`),
        )),
      );
      failed.push(
        ...(await refusedBody(
          'PUT /calendar/days day',
          () =>
            t
              .http()
              .put(api('/calendar/days/2099-05-05'))
              .set(admin.auth)
              .send({ working: false, name: 'x', day: '2099-05-06' }),
          'day',
        )),
      );
      failed.push(
        ...(await refusedBody(
          'POST /auth/login role',
          () =>
            t
              .http()
              .post(api('/auth/login'))
              .send({ username: official.username, password: 'Password-123', role: 'admin' }),
          'role',
        )),
      );
      expect(failed).toEqual([]);
    });

    it('refuses server-owned fields in action bodies and leaves the problem as it was', async () => {
      const failed: string[] = [];
      const row = () => problemRow(problemA.id);
      const act = (who: TestUser, action: string, payload: object) => () =>
        t
          .http()
          .post(api(`/problems/${problemA.id}/${action}`))
          .set(who.auth)
          .set('If-Match', '"2"')
          .send(payload);
      const cases: [string, TestUser, string, object, string][] = [
        ['accept status', handlerA, 'accept', { status: 'closed' }, 'status'],
        ['accept version', handlerA, 'accept', { version: 99 }, 'version'],
        ['accept departmentId', handlerA, 'accept', { departmentId: deptB.id }, 'departmentId'],
        ['progress escalated', handlerA, 'progress', { note: 'x', escalated: false }, 'escalated'],
        ['resolve satisfaction', handlerA, 'resolve', { resolution: 'x', satisfaction: 'satisfied' }, 'satisfaction'],
        ['return departmentId', handlerA, 'return', { reason: 'x', departmentId: deptB.id }, 'departmentId'],
        ['assign status', manager, 'assign', { departmentId: deptA.id, dueAt: inDays(5), status: 'closed' }, 'status'],
        ['assign version', manager, 'assign', { departmentId: deptA.id, dueAt: inDays(5), version: 1 }, 'version'],
        ['escalate escalated', manager, 'escalate', { note: 'x', escalated: false }, 'escalated'],
        ['withdraw status', manager, 'withdraw', { reason: 'x', status: 'closed' }, 'status'],
      ];
      for (const [label, who, action, payload, field] of cases)
        failed.push(...(await refusedBody(label, act(who, action, payload), field, row)));
      expect(failed).toEqual([]);
    });

    it('lets no one but the admin change a role or a department, not even their own', async () => {
      const failed: string[] = [];
      for (const who of [manager, official, handlerA]) {
        for (const change of [
          { role: 'admin' },
          { departmentId: deptB.id },
          { disabled: false },
          { password: 'Password-456' },
        ]) {
          const key = Object.keys(change)[0];
          failed.push(
            ...(await refusedBody(
              `${who.role} PATCH self ${key}`,
              () =>
                t
                  .http()
                  .patch(api(`/users/${who.id}`))
                  .set(who.auth)
                  .send(change),
              null,
              () => userRow(who.id),
              403,
            )),
            ...(await refusedBody(
              `${who.role} PATCH admin ${key}`,
              () =>
                t
                  .http()
                  .patch(api(`/users/${admin.id}`))
                  .set(who.auth)
                  .send(change),
              null,
              () => userRow(admin.id),
              403,
            )),
          );
        }
        failed.push(
          ...(await refusedBody(
            `${who.role} POST /users as admin`,
            () =>
              t
                .http()
                .post(api('/users'))
                .set(who.auth)
                .send({ username: `esc-${unique()}`, password: 'Password-123', displayName: 'x', role: 'admin' }),
            null,
            undefined,
            403,
          )),
        );
      }
      // Even the admin may not set what only the server writes.
      for (const [field, value] of Object.entries({
        passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
        id: randomUUID(),
        username: 'renamed',
        createdAt: '2020-01-01T00:00:00Z',
      })) {
        failed.push(
          ...(await refusedBody(
            `admin PATCH ${field}`,
            () =>
              t
                .http()
                .patch(api(`/users/${official.id}`))
                .set(admin.auth)
                .send({ [field]: value }),
            field,
            () => userRow(official.id),
          )),
        );
      }
      expect(failed).toEqual([]);
    });

    it('refuses __proto__ and constructor keys in a JSON body (400, nothing written, no pollution)', async () => {
      const raw = (path: string, as: TestUser, json: string) => () =>
        t.http().post(api(path)).set(as.auth).set('Content-Type', 'application/json').send(json);
      const valid = JSON.stringify(validProblem()).slice(0, -1);
      const failed: string[] = [
        ...(await refusedBody(
          'POST /problems __proto__',
          raw('/problems', official, `${valid},"__proto__":{"status":"closed","polluted":"yes"}}`),
          null,
        )),
        ...(await refusedBody(
          'POST /problems constructor.prototype',
          raw('/problems', official, `${valid},"constructor":{"prototype":{"polluted":"yes"}}}`),
          null,
        )),
        ...(await refusedBody(
          'POST /visits problems[].__proto__',
          raw(
            '/visits',
            official,
            JSON.stringify({
              enterpriseId: enterprise.id,
              visitedAt: new Date(Date.now() - 60_000).toISOString(),
            }).slice(0, -1) +
              ',"problems":[{"title":"原型","category":"other","__proto__":{"departmentId":"' +
              deptA.id +
              '"}}]}',
          ),
          null,
        )),
        ...(await refusedBody(
          'POST /users __proto__ role',
          raw(
            '/users',
            admin,
            `{"username":"proto-${unique()}","password":"Password-123","displayName":"x","role":"official","__proto__":{"role":"admin"}}`,
          ),
          null,
        )),
      ];
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(failed).toEqual([]);
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('injection', () => {
    const PAYLOADS = [
      "' OR 1=1 --",
      '1; DROP TABLE problems',
      '$$',
      '$$; DROP TABLE problems; $$',
      '‘ OR ‘1’=‘1’ --',
      '＇ OR ＇1＇=＇1',
      '" OR ""="',
      "%' OR '%'='",
      "' UNION SELECT password_hash FROM users --",
      "'); DELETE FROM problems; --",
      "\\'; DROP TABLE users; --",
      '1) OR (1=1',
      '%',
      '_',
      '\\',
    ];

    /** For parameters a validator checks before any SQL: a sample of every kind of payload is enough. */
    const SAMPLE = [PAYLOADS[0]!, PAYLOADS[1]!, PAYLOADS[2]!, PAYLOADS[4]!, PAYLOADS[8]!, '%'];

    type Outcome = 'invalid' | 'empty' | 'either' | 'notFound';

    /** One probe: 400, a 200 with no rows (`items` empty, or a CSV with only its heading), or 404. */
    async function probe(label: string, request: Test, outcome: Outcome): Promise<string | null> {
      const res = await send(label, request);
      const rows = (): number | null =>
        Array.isArray(res.body?.items)
          ? res.body.items.length
          : /text\/csv/.test(res.headers['content-type'] ?? '')
            ? res.text.split('\n').filter((line) => line.trim() !== '').length - 1
            : null;
      const invalid = res.status === 400 && res.body.code === 'VALIDATION_FAILED';
      const empty = res.status === 200 && rows() === 0;
      const ok =
        outcome === 'invalid'
          ? invalid
          : outcome === 'empty'
            ? empty
            : outcome === 'either'
              ? invalid || empty
              : res.status === 404 && res.body.code === 'NOT_FOUND';
      injection.check(label, ok, () => `${res.status} ${res.text.slice(0, 200)}`);
      return ok ? null : `${label}: expected ${outcome}, got ${res.status} ${res.text.slice(0, 200)}`;
    }

    /** Query parameters and what any hostile value in them must give. */
    const QUERY_PARAMS: [string, string, Outcome, TestUser[]][] = [];
    beforeAll(() => {
      const both = [manager, handlerA];
      QUERY_PARAMS.push(
        ['/problems', 'q', 'either', both],
        ['/problems', 'district', 'either', both],
        ['/problems', 'category', 'either', both],
        ['/problems', 'sort', 'invalid', both],
        ['/problems', 'status', 'invalid', both],
        ['/problems', 'departmentId', 'invalid', both],
        ['/problems', 'enterpriseId', 'invalid', both],
        ['/problems', 'cursor', 'invalid', both],
        ['/problems', 'reportedFrom', 'invalid', both],
        ['/problems', 'reportedTo', 'invalid', both],
        ['/problems', 'limit', 'invalid', both],
        ['/problems', 'overdue', 'invalid', both],
        ['/problems', 'escalated', 'invalid', both],
        ['/problems/export?format=csv', 'q', 'either', [manager]],
        ['/problems/export?format=csv', 'district', 'either', [manager]],
        ['/problems/export?format=csv', 'sort', 'invalid', [manager]],
        ['/problems/export?format=csv', 'departmentId', 'invalid', [manager]],
        ['/problems/export', 'format', 'invalid', [manager]],
        ['/enterprises', 'q', 'either', [manager]],
        ['/enterprises', 'district', 'either', [manager]],
        ['/enterprises', 'industry', 'either', [manager]],
        ['/enterprises', 'cursor', 'invalid', [manager]],
        ['/visits', 'district', 'either', [manager, handlerA, official]],
        ['/visits', 'officialId', 'invalid', [manager, official]],
        ['/visits', 'enterpriseId', 'invalid', [manager, official]],
        ['/visits', 'tier', 'invalid', [manager, official]],
        ['/visits', 'from', 'invalid', [manager, handlerA]],
        ['/visits', 'to', 'invalid', [manager, handlerA]],
        ['/visits', 'withProblems', 'invalid', [manager, handlerA]],
        ['/visits', 'status', 'invalid', [manager]],
        ['/visits', 'sort', 'invalid', [manager]],
        ['/visits', 'cursor', 'invalid', [manager, official]],
        ['/visits', 'limit', 'invalid', [manager]],
        ['/warnings', 'level', 'invalid', [manager, handlerA, official]],
        ['/reports/resolution-rate', 'period', 'invalid', [manager]],
        ['/reports/resolution-rate?period=2025-Q1', 'groupBy', 'invalid', [manager]],
        ['/reports/resolution-rate?period=2025-Q1', 'asOf', 'invalid', [manager]],
        ['/reports/resolution-rate?to=2025-04-01', 'from', 'invalid', [manager]],
        ['/reports/figures', 'period', 'invalid', [manager]],
        ['/reports/visits', 'period', 'invalid', [manager]],
        ['/reports/visits?period=2025-Q1', 'groupBy', 'invalid', [manager]],
        ['/reports/visits?period=2025-Q1', 'asOf', 'invalid', [manager]],
        ['/reports/trend', 'granularity', 'invalid', [manager]],
        ['/reports/trend', 'to', 'invalid', [manager]],
        ['/reports/weekly', 'week', 'invalid', [manager]],
        ['/reports/weekly?week=2025-W14', 'format', 'invalid', [manager]],
        ['/reports/weekly?week=2025-W14', 'lang', 'invalid', [manager]],
        ['/calendar', 'year', 'invalid', [official]],
        ['/calendar/working-days?days=3', 'from', 'invalid', [official]],
      );
    });

    it('answers hostile query values with 400 or a harmless empty 200, and changes nothing', async () => {
      const before = await tableCounts(t);
      const failed: string[] = [];
      const probes = QUERY_PARAMS.flatMap(([path, param, outcome, callers]) =>
        callers.flatMap((who) =>
          (outcome === 'invalid' ? SAMPLE : PAYLOADS).map((payload) => ({ path, param, outcome, who, payload })),
        ),
      );
      // Read-only probes, several at a time; the row counts are compared once, around all of them.
      const results = await inPool(probes, 8, ({ path, param, outcome, who, payload }) => {
        const url = `${path}${path.includes('?') ? '&' : '?'}${param}=${encodeURIComponent(payload)}`;
        return probe(`${who.role} GET ${path} ${param}=${payload}`, t.http().get(api(url)).set(who.auth), outcome);
      });
      failed.push(...results.filter((r): r is string => r !== null));
      expect(failed).toEqual([]);
      expect(countChanges(before, await tableCounts(t))).toEqual([]);
      const [tables] = await t.db.query(
        `SELECT to_regclass('public.problems') IS NOT NULL AS problems, to_regclass('public.users') IS NOT NULL AS users`,
      );
      expect(tables).toEqual({ problems: true, users: true });
    });

    it('answers hostile path ids with 404 (or 400 for a date) and changes nothing', async () => {
      const before = await tableCounts(t);
      const categoriesBefore = await t.db.query(`SELECT * FROM categories ORDER BY code`);
      const failed: string[] = [];
      for (const payload of [...PAYLOADS, '..', '../users', `${problemB.id}' OR '1'='1`, `${problemB.id} `]) {
        const id = encodeURIComponent(payload);
        const cases: [string, Test, Outcome][] = [
          [
            'GET /problems/:id',
            t
              .http()
              .get(api(`/problems/${id}`))
              .set(handlerA.auth),
            'notFound',
          ],
          [
            'accept',
            t
              .http()
              .post(api(`/problems/${id}/accept`))
              .set(handlerA.auth)
              .set('If-Match', '"2"')
              .send({}),
            'notFound',
          ],
          [
            'assign',
            t
              .http()
              .post(api(`/problems/${id}/assign`))
              .set(manager.auth)
              .set('If-Match', '"2"')
              .send({ departmentId: deptA.id, dueAt: inDays(4) }),
            'notFound',
          ],
          [
            'GET /visits/:id',
            t
              .http()
              .get(api(`/visits/${id}`))
              .set(handlerA.auth),
            'notFound',
          ],
          [
            'amend a visit',
            t
              .http()
              .post(api(`/visits/${id}/amendments`))
              .set(manager.auth)
              .set('If-Match', '"1"')
              .send({ reason: '注入', purpose: '注入' }),
            'notFound',
          ],
          [
            'GET /enterprises/:id',
            t
              .http()
              .get(api(`/enterprises/${id}`))
              .set(manager.auth),
            'notFound',
          ],
          [
            'PATCH /users/:id',
            t
              .http()
              .patch(api(`/users/${id}`))
              .set(admin.auth)
              .send({ displayName: '注入' }),
            'notFound',
          ],
          [
            'PATCH /categories/:code',
            t
              .http()
              .patch(api(`/categories/${id}`))
              .set(admin.auth)
              .send({ defaultDueWorkingDays: 5 }),
            'notFound',
          ],
          [
            'PUT /calendar/days/:date',
            t
              .http()
              .put(api(`/calendar/days/${id}`))
              .set(admin.auth)
              .send({ working: false, name: '注入' }),
            'invalid',
          ],
          [
            'DELETE /calendar/days/:date',
            t
              .http()
              .delete(api(`/calendar/days/${id}`))
              .set(admin.auth),
            'invalid',
          ],
        ];
        for (const [label, request, outcome] of cases) {
          const problem = await probe(`${label} ${payload}`, request, outcome);
          if (problem) failed.push(problem);
        }
      }
      expect(failed).toEqual([]);
      expect(countChanges(before, await tableCounts(t))).toEqual([]);
      expect(await t.db.query(`SELECT * FROM categories ORDER BY code`)).toEqual(categoriesBefore);
    });

    it('refuses hostile If-Match and Idempotency-Key headers with 400 and changes nothing', async () => {
      const before = await tableCounts(t);
      const rowBefore = await problemRow(problemA.id);
      for (const ifMatch of ['"2; DROP TABLE problems"', "2' OR '1'='1", '"2" OR 1=1', '$$2$$', '*', '"-1"']) {
        const res = await send(
          `If-Match ${ifMatch}`,
          t
            .http()
            .post(api(`/problems/${problemA.id}/progress`))
            .set(handlerA.auth)
            .set('If-Match', ifMatch)
            .send({ note: 'x' }),
        );
        injection.check(`If-Match ${ifMatch}`, res.status === 400, () => `${res.status} ${res.text}`);
        expect([ifMatch, res.status, res.body.code]).toEqual([ifMatch, 400, 'VALIDATION_FAILED']);
      }
      for (const key of ["key with ' OR 1=1 -- spaces", 'k'.repeat(201), '']) {
        const res = await send(
          `Idempotency-Key ${key.slice(0, 20)}`,
          t.http().post(api('/problems')).set(official.auth).set('Idempotency-Key', key).send(validProblemBody()),
        );
        injection.check(`Idempotency-Key ${key.slice(0, 20)}`, res.status === 400, () => `${res.status} ${res.text}`);
        expect([key.slice(0, 20), res.status, res.body.code]).toEqual([key.slice(0, 20), 400, 'VALIDATION_FAILED']);
      }
      expect(countChanges(before, await tableCounts(t))).toEqual([]);
      expect(await problemRow(problemA.id)).toEqual(rowBefore);
    });

    /** The oracle of `q`: problems whose title, description, enterprise name or code hold the text, ignoring case. */
    const literalMatches = async (text: string, departmentId: string | null): Promise<string[]> =>
      (
        await t.db.query(
          `SELECT p.id FROM problems p JOIN enterprises e ON e.id = p.enterprise_id
           WHERE (strpos(lower(p.title), lower($1)) > 0 OR strpos(lower(coalesce(p.description, '')), lower($1)) > 0
                  OR strpos(lower(e.name), lower($1)) > 0 OR strpos(lower(p.code), lower($1)) > 0)
             AND ($2::uuid IS NULL OR p.department_id = $2::uuid)`,
          [text, departmentId],
        )
      )
        .map((r: { id: string }) => r.id)
        .sort();

    const validProblemBody = () => ({ enterpriseId: enterprise.id, title: `注入${unique()}`, category: 'other' });

    it('stores hostile text verbatim as data, and finds it again only by itself', async () => {
      const before = await tableCounts(t);
      const texts = PAYLOADS.filter((p) => p.length >= 2);
      const ids: string[] = [];
      for (const text of texts) {
        const created = await send(
          `create title ${text}`,
          t
            .http()
            .post(api('/problems'))
            .set(official.auth)
            .send({ enterpriseId: enterprise.id, title: `注入标题 ${text}`, description: text, category: 'other' }),
        );
        expect(created.status).toBe(201);
        ids.push(created.body.id);
        const [row] = await t.db.query(`SELECT title, description FROM problems WHERE id = $1`, [created.body.id]);
        expect(row).toEqual({ title: `注入标题 ${text}`, description: text });
        const found = await send(
          `find ${text}`,
          t
            .http()
            .get(api(`/problems?q=${encodeURIComponent(text)}&limit=200`))
            .set(manager.auth),
        );
        const foundIds: string[] = found.body.items.map((p: { id: string }) => p.id);
        const expected = await literalMatches(text, null);
        injection.check(`q finds ${text} literally`, foundIds.sort().join() === expected.join(), () =>
          JSON.stringify(foundIds),
        );
        expect(foundIds.sort()).toEqual(expected);
        expect(foundIds).toContain(created.body.id);
      }
      const after = await tableCounts(t);
      expect(after.problems - before.problems).toBe(texts.length);
      expect(after.users).toBe(before.users);
      // LIKE wildcards and the escape character are literal: each finds only the rows that hold it.
      for (const wildcard of ['%', '_', '%%', '\\', '\\%', "%'"]) {
        for (const who of [manager, handlerA]) {
          const res = await send(
            `wildcard ${wildcard}`,
            t
              .http()
              .get(api(`/problems?q=${encodeURIComponent(wildcard)}&limit=200`))
              .set(who.auth),
          );
          const foundIds: string[] = res.body.items.map((p: { id: string }) => p.id);
          const expected = await literalMatches(wildcard, who === handlerA ? deptA.id : null);
          injection.check(`q=${wildcard} literal for ${who.role}`, foundIds.sort().join() === expected.join());
          expect([wildcard, who.role, res.status, foundIds.sort()]).toEqual([wildcard, who.role, 200, expected]);
        }
      }
      // The control: '%' does find something now (the titles above hold it), so the test can fail.
      expect((await literalMatches('%', null)).length).toBeGreaterThan(0);
    });

    it('answers a NUL byte in a query filter or a body text with 400, never 500', async () => {
      const failed: string[] = [];
      const before = await tableCounts(t);
      for (const param of ['q', 'district', 'category']) {
        const problem = await probe(
          `GET /problems ${param}=a%00b`,
          t
            .http()
            .get(api(`/problems?${param}=a%00b`))
            .set(manager.auth),
          'either',
        );
        if (problem) failed.push(problem);
      }
      for (const param of ['q', 'district', 'industry']) {
        const problem = await probe(
          `GET /enterprises ${param}=a%00b`,
          t
            .http()
            .get(api(`/enterprises?${param}=a%00b`))
            .set(manager.auth),
          'either',
        );
        if (problem) failed.push(problem);
      }
      const bodies: [string, string, object][] = [
        ['POST /problems title', '/problems', { enterpriseId: enterprise.id, title: 'a\u0000b', category: 'other' }],
        ['POST /problems category', '/problems', { enterpriseId: enterprise.id, title: 'ab', category: 'oth\u0000er' }],
        ['POST /enterprises name', '/enterprises', { name: 'a\u0000b', district: 'suzhou' }],
      ];
      for (const [label, path, payload] of bodies) {
        const res = await send(label, t.http().post(api(path)).set(official.auth).send(payload));
        const ok = res.status === 400 && res.body.code === 'VALIDATION_FAILED';
        injection.check(`${label} NUL`, ok, () => `${res.status} ${res.text}`);
        if (!ok) failed.push(`${label} with a NUL byte: ${res.status} ${res.text}`);
      }
      expect(countChanges(before, await tableCounts(t))).toEqual([]);
      expect(failed).toEqual([]);
    });
  });

  // ---------------------------------------------------------------------------------------------
  it('never sends a password hash: not in user answers, logins, problems or errors', async () => {
    const created = await send(
      'POST /users',
      t
        .http()
        .post(api('/users'))
        .set(admin.auth)
        .send({ username: `hash-${unique()}`, password: 'Password-123', displayName: '散列', role: 'official' }),
    );
    expect(created.status).toBe(201);
    await send('GET /users', t.http().get(api('/users')).set(admin.auth)).then((res) => expect(res.status).toBe(200));
    await send(
      'PATCH /users',
      t
        .http()
        .patch(api(`/users/${created.body.id}`))
        .set(admin.auth)
        .send({ password: 'Password-456' }),
    ).then((res) => expect(res.status).toBe(200));
    await send(
      'login',
      t.http().post(api('/auth/login')).send({ username: created.body.username, password: 'Password-456' }),
    ).then((res) => expect(res.status).toBe(200));
    const [{ hash }] = await t.db.query(`SELECT password_hash AS hash FROM users WHERE id = $1`, [created.body.id]);
    expect(hash).toMatch(/^\$argon2/);
    expect(log.seen.length).toBeGreaterThan(400);
    expect(log.passwordLeaks()).toEqual([]);
    printFigure('password-hash-scan', { responses: log.seen.length, leaks: log.passwordLeaks().length });
  });
});
