import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/app-config';
import {
  BACKUP_FORMAT,
  BackupError,
  backupDatabase,
  BackupSummary,
  partialFileOf,
  readBackupHeader,
  restoreDatabase,
  RestoreSummary,
  SEEDED_TABLES,
} from '../../src/database/backup';
import { runBackupCli } from '../../src/cli/backup-cli';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { runMigrations } from '../../src/database/migrate';
import { WarningsService } from '../../src/warnings/warnings.service';
import { createTestApp, createTestDatabase, dropTestDatabase, TestApp } from '../support/test-app';

const JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';
const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli', 'backup-cli.js');

interface Digest {
  rows: number;
  md5: string;
}

/** Every table's row count and the md5 of its rows in primary-key order (the migrations table by name). */
async function digests(db: DataSource): Promise<Record<string, Digest>> {
  const tables: { name: string; key: string[] }[] = await db.query(
    `SELECT t.table_name AS name,
            COALESCE((SELECT array_agg(a.attname::text ORDER BY k.ord)
                        FROM pg_constraint c
                        CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                       WHERE c.conrelid = format('public.%I', t.table_name)::regclass AND c.contype = 'p'), '{}') AS key
       FROM information_schema.tables t
      WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      ORDER BY t.table_name`,
  );
  const result: Record<string, Digest> = {};
  for (const { name, key } of tables) {
    const rowText = name === 'migrations' ? 'x.name' : 'x::text';
    const order = name === 'migrations' ? 'x.name' : key.map((c) => `x."${c}"`).join(', ') || 'x::text';
    const [row] = await db.query(
      `SELECT count(*)::int AS rows, md5(COALESCE(string_agg(${rowText}, E'\\n' ORDER BY ${order}), '')) AS md5
         FROM public."${name}" x`,
    );
    result[name] = row;
  }
  return result;
}

/** Identity and serial columns: the sequence's last value and the column's highest value. */
async function sequences(db: DataSource): Promise<{ table: string; last: string | null; max: string | null }[]> {
  const columns: { table: string; column: string; sequence: string }[] = await db.query(
    `SELECT c.relname::text AS table, a.attname::text AS column,
            pg_get_serial_sequence(format('public.%I', c.relname), a.attname) AS sequence
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND c.relname <> 'migrations'
        AND pg_get_serial_sequence(format('public.%I', c.relname), a.attname) IS NOT NULL
      ORDER BY 1`,
  );
  const out = [];
  for (const c of columns) {
    const [row] = await db.query(
      `SELECT pg_sequence_last_value($1::regclass)::text AS last, max("${c.column}")::text AS max FROM public."${c.table}"`,
      [c.sequence],
    );
    out.push({ table: c.table, ...row });
  }
  return out;
}

async function openDataSource(url: string, list: unknown[] = migrations): Promise<DataSource> {
  const db = new DataSource({
    ...dataSourceOptions(url, { statementTimeoutMs: 600_000, timezone: 'Asia/Shanghai' }),
    migrations: list as (typeof migrations)[number][],
  });
  return db.initialize();
}

/** A fresh database with a DataSource on it, dropped afterwards. */
async function withFreshDatabase<T>(work: (db: DataSource, url: string) => Promise<T>): Promise<T> {
  const url = await createTestDatabase();
  const db = await openDataSource(url);
  try {
    return await work(db, url);
  } finally {
    await db.destroy();
    await dropTestDatabase(url);
  }
}

