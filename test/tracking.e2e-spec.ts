import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Factory, inDays, TestUser } from './factories';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The enterprise's tracking link, page data and rating (issue 16, item 3): what the public page
 * shows and nothing else, one rating per resolution even when sent twice at once, dead links
 * answering 404 alike, and the guessing lock-out.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const TRACK_KEYS = ['canRate', 'code', 'departmentName', 'dueAt', 'publicNotes', 'status', 'title'];

interface Setup {
  t: TestApp;
  f: Factory;
  official: TestUser;
  manager: TestUser;
  handler: TestUser;
  department: { id: string; name: string };
  enterpriseId: string;
}

async function setUp(env: Record<string, string>): Promise<Setup> {
  const t = await createTestApp(env);
  const f = new Factory(t);
  const department = await f.department('市供电公司协调办');
  const official = await f.user('official');
  const manager = await f.user('manager');
  const handler = await f.user('handler', department.id);
  const enterprise = await f.enterprise(official);
  return { t, f, official, manager, handler, department, enterpriseId: enterprise.id };
}

/** A problem recorded by the official and taken to `resolved` by the department. */
async function resolvedProblem(s: Setup, title = '厂区用电增容迟迟未落实') {
  const problem = await s.f.problem(s.official, s.enterpriseId, { title });
  expect(
    (await s.f.act(s.manager, problem.id, 'assign', { departmentId: s.department.id, dueAt: inDays(10) })).status,
  ).toBe(200);
  expect((await s.f.act(s.handler, problem.id, 'accept', {})).status).toBe(200);
  expect(
    (await s.f.act(s.handler, problem.id, 'resolve', { resolution: '已完成增容，企业恢复满负荷生产' })).status,
  ).toBe(200);
  return problem;
}

/** An action that must succeed; answers its response. */
async function ok(action: Promise<{ status: number; body: any }>) {
  const res = await action;
  expect(res.status).toBe(200);
  return res;
}

async function linkOf(s: Setup, as: TestUser, problemId: string) {
  const res = await s.t.http().post(`/api/v1/problems/${problemId}/tracking-link`).set(as.auth);
  expect(res.status).toBe(201);
  return res.body as { url: string; token: string; expiresAt: string | null };
}

