import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/app-config';
import { WarningsService } from '../../src/warnings/warnings.service';
import { createTestDatabase, dropTestDatabase } from '../support/test-app';

/*
 * Two instances of the service on one database, as behind a load balancer that alternates: what
 * one instance knows (tokens, versions, warnings recorded, failed logins) the other must know too.
 */

const JWT_SECRET = 'two-instances-secret-that-is-long-enough-0123';
const ADMIN = { username: 'twin-admin', password: 'Twin-admin-1' };
const PASSWORD = 'Password-123';

async function instance(databaseUrl: string): Promise<INestApplication> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    JWT_SECRET,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    WARNING_SCAN_INTERVAL_SECONDS: '0',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  return createApp({ config, databaseUrl, jwtSecret: JWT_SECRET });
}

describe('reliability: two instances on one database', () => {
  let databaseUrl: string;
  let a: INestApplication;
  let b: INestApplication;
  let db: DataSource;
  let adminAuth: { Authorization: string };
  let managerAuth: { Authorization: string };
  let enterpriseId: string;
  let departmentId: string;
  let serial = 0;

  /** The instance for the n-th request: A, B, A, B, … */
  const on = (app: INestApplication) => request(app.getHttpServer());
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const login = (app: INestApplication, username: string, password: string) =>
    on(app).post('/api/v1/auth/login').send({ username, password });

  async function user(role: 'official' | 'manager' | 'handler', via: INestApplication) {
    serial += 1;
    const username = `twin-${role}-${serial}-${Date.now().toString(36)}`;
    const res = await on(via)
      .post('/api/v1/users')
      .set(adminAuth)
      .send({ username, password: PASSWORD, displayName: username, role });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, username };
  }

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    // Both start at once on the fresh database: migrations and the admin, each exactly once.
    [a, b] = await Promise.all([instance(databaseUrl), instance(databaseUrl)]);
    db = a.get(DataSource);
    const admin = await login(b, ADMIN.username, ADMIN.password).expect(200);
    adminAuth = bearer(admin.body.accessToken);
    const manager = await user('manager', a);
    managerAuth = bearer((await login(b, manager.username, PASSWORD).expect(200)).body.accessToken);
    const department = await on(a)
      .post('/api/v1/departments')
      .set(adminAuth)
      .send({ name: '市工信局(双实例)', code: 'twin-gxj' });
    expect(department.status).toBe(201);
    departmentId = department.body.id;
    const enterprise = await on(b)
      .post('/api/v1/enterprises')
      .set(managerAuth)
      .send({ name: '酒泉双实例测试有限公司', district: 'suzhou', industry: 'logistics' });
    expect(enterprise.status).toBe(201);
    enterpriseId = enterprise.body.id;
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  }, 30_000);

  it('start together on a fresh database: each migration applied once, one admin', async () => {
    const applied: { name: string; n: number }[] = await db.query(
      `SELECT name, count(*)::int AS n FROM migrations GROUP BY name ORDER BY name`,
    );
    expect(applied.map((m) => m.n)).toEqual(migrations.map(() => 1));
    expect(applied.map((m) => m.name).sort()).toEqual(migrations.map((m) => m.name).sort());
    const [admins] = await db.query(`SELECT count(*)::int AS n FROM users WHERE lower(username) = lower($1)`, [
      ADMIN.username,
    ]);
    expect(admins.n).toBe(1);
  });

  it('accept a token from either instance, and refuse at once on B a user disabled on A', async () => {
    const official = await user('official', b);
    const token = (await login(a, official.username, PASSWORD).expect(200)).body.accessToken;
    await on(b).get('/api/v1/problems').set(bearer(token)).expect(200);
    const created = await on(b)
      .post('/api/v1/problems')
      .set(bearer(token))
      .send({ enterpriseId, title: '跨实例令牌', category: 'financing' });
    expect(created.status).toBe(201);
    await on(a).get(`/api/v1/problems/${created.body.id}`).set(bearer(token)).expect(200);

    await on(a).patch(`/api/v1/users/${official.id}`).set(adminAuth).send({ disabled: true }).expect(200);
    const refused = await on(b).get('/api/v1/problems').set(bearer(token));
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
  });

  it('hold version checks across instances: a stale If-Match read on A fails on B, and of two racing moves one wins', async () => {
    const created = await on(a)
      .post('/api/v1/problems')
      .set(managerAuth)
      .send({ enterpriseId, title: '跨实例版本', category: 'factor_supply' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const read = await on(a).get(`/api/v1/problems/${id}`).set(managerAuth).expect(200);
    const version = read.body.version as number;
    expect(read.headers.etag).toBe(`"${version}"`);
    const dueAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const assigned = await on(b)
      .post(`/api/v1/problems/${id}/assign`)
      .set(managerAuth)
      .set('If-Match', `"${version}"`)
      .send({ departmentId, dueAt });
    expect(assigned.status).toBe(200);
    expect(assigned.body.version).toBe(version + 1);

    // A's read is stale now: B refuses it, and so does A.
    for (const app of [b, a]) {
      const stale = await on(app)
        .post(`/api/v1/problems/${id}/escalate`)
        .set(managerAuth)
        .set('If-Match', `"${version}"`)
        .send({ note: '督办' });
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({ code: 'VERSION_MISMATCH', currentVersion: version + 1 });
    }

    // The same version sent to both at once, five times: each time exactly one move is applied.
    let current = version + 1;
    for (let round = 0; round < 5; round += 1) {
      const [fromA, fromB] = await Promise.all(
        [a, b].map((app, i) =>
          on(app)
            .post(`/api/v1/problems/${id}/progress`)
            .set(managerAuth)
            .set('If-Match', `"${current}"`)
            .send({ note: `第${round}轮 ${i === 0 ? 'A' : 'B'}` }),
        ),
      );
      expect([fromA!.status, fromB!.status].sort()).toEqual([200, 412]);
      current += 1;
    }
    const final = await on(b).get(`/api/v1/problems/${id}`).set(managerAuth).expect(200);
    expect(final.body.version).toBe(current);
    expect(final.body.events.filter((e: { type: string }) => e.type === 'progress')).toHaveLength(5);
    expect(final.body.events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'assign',
      'progress',
      'progress',
      'progress',
      'progress',
      'progress',
    ]);
  });

  it('record each warning once when both run the warning scan at once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const created = await on(i % 2 ? a : b)
        .post('/api/v1/problems')
        .set(managerAuth)
        .send({ enterpriseId, title: `预警-${i}`, category: 'labour' });
      expect(created.status).toBe(201);
      const assigned = await on(i % 2 ? b : a)
        .post(`/api/v1/problems/${created.body.id}/assign`)
        .set(managerAuth)
        .set('If-Match', `"${created.body.version}"`)
        .send({ departmentId, dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString() });
      expect(assigned.status).toBe(200);
      ids.push(created.body.id);
    }
    // Three overdue, three stale (the API cannot set a past deadline or an old last action).
    await db.query(`UPDATE problems SET due_at = now() - interval '3 days' WHERE id = ANY($1::uuid[])`, [
      ids.slice(0, 3),
    ]);
    await db.query(`UPDATE problems SET updated_at = now() - interval '10 days' WHERE id = ANY($1::uuid[])`, [
      ids.slice(3),
    ]);

    const scanners = [a.get(WarningsService), b.get(WarningsService)];
    const counts = async () =>
      (await db.query(
        `SELECT w.problem_id AS "problemId", w.level, count(*)::int AS warnings,
                (SELECT count(*)::int FROM problem_events e WHERE e.problem_id = w.problem_id AND e.type = 'warning') AS events
         FROM warnings w WHERE w.problem_id = ANY($1::uuid[]) GROUP BY w.problem_id, w.level ORDER BY 1, 2`,
        [ids],
      )) as { problemId: string; level: string; warnings: number; events: number }[];

    // Three scans on each instance at once, twice over.
    const first = await Promise.all([...scanners, ...scanners, ...scanners].map((s) => s.scan()));
    const second = await Promise.all([...scanners, ...scanners, ...scanners].map((s) => s.scan()));
    /** Warnings recorded by the scans of the given levels (the problems' by default). */
    const recorded = (outcomes: typeof first, levels: string[] = ['overdue', 'stale']) =>
      outcomes.reduce(
        (sum, o) =>
          sum +
          (o.ran
            ? Object.entries(o.recorded)
                .filter(([level]) => levels.includes(level))
                .reduce((x, [, n]) => x + n, 0)
            : 0),
        0,
      );
    const afterTwo = await counts();
    expect(afterTwo).toHaveLength(6);
    expect(
      afterTwo
        .filter((r) => r.level === 'overdue')
        .map((r) => r.problemId)
        .sort(),
    ).toEqual(ids.slice(0, 3).sort());
    expect(
      afterTwo
        .filter((r) => r.level === 'stale')
        .map((r) => r.problemId)
        .sort(),
    ).toEqual(ids.slice(3).sort());
    expect(afterTwo.map((r) => [r.warnings, r.events])).toEqual(afterTwo.map(() => [1, 1]));
    expect(recorded(first)).toBe(6);
    expect(recorded(second)).toBe(0);
    // The enterprise nobody answers for: one unassigned warning, recorded once across both.
    expect(recorded(first, ['unassigned'])).toBe(1);
    expect(recorded(second, ['unassigned'])).toBe(0);
    expect(first.some((o) => o.ran)).toBe(true);

    // A new occurrence (a stale problem now overdue as well) is recorded once more, once.
    await db.query(`UPDATE problems SET due_at = now() - interval '1 day' WHERE id = $1`, [ids[3]]);
    const third = await Promise.all([...scanners, ...scanners].map((s) => s.scan()));
    expect(recorded(third)).toBe(1);
    const afterThree = await counts();
    expect(afterThree).toHaveLength(7);
    expect(afterThree.filter((r) => r.problemId === ids[3]).map((r) => [r.level, r.warnings, r.events])).toEqual([
      ['overdue', 1, 2],
      ['stale', 1, 2],
    ]);
    process.stdout.write(
      `RELIABILITY two-instances-scan: scans=${first.length + second.length + third.length} ` +
        `ran=${[...first, ...second, ...third].filter((o) => o.ran).length} skipped=${[...first, ...second, ...third].filter((o) => !o.ran).length} ` +
        `recorded=${recorded(first) + recorded(second) + recorded(third)} warnings=${afterThree.length}\n`,
    );
  });

  it('share the login lockout: five failures spread over A and B lock the username on both', async () => {
    const victim = await user('official', a);
    const bystander = await user('official', b);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await login(i % 2 ? b : a, victim.username, `wrong-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);

    const sixth = await login(b, victim.username, 'wrong-5');
    const goodOnA = await login(a, victim.username, PASSWORD);
    const goodOnB = await login(b, victim.username, PASSWORD);
    process.stdout.write(
      `RELIABILITY two-instances-lockout: sequential=${[...statuses, sixth.status].join(',')} good_on_A=${goodOnA.status} ` +
        `good_on_B=${goodOnB.status} retry_after=${sixth.headers['retry-after']}\n`,
    );
    for (const res of [sixth, goodOnA, goodOnB]) {
      expect(res.status).toBe(429);
      expect(res.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
      expect(res.body.accessToken).toBeUndefined();
      const retryAfter = Number(res.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    }
    // The lock is for that username only.
    await login(a, bystander.username, PASSWORD).expect(200);
    await login(b, bystander.username, PASSWORD).expect(200);
  });

  it('share the login lockout under a burst: twelve bad passwords at once over A and B get at most five checked', async () => {
    const victim = await user('official', b);
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(i % 2 ? b : a, victim.username, `burst-${i}`)),
    );
    const statuses = burst.map((r) => r.status);
    const after = await Promise.all([login(a, victim.username, PASSWORD), login(b, victim.username, PASSWORD)]);
    process.stdout.write(
      `RELIABILITY two-instances-burst: answered_401=${statuses.filter((s) => s === 401).length} ` +
        `answered_429=${statuses.filter((s) => s === 429).length} other=${statuses.filter((s) => s !== 401 && s !== 429).length} ` +
        `good_after=${after.map((r) => r.status).join(',')}\n`,
    );
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(after.map((r) => r.status)).toEqual([429, 429]);
    // Five failures lock the username: a sixth guess is never checked, however the guesses are timed.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
  });
});