async function publicTables(db: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await db.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** The app on an existing database, changing nothing at start (no admin, no demo data, no warning job). */
async function appOn(url: string): Promise<INestApplication> {
  const config = loadConfig({
    DATABASE_URL: url,
    JWT_SECRET,
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    WARNING_SCAN_INTERVAL_SECONDS: '0',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  return createApp({ config, databaseUrl: url, jwtSecret: JWT_SECRET });
}

const textOf = (file: string) => gunzipSync(readFileSync(file)).toString('utf8');
/** The lines that hold data: everything but the header (its time) and @done (its checksum covers the header). */
const dataLines = (file: string) => textOf(file).split('\n').slice(1, -2);

async function expectRefused(work: Promise<unknown>, message: RegExp): Promise<void> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  expect((error as Error).message).toMatch(message);
}

async function login(app: INestApplication, username: string, password: string): Promise<string> {
  const res = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username, password }).expect(200);
  return res.body.accessToken;
}

describe('backup and restore (the demo data set, with Node alone)', () => {
  let source: TestApp;
  let dir: string;
  let file: string;
  let backup: BackupSummary;
  let restoredUrl: string;
  let restoredDb: DataSource;
  let restored: RestoreSummary;
  let sourceDigests: Record<string, Digest>;
  let managerToken: string;
  let duplicate: { id: string; of: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'outreach-backup-'));
    chmodSync(dir, 0o711); // the embedded PostgreSQL of the CLI test runs as "postgres"
    file = join(dir, 'outreach.jsonl.gz');
    source = await createTestApp({
      ADMIN_USERNAME: '',
      ADMIN_PASSWORD: '',
      DEMO_DATA: 'true',
      WARNING_SCAN_INTERVAL_SECONDS: '0',
    });
    // Beyond the demo data: an idempotent create, a withdrawn duplicate pointing at a later
    // problem (by id), recorded warnings with their events, a failed login, and a stored answer
    // with line breaks (a json column keeps its whitespace).
    managerToken = await login(source.app, 'manager', 'Demo@2025');
    const auth = { Authorization: `Bearer ${managerToken}` };
    const [enterprise] = await source.db.query(`SELECT id FROM enterprises ORDER BY name LIMIT 1`);
    const created = [];
    for (const key of ['backup-a', 'backup-b']) {
      const res = await source
        .http()
        .post('/api/v1/problems')
        .set(auth)
        .set('Idempotency-Key', key)
        .send({ enterpriseId: enterprise.id, title: `备份测试问题 ${key}`, category: 'approvals' })
        .expect(201);
      created.push(res.body as { id: string; version: number });
    }
    created.sort((a, b) => (a.id < b.id ? -1 : 1));
    duplicate = { id: created[0]!.id, of: created[1]!.id };
    await source
      .http()
      .post(`/api/v1/problems/${duplicate.id}/withdraw`)
      .set(auth)
      .set('If-Match', `"${created[0]!.version}"`)
      .send({ reason: '重复登记', duplicateOf: duplicate.of })
      .expect(200);
    const scan = await source.app.get(WarningsService).scan();
    expect(scan.ran).toBe(true);
    await source
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'manager', password: 'wrong-password' })
      .expect(401);
    await source.db.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, status_code, response)
       SELECT id, 'multi-line', 'hash', 201, $1::json FROM users WHERE username = 'manager'`,
      ['{\n  "answer" : [1, 2.50],\r\n  "note": "两行\\n文字"\n}'],
    );

    sourceDigests = await digests(source.db);
    backup = await backupDatabase(source.db, file);

    restoredUrl = await createTestDatabase();
    restoredDb = await openDataSource(restoredUrl);
    restored = await restoreDatabase(restoredDb, file);
  });

  afterAll(async () => {
    await restoredDb?.destroy();
    if (restoredUrl) await dropTestDatabase(restoredUrl);
    await source?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a gzip file of JSON lines: a header naming the migrations and tables, then each table, then @done', async () => {
    const header = await readBackupHeader(file);
    const applied: { name: string }[] = await source.db.query(`SELECT name FROM migrations ORDER BY timestamp`);
    expect(header).toMatchObject({ format: BACKUP_FORMAT, version: 1, migrations: applied.map((m) => m.name) });
    expect(backup.migrations).toEqual(applied.map((m) => m.name));
    expect(header.createdAt).toBe(backup.createdAt);

    const tables = Object.keys(sourceDigests).filter((t) => t !== 'migrations');
    expect([...header.tables].sort()).toEqual(tables);
    // Parents first: every table comes after the tables it references (a self-reference aside).
    const references: { child: string; parent: string }[] = await source.db.query(
      `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
         FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid <> c.confrelid`,
    );
    expect(references.length).toBeGreaterThan(15);
    for (const { child, parent } of references) {
      expect(header.tables.indexOf(parent)).toBeLessThan(header.tables.indexOf(child));
    }

    const lines = textOf(file).split('\n');
    expect(lines.at(-1)).toBe(''); // every line ends with a line break
    expect(lines.filter((l) => l.startsWith('@table ')).length).toBe(tables.length);
    expect(lines.at(-2)).toMatch(/^@done \{"tables":\d+,"rows":\d+,"sha256":"[0-9a-f]{64}"\}$/);
    const districts = lines.indexOf(lines.find((l) => l.startsWith('@table {"name":"districts"'))!);
    expect(JSON.parse(lines[districts + 1]!)).toMatchObject({ code: 'aksay', name: '阿克塞哈萨克族自治县' });
    // The stored answer with line breaks is the one row written as a JSON string.
    const quoted = lines.filter((l) => l.startsWith('"'));
    expect(quoted).toHaveLength(1);
    expect(JSON.parse(JSON.parse(quoted[0]!)).key).toBe('multi-line');

    // Each table's count in the summary is the table's count in the database.
    for (const { name, rows } of backup.tables) expect(rows).toBe(sourceDigests[name]!.rows);
    expect(backup.rows).toBe(backup.tables.reduce((sum, t) => sum + t.rows, 0));
    expect(sourceDigests.problem_events!.rows).toBeGreaterThan(1000); // more than one batch
    expect(existsSync(partialFileOf(file))).toBe(false);
  });

  it('restores every table row for row: the same counts and md5 of every table, the same migrations', async () => {
    const after = await digests(restoredDb);
    const mismatches = Object.keys({ ...sourceDigests, ...after }).filter(
      (t) => JSON.stringify(sourceDigests[t]) !== JSON.stringify(after[t]),
    );
    expect(mismatches).toEqual([]);
    expect(after).toEqual(sourceDigests);
    expect(after.problems!.rows).toBeGreaterThan(300);
    expect(after.warnings!.rows).toBeGreaterThan(0);
    expect(restored.rows).toBe(backup.rows);
    expect(restored.tables).toEqual(backup.tables);
    expect(restored.migrationsBefore).toEqual(backup.migrations);
    expect(restored.migrationsAfter).toEqual([]);

    const [dup] = await restoredDb.query(`SELECT duplicate_of FROM problems WHERE id = $1`, [duplicate.id]);
    expect(dup.duplicate_of).toBe(duplicate.of);
    const [kept] = await restoredDb.query(`SELECT response::text AS response FROM idempotency_keys WHERE key = $1`, [
      'multi-line',
    ]);
    expect(kept.response).toBe('{\n  "answer" : [1, 2.50],\r\n  "note": "两行\\n文字"\n}');

    const events = `SELECT type, count(*)::int AS n FROM problem_events GROUP BY type ORDER BY type`;
    const sourceEvents = await source.db.query(events);
    expect(await restoredDb.query(events)).toEqual(sourceEvents);
    expect(sourceEvents.find((e: { type: string }) => e.type === 'warning')?.n).toBeGreaterThan(0);

    const seconds = (n: number) => n.toFixed(2);
    process.stdout.write(
      `RELIABILITY backup-restore: tables=${backup.tables.length} rows=${backup.rows} ` +
        `bytes=${backup.bytes} seconds_backup=${seconds(backup.seconds)} seconds_restore=${seconds(restored.seconds)} ` +
        `mismatches=${mismatches.length}\n`,
    );
  });

  it('continues every identity sequence after the highest restored id', async () => {
    const restoredSequences = await sequences(restoredDb);
    expect(restoredSequences.map((s) => s.table)).toEqual(expect.arrayContaining(['problem_events', 'warnings']));
    for (const s of restoredSequences) expect(s.last).toBe(s.max);
  });

  it('answers the same figures for 2025-Q1 from the restored database, and goes on working', async () => {
    const app = await appOn(restoredUrl);
    try {
      // The demo password works: the users and their hashes came back.
      const token = await login(app, 'manager', 'Demo@2025');
      const ask = (a: INestApplication, t: string, url: string) =>
        request(a.getHttpServer()).get(url).set('Authorization', `Bearer ${t}`).expect(200);
      for (const url of [
        '/api/v1/reports/figures?period=2025-Q1',
        '/api/v1/reports/resolution-rate?period=2025-Q1&groupBy=department',
      ]) {
        const [before, after] = [await ask(source.app, managerToken, url), await ask(app, token, url)];
        expect(after.body).toEqual(before.body);
      }
      // The resolution list: the same rows (its cursor carries the time of the request, so not compared).
      const list = '/api/v1/problems?limit=50';
      const [listBefore, listAfter] = [await ask(source.app, managerToken, list), await ask(app, token, list)];
      expect(listAfter.body.items).toHaveLength(50);
      expect(listAfter.body.items).toEqual(listBefore.body.items);
      const rate = await ask(app, token, '/api/v1/reports/resolution-rate?period=2025-Q1');
      expect(rate.body).toMatchObject({ recorded: 127, resolved: 116, ratePercent: 91.3 });

      // A new event takes the next id, and a new problem the next code of its year.
      const [{ max }] = await restoredDb.query(`SELECT max(id)::int AS max FROM problem_events`);
      const [open] = await restoredDb.query(
        `SELECT id, version FROM problems WHERE status = 'in_progress' ORDER BY id LIMIT 1`,
      );
      await request(app.getHttpServer())
        .post(`/api/v1/problems/${open.id}/escalate`)
        .set('Authorization', `Bearer ${token}`)
        .set('If-Match', `"${open.version}"`)
        .send({ note: '恢复后督办' })
        .expect(200);
      const [event] = await restoredDb.query(
        `SELECT id::int, type FROM problem_events WHERE problem_id = $1
        ORDER BY id DESC LIMIT 1`,
        [open.id],
      );
      expect(event).toEqual({ id: max + 1, type: 'escalate' });
      const scan = await app.get(WarningsService).scan();
      expect(scan.ran).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('refuses to restore into a database that has rows, and changes nothing', async () => {
    const before = await digests(restoredDb);
    await expectRefused(
      restoreDatabase(restoredDb, file),
      new RegExp(
        `^the database is not empty: .*users \\(${before.users!.rows}\\), .*problems \\(${before.problems!.rows}\\), `,
      ),
    );
    expect(await digests(restoredDb)).toEqual(before);
  });

  it('refuses a truncated file and leaves a new database without a table', async () => {
    const truncated = join(dir, 'truncated.jsonl.gz');
    const bytes = readFileSync(file);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    await withFreshDatabase(async (db) => {
      await expectRefused(restoreDatabase(db, truncated), /damaged or incomplete \(unexpected end of file\)/);
      expect(await publicTables(db)).toEqual([]);
    });
  });

  it('refuses a file cut at a line, or altered, and rolls back an empty migrated database to empty', async () => {
    const lines = textOf(file).split('\n');
    const cut = join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, -30).join('\n') + '\n'));
    const altered = join(dir, 'altered.jsonl.gz');
    writeFileSync(altered, gzipSync(textOf(file).replace('"肃州区"', '"肃州县"')));
    const extra = join(dir, 'extra.jsonl.gz');
    writeFileSync(extra, gzipSync(textOf(file) + '{"code":"x"}\n'));
    // A row the schema refuses (a district code breaking its CHECK), with a checksum to match.
    const refused = join(dir, 'refused.jsonl.gz');
    const body =
      lines
        .slice(0, -2)
        .map((l) => l.replace('{"code":"suzhou"', '{"code":"Su Zhou"'))
        .join('\n') + '\n';
    const done = JSON.parse(lines.at(-2)!.slice('@done '.length));
    const sha256 = createHash('sha256').update(body).digest('hex');
    writeFileSync(refused, gzipSync(`${body}@done ${JSON.stringify({ ...done, sha256 })}\n`));
    const nonsense = join(dir, 'nonsense.jsonl.gz');
    writeFileSync(nonsense, 'code,name\nsuzhou,肃州区\n');

    await withFreshDatabase(async (db) => {
      await runMigrations(db);
      const empty = await digests(db);
      await expectRefused(restoreDatabase(db, cut), /incomplete: it ends inside table|@done\) is missing/);
      await expectRefused(restoreDatabase(db, altered), /checksum does not match/);
      await expectRefused(restoreDatabase(db, extra), /lines after @done/);
      await expectRefused(
        restoreDatabase(db, refused),
        /the database refused rows of table districts \(before line \d+\): .*districts_code_check/,
      );
      await expectRefused(restoreDatabase(db, nonsense), /not a backup: it is not gzip-compressed/);
      await expectRefused(restoreDatabase(db, join(dir, 'missing.jsonl.gz')), /cannot read .*ENOENT/);
      // The seeded reference rows, deleted inside each attempt, are back; nothing else has a row.
      expect(await digests(db)).toEqual(empty);
      expect(
        Object.entries(empty)
          .filter(([t, d]) => d.rows > 0 && t !== 'migrations')
          .map(([t]) => t)
          .sort(),
      ).toEqual([...SEEDED_TABLES].sort());
    });
  });

  it('refuses a backup taken by a newer version of the service, before touching the database', async () => {
    const [header, ...rest] = textOf(file).split('\n');
    const newer = join(dir, 'newer.jsonl.gz');
    const parsed = JSON.parse(header!);
    writeFileSync(
      newer,
      gzipSync(
        [JSON.stringify({ ...parsed, migrations: [...parsed.migrations, 'Future9999999999999'] }), ...rest].join('\n'),
      ),
    );
    const future = join(dir, 'future-format.jsonl.gz');
    writeFileSync(future, gzipSync([JSON.stringify({ ...parsed, version: 2 }), ...rest].join('\n')));
    await withFreshDatabase(async (db) => {
      await expectRefused(restoreDatabase(db, newer), /newer version of the service: .*Future9999999999999/);
      await expectRefused(restoreDatabase(db, future), /format version 2; this version reads version 1/);
      expect(await publicTables(db)).toEqual([]);
    });
  });
});

describe('restoring a backup taken before the newest migrations', () => {
  // The first two migrations (committed, never edited): the schema before working days and warnings.
  const OLD = migrations.slice(0, 2);
  const NAMES = migrations.map((M) => new M().name!);
  let dir: string;
  let file: string;
  let oldUrl: string;
  let oldDb: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'outreach-backup-old-'));
    file = join(dir, 'old.jsonl.gz');
    oldUrl = await createTestDatabase();
    oldDb = await openDataSource(oldUrl, OLD);
    await runMigrations(oldDb);
    await oldDb.query(`
      INSERT INTO departments (id, code, name) VALUES ('00000000-0000-4000-8000-000000000001', 'gxj', '市工信局');
      INSERT INTO users (id, username, display_name, role, password_hash)
        VALUES ('00000000-0000-4000-8000-000000000002', 'old-manager', '旧管理员', 'manager', 'x');
      INSERT INTO enterprises (id, name, district_code)
        VALUES ('00000000-0000-4000-8000-000000000003', '酒泉旧企业有限公司', 'suzhou');
      INSERT INTO problems (id, code, enterprise_id, source, category_code, title, reported_at, status, department_id, created_by)
        VALUES ('00000000-0000-4000-8000-000000000004', 'JQ-2025-0001', '00000000-0000-4000-8000-000000000003', 'visit',
                'infrastructure', '道路破损', '2025-01-06T09:00:00+08:00', 'resolved',
                '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002');
      INSERT INTO problem_events (problem_id, type, from_status, to_status, department_id, actor_id, at) VALUES
        ('00000000-0000-4000-8000-000000000004', 'created', NULL, 'reported', NULL, '00000000-0000-4000-8000-000000000002', '2025-01-06T09:00:00+08:00'),
        ('00000000-0000-4000-8000-000000000004', 'assign', 'reported', 'assigned', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '2025-01-07T10:00:00+08:00'),
        ('00000000-0000-4000-8000-000000000004', 'resolve', 'assigned', 'resolved', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '2025-01-20T16:30:00+08:00');
      INSERT INTO problem_code_counters (year, last_value) VALUES (2025, 1);
    `);
    await backupDatabase(oldDb, file);
  });

  afterAll(async () => {
    await oldDb?.destroy();
    if (oldUrl) await dropTestDatabase(oldUrl);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs the backup’s migrations, the rows, then the newer migrations over them, in one transaction', async () => {
    expect((await readBackupHeader(file)).migrations).toEqual(NAMES.slice(0, 2));
    await withFreshDatabase(async (db) => {
      const summary = await restoreDatabase(db, file);
      expect(summary.migrationsBefore).toEqual(NAMES.slice(0, 2));
      expect(summary.migrationsAfter).toEqual(NAMES.slice(2));
      expect(summary.rows).toBe(7 + 8 + 1 + 1 + 1 + 1 + 3 + 1);
      const applied: { name: string }[] = await db.query(`SELECT name FROM migrations ORDER BY id`);
      expect(applied.map((m) => m.name)).toEqual(NAMES);
      // ManagersTools derived these from the restored events, as it did on the live database.
      const [problem] = await db.query(
        `SELECT resolved_at = '2025-01-20T16:30:00+08:00'::timestamptz AS resolved_at, last_event_type FROM problems`,
      );
      expect(problem).toEqual({ resolved_at: true, last_event_type: 'resolve' });
      const [category] = await db.query(
        `SELECT default_due_working_days AS days FROM categories WHERE code = 'infrastructure'`,
      );
      expect(category.days).toBe(30);
      const [{ holidays }] = await db.query(`SELECT count(*)::int AS holidays FROM calendar_days`);
      expect(holidays).toBeGreaterThan(50);
      const [{ last }] = await db.query(
        `SELECT pg_sequence_last_value(pg_get_serial_sequence('public.problem_events', 'id')::regclass)::int AS last`,
      );
      expect(last).toBe(3);
    });
  });

  it('refuses it into a database already migrated past it, naming the migrations', async () => {
    await withFreshDatabase(async (db) => {
      await runMigrations(db);
      const before = await digests(db);
      await expectRefused(
        restoreDatabase(db, file),
        new RegExp(`newer than the backup \\(${NAMES.slice(2).join(', ')}\\).*new database without tables`),
      );
      expect(await digests(db)).toEqual(before);
    });
  });
});

describe('the command line (backup-cli)', () => {
  let source: TestApp;
  let dir: string;
  const env = (url: string) => ({ PATH: process.env.PATH ?? '', DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const run = async (argv: string[], environment: NodeJS.ProcessEnv) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runBackupCli(argv, environment, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'outreach-backup-cli-'));
    chmodSync(dir, 0o711);
    source = await createTestApp({
      ADMIN_USERNAME: '',
      ADMIN_PASSWORD: '',
      DEMO_DATA: 'true',
      WARNING_SCAN_INTERVAL_SECONDS: '0',
    });
  });

  afterAll(async () => {
    await source?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('backs up and restores with DATABASE_URL alone (no JWT_SECRET), and never overwrites a file', async () => {
    const file = join(dir, 'cli.jsonl.gz');
    const backup = await run(['backup', file], env(source.databaseUrl));
    expect(backup).toMatchObject({ code: 0, err: '' });
    expect(backup.out).toMatch(/^backup written to .*cli\.jsonl\.gz \(\d+\.\d MB\)\n {2}\d+ tables, \d+ rows in/);
    expect(backup.out).toContain('districts 7 · ');

    const again = await run(['backup', file], env(source.databaseUrl));
    expect(again).toMatchObject({ code: 1, err: `${file} already exists: choose another name, or delete it first` });

    const url = await createTestDatabase();
    try {
      const restore = await run(['restore', file], env(url));
      expect(restore.code).toBe(0);
      expect(restore.out).toMatch(/^restored .*cli\.jsonl\.gz \(taken \d{4}-\d\d-\d\dT/);
      expect(restore.out).toContain('migrations run first: InitialSchema1764000000000, ReferenceData1764000000001');
      const db = await openDataSource(url);
      try {
        expect(await digests(db)).toEqual(await digests(source.db));
      } finally {
        await db.destroy();
      }
      const twice = await run(['restore', file], env(url));
      expect(twice.code).toBe(1);
      expect(twice.err).toMatch(/^the database is not empty: .*\nnothing was restored: the database is as it was$/);
    } finally {
      await dropTestDatabase(url);
    }
  });

  it('answers exit code 1 with a message for a wrong command, a missing file or an unreachable database', async () => {
    const e = env(source.databaseUrl);
    expect(await run([], e)).toMatchObject({ code: 1, err: expect.stringMatching(/^a command is required/) });
    expect(await run(['dump', 'x'], e)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^unknown command "dump"\nusage:/),
    });
    expect(await run(['backup', '--force'], e)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^Unknown option '--force'.*\nusage:/s),
    });
    expect(await run(['restore'], e)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^restore needs the backup file/),
    });
    expect(await run(['restore', join(dir, 'none.gz')], e)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^cannot read .*none\.gz: ENOENT/),
    });
    const unreachable = await run(['backup', join(dir, 'x.gz')], env('postgres://postgres:x@127.0.0.1:1/none'));
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toMatch(/^backup failed: .*ECONNREFUSED/);
    expect(existsSync(join(dir, 'x.gz'))).toBe(false);
    expect((await run(['--help'], e)).out).toMatch(/^usage: npm run db:backup/);
  });

  it('works on the embedded database of a new DATA_DIR: restore, then a backup of it holds the same lines', async () => {
    // The built CLI, run as a user runs it (`npm test` builds first; build here when dist is older).
    const sources = [
      ...readdirSync(join(ROOT, 'src', 'database', 'backup')).map((f) => join(ROOT, 'src', 'database', 'backup', f)),
      ...['backup-cli.ts', 'cli-context.ts'].map((f) => join(ROOT, 'src', 'cli', f)),
    ];
    if (!existsSync(CLI) || sources.some((f) => statSync(f).mtimeMs > statSync(CLI).mtimeMs)) {
      spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
        {
          cwd: ROOT,
        },
      );
    }
    const file = join(dir, 'embedded-source.jsonl.gz');
    await backupDatabase(source.db, file);
    const dataDir = join(dir, 'data');
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, [CLI, ...args], {
        env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    expect(cli('restore', file)).toMatch(/^restored .*\n {2}\d+ tables, \d+ rows in/);
    const copy = join(dir, 'embedded-copy.jsonl.gz');
    expect(cli('backup', copy)).toMatch(/^backup written to /);
    expect(dataLines(copy)).toEqual(dataLines(file));
    expect(dataLines(file).length).toBeGreaterThan(5000);
  }, 120_000);
});
