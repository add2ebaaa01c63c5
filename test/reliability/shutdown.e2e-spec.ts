import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { LOOKUPS_AT_ONCE } from '../../src/common/batcher';
import { freePort } from '../../src/database/embedded-postgres';

/*
 * The built service with its embedded database, under load, gets SIGTERM. What it had accepted
 * it finishes (2xx); what comes after finds the port closed; it exits 0 and leaves no PostgreSQL
 * behind; started again, it has every write it acknowledged.
 */

const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');
const ADMIN = { username: 'shutdown-admin', password: 'Shutdown-admin-1' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

function start(dataDir: string, port: number): Running {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      PORT: String(port),
      DEMO_DATA: 'false',
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      // The load comes from one address; the per-address limit is not what is tested here.
      RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, output: () => output, exited };
}

interface Outcome {
  label: string;
  key?: string;
  /** HTTP status, or 0 with `error` (ECONNREFUSED, ECONNRESET, hung, …). */
  status: number;
  error?: string;
  started: number;
  ms: number;
  body: any;
}

/** One request on a connection of its own (no keep-alive), bounded in time. */
function request(
  port: number,
  label: string,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: object; key?: string; timeoutMs?: number } = {},
): Promise<Outcome> {
  const started = Date.now();
  const payload = options.body ? JSON.stringify(options.body) : undefined;
  const headers: Record<string, string> = { connection: 'close' };
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.key) headers['idempotency-key'] = options.key;
  return new Promise((resolve) => {
    let done = false;
    const finish = (outcome: Omit<Outcome, 'label' | 'key' | 'started' | 'ms'>) => {
      if (done) return;
      done = true;
      resolve({ label, key: options.key, started, ms: Date.now() - started, ...outcome });
    };
    const req = http.request(
      { host: '127.0.0.1', port, method, path: `/api/v1${path}`, headers, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          let body: any = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON
          }
          finish({ status: res.statusCode ?? 0, body });
        });
        res.on('error', (error: NodeJS.ErrnoException) =>
          finish({ status: 0, error: error.code ?? error.message, body: null }),
        );
      },
    );
    req.setTimeout(options.timeoutMs ?? 15_000, () => {
      finish({ status: 0, error: 'hung', body: null });
      req.destroy();
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish({ status: 0, error: error.code ?? error.message, body: null }),
    );
    req.end(payload);
  });
}

const is2xx = (o: Outcome) => o.status >= 200 && o.status < 300;
const describeOutcome = (o: Outcome) => `${o.label} ${o.status || o.error} after ${o.ms} ms`;

async function waitHealthy(running: Running, seconds: number): Promise<void> {
  const from = Date.now();
  while (Date.now() - from < seconds * 1000) {
    if (running.child.exitCode !== null) throw new Error(`the service exited:\n${running.output()}`);
    const o = await request(running.port, 'health', 'GET', '/health', { timeoutMs: 2000 });
    if (o.status === 200) return;
    await sleep(100);
  }
  throw new Error(`not healthy after ${seconds} s:\n${running.output()}`);
}

function postgresRunningOn(dataDir: string): boolean {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').some((line) => line.includes('postgres') && line.includes(join(dataDir, 'pg')));
}