describe('tracking links, the public page and the rating', () => {
  let s: Setup;

  beforeAll(async () => {
    // The per-minute limit is tested below on an app of its own; here many requests come from one address.
    s = await setUp({ TRACKING_RATE_LIMIT_PER_MINUTE: '10000', TRACKING_MISS_LIMIT: '1000' });
  });

  afterAll(() => s.t.close());

  it('gives the same link again while it is valid, to the recording official and to managers; others may not', async () => {
    const problem = await s.f.problem(s.official, s.enterpriseId);
    const first = await linkOf(s, s.official, problem.id);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.url).toMatch(new RegExp(`^http://[^/]+/t/${first.token}$`));
    expect(first.expiresAt).toBeNull();
    // (supertest listens on a new port each request, so the URL's origin differs; its path does not)
    const same = expect.objectContaining({
      token: first.token,
      expiresAt: null,
      url: expect.stringMatching(`/t/${first.token}$`),
    });
    expect(await linkOf(s, s.official, problem.id)).toEqual(same);
    expect(await linkOf(s, s.manager, problem.id)).toEqual(same);

    // Two requests at once still make one link.
    const other = await s.f.problem(s.official, s.enterpriseId);
    const both = await Promise.all([linkOf(s, s.manager, other.id), linkOf(s, s.official, other.id)]);
    expect(both[0].token).toBe(both[1].token);

    const anotherOfficial = await s.f.user('official');
    await s.t.http().post(`/api/v1/problems/${problem.id}/tracking-link`).set(anotherOfficial.auth).expect(403);
    await s.t.http().post(`/api/v1/problems/${problem.id}/tracking-link`).set(s.handler.auth).expect(403);
    await s.t.http().post(`/api/v1/problems/${problem.id}/tracking-link`).expect(401);
    await s.t
      .http()
      .post('/api/v1/problems/00000000-0000-4000-8000-000000000000/tracking-link')
      .set(s.manager.auth)
      .expect(404);

    // Only the hash is stored; the token is nowhere in the table in the clear.
    const stored: { token_hash: string; token_sealed: string }[] = await s.t.db.query(
      `SELECT token_hash, token_sealed FROM tracking_links WHERE problem_id = $1`,
      [problem.id],
    );
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(first.token);
  });

  it('shows the code, title, status, department, committed date and public notes, and nothing else', async () => {
    const problem = await s.f.problem(s.official, s.enterpriseId, {
      title: '园区道路破损影响货车通行',
      description: '描述里的内部细节：联系人手机13900000000',
    });
    const unrelated = await s.f.problem(s.official, s.enterpriseId, { title: '另一家企业的秘密问题' });
    const dueAt = inDays(12);
    await s.f.act(s.manager, problem.id, 'assign', {
      departmentId: s.department.id,
      dueAt,
      note: '请尽快处理（内部交办意见）',
    });
    await s.f.act(s.handler, problem.id, 'accept', { note: '签收备注（内部）' });
    await ok(s.f.act(s.handler, problem.id, 'progress', { note: '内部：需向分管领导请示经费' }));
    await ok(s.f.act(s.handler, problem.id, 'progress', { note: '已安排施工队进场修补', public: true }));
    await ok(s.f.act(s.handler, problem.id, 'progress', { note: '内部：施工方报价偏高', public: false }));
    await ok(s.f.act(s.manager, problem.id, 'escalate', { note: '督办意见（内部）' }));
    const { token } = await linkOf(s, s.official, problem.id);

    const res = await s.t.http().get(`/api/v1/track/${token}`).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(TRACK_KEYS);
    expect(res.body).toEqual({
      code: problem.code,
      title: '园区道路破损影响货车通行',
      status: 'in_progress',
      departmentName: s.department.name,
      dueAt: new Date(dueAt).toISOString(),
      publicNotes: [{ at: expect.any(String), note: '已安排施工队进场修补' }],
      canRate: false,
    });
    expect(Object.keys(res.body.publicNotes[0]).sort()).toEqual(['at', 'note']);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');

    const whole = JSON.stringify(res.body);
    expect(whole).not.toMatch(UUID);
    for (const secret of [
      s.official.username,
      s.manager.username,
      s.handler.username,
      '内部',
      '13900000000',
      unrelated.code,
      '另一家企业的秘密问题',
      s.department.id,
      s.enterpriseId,
    ]) {
      expect(whole).not.toContain(secret);
    }

    // Before resolution there is nothing to rate.
    await s.t.http().post(`/api/v1/track/${token}/rating`).send({ satisfaction: 'satisfied' }).expect(409);
  });

  it('records a rating after resolution once: a second one sent later is 409', async () => {
    const problem = await resolvedProblem(s);
    const { token } = await linkOf(s, s.official, problem.id);
    const before = await s.t.http().get(`/api/v1/track/${token}`).expect(200);
    expect(before.body.canRate).toBe(true);
    expect(before.body.publicNotes.map((n: { note: string }) => n.note)).toEqual(['已完成增容，企业恢复满负荷生产']);

    const rated = await s.t
      .http()
      .post(`/api/v1/track/${token}/rating`)
      .send({ satisfaction: 'basically_satisfied', comment: '基本解决，感谢' })
      .expect(201);
    expect(rated.body).toEqual({ status: 'closed' });
    await s.t.http().post(`/api/v1/track/${token}/rating`).send({ satisfaction: 'unsatisfied' }).expect(409);

    const after = await s.t.http().get(`/api/v1/track/${token}`).expect(200);
    expect(after.body).toMatchObject({ status: 'closed', canRate: false });
    const events = (await s.t.http().get(`/api/v1/problems/${problem.id}`).set(s.manager.auth).expect(200)).body
      .events as {
      type: string;
      actorId: string | null;
      actorName: string | null;
      note: string | null;
      data: object;
    }[];
    const verifies = events.filter((e) => e.type === 'verify');
    expect(verifies).toEqual([
      expect.objectContaining({
        actorId: null,
        actorName: null,
        note: '基本解决，感谢',
        data: { satisfaction: 'basically_satisfied', source: 'enterprise' },
      }),
    ]);
  });

  it('takes one of two ratings sent at once and answers the other 409', async () => {
    const problem = await resolvedProblem(s);
    const { token } = await linkOf(s, s.manager, problem.id);
    const answers = await Promise.all([
      s.t.http().post(`/api/v1/track/${token}/rating`).send({ satisfaction: 'satisfied' }),
      s.t.http().post(`/api/v1/track/${token}/rating`).send({ satisfaction: 'unsatisfied', comment: '仍未通电' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const [{ count }] = await s.t.db.query(
      `SELECT count(*)::int AS count FROM problem_events WHERE problem_id = $1 AND type = 'verify'`,
      [problem.id],
    );
    expect(count).toBe(1);
  });

  it('an unsatisfied rating sends the problem back to the department; the next resolution may be rated again', async () => {
    const problem = await resolvedProblem(s);
    const { token } = await linkOf(s, s.official, problem.id);
    const res = await s.t
      .http()
      .post(`/api/v1/track/${token}/rating`)
      .send({ satisfaction: 'unsatisfied', comment: '问题依旧' })
      .expect(201);
    expect(res.body).toEqual({ status: 'in_progress' });
    expect((await s.t.http().get(`/api/v1/track/${token}`).expect(200)).body.canRate).toBe(false);
    await ok(s.f.act(s.handler, problem.id, 'resolve', { resolution: '二次办理完成' }));
    expect((await s.t.http().get(`/api/v1/track/${token}`).expect(200)).body.canRate).toBe(true);
  });

  it('refuses a rating that is not one of the three satisfactions', async () => {
    const problem = await resolvedProblem(s);
    const { token } = await linkOf(s, s.official, problem.id);
    await s.t.http().post(`/api/v1/track/${token}/rating`).send({ satisfaction: 'great' }).expect(400);
    await s.t
      .http()
      .post(`/api/v1/track/${token}/rating`)
      .send({ satisfaction: 'satisfied', actorId: 'x' })
      .expect(400);
    expect((await s.t.http().get(`/api/v1/track/${token}`).expect(200)).body.canRate).toBe(true);
  });

  it('a revoked link answers 404 like an unknown one; a new link works', async () => {
    const problem = await s.f.problem(s.official, s.enterpriseId);
    const old = await linkOf(s, s.official, problem.id);
    await s.t.http().delete(`/api/v1/problems/${problem.id}/tracking-link`).set(s.official.auth).expect(403);
    await s.t.http().delete(`/api/v1/problems/${problem.id}/tracking-link`).set(s.manager.auth).expect(204);
    const revoked = await s.t.http().get(`/api/v1/track/${old.token}`).expect(404);
    const unknown = await s.t
      .http()
      .get(`/api/v1/track/${'A'.repeat(43)}`)
      .expect(404);
    const malformed = await s.t.http().get('/api/v1/track/not-a-token').expect(404);
    expect(revoked.body).toEqual(unknown.body);
    expect(malformed.body).toEqual(unknown.body);
    await s.t.http().post(`/api/v1/track/${old.token}/rating`).send({ satisfaction: 'satisfied' }).expect(404);

    const fresh = await linkOf(s, s.official, problem.id);
    expect(fresh.token).not.toBe(old.token);
    await s.t.http().get(`/api/v1/track/${fresh.token}`).expect(200);
  });

  it('the QR code of the link in force is an SVG; none before a link is made', async () => {
    const problem = await s.f.problem(s.official, s.enterpriseId);
    await s.t.http().get(`/api/v1/problems/${problem.id}/tracking-link/qr.svg`).set(s.official.auth).expect(404);
    await linkOf(s, s.official, problem.id);
    const res = await s.t
      .http()
      .get(`/api/v1/problems/${problem.id}/tracking-link/qr.svg`)
      .set(s.official.auth)
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.on('data', (chunk: Buffer) => (text += chunk.toString()));
        r.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.body as string).toMatch(/^<svg[\s\S]*<path[\s\S]*<\/svg>\s*$/);
    await s.t.http().get(`/api/v1/problems/${problem.id}/tracking-link/qr.svg`).set(s.handler.auth).expect(403);
  });

  it("counts the enterprise's and the managers' verifications apart in the satisfaction figures", async () => {
    const figures = async () =>
      (
        await s.t
          .http()
          .get('/api/v1/reports/figures')
          .query({ from: inDays(-1).slice(0, 10), to: inDays(2).slice(0, 10) })
          .set(s.manager.auth)
          .expect(200)
      ).body.satisfactionRate as {
        verified: number;
        fromEnterprise: number;
        fromManager: number;
      };
    const before = await figures();
    expect(before.fromEnterprise + before.fromManager).toBe(before.verified);

    const byManager = await resolvedProblem(s);
    const verified = await ok(s.f.act(s.manager, byManager.id, 'verify', { satisfaction: 'satisfied' }));
    expect(verified.body.events.at(-1)).toMatchObject({ type: 'verify', data: { source: 'manager' } });
    const byEnterprise = await resolvedProblem(s);
    const { token } = await linkOf(s, s.official, byEnterprise.id);
    await s.t.http().post(`/api/v1/track/${token}/rating`).send({ satisfaction: 'satisfied' }).expect(201);

    const after = await figures();
    expect(after.verified).toBe(before.verified + 2);
    expect(after.fromManager).toBe(before.fromManager + 1);
    expect(after.fromEnterprise).toBe(before.fromEnterprise + 1);
  });
});

/** A request from a chosen loopback address (127.0.0.x), so that limits per address can be told apart. */
function fromAddress(port: number, localAddress: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; retryAfter?: string }>((resolve, reject) => {
    httpRequest({ host: '127.0.0.1', port, path, localAddress, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string }));
    })
      .on('error', reject)
      .end();
  });
}

