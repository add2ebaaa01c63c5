import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { withCliContext } from '../src/cli/cli-context';
import { loadConfig } from '../src/config/app-config';
import { createTestDatabase, dropTestDatabase } from './support/test-app';

/** The built command lines (`npm test` builds before jest), run as a user runs them, on DATABASE_URL. */
const CLI = join(__dirname, '..', 'dist', 'src', 'cli');

function run(script: string, args: string[], databaseUrl: string) {
  const result = spawnSync(process.execPath, [join(CLI, script), ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function tables(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

describe('the command lines in src/cli', () => {
  let url: string;

  beforeAll(async () => {
    url = await createTestDatabase();
  });

  afterAll(async () => {
    if (url) await dropTestDatabase(url);
  });

  it('report refuses a database whose migrations are pending, and writes nothing to it', async () => {
    const report = run('report-cli.js', ['--period', '2025-Q1'], url);
    expect(report.code).toBe(1);
    expect(report.err).toMatch(/^the database lacks migrations InitialSchema1764000000000, .*migration:run/);
    expect(report.err).toContain('a report never changes the database');
    expect(report.out).toBe('');
    expect(await tables(url)).toEqual([]);
  });

  it('migrate applies the migrations once; then report answers, on an empty schema, from a read-only pool', async () => {
    const first = run('migrate-cli.js', [], url);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toMatch(/^applied: InitialSchema1764000000000, ReferenceData1764000000001, /);
    expect(run('migrate-cli.js', [], url)).toMatchObject({ code: 0, out: 'the schema is up to date\n' });

    const report = run('report-cli.js', ['--period', '2025-Q1', '--json'], url);
    expect(report.err).toBe('');
    expect(report.code).toBe(0);
    expect(JSON.parse(report.out)).toMatchObject({ recorded: 0, resolved: 0, ratePercent: null });
    // No demo data and no admin: the report ran nothing but its query.
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT (SELECT count(*) FROM users)::int AS users`);
      expect(rows).toEqual([{ users: 0 }]);
    } finally {
      await client.end();
    }
  });

  it('gives the report a pool whose transactions PostgreSQL keeps read-only', async () => {
    const config = loadConfig({ DATABASE_URL: url, JWT_SECRET: 'test-secret-that-is-long-enough-0123456789' });
    const io = { out: () => undefined, err: () => undefined };
    const refused = await withCliContext({ config, statementTimeoutMs: 10_000, readOnly: true, io }, (context) =>
      context
        .get(DataSource)
        .query(`CREATE TABLE not_allowed (id int)`)
        .then(
          () => 'written',
          (error: Error) => error.message,
        ),
    );
    expect(refused).toBe('cannot execute CREATE TABLE in a read-only transaction');
    expect(await tables(url)).not.toContain('not_allowed');
  });

  it('report gives the visit figures with --figure visits, grouped as asked', () => {
    const table = run('report-cli.js', ['--figure', 'visits', '--period', '2025-Q1', '--group-by', 'district'], url);
    expect(table.err).toBe('');
    expect(table.code).toBe(0);
    const lines = table.out.split('\n');
    expect(lines[0]).toMatch(/^走访覆盖率 visit coverage · 2025-Q1 \[2025-01-01T00:00:00.000\+08:00, /);
    // Every district, then the total: no visit and no enterprise under responsibility on an empty schema.
    expect(lines.find((line) => line.startsWith('肃州区'))).toMatch(/^肃州区\s+0\s+0 \/ 0\s+—\s+0 \/ 0\s+—\s+—$/);
    expect(lines.find((line) => line.startsWith('合计 Total'))).toMatch(/\s0\s+0 \/ 0\s+—/);

    const json = run('report-cli.js', ['--figure', 'visits', '--period', '2025-Q1', '--json'], url);
    expect(JSON.parse(json.out)).toMatchObject({ visits: 0, enterprisesResponsible: 0, coverageRatePercent: null });

    const wrong = run('report-cli.js', ['--figure', 'visits', '--period', '2025-Q1', '--group-by', 'department'], url);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/group-by: expected one of district, official, tier/);
  });

  it('report names a wrong argument with the usage', () => {
    const report = run('report-cli.js', ['--period', '2025-Q1', '--group-by', 'colour'], url);
    expect(report.code).toBe(1);
    expect(report.err).toMatch(/group-by.*\nusage: npm run report/s);
  });
});
