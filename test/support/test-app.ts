import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { DEFAULT_PASSWORD_HASH_COST, loadConfig } from '../../src/config/app-config';
import { DEMO_PASSWORD } from '../../src/demo/demo-text';

export { DEMO_PASSWORD };

export const ADMIN = { username: 'test-admin', password: 'Test-admin-1' };
/** The environment that gives new password hashes production's cost (argon2's defaults). */
export const PRODUCTION_HASH_COST = {
  PASSWORD_HASH_MEMORY_KIB: String(DEFAULT_PASSWORD_HASH_COST.memoryKib),
  PASSWORD_HASH_TIME_COST: String(DEFAULT_PASSWORD_HASH_COST.timeCost),
};

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  db: DataSource;
  databaseUrl: string;
  close(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (test/support/global-setup.mjs)');
  return url;
}

async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrlOf(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh database named outreach_test_*, so a test never touches data it did not make: empty,
 * or a copy of one of this run's template databases (see templateDatabase).
 */
export async function createTestDatabase(template?: Template): Promise<string> {
  const name = `outreach_test_${randomBytes(6).toString('hex')}`;
  const source = template ? ` TEMPLATE ${await templateDatabase(template)}` : '';
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}${source}`));
  return databaseUrlOf(name);
}

/**
 * What a test database starts from: `migrated` (every migration applied, no rows but the
 * reference data the migrations write) or `demo` (the demo data loaded as the service loads it,
 * with no bootstrap admin). Each is built once per jest run, by the first test file that asks,
 * under an advisory lock; every later file copies it with CREATE DATABASE … TEMPLATE, which takes
 * a fraction of a second where migrating (or loading the demo) takes several.
 */
export type Template = 'migrated' | 'demo';

const TEMPLATE_LOCK = 0x7e57_7e01;
const templates = new Map<Template, Promise<string>>();

function templateDatabase(kind: Template): Promise<string> {
  let name = templates.get(kind);
  if (!name) {
    name = buildTemplateOnce(kind);
    templates.set(kind, name);
  }
  return name;
}

async function buildTemplateOnce(kind: Template): Promise<string> {
  // One run's templates: a later run (or a change of code between runs) never sees old ones.
  const run = process.env.TEST_RUN_ID ?? 'local';
  const name = `outreach_tpl_${run}_${kind}`;
  await withAdminClient(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount) return;
      // Built under another name and renamed when complete, so no file copies half a template.
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${building}`);
      const app = await startApp(databaseUrlOf(building), {
        ADMIN_USERNAME: '',
        ADMIN_PASSWORD: '',
        DEMO_DATA: kind === 'demo' ? 'true' : 'false',
        WARNING_SCAN_INTERVAL_SECONDS: '0',
      });
      await app.close();
      await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return name;
}

export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/^outreach_test_[0-9a-f]{12}$/.test(name)) throw new Error(`refusing to drop ${name}: not a test database`);
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/**
 * The whole application on its own fresh database, migrations applied, with a bootstrap admin.
 * The database is a copy of the `migrated` template unless `from` names another (`demo`), or
 * `'empty'` for a test of what start-up does to a database it has never seen.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  from: Template | 'empty' = 'migrated',
): Promise<TestApp> {
  const databaseUrl = await createTestDatabase(from === 'empty' ? undefined : from);
  const opened = await openTestApp(databaseUrl, env);
  return {
    ...opened,
    close: async () => {
      await opened.close();
      await dropTestDatabase(databaseUrl);
    },
  };
}

/**
 * Another instance of the application on an existing test database: a restart, or a second
 * instance beside the first. Closing it leaves the database to whoever made it.
 */
export async function openTestApp(databaseUrl: string, env: Record<string, string> = {}): Promise<TestApp> {
  const app = await startApp(databaseUrl, env);
  return {
    app,
    http: () => request(app.getHttpServer()),
    db: app.get(DataSource),
    databaseUrl,
    close: () => app.close(),
  };
}

async function startApp(databaseUrl: string, env: Record<string, string>): Promise<INestApplication> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    // Tests send thousands of requests from one address; the limit has its own test.
    RATE_LIMIT_PER_MINUTE: '0',
    // A scheduled warm-up would compute figures in the middle of a test; it has its own test.
    REPORTS_WARM_MINUTES: '0',
    // Cheap password hashes: the suite hashes and verifies about a thousand passwords. The login
    // tests under attack set argon2's own cost back (PRODUCTION_HASH_COST).
    PASSWORD_HASH_MEMORY_KIB: '4096',
    PASSWORD_HASH_TIME_COST: '1',
    ...env,
  });
  return createApp({ config, databaseUrl, jwtSecret: config.jwtSecret! });
}

/** The Authorization header value of a demo user (the manager unless named), on an app with the demo data. */
export async function demoBearer(app: Pick<TestApp, 'http'>, username = 'manager'): Promise<string> {
  const res = await app.http().post('/api/v1/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
  return `Bearer ${res.body.accessToken}`;
}
