import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/app-config';

export const ADMIN = { username: 'test-admin', password: 'Test-admin-1' };

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

/** A fresh database named outreach_test_*, so a test never touches data it did not make. */
export async function createTestDatabase(): Promise<string> {
  const name = `outreach_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/^outreach_test_[0-9a-f]{12}$/.test(name)) throw new Error(`refusing to drop ${name}: not a test database`);
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** The whole application on its own fresh database, migrations applied, with a bootstrap admin. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    // Tests send thousands of requests from one address; the limit has its own test.
    RATE_LIMIT_PER_MINUTE: '0',
    ...env,
  });
  const app = await createApp({ config, databaseUrl, jwtSecret: config.jwtSecret! });
  return {
    app,
    http: () => request(app.getHttpServer()),
    db: app.get(DataSource),
    databaseUrl,
    close: async () => {
      await app.close();
      await dropTestDatabase(databaseUrl);
    },
  };
}