describe('tracking links: expiry and the limits per address', () => {
  let s: Setup;
  let port: number;

  beforeAll(async () => {
    s = await setUp({
      TRACKING_LINK_DAYS_AFTER_CLOSE: '0',
      TRACKING_RATE_LIMIT_PER_MINUTE: '12',
      TRACKING_MISS_LIMIT: '5',
    });
    await s.t.app.listen(0, '127.0.0.1');
    port = (s.t.app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(() => s.t.close());

  it('a link expires the configured days after its problem closes (here: at once), and a new one is refused', async () => {
    const problem = await resolvedProblem(s);
    const { token, expiresAt } = await linkOf(s, s.official, problem.id);
    expect(expiresAt).toBeNull();
    await ok(s.f.act(s.manager, problem.id, 'verify', { satisfaction: 'satisfied' }));
    expect((await fromAddress(port, '127.0.0.2', `/api/v1/track/${token}`)).status).toBe(404);
    await s.t.http().post(`/api/v1/problems/${problem.id}/tracking-link`).set(s.manager.auth).expect(409);
  });

  it('locks out an address that guesses tokens, and no one else', async () => {
    const problem = await s.f.problem(s.official, s.enterpriseId);
    const { token } = await linkOf(s, s.official, problem.id);
    const guesses = [];
    for (let i = 0; i < 5; i++) {
      guesses.push((await fromAddress(port, '127.0.0.3', `/api/v1/track/${String(i).repeat(43)}`)).status);
    }
    expect(guesses).toEqual([404, 404, 404, 404, 404]);
    // Locked: even the real token, from that address.
    const locked = await fromAddress(port, '127.0.0.3', `/api/v1/track/${token}`);
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(60);

    // Another address, and a signed-in user from the same one, go on.
    expect((await fromAddress(port, '127.0.0.4', `/api/v1/track/${token}`)).status).toBe(200);
    expect((await fromAddress(port, '127.0.0.3', `/api/v1/problems/${problem.id}`, s.manager.auth)).status).toBe(200);
  });

  it('limits the requests of one address per minute', async () => {
    const problem = await s.f.problem(s.official, s.enterpriseId);
    const { token } = await linkOf(s, s.official, problem.id);
    const statuses = [];
    for (let i = 0; i < 14; i++) statuses.push((await fromAddress(port, '127.0.0.5', `/api/v1/track/${token}`)).status);
    expect(statuses.slice(0, 12).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(12)).toEqual([429, 429]);
    expect((await fromAddress(port, '127.0.0.6', `/api/v1/track/${token}`)).status).toBe(200);
  });
});
