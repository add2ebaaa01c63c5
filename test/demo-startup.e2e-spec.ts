import { INestApplication, Logger } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/app-config';
import { createTestDatabase, DEMO_PASSWORD, dropTestDatabase } from './support/test-app';

/**
 * DEMO_DATA=true loads the demo data into a database holding nothing but the bootstrap admin (the
 * admin is created first), never twice, and the start-up log says what was and was not loaded.
 */

interface Started {
  app: INestApplication;
  db: DataSource;
  /** What the start-up logged under its own name, as `log: …` and `warn: …` lines. */
  lines: string[];
}

const spies = { log: jest.spyOn(Logger.prototype, 'log'), warn: jest.spyOn(Logger.prototype, 'warn') };

afterAll(() => {
  spies.log.mockRestore();
  spies.warn.mockRestore();
});

/** The app on `databaseUrl`, started with DEMO_DATA=true and the given environment. */
async function start(databaseUrl: string, env: Record<string, string>): Promise<Started> {
  spies.log.mockClear();
  spies.warn.mockClear();
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    WARNING_SCAN_INTERVAL_SECONDS: '0',
    DEMO_DATA: 'true',
    ...env,
  });
  const app = await createApp({ config, databaseUrl, jwtSecret: config.jwtSecret! });
  const startup = (spy: jest.SpyInstance, level: string) =>
    spy.mock.calls
      .filter((call, i) => (spy.mock.contexts[i] as { context?: string }).context === 'Startup')
      .map((call) => `${level}: ${String(call[0])}`);
  return { app, db: app.get(DataSource), lines: [...startup(spies.log, 'log'), ...startup(spies.warn, 'warn')] };
}

async function loginStatus(app: INestApplication, username: string, password: string): Promise<number> {
  return (await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username, password })).status;
}

async function counts(db: DataSource): Promise<{ problems: number; users: number; admins: string[] }> {
  const [row] = await db.query(
    `SELECT (SELECT count(*) FROM problems)::int AS problems, (SELECT count(*) FROM users)::int AS users,
            (SELECT array_agg(username ORDER BY username) FROM users WHERE role = 'admin') AS admins`,
  );
  return row;
}

describe('demo data at start-up (DEMO_DATA=true)', () => {
  const urls: string[] = [];
  const apps: INestApplication[] = [];
  const fresh = async () => {
    const url = await createTestDatabase();
    urls.push(url);
    return url;
  };
  const started = async (url: string, env: Record<string, string>) => {
    const s = await start(url, env);
    apps.push(s.app);
    return s;
  };

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    for (const url of urls) await dropTestDatabase(url);
  });

  it('loads it beside a configured admin on an empty database, and says so; a restart loads nothing and says why', async () => {
    const url = await fresh();
    const first = await started(url, { ADMIN_USERNAME: 'boss', ADMIN_PASSWORD: 'Boss-password-1' });
    expect(first.lines).toContain('log: created the admin "boss"');
    expect(first.lines.find((l) => l.startsWith('log: loaded the demo data: '))).toMatch(
      /"departments":\d+,"users":26,"enterprises":300,"visits":\d+,"problems":\d+,"events":\d+,"responsibilities":\d+,"projects":\d+,"productionStatusEvents":\d+,"published":2\}/,
    );
    expect(first.lines.some((l) => l.startsWith('warn:'))).toBe(false);
    const loaded = await counts(first.db);
    expect(loaded.users).toBe(27);
    expect(loaded.admins).toEqual(['admin', 'boss']);
    expect(loaded.problems).toBeGreaterThan(127);
    expect(await loginStatus(first.app, 'boss', 'Boss-password-1')).toBe(200);
    expect(await loginStatus(first.app, 'manager', DEMO_PASSWORD)).toBe(200);
    await first.app.close();

    const second = await started(url, { ADMIN_USERNAME: 'boss', ADMIN_PASSWORD: 'Boss-password-1' });
    expect(second.lines).toHaveLength(1);
    expect(second.lines[0]).toMatch(
      /^log: DEMO_DATA is on but the demo data was not loaded: the database already holds \d+ problems, 300 enterprises, \d+ visits, \d+ departments, 26 users besides the configured admin; demo data goes only into an empty one$/,
    );
    expect(second.lines[0]).toContain(`holds ${loaded.problems} problems`);
    expect(await counts(second.db)).toEqual(loaded);
  });

  it('lets a configured admin named like the demo admin keep its password, and loads the rest', async () => {
    const first = await started(await fresh(), { ADMIN_USERNAME: 'Admin', ADMIN_PASSWORD: 'Own-password-1' });
    expect(first.lines).toContain(
      'log: demo data: the demo user "admin" was not created: the configured admin of that name keeps its password',
    );
    expect(first.lines.find((l) => l.startsWith('log: loaded the demo data: '))).toContain('"users":25,');
    expect(await counts(first.db)).toMatchObject({ users: 26, admins: ['Admin'] });
    expect(await loginStatus(first.app, 'Admin', 'Own-password-1')).toBe(200);
    expect(await loginStatus(first.app, 'admin', DEMO_PASSWORD)).toBe(401);
    expect(await loginStatus(first.app, 'official', DEMO_PASSWORD)).toBe(200);
  });

  it('loads nothing, and says why, when the admin takes the name of a demo user the data refers to', async () => {
    const first = await started(await fresh(), { ADMIN_USERNAME: 'manager', ADMIN_PASSWORD: 'Own-password-1' });
    expect(first.lines.filter((l) => !l.startsWith('log: applied migrations'))).toEqual([
      'log: created the admin "manager"',
      'warn: DEMO_DATA is on but the demo data was not loaded: ' +
        'ADMIN_USERNAME "manager" is the name of a demo manager: choose another admin name',
    ]);
    expect(await counts(first.db)).toEqual({ problems: 0, users: 1, admins: ['manager'] });
  });

  it('still loads it into a database without any user when no admin is configured', async () => {
    const first = await started(await fresh(), { ADMIN_USERNAME: '', ADMIN_PASSWORD: '' });
    expect(first.lines.filter((l) => !l.startsWith('log: applied migrations'))).toEqual([
      expect.stringMatching(/^log: loaded the demo data: \{"departments":\d+,"users":26,/),
    ]);
    expect(await counts(first.db)).toMatchObject({ users: 26, admins: ['admin'] });
  });
});
