import { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/app-config';
import { StandalonePostgres } from './support-postgres';
import { BlackHoleProxy } from './support-proxy';

/*
 * The database blinks under a steady load: first PostgreSQL is stopped abruptly and started
 * again, then (through a proxy) the network to it turns into a black hole and heals. The service
 * must answer 503 quickly meanwhile, never 500, never hang, come back by itself, and every POST it
 * acknowledged must be in the database with its `created` event.
 */

const JWT_SECRET = 'reliability-secret-that-is-long-enough-0123456789';
const ADMIN = { username: 'outage-admin', password: 'Outage-admin-1' };
const OFFICIAL = { username: 'outage-official', password: 'Outage-official-1' };
/** The pool's connect timeout (data-source-options: connectionTimeoutMillis). */
const CONNECT_TIMEOUT_MS = 5000;
/**
 * Longest an answer may take while the database is away: the pool's connect timeout, and a
 * second and a half (a loaded test machine). The proxied instance's query timeout (statement
 * timeout + 1 s = 4 s) is below it, but not twice over.
 */
const MAX_OUTAGE_LATENCY_MS = CONNECT_TIMEOUT_MS + 1500;
/** DB_STATEMENT_TIMEOUT_MS of the instance behind the black-hole proxy. */
const PROXIED_STATEMENT_TIMEOUT_MS = 3000;
/** A request still unanswered after this long counts as hung (and is abandoned). */
const HANG_MS = 15_000;
/** How soon after the database is back the service must answer writes again. */
const RECOVERY_MS = 5000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Outcome {
  kind: 'create' | 'list' | 'health' | 'retry';
  key?: string;
  /** HTTP status, or 0 when no answer came (hung, reset or refused: see `error`). */
  status: number;
  started: number;
  ended: number;
  ms: number;
  body: any;
  error?: string;
}

async function call(
  base: string,
  kind: Outcome['kind'],
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: object; key?: string } = {},
): Promise<Outcome> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.key) headers['idempotency-key'] = options.key;
  const started = Date.now();
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: options.body ? JSON.stringify(options.body) : undefined,
      signal: AbortSignal.timeout(HANG_MS),
    });
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    const ended = Date.now();
    return { kind, key: options.key, status: res.status, started, ended, ms: ended - started, body };
  } catch (error) {
    const ended = Date.now();
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const name = (error as Error).name;
    return {
      kind,
      key: options.key,
      status: 0,
      started,
      ended,
      ms: ended - started,
      body: null,
      error: name === 'TimeoutError' ? 'hung' : (cause ?? (error as Error).message),
    };
  }
}

const is2xx = (o: Outcome) => o.status >= 200 && o.status < 300;
const overlaps = (o: Outcome, from: number, to: number) => o.started < to && o.ended > from;
const summary = (outcomes: Outcome[]) =>
  outcomes
    .filter((o) => !is2xx(o) && o.status !== 503)
    .slice(0, 5)
    .map((o) => `${o.kind} ${o.status} ${o.error ?? JSON.stringify(o.body)} after ${o.ms} ms`);

