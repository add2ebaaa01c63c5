import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/app-config';
import { Factory } from './factories';
import { countRows } from './factories/more';
import { ADMIN, createTestDatabase, dropTestDatabase, TestApp } from './support/test-app';

/*
 * The other suites turn the general rate limit off (createTestApp) and never let the warning job
 * fire. This one starts the application with nothing but what a deployment must set (database,
 * secret, first admin): the rate limit and the scan interval are the production defaults.
 *
 * The scan's interval is 300 s: only setInterval/clearInterval are faked here, so the job's own
 * timer is moved on by hand while the database, HTTP and everything else run on real time.
 */
describe('production defaults: rate limit on, warning scan on its schedule', () => {
  let t: TestApp;
  let f: Factory;
  let base: string;
  let loaded: ReturnType<typeof loadConfig>;
  const config = () => loaded;

  beforeAll(async () => {
    jest.useFakeTimers({
      doNotFake: [
        'Date',
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setTimeout',
        'clearTimeout',
      ],
    });
    const databaseUrl = await createTestDatabase();
    loaded = loadConfig({
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'silent',
    });
    const app = await createApp({ config: loaded, databaseUrl, jwtSecret: loaded.jwtSecret! });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    t = {
      app,
      http: () => request(app.getHttpServer()),
      db: app.get(DataSource),
      databaseUrl,
      close: async () => {
        await app.close();
        await dropTestDatabase(databaseUrl);
      },
    };
    f = new Factory(t);
  });

  afterAll(async () => {
    await t?.close();
    jest.useRealTimers();
  });

  it('runs with the documented defaults', () => {
    expect(config().rateLimitPerMinute).toBe(1200);
    expect(config().warnings.scanIntervalSeconds).toBe(300);
  });

  it('runs the warning scan by itself every 300 s', async () => {
    const official = await f.user('official');
    const enterprise = await f.enterprise(official);
    // Registered long ago, the official's for as long, and never visited: the scan records a
    // not_visited warning for it.
    await t.db.query(`UPDATE enterprises SET created_at = now() - interval '400 days' WHERE id = $1`, [enterprise.id]);
    await t.db.query(
      `INSERT INTO responsibilities (enterprise_id, user_id, kind, starts_at, recorded_by, recorded_at)
       VALUES ($1, $2, 'official', now() - interval '400 days', $2, now() - interval '400 days')`,
      [enterprise.id, official.id],
    );
    const warnings = () => countRows(t, 'warnings', `enterprise_id = $1 AND level = 'not_visited'`, [enterprise.id]);
    /** Waits (real time) until the scan started by a tick has written, or 5 s have passed. */
    const settle = async () => {
      for (let i = 0; i < 50 && (await warnings()) === 0; i += 1) await new Promise((r) => setTimeout(r, 100));
    };

    expect(await warnings()).toBe(0);
    jest.advanceTimersByTime(299_000);
    await settle();
    expect(await warnings()).toBe(0);

    jest.advanceTimersByTime(1_000);
    await settle();
    expect(await warnings()).toBe(1);
    // The next tick finds the same warning already recorded and records it once only.
    jest.advanceTimersByTime(300_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await warnings()).toBe(1);
  });

  it('answers 429 past the limit of requests per minute from one address', async () => {
    const limit = config().rateLimitPerMinute;
    const statuses = new Map<number, number>();
    // Requests without a token: each is counted (the limit comes before authentication), answers 401.
    // The requests made above (logins, creates) count too: the 429s start a little before `limit`.
    let first429: number | null = null;
    for (let i = 0; i < limit + 5; i += 1) {
      const res = await fetch(`${base}/api/v1/districts`);
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 429 && first429 === null) first429 = i;
    }
    expect([...statuses.keys()].sort()).toEqual([401, 429]);
    expect(first429).not.toBeNull();
    expect(first429!).toBeGreaterThan(limit - 20);
    expect(first429!).toBeLessThanOrEqual(limit);

    const refused = await fetch(`${base}/api/v1/districts`);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Health checks are never limited.
    expect((await fetch(`${base}/api/v1/health`)).status).toBe(200);
  }, 120_000);
});
