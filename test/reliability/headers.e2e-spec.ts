import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import type { Response, Test } from 'supertest';
import { Factory, TestUser } from '../factories';
import { createTestApp, TestApp } from '../support/test-app';
import { countChanges, ResponseLog, tableCounts, Tally } from './figures';

/**
 * What every response carries and what none may carry: the security headers (helmet) on every
 * kind of answer, no X-Powered-By, no stack trace or SQL in a 5xx, the 100 kB body limit however
 * the body arrives, the error shape on unknown routes, and the correlation id of a failure.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** What an internal failure must never show a client. */
const INTERNALS =
  /select |insert |update |\brelation\b|problems_x|does not exist|syntax error|QueryFailedError|typeorm|node_modules|postgres|\bpg\b|statement timeout|canceling statement|\.ts:\d+|\.js:\d+|\s+at\s+\S+\s+\(/i;
const STATEMENT_TIMEOUT_MS = 1500;

describe('headers and leaks', () => {
  let t: TestApp;
  let f: Factory;
  let admin: { Authorization: string };
  let manager: TestUser;
  let official: TestUser;
  let enterprise: { id: string };
  let problem: { id: string; version: number };
  let port: number;
  const headers = new Tally('headers');
  const log = new ResponseLog();

  const api = (path: string) => `/api/v1${path}`;

  beforeAll(async () => {
    t = await createTestApp({
      WARNING_SCAN_INTERVAL_SECONDS: '0',
      DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    });
    f = new Factory(t);
    admin = await f.admin();
    manager = await f.user('manager');
    official = await f.user('official');
    enterprise = await f.enterprise(official);
    problem = await f.problem(official, enterprise.id, { title: '安全头测试问题' });
    // Listen on a port of our own, for the requests supertest cannot make (chunked, raw bytes).
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    headers.print({ responses: log.seen.length });
    await t?.close();
  });

  /**
   * The helmet headers a response must carry; answers what is wrong, or nothing. Over plain HTTP
   * (these tests) HSTS and `upgrade-insecure-requests` must be absent, over TLS present; inline
   * script is never allowed.
   */
  function securityHeaderProblems(res: { headers: Record<string, string | undefined> }, overTls = false): string[] {
    const h = res.headers;
    const problems: string[] = [];
    const csp = h['content-security-policy'] ?? '';
    for (const directive of ["default-src 'self'", "object-src 'none'", "frame-ancestors 'self'", "base-uri 'self'"]) {
      if (!csp.includes(directive)) problems.push(`CSP lacks ${directive}`);
    }
    const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    if (!scriptSrc || scriptSrc.includes('unsafe-inline')) problems.push(`CSP script-src "${scriptSrc}"`);
    if (csp.includes('upgrade-insecure-requests') !== overTls) {
      problems.push(`CSP ${overTls ? 'lacks' : 'carries'} upgrade-insecure-requests`);
    }
    if (h['x-content-type-options'] !== 'nosniff')
      problems.push(`x-content-type-options ${h['x-content-type-options']}`);
    if (!['SAMEORIGIN', 'DENY'].includes(h['x-frame-options'] ?? ''))
      problems.push(`x-frame-options ${h['x-frame-options']}`);
    const hsts = /max-age=(\d+)/.exec(h['strict-transport-security'] ?? '');
    if (overTls ? !hsts || Number(hsts[1]) < 15_552_000 : h['strict-transport-security'] !== undefined)
      problems.push(`strict-transport-security ${h['strict-transport-security']}`);
    const referrer = h['referrer-policy'] ?? '';
    if (!['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(referrer)) {
      problems.push(`referrer-policy ${referrer || 'missing'}`);
    }
    if (h['x-powered-by'] !== undefined) problems.push(`x-powered-by ${h['x-powered-by']}`);
    return problems;
  }

  async function checkAll(cases: [string, number, () => Test][]): Promise<string[]> {
    const failed: string[] = [];
    for (const [label, status, request] of cases) {
      const res = await request();
      log.add(label, res);
      const problems = securityHeaderProblems(res);
      if (res.status !== status)
        problems.unshift(`status ${res.status} (expected ${status}) ${String(res.text).slice(0, 120)}`);
      headers.check(label, problems.length === 0, () => problems.join('; '));
      if (problems.length) failed.push(`${label}: ${problems.join('; ')}`);
    }
    return failed;
  }

  it('sets the security headers on every routed answer (2xx, 4xx, files, docs) and never X-Powered-By', async () => {
    const date = '2099-07-07';
    await t
      .http()
      .put(api(`/calendar/days/${date}`))
      .set(admin)
      .send({ working: false, name: '安全头' })
      .expect(200);
    const binary = (test: Test) =>
      test.buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const week = DateTime.now().setZone('Asia/Shanghai').toFormat("kkkk-'W'WW");
    const link = await t
      .http()
      .post(api(`/problems/${problem.id}/tracking-link`))
      .set(manager.auth)
      .expect(201);
    const token = link.body.token as string;
    const failed = await checkAll([
      ['GET /health 200', 200, () => t.http().get(api('/health'))],
      [
        'POST /auth/login 200',
        200,
        () => t.http().post(api('/auth/login')).send({ username: official.username, password: 'Password-123' }),
      ],
      ['GET /problems 200', 200, () => t.http().get(api('/problems')).set(manager.auth)],
      [
        'GET /problems/:id 200',
        200,
        () =>
          t
            .http()
            .get(api(`/problems/${problem.id}`))
            .set(manager.auth),
      ],
      [
        'POST /problems 201',
        201,
        () =>
          t
            .http()
            .post(api('/problems'))
            .set(official.auth)
            .send({ enterpriseId: enterprise.id, title: '安全头', category: 'other' }),
      ],
      [
        'DELETE /calendar/days 204',
        204,
        () =>
          t
            .http()
            .delete(api(`/calendar/days/${date}`))
            .set(admin),
      ],
      ['GET /problems without a token 401', 401, () => t.http().get(api('/problems'))],
      ['GET /users as manager 403', 403, () => t.http().get(api('/users')).set(manager.auth)],
      [
        'GET /problems/:missing 404',
        404,
        () => t.http().get(api('/problems/00000000-0000-4000-8000-000000000000')).set(manager.auth),
      ],
      ['POST /problems invalid 400', 400, () => t.http().post(api('/problems')).set(official.auth).send({ title: 1 })],
      [
        'action without If-Match 428',
        428,
        () =>
          t
            .http()
            .post(api(`/problems/${problem.id}/escalate`))
            .set(manager.auth)
            .send({ note: 'x' }),
      ],
      [
        'action with a stale If-Match 412',
        412,
        () =>
          t
            .http()
            .post(api(`/problems/${problem.id}/escalate`))
            .set(manager.auth)
            .set('If-Match', '"99"')
            .send({ note: 'x' }),
      ],
      ['unknown route 404', 404, () => t.http().get(api('/no-such-route')).set(manager.auth)],
      ['export csv 200', 200, () => t.http().get(api('/problems/export?format=csv')).set(manager.auth)],
      ['export xlsx 200', 200, () => binary(t.http().get(api('/problems/export?format=xlsx')).set(manager.auth))],
      [
        'weekly html 200',
        200,
        () =>
          t
            .http()
            .get(api(`/reports/weekly?week=${week}&format=html`))
            .set(manager.auth),
      ],
      [
        'weekly xlsx 200',
        200,
        () =>
          binary(
            t
              .http()
              .get(api(`/reports/weekly?week=${week}&format=xlsx`))
              .set(manager.auth),
          ),
      ],
      ['import template 200', 200, () => binary(t.http().get(api('/enterprises/import/template')).set(official.auth))],
      [
        'tracking link 201',
        201,
        () =>
          t
            .http()
            .post(api(`/problems/${problem.id}/tracking-link`))
            .set(manager.auth),
      ],
      [
        'tracking QR code 200',
        200,
        () =>
          binary(
            t
              .http()
              .get(api(`/problems/${problem.id}/tracking-link/qr.svg`))
              .set(manager.auth),
          ),
      ],
      ['tracking page data 200', 200, () => t.http().get(api(`/track/${token}`))],
      ['tracking page data 404', 404, () => t.http().get(api(`/track/${'Z'.repeat(43)}`))],
      [
        'tracking rating before resolution 409',
        409,
        () =>
          t
            .http()
            .post(api(`/track/${token}/rating`))
            .send({ satisfaction: 'satisfied' }),
      ],
      ['API docs page 200', 200, () => t.http().get('/api/docs')],
      ['API document 200', 200, () => t.http().get('/api/docs-json')],
    ]);
    expect(failed).toEqual([]);
    // The enterprise's answers are kept by no cache and name no referrer.
    for (const res of [
      await t.http().get(api(`/track/${token}`)),
      await t.http().get(api(`/track/${'Z'.repeat(43)}`)),
    ]) {
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      if (res.status === 200) expect(res.headers['cache-control']).toBe('no-store');
    }
    // The export is not kept by caches along the way.
    const exported = await t.http().get(api('/problems/export?format=csv')).set(manager.auth);
    expect(exported.headers['cache-control']).toBe('no-store');
  });

  it('sets the security headers on the refusals of the body reader too (400 bad JSON, 413, 415)', async () => {
    const failed = await checkAll([
      [
        'malformed JSON 400',
        400,
        () =>
          t.http().post(api('/problems')).set(official.auth).set('Content-Type', 'application/json').send('{"title":'),
      ],
      [
        'body over 100 kB 413',
        413,
        () =>
          t
            .http()
            .post(api('/problems'))
            .set(official.auth)
            .send({ title: 'a'.repeat(150_000) }),
      ],
      [
        'text/plain body 415',
        415,
        () => t.http().post(api('/problems')).set(official.auth).set('Content-Type', 'text/plain').send('title=x'),
      ],
    ]);
    expect(failed).toEqual([]);
  });

  describe('5xx answers', () => {
    /** Takes the problems table away for the duration of `work`, and always puts it back. */
    async function withoutProblemsTable<T>(work: () => Promise<T>): Promise<T> {
      await t.db.query('ALTER TABLE problems RENAME TO problems_x');
      try {
        return await work();
      } finally {
        await t.db.query('ALTER TABLE problems_x RENAME TO problems');
      }
    }

    it('answers an internal failure 500 in the error shape with the request’s correlation id, no SQL, no stack', async () => {
      const before = await tableCounts(t);
      const cases: [string, () => Test][] = [
        ['GET /problems', () => t.http().get(api('/problems')).set(manager.auth)],
        [
          'GET /problems/:id',
          () =>
            t
              .http()
              .get(api(`/problems/${problem.id}`))
              .set(manager.auth),
        ],
        [
          'POST /problems',
          () =>
            t
              .http()
              .post(api('/problems'))
              .set(official.auth)
              .send({ enterpriseId: enterprise.id, title: '失败', category: 'other' }),
        ],
        ['GET /warnings', () => t.http().get(api('/warnings')).set(manager.auth)],
        ['GET /problems/export', () => t.http().get(api('/problems/export?format=csv')).set(manager.auth)],
        ['GET /reports/figures', () => t.http().get(api('/reports/figures?period=2025-Q1')).set(manager.auth)],
      ];
      const failed: string[] = [];
      const answers = await withoutProblemsTable(async () => {
        const out: [string, Response][] = [];
        for (const [label, request] of cases) {
          out.push([label, await request().set('X-Request-Id', `reliability-${label.replace(/[^a-z]/gi, '')}`)]);
        }
        return out;
      });
      for (const [label, res] of answers) {
        log.add(`500 ${label}`, res);
        const problems: string[] = [];
        if (res.status !== 500) problems.push(`status ${res.status}`);
        if (Object.keys(res.body).sort().join() !== 'code,correlationId,message,statusCode')
          problems.push(`keys ${Object.keys(res.body)}`);
        if (res.body.statusCode !== 500 || res.body.code !== 'INTERNAL_ERROR') problems.push(`body ${res.text}`);
        if (res.body.correlationId !== `reliability-${label.replace(/[^a-z]/gi, '')}`)
          problems.push(`correlationId ${res.body.correlationId}`);
        if (INTERNALS.test(res.text)) problems.push(`internals in ${res.text}`);
        if (!/application\/json/.test(res.headers['content-type'] ?? ''))
          problems.push(`content-type ${res.headers['content-type']}`);
        problems.push(...securityHeaderProblems(res));
        headers.check(`500 ${label}`, problems.length === 0, () => problems.join('; '));
        if (problems.length) failed.push(`${label}: ${problems.join('; ')}`);
      }
      expect(failed).toEqual([]);
      expect(countChanges(before, await tableCounts(t))).toEqual([]);
      // Back to normal once the table is back.
      expect((await t.http().get(api('/problems')).set(manager.auth)).status).toBe(200);
    });

    it('makes up its own correlation id when the client’s X-Request-Id is unfit, and keeps a fit one', async () => {
      const given = ['has space', 'x'.repeat(101), '<script>alert(1)</script>', 'semi;colon', '../../etc/passwd', ''];
      const fit = ['a'.repeat(100), 'A.b-c_9'];
      const answers = await withoutProblemsTable(async () => {
        const out: [string, Response][] = [];
        for (const id of [...given, ...fit])
          out.push([id, await t.http().get(api('/problems')).set(manager.auth).set('X-Request-Id', id)]);
        return out;
      });
      for (const [id, res] of answers) {
        log.add(`correlation ${id}`, res);
        expect(res.status).toBe(500);
        if (fit.includes(id)) {
          expect(res.body.correlationId).toBe(id);
        } else {
          expect(res.body.correlationId).toMatch(UUID);
          if (id !== '') expect(res.text).not.toContain(id);
        }
        headers.check(`correlation id for ${JSON.stringify(id.slice(0, 20))}`, true);
      }
      // Two failures never share a made-up id.
      const ids = answers.filter(([id]) => !fit.includes(id)).map(([, res]) => res.body.correlationId);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('answers a statement held past the timeout 503 with Retry-After, in the error shape, without SQL', async () => {
      const locker = new Client({ connectionString: t.databaseUrl });
      await locker.connect();
      let res: Response;
      try {
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE problems IN ACCESS EXCLUSIVE MODE');
        const started = Date.now();
        res = await t.http().get(api('/problems')).set(manager.auth).set('X-Request-Id', 'reliability-timeout');
        expect(Date.now() - started).toBeLessThan(STATEMENT_TIMEOUT_MS + 3000);
      } finally {
        await locker.query('ROLLBACK');
        await locker.end();
      }
      log.add('503 timeout', res);
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        message: expect.any(String),
        correlationId: 'reliability-timeout',
      });
      expect(res.headers['retry-after']).toBe('5');
      expect(res.text).not.toMatch(INTERNALS);
      expect(securityHeaderProblems(res)).toEqual([]);
      headers.check('503 on a statement timeout', true);
      expect((await t.http().get(api('/problems')).set(manager.auth)).status).toBe(200);
    });

    it('answers a unique violation 409 without naming the constraint or quoting SQL', async () => {
      const code = `dup${Date.now()}`;
      await t
        .http()
        .post(api('/departments'))
        .set(admin)
        .send({ name: `重复局${code}`, code })
        .expect(201);
      const res = await t
        .http()
        .post(api('/departments'))
        .set(admin)
        .send({ name: `重复局二${code}`, code });
      log.add('409 duplicate department', res);
      expect(res.status).toBe(409);
      expect(['DUPLICATE', 'CONFLICT']).toContain(res.body.code);
      expect(res.text).not.toMatch(/constraint|violates|duplicate key|departments_|_key\b|INSERT|\(code\)=/i);
      headers.check('409 without SQL', true);
    });
  });

  describe('the 100 kB body limit', () => {
    const problemBody = (size: number) => {
      const base = JSON.stringify({ enterpriseId: enterprise.id, title: 'x', category: 'other', description: '' });
      return base.replace('"description":""', `"description":"${'d'.repeat(size - base.length)}"`);
    };

    /** A raw request on our own port: the body goes out exactly as given, chunked when no length is set. */
    function raw(
      path: string,
      requestHeaders: Record<string, string>,
      chunks: Buffer[],
    ): Promise<{ status: number; text: string; headers: Record<string, string | undefined> }> {
      return new Promise((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: requestHeaders }, (res) => {
          const parts: Buffer[] = [];
          res.on('data', (part: Buffer) => parts.push(part));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(parts).toString('utf8'),
              headers: res.headers as Record<string, string | undefined>,
            }),
          );
        });
        req.on('error', reject);
        for (const chunk of chunks) req.write(chunk);
        req.end();
      });
    }

    const expect413 = (res: { status: number; text: string }) => {
      expect(res.status).toBe(413);
      expect(JSON.parse(res.text)).toEqual({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) });
      expect(res.text).not.toContain('ddddd');
    };

    it('reads a body under 100 kB and refuses one over it with 413, writing nothing', async () => {
      const before = await tableCounts(t);
      const under = problemBody(99_000);
      expect(Buffer.byteLength(under)).toBe(99_000);
      // Under the limit: read, then refused for what it says (description longer than 5000), not for its size.
      const read = await t
        .http()
        .post(api('/problems'))
        .set(official.auth)
        .set('Content-Type', 'application/json')
        .send(under);
      expect(read.status).toBe(400);
      expect(read.body.errors).toEqual([{ field: 'description', message: expect.any(String) }]);

      const over = problemBody(102_401);
      const refused = await t
        .http()
        .post(api('/problems'))
        .set(official.auth)
        .set('Content-Type', 'application/json')
        .send(over);
      expect413(refused);
      const multibyte = JSON.stringify({ title: '问'.repeat(40_000) }); // 120 kB in UTF-8, 40 k characters
      expect413(
        await t
          .http()
          .post(api('/problems'))
          .set(official.auth)
          .set('Content-Type', 'application/json')
          .send(multibyte),
      );
      expect(countChanges(before, await tableCounts(t))).toEqual([]);
      headers.check('413 over 100 kB', true);
    });

    it('refuses an over-limit body sent in chunks without a length, and a gzip bomb, with 413', async () => {
      const before = await tableCounts(t);
      const chunk = Buffer.from('d'.repeat(16_384));
      const chunked = await raw(
        api('/problems'),
        { 'Content-Type': 'application/json', Authorization: official.auth.Authorization },
        [Buffer.from('{"description":"'), ...Array.from({ length: 10 }, () => chunk), Buffer.from('"}')],
      );
      expect413(chunked);

      const bomb = gzipSync(Buffer.from(`{"description":"${'d'.repeat(20_000_000)}"}`));
      expect(bomb.length).toBeLessThan(100_000);
      const inflated = await raw(
        api('/problems'),
        {
          'Content-Type': 'application/json',
          'Content-Encoding': 'gzip',
          'Content-Length': String(bomb.length),
          Authorization: official.auth.Authorization,
        },
        [bomb],
      );
      expect413(inflated);
      expect(countChanges(before, await tableCounts(t))).toEqual([]);
      expect((await t.http().get(api('/health'))).status).toBe(200);
      headers.check('413 chunked and gzip', true);
    });

    it('answers a deeply nested body with 400, not 500, also on the public login, and stays up', async () => {
      // 5,000 levels are 10 kB: far under the size limit.
      const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const cases: [string, () => Test][] = [
        [
          'POST /auth/login without a token',
          () =>
            t
              .http()
              .post(api('/auth/login'))
              .set('Content-Type', 'application/json')
              .send(`{"username":${nested(5000)},"password":"x"}`),
        ],
        [
          'POST /problems',
          () =>
            t
              .http()
              .post(api('/problems'))
              .set(official.auth)
              .set('Content-Type', 'application/json')
              .send(`{"title":${nested(5000)}}`),
        ],
        [
          'POST /visits nested objects',
          () =>
            t
              .http()
              .post(api('/visits'))
              .set(official.auth)
              .set('Content-Type', 'application/json')
              .send(`{"notes":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`),
        ],
      ];
      const failed: string[] = [];
      for (const [label, request] of cases) {
        const res = await request();
        log.add(`deep nesting ${label}`, res);
        const ok = res.status === 400 && res.body.code === 'VALIDATION_FAILED' && !INTERNALS.test(res.text);
        headers.check(`deep nesting ${label}`, ok, () => `${res.status} ${res.text}`);
        if (!ok) failed.push(`${label}: ${res.status} ${res.text}`);
      }
      expect((await t.http().get(api('/health'))).status).toBe(200);
      expect(failed).toEqual([]);
    });
  });

  it('answers unknown routes and methods 404 in the error shape, with or without a token', async () => {
    const cases: [string, () => Test][] = [
      ['GET /api/v1/nope', () => t.http().get(api('/nope'))],
      ['GET /api/v1/nope with token', () => t.http().get(api('/nope')).set(manager.auth)],
      ['DELETE /api/v1/problems', () => t.http().delete(api('/problems')).set(manager.auth)],
      [
        'PUT /api/v1/problems/:id',
        () =>
          t
            .http()
            .put(api(`/problems/${problem.id}`))
            .set(manager.auth)
            .send({}),
      ],
      ['PATCH /api/v1/health', () => t.http().patch(api('/health')).send({})],
      [
        'POST /api/v1/problems/:id/teleport',
        () =>
          t
            .http()
            .post(api(`/problems/${problem.id}/teleport`))
            .set(manager.auth)
            .send({}),
      ],
      ['GET /', () => t.http().get('/')],
      ['GET /api', () => t.http().get('/api')],
      ['GET /api/v2/problems', () => t.http().get('/api/v2/problems').set(manager.auth)],
      ['GET with markup in the path', () => t.http().get(api('/%3Cscript%3Ealert(1)%3C%2Fscript%3E'))],
    ];
    for (const [label, request] of cases) {
      const res = await request();
      log.add(label, res);
      expect([label, res.status]).toEqual([label, 404]);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(Object.keys(res.body).sort()).toEqual(['code', 'message', 'statusCode']);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      expect(securityHeaderProblems(res)).toEqual([]);
      headers.check(`404 ${label}`, true);
    }
  });

  it('grants no cross-origin access, not even on a preflight', async () => {
    const evil = 'https://evil.example';
    const read = await t.http().get(api('/problems')).set(manager.auth).set('Origin', evil);
    expect(read.status).toBe(200);
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
    expect(read.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await t
      .http()
      .options(api('/problems'))
      .set('Origin', evil)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
    headers.check('no CORS grant', true);
  });

  it('escapes a problem title in the printable weekly report', async () => {
    const markup = '<img src=x onerror=alert(1)><script>alert("xss")</script>';
    await f.problem(official, enterprise.id, { title: markup });
    const week = DateTime.now().setZone('Asia/Shanghai').toFormat("kkkk-'W'WW");
    const res = await t
      .http()
      .get(api(`/reports/weekly?week=${week}&format=html`))
      .set(manager.auth);
    expect(res.status).toBe(200);
    expect(res.text).toContain('&lt;script&gt;');
    expect(res.text).not.toContain('<script>alert');
    expect(res.text).not.toContain('<img src=x');
    headers.check('weekly html escapes titles', true);
  });

  describe('plain HTTP on an intranet, TLS behind a proxy', () => {
    const week = () => DateTime.now().setZone('Asia/Shanghai').toFormat("kkkk-'W'WW");
    const page = () => t.http().get('/problems').set('Host', 'intranet.test:3000').set('Accept', 'text/html');

    it('sends neither HSTS nor upgrade-insecure-requests over plain HTTP, whatever the host name', async () => {
      for (const [label, res] of [
        ['the app page', await page()],
        ['the API', await t.http().get(api('/health')).set('Host', 'intranet.test:3000')],
        ['the API docs', await t.http().get('/api/docs').set('Host', '10.12.0.7')],
      ] as const) {
        log.add(`plain ${label}`, res);
        expect([label, res.status]).toEqual([label, 200]);
        expect([label, securityHeaderProblems(res)]).toEqual([label, []]);
        headers.check(`plain HTTP ${label}: no HSTS, no upgrade`, true);
      }
    });

    it('sends both when a TLS proxy says the request came over https, and keeps the rest', async () => {
      for (const [label, res] of [
        ['the app page', await page().set('X-Forwarded-Proto', 'https')],
        ['the API', await t.http().get(api('/health')).set('X-Forwarded-Proto', 'https, http')],
      ] as const) {
        log.add(`tls ${label}`, res);
        expect([label, securityHeaderProblems(res, true)]).toEqual([label, []]);
        headers.check(`behind TLS ${label}: HSTS and upgrade`, true);
      }
      const plainAgain = await t.http().get(api('/health')).set('X-Forwarded-Proto', 'http');
      expect(securityHeaderProblems(plainAgain)).toEqual([]);
    });

    it("allows the app's own scripts only, and no script at all in the printable weekly report", async () => {
      const app = await page();
      expect(app.headers['content-security-policy']).toMatch(/(^|;)script-src 'self'(;|$)/);
      const weekly = await t
        .http()
        .get(api(`/reports/weekly?week=${week()}&format=html`))
        .set(manager.auth);
      expect(weekly.status).toBe(200);
      expect(weekly.headers['content-security-policy']).toMatch(/(^|;)script-src 'none'(;|$)/);
      // Kept in the file itself, for a copy saved and opened from disk.
      expect(weekly.text).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'none'/);
      headers.check("weekly html: script-src 'none'", true);
    });
  });

  it('sent no password hash in any answer collected here', () => {
    expect(log.seen.length).toBeGreaterThan(30);
    expect(log.passwordLeaks()).toEqual([]);
  });
});