/** A direct connection to the service's embedded PostgreSQL (its password and port are in DATA_DIR). */
async function embeddedClient(dataDir: string): Promise<Client> {
  const { databasePassword } = JSON.parse(readFileSync(join(dataDir, 'embedded-postgres.json'), 'utf8'));
  const port = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password: databasePassword,
    database: 'outreach',
  });
  client.on('error', () => undefined); // the server stops under it at the end
  await client.connect();
  return client;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('reliability: SIGTERM under load', () => {
  const root = mkdtempSync(join(tmpdir(), 'outreach-shutdown-'));
  chmodSync(root, 0o755);
  const dataDir = join(root, 'data');
  const started: Running[] = [];

  afterAll(async () => {
    for (const running of started) {
      if (running.child.exitCode === null && running.child.signalCode === null) {
        running.child.kill('SIGTERM');
        await withTimeout(running.exited, 15_000, null);
      }
    }
    rmSync(root, { recursive: true, force: true });
  }, 30_000);

  it('finishes the requests in flight, refuses new connections, exits 0, stops PostgreSQL and keeps every acknowledged write', async () => {
    const t0 = Date.now();
    const first = start(dataDir, await freePort());
    started.push(first);
    await waitHealthy(first, 90);
    const firstStartMs = Date.now() - t0;
    const port = first.port;

    const login = await request(port, 'login', 'POST', '/auth/login', { body: ADMIN });
    expect(login.status).toBe(200);
    const token: string = login.body.accessToken;
    const enterprise = await request(port, 'enterprise', 'POST', '/enterprises', {
      token,
      body: { name: '酒泉停机测试有限公司', district: 'suzhou', industry: 'logistics' },
    });
    expect(enterprise.status).toBe(201);
    const bodies = new Map<string, object>();
    const create = (label: string, key: string) => {
      const body = { enterpriseId: enterprise.body.id, title: key, category: 'financing' };
      bodies.set(key, body);
      return request(port, label, 'POST', '/problems', { token, body, key });
    };

    // A steady load first, bounded in time and count.
    const loadOutcomes: Outcome[] = [];
    const loadUntil = Date.now() + 1500;
    const loadDeadline = Date.now() + 10_000;
    await Promise.all(
      Array.from({ length: 4 }, async (_, c) => {
        // At least five rounds per client, for a second and a half, never past ten seconds.
        for (let i = 0; i < 200 && (i < 5 || Date.now() < loadUntil) && Date.now() < loadDeadline; i += 1) {
          loadOutcomes.push(await create('load', `load-c${c}-${i}`));
          loadOutcomes.push(await request(port, 'load-list', 'GET', '/problems?limit=10', { token }));
        }
      }),
    );

    // Requests certainly in flight at SIGTERM: the users table is held, so each one waits, having
    // been accepted, read and begun (its first step is the check of the token's user). Checks of
    // requests that come together share lookups: two wait at the database, the rest for the next.
    const db = await embeddedClient(dataDir);
    // The service's own embedded PostgreSQL keeps PostgreSQL's durable defaults.
    const durability = await db.query(
      `SELECT current_setting('fsync') AS f, current_setting('synchronous_commit') AS s`,
    );
    expect(durability.rows[0]).toEqual({ f: 'on', s: 'on' });
    await db.query('BEGIN');
    await db.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
    const wave = [
      ...Array.from({ length: 4 }, (_, i) => create('in-flight create', `in-flight-${i}`)),
      ...Array.from({ length: 3 }, () => request(port, 'in-flight list', 'GET', '/problems?limit=20', { token })),
      request(port, 'in-flight read', 'GET', `/enterprises/${enterprise.body.id}`, { token }),
    ];
    // Watched from another session: pg_stat_activity is a snapshot per transaction.
    const monitor = await embeddedClient(dataDir);
    const waiting = async () =>
      (
        await monitor.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE application_name = 'jiuquan-outreach' AND wait_event_type = 'Lock'`,
        )
      ).rows[0].n as number;
    for (let i = 0; i < 100 && (await waiting()) < LOOKUPS_AT_ONCE; i += 1) await sleep(50);
    const inFlight = await waiting();
    await sleep(300); // the rest of the wave arrives and queues for the next lookup
    await monitor.end();

    const sigtermAt = Date.now();
    first.child.kill('SIGTERM');
    // New connections while it drains: refused, not accepted and then dropped, not left hanging.
    const probes: Outcome[] = [];
    await sleep(100);
    while (Date.now() - sigtermAt < 1200) {
      probes.push(await request(port, 'new connection', 'GET', '/health', { timeoutMs: 5000 }));
      await sleep(100);
    }
    // Released after a second: a draining service is still waiting for these (it does not stop the database under them).
    const lockHeldToTheEnd = await db.query('COMMIT').then(
      () => true,
      () => false,
    );
    await db.end().catch(() => undefined);
    const waveOutcomes = await Promise.all(wave);
    const exitCode = await withTimeout<number | null | string>(first.exited, 30_000, 'still running');
    const shutdownMs = Date.now() - sigtermAt;
    const postgresLeft = postgresRunningOn(dataDir);
    const pidFileLeft = existsSync(join(dataDir, 'pg', 'postmaster.pid'));

    // Started again on the same data: every acknowledged write is there, with its created event.
    const t1 = Date.now();
    const second = start(dataDir, await freePort());
    started.push(second);
    await waitHealthy(second, 60);
    const secondStartMs = Date.now() - t1;
    const relogin = await request(second.port, 'login', 'POST', '/auth/login', { body: ADMIN });
    expect(relogin.status).toBe(200);
    const token2: string = relogin.body.accessToken;
    const acknowledged = [...loadOutcomes, ...waveOutcomes].filter((o) => o.key && is2xx(o));
    const missing: string[] = [];
    for (let i = 0; i < acknowledged.length; i += 8) {
      await Promise.all(
        acknowledged.slice(i, i + 8).map(async (o) => {
          const read = await request(second.port, 'verify', 'GET', `/problems/${o.body.id}`, { token: token2 });
          if (read.status !== 200 || read.body.title !== o.key || read.body.events?.[0]?.type !== 'created') {
            missing.push(`${o.key} ${o.body?.id} → ${read.status}`);
          }
        }),
      );
    }
    // The in-flight creates that did not get their answer are retried with their keys: one problem each.
    const unanswered = [...bodies.keys()].filter((key) => !acknowledged.some((o) => o.key === key));
    const retries = await Promise.all(
      unanswered.map((key) =>
        request(second.port, 'retry', 'POST', '/problems', { token: token2, body: bodies.get(key), key }),
      ),
    );
    const check = await embeddedClient(dataDir);
    const titles: string[] = (await check.query(`SELECT title FROM problems`)).rows.map(
      (r: { title: string }) => r.title,
    );
    await check.end();
    const duplicates = titles.length - new Set(titles).size;
    second.child.kill('SIGTERM');
    const secondExit = await withTimeout<number | null | string>(second.exited, 30_000, 'still running');

    const figures = {
      first_start_ms: firstStartMs,
      second_start_ms: secondStartMs,
      load_requests: loadOutcomes.length,
      load_failures: loadOutcomes.filter((o) => !is2xx(o)).length,
      in_flight: inFlight,
      in_flight_2xx: waveOutcomes.filter(is2xx).length,
      in_flight_failed:
        waveOutcomes
          .filter((o) => !is2xx(o))
          .map((o) => o.status || o.error)
          .join(',') || 'none',
      probes: probes.length,
      probes_refused: probes.filter((o) => o.error === 'ECONNREFUSED').length,
      probes_other:
        probes
          .filter((o) => o.error !== 'ECONNREFUSED')
          .map((o) => o.status || o.error)
          .join(',') || 'none',
      exit_code: exitCode,
      shutdown_ms: shutdownMs,
      postgres_left: postgresLeft,
      database_stopped_under_in_flight_requests: !lockHeldToTheEnd,
      acknowledged_writes: acknowledged.length,
      acknowledged_writes_lost: missing.length,
      retried: retries.length,
      duplicates,
      second_exit_code: secondExit,
    };
    process.stdout.write(
      `RELIABILITY shutdown: ${Object.entries(figures)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}\n`,
    );

    expect(loadOutcomes.length).toBeGreaterThanOrEqual(40);
    expect(loadOutcomes.filter((o) => !is2xx(o)).map(describeOutcome)).toEqual([]);
    expect(inFlight).toBe(LOOKUPS_AT_ONCE);
    // Nothing acknowledged is lost; nothing is created twice.
    expect(missing).toEqual([]);
    expect(retries.filter((o) => o.status !== 201).map(describeOutcome)).toEqual([]);
    expect(duplicates).toBe(0);
    expect(titles).toHaveLength(bodies.size);
    // The process stops cleanly and takes its PostgreSQL with it.
    expect(exitCode).toBe(0);
    expect(postgresLeft).toBe(false);
    expect(pidFileLeft).toBe(false);
    expect(secondExit).toBe(0);
    // After SIGTERM, a new connection is refused at once (never accepted and dropped, never left hanging).
    expect(probes.length).toBeGreaterThan(3);
    expect(probes.filter((o) => o.error !== 'ECONNREFUSED').map(describeOutcome)).toEqual([]);
    // What was in flight when SIGTERM came is finished, with its answer.
    expect(lockHeldToTheEnd).toBe(true);
    expect(waveOutcomes.filter((o) => !is2xx(o)).map(describeOutcome)).toEqual([]);
  }, 150_000);
});