async function startApp(
  databaseUrl: string,
  statementTimeoutMs: number,
): Promise<{ app: INestApplication; base: string }> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    JWT_SECRET,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    DB_STATEMENT_TIMEOUT_MS: String(statementTimeoutMs),
    WARNING_SCAN_INTERVAL_SECONDS: '0',
    // The load comes from one address; the per-address limit is not what is tested here.
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const app = await createApp({ config, databaseUrl, jwtSecret: JWT_SECRET });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}/api/v1` };
}

/**
 * A few clients, each creating problems (a fresh Idempotency-Key and title per problem) and
 * reading the list, until `stop()` or `maxMs`; every answer is kept.
 */
function load(base: string, token: string, enterpriseId: string, prefix: string, clients: number, maxMs: number) {
  const outcomes: Outcome[] = [];
  const bodies = new Map<string, object>();
  let stopped = false;
  const deadline = Date.now() + maxMs;
  const loops = Array.from({ length: clients }, async (_, c) => {
    for (let i = 0; i < 500 && !stopped && Date.now() < deadline; i += 1) {
      const key = `${prefix}-c${c}-${i}`;
      const body = { enterpriseId, title: key, category: 'factor_supply', description: `load ${prefix}` };
      bodies.set(key, body);
      const created = await call(base, 'create', 'POST', '/problems', { token, body, key });
      const listed = await call(base, 'list', 'GET', '/problems?limit=5', { token });
      outcomes.push(created, listed);
      // A client backs off a little when the service says it is unavailable.
      await sleep(is2xx(created) && is2xx(listed) ? 40 : 250);
    }
  });
  return {
    outcomes,
    bodies,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

/** Polls until `probe` answers 2xx; the milliseconds it took, or null if it never did. */
async function until2xx(probe: () => Promise<Outcome>, maxMs: number): Promise<number | null> {
  const from = Date.now();
  while (Date.now() - from < maxMs) {
    const o = await probe();
    if (is2xx(o)) return o.ended - from;
    await sleep(100);
  }
  return null;
}

describe('reliability: the database goes away and comes back', () => {
  let pg: StandalonePostgres;
  let databaseUrl: string;
  let direct: { app: INestApplication; base: string };
  let proxy: BlackHoleProxy | undefined;
  let viaProxy: { app: INestApplication; base: string } | undefined;
  let token: string;
  let enterpriseId: string;
  let checkClient: Client | undefined;

  beforeAll(async () => {
    pg = await StandalonePostgres.create();
    await pg.start();
    databaseUrl = await pg.createDatabase('outreach');
    proxy = await BlackHoleProxy.listen(pg.port);
    const proxied = new URL(databaseUrl);
    proxied.port = String(proxy.port);
    // Two instances start at once: the migrations run once, under their lock.
    [direct, viaProxy] = await Promise.all([
      startApp(databaseUrl, 3000),
      startApp(proxied.toString(), PROXIED_STATEMENT_TIMEOUT_MS),
    ]);

    const admin = await call(direct.base, 'create', 'POST', '/auth/login', { body: ADMIN });
    expect(admin.status).toBe(200);
    const user = await call(direct.base, 'create', 'POST', '/users', {
      token: admin.body.accessToken,
      body: { ...OFFICIAL, displayName: '走访干部', role: 'official' },
    });
    expect(user.status).toBe(201);
    const login = await call(direct.base, 'create', 'POST', '/auth/login', { body: OFFICIAL });
    expect(login.status).toBe(200);
    token = login.body.accessToken;
    const enterprise = await call(direct.base, 'create', 'POST', '/enterprises', {
      token,
      body: { name: '酒泉风电装备测试有限公司', district: 'suzhou', industry: 'new_energy_equipment' },
    });
    expect(enterprise.status).toBe(201);
    enterpriseId = enterprise.body.id;
  }, 90_000);

  afterAll(async () => {
    await checkClient?.end().catch(() => undefined);
    await viaProxy?.app.close().catch(() => undefined);
    await direct?.app.close().catch(() => undefined);
    await proxy?.close();
    await pg?.destroy();
  }, 60_000);

  /** A direct session for checking, opened once the database is up for good (not across the outage). */
  async function checker(): Promise<Client> {
    if (!checkClient) {
      checkClient = new Client({ connectionString: databaseUrl });
      await checkClient.connect();
    }
    return checkClient;
  }

  /** Retries every create that got no 2xx, with its key and body, and checks the database. */
  async function settle(run: ReturnType<typeof load>, base: string) {
    const retries: Outcome[] = [];
    const answered = new Map<string, Outcome>();
    for (const o of run.outcomes.filter((x) => x.kind === 'create')) {
      if (is2xx(o)) answered.set(o.key!, o);
    }
    const pending = [...run.bodies].filter(([key]) => !answered.has(key));
    // Each client that got 503 tries again with the same key, a few times (six clients at once).
    const retryLoops = Array.from({ length: 6 }, async () => {
      for (let next = pending.shift(); next; next = pending.shift()) {
        const [key, body] = next;
        for (let attempt = 0; attempt < 5; attempt += 1) {
          const retry = await call(base, 'retry', 'POST', '/problems', { token, body, key });
          retries.push(retry);
          if (is2xx(retry)) answered.set(key, retry);
          if (retry.status !== 503) break;
          await sleep(300);
        }
      }
    });
    await Promise.all(retryLoops);
    // A client that did get its answer and sends the request again gets the same problem.
    const again = [...answered.entries()].slice(0, 5);
    const repeats = await Promise.all(
      again.map(([key]) => call(base, 'retry', 'POST', '/problems', { token, body: run.bodies.get(key), key })),
    );

    const check = await checker();
    const keys = [...run.bodies.keys()];
    const rows: { id: string; title: string; created: number }[] = (
      await check.query(
        `SELECT p.id, p.title,
                (SELECT count(*)::int FROM problem_events e WHERE e.problem_id = p.id AND e.type = 'created') AS created
         FROM problems p WHERE p.title = ANY($1::text[])`,
        [keys],
      )
    ).rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const acknowledged = [...answered.values()].map((o) => ({ key: o.key!, id: o.body?.id as string | undefined }));
    const lost = acknowledged.filter((a) => !a.id || byId.get(a.id)?.title !== a.key || byId.get(a.id)?.created !== 1);
    const titles = new Map<string, number>();
    for (const r of rows) titles.set(r.title, (titles.get(r.title) ?? 0) + 1);
    const duplicates = [...titles.values()].filter((n) => n > 1).length;
    const unanswered: string[] = (
      await check.query(`SELECT key FROM idempotency_keys WHERE key = ANY($1::text[]) AND response IS NULL`, [keys])
    ).rows.map((r: { key: string }) => r.key);
    return { retries, repeats, answered, acknowledged, lost, duplicates, rows, unanswered, keys, again };
  }

  it('answers 503 while PostgreSQL is down, comes back by itself, and loses no acknowledged write', async () => {
    // The writes acknowledged before the crash must be on disk: the server runs durable.
    expect([await pg.setting('fsync'), await pg.setting('synchronous_commit')]).toEqual(['on', 'on']);
    const run = load(direct.base, token, enterpriseId, 'outage', 4, 20_000);
    await sleep(1000);

    const stopAt = Date.now();
    await pg.stop('immediate');
    const downAt = Date.now();
    const health: Outcome[] = [];
    while (Date.now() - downAt < 3000) {
      health.push(await call(direct.base, 'health', 'GET', '/health'));
      await sleep(250);
    }
    const restartAt = Date.now();
    await pg.start();
    const upAt = Date.now();

    const healthRecoveredMs = await until2xx(() => call(direct.base, 'health', 'GET', '/health'), 15_000);
    const writeRecoveredMs = await until2xx(
      () =>
        call(direct.base, 'create', 'POST', '/problems', {
          token,
          body: { enterpriseId, title: `outage-probe-${Date.now()}`, category: 'factor_supply' },
        }),
      15_000,
    );
    await sleep(1000);
    await run.stop();

    const all = [...run.outcomes, ...health];
    const during = all.filter((o) => o.started >= downAt && o.ended <= restartAt);
    const around = all.filter((o) => overlaps(o, stopAt, upAt));
    const after = run.outcomes.filter((o) => o.started > upAt + (writeRecoveredMs ?? 0));
    const settled = await settle(run, direct.base);

    const figures = {
      requests: all.length,
      during_outage: during.length,
      '503': all.filter((o) => o.status === 503).length,
      '500': all.filter((o) => o.status === 500).length,
      other_failures: all.filter((o) => !is2xx(o) && o.status !== 503).length,
      max_latency_during_outage_ms: Math.max(0, ...around.map((o) => o.ms)),
      health_503_during: health.filter((o) => o.status === 503).length,
      health_probes: health.length,
      seconds_to_recover_health: healthRecoveredMs === null ? 'never' : (healthRecoveredMs / 1000).toFixed(2),
      seconds_to_recover_writes: writeRecoveredMs === null ? 'never' : (writeRecoveredMs / 1000).toFixed(2),
      acknowledged: settled.acknowledged.length,
      retried_after_503: settled.retries.length,
      retries_refused_after_recovery: settled.retries.filter((o) => o.status !== 201).length,
      acknowledged_writes_lost: settled.lost.length,
      duplicates: settled.duplicates,
    };
    process.stdout.write(
      `RELIABILITY outage-stop: ${Object.entries(figures)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}\n`,
    );

    // While the server was down, every answer was 503, quickly, with the error shape and Retry-After.
    expect(during.length).toBeGreaterThan(10);
    expect(during.filter((o) => o.status !== 503).map((o) => `${o.kind} ${o.status} ${o.error ?? ''}`)).toEqual([]);
    for (const o of during.filter((x) => x.kind !== 'health')) {
      expect(o.body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
    }
    expect(health.length).toBeGreaterThan(3);
    expect(health.map((o) => o.status)).toEqual(health.map(() => 503));
    // Never a 500, never a hang, never a reset, before, during or after.
    expect(summary(all)).toEqual([]);
    expect(figures.max_latency_during_outage_ms).toBeLessThanOrEqual(MAX_OUTAGE_LATENCY_MS);

    // Back without a restart of the service.
    expect(healthRecoveredMs).not.toBeNull();
    expect(writeRecoveredMs).not.toBeNull();
    expect(writeRecoveredMs!).toBeLessThan(RECOVERY_MS);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((o) => !is2xx(o)).map((o) => `${o.kind} ${o.status}`)).toEqual([]);
    expect(direct.app.getHttpServer().listening).toBe(true);

    // Every create ends with exactly one problem and its created event; nothing acknowledged is lost.
    expect(settled.lost).toEqual([]);
    expect(settled.duplicates).toBe(0);
    expect(settled.rows).toHaveLength(settled.keys.length);
    expect(settled.unanswered).toEqual([]);
    expect(settled.answered.size).toBe(settled.keys.length);
    // Once the database is back, a retry is answered at the first attempt.
    expect(settled.retries.filter((o) => o.status !== 201).map((o) => `${o.status} ${o.error ?? ''}`)).toEqual([]);
    settled.repeats.forEach((o, i) => {
      expect(o.status).toBe(201);
      expect(o.body.id).toBe(settled.answered.get(settled.again[i]![0])!.body.id);
    });
  }, 60_000);

  it('answers 503 within the timeouts while the network to the database is a black hole, and recovers when it heals', async () => {
    const hole = proxy!;
    const base = viaProxy!.base;
    // Warm the pool so that existing connections are caught by the partition too.
    await Promise.all(Array.from({ length: 4 }, () => call(base, 'list', 'GET', '/problems?limit=5', { token })));

    const run = load(base, token, enterpriseId, 'blackhole', 3, 25_000);
    await sleep(1000);
    const holeAt = Date.now();
    hole.blackHole();
    // More requests at once than the pool holds connections: new connections are opened, into the hole.
    const burst = Promise.all(
      Array.from({ length: 12 }, () => call(base, 'list', 'GET', '/problems?limit=5', { token })),
    );
    const health: Outcome[] = [];
    while (Date.now() - holeAt < 6000) {
      health.push(await call(base, 'health', 'GET', '/health'));
      await sleep(250);
    }
    const burstOutcomes = await burst;
    const healAt = Date.now();
    hole.forward();

    const healthRecoveredMs = await until2xx(() => call(base, 'health', 'GET', '/health'), 15_000);
    const writeRecoveredMs = await until2xx(
      () =>
        call(base, 'create', 'POST', '/problems', {
          token,
          body: { enterpriseId, title: `blackhole-probe-${Date.now()}`, category: 'factor_supply' },
        }),
      15_000,
    );
    await sleep(1000);
    await run.stop();

    const all = [...run.outcomes, ...health, ...burstOutcomes];
    const during = all.filter((o) => o.started >= holeAt && o.ended <= healAt);
    const around = all.filter((o) => overlaps(o, holeAt, healAt));
    const after = run.outcomes.filter((o) => o.started > healAt + (writeRecoveredMs ?? 0));
    const settled = await settle(run, base);

    const figures = {
      requests: all.length,
      during_black_hole: during.length,
      connections_swallowed: hole.swallowed,
      '503': all.filter((o) => o.status === 503).length,
      '500': all.filter((o) => o.status === 500).length,
      other_failures: all.filter((o) => !is2xx(o) && o.status !== 503).length,
      max_latency_during_black_hole_ms: Math.max(0, ...around.map((o) => o.ms)),
      max_latency_create_ms: Math.max(0, ...around.filter((o) => o.kind === 'create').map((o) => o.ms)),
      max_latency_list_ms: Math.max(0, ...around.filter((o) => o.kind === 'list').map((o) => o.ms)),
      max_latency_health_ms: Math.max(0, ...health.map((o) => o.ms)),
      seconds_to_recover_health: healthRecoveredMs === null ? 'never' : (healthRecoveredMs / 1000).toFixed(2),
      seconds_to_recover_writes: writeRecoveredMs === null ? 'never' : (writeRecoveredMs / 1000).toFixed(2),
      acknowledged: settled.acknowledged.length,
      retried_after_503: settled.retries.length,
      retries_refused_after_recovery: settled.retries.filter((o) => o.status !== 201).length,
      acknowledged_writes_lost: settled.lost.length,
      duplicates: settled.duplicates,
    };
    process.stdout.write(
      `RELIABILITY outage-blackhole: ${Object.entries(figures)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}\n`,
    );

    expect(hole.swallowed).toBeGreaterThan(0);
    expect(during.length).toBeGreaterThan(10);
    expect(during.filter((o) => o.status !== 503).map((o) => `${o.kind} ${o.status} ${o.error ?? ''}`)).toEqual([]);
    // Each health probe takes its ping timeout (2 s) in the hole.
    expect(health.length).toBeGreaterThanOrEqual(2);
    expect(health.map((o) => o.status)).toEqual(health.map(() => 503));
    expect(summary(all)).toEqual([]);
    // Nothing acknowledged is lost, nothing is created twice, every create ends answered.
    expect(settled.lost).toEqual([]);
    expect(settled.duplicates).toBe(0);
    expect(settled.rows).toHaveLength(settled.keys.length);
    expect(settled.unanswered).toEqual([]);
    expect(settled.answered.size).toBe(settled.keys.length);
    // Once the database is back, a retry is answered at the first attempt.
    expect(settled.retries.filter((o) => o.status !== 201).map((o) => `${o.status} ${o.error ?? ''}`)).toEqual([]);
    // About the timeout, and no longer: the pool's connect timeout (5 s), not timeouts one after another.
    expect(figures.max_latency_during_black_hole_ms).toBeLessThanOrEqual(MAX_OUTAGE_LATENCY_MS);

    expect(healthRecoveredMs).not.toBeNull();
    expect(writeRecoveredMs).not.toBeNull();
    expect(writeRecoveredMs!).toBeLessThan(RECOVERY_MS);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((o) => !is2xx(o)).map((o) => `${o.kind} ${o.status} ${o.error ?? ''}`)).toEqual([]);
    expect(viaProxy!.app.getHttpServer().listening).toBe(true);
  }, 60_000);

  it('neither resumes nor lets another request commit a transaction the partition cut off', async () => {
    const base = viaProxy!.base;
    const hole = proxy!;
    const db = await checker();
    const key = `cut-off-${Date.now()}`;
    const body = { enterpriseId, title: key, category: 'factor_supply' };
    const waiting = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE application_name = 'jiuquan-outreach' AND wait_event_type = 'Lock'`,
        )
      ).rows[0].n as number;
    // Hold the code counters so the create stops inside its transaction (key claimed, nothing else yet).
    const holder = new Client({ connectionString: databaseUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE problem_code_counters IN EXCLUSIVE MODE');
    const cutOff = call(base, 'create', 'POST', '/problems', { token, body, key });
    for (let i = 0; i < 100 && (await waiting()) === 0; i += 1) await sleep(50);
    const blocked = await waiting();

    hole.blackHole();
    await holder.query('COMMIT'); // the statement completes on the server; its answer is lost in the hole
    await holder.end();
    const first = await cutOff;
    hole.forward();
    await sleep(1000);

    const leftOpen: { n: number; xact: number }[] = (
      await db.query(
        `SELECT count(*)::int AS n, COALESCE(max(extract(epoch FROM now() - xact_start)), 0)::float AS xact
         FROM pg_stat_activity
         WHERE application_name = 'jiuquan-outreach' AND state LIKE 'idle in transaction%'`,
      )
    ).rows;
    // The client retries with its key until it gets an answer (a few seconds at most).
    const retries: Outcome[] = [];
    for (let i = 0; i < 20; i += 1) {
      const retry = await call(base, 'retry', 'POST', '/problems', { token, body, key });
      retries.push(retry);
      if (retry.status !== 503) break;
      await sleep(500);
    }
    const last = retries[retries.length - 1]!;
    const problems = (
      await db.query(
        `SELECT p.id, (SELECT count(*)::int FROM problem_events e WHERE e.problem_id = p.id AND e.type = 'created') AS created
         FROM problems p WHERE p.title = $1`,
        [key],
      )
    ).rows;
    const stored = (await db.query(`SELECT response FROM idempotency_keys WHERE key = $1`, [key])).rows;

    process.stdout.write(
      `RELIABILITY outage-cut-off: blocked=${blocked} first_status=${first.status} first_ms=${first.ms} ` +
        `sessions_idle_in_transaction_after_heal=${leftOpen[0]!.n} oldest_open_transaction_s=${leftOpen[0]!.xact.toFixed(1)} ` +
        `retries=${retries.length} retry_statuses=${retries.map((r) => r.status).join(',')} ` +
        `final_body=${JSON.stringify(last.body).slice(0, 80)} problems=${problems.length} ` +
        `created_events=${problems.map((p: { created: number }) => p.created).join(',')} stored_response_null=${stored.filter((r: { response: unknown }) => r.response === null).length}\n`,
    );

    expect(blocked).toBe(1);
    expect(first.status).toBe(503);
    // The retry creates the problem once, completely, and answers it.
    expect(last.status).toBe(201);
    expect(last.body).toMatchObject({ title: key, status: 'reported' });
    expect(problems).toHaveLength(1);
    expect(problems[0].id).toBe(last.body.id);
    expect(problems[0].created).toBe(1);
    expect(stored).toHaveLength(1);
    expect(stored[0].response).not.toBeNull();
    // Once the network is back, nothing of the abandoned transaction lingers on the server.
    expect(leftOpen[0]!.n).toBe(0);
    expect(retries.length).toBeLessThanOrEqual(6);
    expect(first.ms).toBeLessThanOrEqual(MAX_OUTAGE_LATENCY_MS);
  }, 60_000);
});
