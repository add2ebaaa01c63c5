import { INestApplication, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/app-config';
import { Factory, inDays, TestUser } from './factories';
import { sleep } from './factories/more';
import { startPrimaryWithStandby, type PrimaryWithStandby } from './support/standby';
import { ADMIN, type TestApp } from './support/test-app';

interface RateBody {
  asOf: string;
  recorded: number;
  resolved: number;
  readFrom?: { source: string; replayedTo: string };
}

/**
 * The reports on a real streaming standby of an embedded primary (test/support/standby.ts):
 * what they read from it, that "now" on it never runs ahead of what it has replayed, and that a
 * replica too far behind or gone leaves the figures to the primary, with a line in the log.
 */
describe('reports on a read replica (DATABASE_REPLICA_URL)', () => {
  let servers: PrimaryWithStandby;
  /** The service with a lag limit far above anything here: the replica answers while replay is paused. */
  let patient: TestApp;
  let f: Factory;
  let manager: TestUser;
  let handler: TestUser;
  let official: TestUser;
  let department: { id: string };
  let enterprise: { id: string };
  let warn: jest.SpyInstance;
  let log: jest.SpyInstance;
  const period = DateTime.now().setZone('Asia/Shanghai').toFormat("yyyy-'Q'q");

  async function startService(maxLagSeconds: number): Promise<TestApp> {
    const config = loadConfig({
      DATABASE_URL: servers.primaryUrl,
      DATABASE_REPLICA_URL: servers.standbyUrl,
      DATABASE_REPLICA_MAX_LAG_SECONDS: String(maxLagSeconds),
      JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '0',
      WARNING_SCAN_INTERVAL_SECONDS: '0',
    });
    const app: INestApplication = await createApp({
      config,
      databaseUrl: servers.primaryUrl,
      jwtSecret: config.jwtSecret!,
    });
    return {
      app,
      http: () => request(app.getHttpServer()),
      db: app.get(DataSource),
      databaseUrl: servers.primaryUrl,
      close: () => app.close(),
    };
  }

  async function rate(t: TestApp): Promise<RateBody & { header: string }> {
    const res = await t.http().get('/api/v1/reports/resolution-rate').query({ period, asOf: 'now' }).set(manager.auth);
    expect(res.status).toBe(200);
    return { ...(res.body as RateBody), header: res.headers['x-read-from'] as string };
  }

  /** Asks until `done` holds (the replica replays in milliseconds, the settled margin takes seconds). */
  async function until(
    t: TestApp,
    done: (body: RateBody) => boolean,
    seconds = 20,
  ): Promise<RateBody & { header: string }> {
    for (const deadline = Date.now() + seconds * 1000; ; await sleep(250)) {
      const body = await rate(t);
      if (done(body) || Date.now() > deadline) return body;
    }
  }

  async function newProblem(): Promise<string> {
    const { id } = await f.problem(official, enterprise.id);
    expect((await f.act(manager, id, 'assign', { departmentId: department.id, dueAt: inDays(10) })).status).toBe(200);
    return id;
  }

  async function resolve(id: string): Promise<void> {
    expect((await f.act(handler, id, 'resolve', { resolution: '已办结' })).status).toBe(200);
  }

  const linesOf = (spy: jest.SpyInstance) => spy.mock.calls.map((call) => String(call[0]));

  beforeAll(async () => {
    servers = await startPrimaryWithStandby();
    patient = await startService(600);
    f = new Factory(patient);
    department = await f.department('副本甲局');
    manager = await f.user('manager');
    handler = await f.user('handler', department.id);
    official = await f.user('official');
    enterprise = await f.enterprise(official);
    warn = jest.spyOn(Logger.prototype, 'warn');
    log = jest.spyOn(Logger.prototype, 'log');
  }, 60_000);

  afterAll(async () => {
    await patient?.close();
    await servers?.stop();
  });

  it('reads a figure from the replica, as of an instant it has replayed, and says so', async () => {
    await newProblem();
    const body = await until(patient, (b) => b.readFrom !== undefined && b.recorded === 1);
    expect(body).toMatchObject({ recorded: 1, resolved: 0, readFrom: { source: 'replica' }, header: 'replica' });
    expect(Date.parse(body.asOf)).toBeLessThanOrEqual(Date.parse(body.readFrom!.replayedTo));
    // Its own small pool, named, every transaction read-only.
    expect(
      await servers.onStandby(
        `SELECT 1 FROM pg_stat_activity WHERE application_name = 'jiuquan-outreach-reports'
           AND backend_type = 'client backend'`,
      ),
    ).not.toHaveLength(0);
  });

  it('exports the problem list from the replica; the list itself stays on the primary', async () => {
    const exported = await patient.http().get('/api/v1/problems/export?format=csv').set(manager.auth);
    expect(exported.status).toBe(200);
    expect(exported.headers['x-read-from']).toBe('replica');
    expect(exported.text).toContain('用电报装进度慢');
    const list = await patient.http().get('/api/v1/problems').set(manager.auth);
    expect(list.status).toBe(200);
    expect(list.headers['x-read-from']).toBeUndefined();
  });

  it('shows a resolution on the primary once the replica has replayed it, never before', async () => {
    // A look with the replica caught up, then replay paused: the replica holds everything before that look.
    await until(patient, (b) => b.readFrom !== undefined && b.recorded === 1);
    const id = (await f.problem(official, enterprise.id)).id;
    await sleep(1100);
    const caughtUp = await until(patient, (b) => b.readFrom !== undefined && b.recorded === 2);
    expect(caughtUp.readFrom).toBeDefined();
    await servers.onStandby('SELECT pg_wal_replay_pause()');
    await sleep(1100); // the next look samples the primary after the pause
    expect((await f.act(manager, id, 'assign', { departmentId: department.id, dueAt: inDays(10) })).status).toBe(200);
    const before = Date.now();
    await resolve(id);
    const after = Date.now();
    await sleep(1100);

    const paused = await rate(patient);
    if (paused.readFrom) {
      // The replica answers with what it had: the resolution is not in it, nor is the instant.
      expect(paused).toMatchObject({ recorded: 2, resolved: 0, header: 'replica' });
      expect(Date.parse(paused.readFrom.replayedTo)).toBeLessThan(before);
      expect(Date.parse(paused.asOf)).toBeLessThan(before);
    } else {
      // Or it was found behind and the primary answered: then the figure is the primary's.
      expect(paused).toMatchObject({ recorded: 2, resolved: 1, header: 'primary' });
    }

    await servers.onStandby('SELECT pg_wal_replay_resume()');
    for (const deadline = Date.now() + 20_000; ; await sleep(250)) {
      const body = await rate(patient);
      if (body.readFrom) {
        // Never early: counted only as of an instant after it happened, and always then.
        if (body.resolved === 1) expect(Date.parse(body.asOf)).toBeGreaterThan(before);
        else expect(Date.parse(body.asOf)).toBeLessThan(after);
        if (body.resolved === 1) break;
      }
      if (Date.now() > deadline) throw new Error(`the replica never showed the resolution: ${JSON.stringify(body)}`);
    }
  });

  it('reads from the primary while the replica lags beyond the limit, and says so once', async () => {
    const strict = await startService(1);
    try {
      await until(strict, (b) => b.readFrom !== undefined && b.recorded === 2);
      warn.mockClear();
      log.mockClear();
      await servers.onStandby('SELECT pg_wal_replay_pause()');
      await resolve(await newProblem());
      await sleep(2500);

      for (let i = 0; i < 3; i++) {
        const body = await rate(strict);
        expect(body).toMatchObject({ recorded: 3, resolved: 2, header: 'primary' });
        expect(body.readFrom).toBeUndefined();
        await sleep(400);
      }
      expect(linesOf(warn).filter((line) => line.includes('reports read from the primary'))).toEqual([
        expect.stringMatching(/^replica behind by \d+ s; reports read from the primary$/),
      ]);

      await servers.onStandby('SELECT pg_wal_replay_resume()');
      const back = await until(strict, (b) => b.readFrom !== undefined && b.resolved === 2);
      expect(back).toMatchObject({ recorded: 3, resolved: 2, header: 'replica' });
      expect(linesOf(log)).toContain('replica caught up; reports read from it again');
    } finally {
      await strict.close();
    }
  });

  it('reads from the primary when the replica goes away, even in the middle of its second', async () => {
    await until(patient, (b) => b.readFrom !== undefined && b.recorded === 3);
    warn.mockClear();
    // Stopped right after a look that found it well: the next requests still pick it, fail on it
    // and are answered by the primary; later ones find it gone.
    await servers.stopStandby();
    for (let i = 0; i < 4; i++) {
      const body = await rate(patient);
      expect(body).toMatchObject({ recorded: 3, resolved: 2, header: 'primary' });
      expect(body.readFrom).toBeUndefined();
      await sleep(400);
    }
    const lines = linesOf(warn).filter((line) => line.includes('reports read from the primary'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^replica (unreachable|failed a query)/);
  });
});
