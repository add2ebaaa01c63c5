/**
 * Backup and restore with Node alone (no pg_dump, no psql): one gzip file of JSON lines.
 *
 * The file, once gunzipped, is UTF-8 text, one record per line (each line ends with "\n"):
 *
 *   {"format":"jiuquan-outreach-backup","version":1,"createdAt":…,"migrations":[…],"tables":[…],…}
 *   @table {"name":"districts","columns":["code","name",…],"primaryKey":["code"]}
 *   {"code":"suzhou","name":"肃州区",…}                      one row: PostgreSQL's row_to_json
 *   …
 *   @end {"name":"districts","rows":7}
 *   @table {"name":"categories",…}
 *   …
 *   @done {"tables":15,"rows":12345,"sha256":"<hex>"}
 *
 * - Line 1, the header: the format and its version, when the backup was taken, the migrations the
 *   database had applied (in order; the schema the rows fit), and the tables in the order they follow.
 * - Then one section per table, parents before the tables that reference them: `@table` names the
 *   table, its columns and primary key; the rows follow in primary-key order; `@end` repeats the
 *   name and gives the number of rows.
 * - A row line is the text of `row_to_json(row)` exactly as PostgreSQL wrote it (so numbers, json
 *   values and timestamps keep every digit and character). Should that text contain a line break (a
 *   `json` column keeps its whitespace), the line is instead that text as one JSON string ("…").
 * - `@done`, the last line: the number of tables and rows, and the SHA-256 of every byte before it.
 *   A file that lacks it, or whose checksum does not match, is incomplete or damaged.
 *
 * A restore goes into an empty database, in one transaction: the migrations the backup was taken at
 * run first (those already applied are skipped), the seeded reference rows are replaced by the
 * backup's, every table's rows are inserted, identity sequences are set past the highest id, and the
 * migrations newer than the backup run last, over the restored rows. Any error rolls all of it back.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { DataSource, MigrationExecutor, QueryRunner } from 'typeorm';
import type { Migration } from 'typeorm/migration/Migration';
import { ADVISORY_LOCKS } from './locks';

export const BACKUP_FORMAT = 'jiuquan-outreach-backup';
export const BACKUP_VERSION = 1;

/** Rows per FETCH when reading, and per INSERT when restoring. */
export const BATCH_SIZE = 1000;

/**
 * The tables the migrations fill with reference rows (ReferenceData, ManagersTools). A database
 * holding rows in these alone is still empty; a restore replaces their rows with the backup's.
 */
export const SEEDED_TABLES: readonly string[] = ['districts', 'categories', 'calendar_days'];

/** Same key as migrate.ts: a restore and a migration run never overlap on one database. */
const MIGRATION_LOCK = ADVISORY_LOCKS.migrations;

/** A refusal or a damaged file: the message says what is wrong and what to do; nothing was changed. */
export class BackupError extends Error {}

export interface BackupHeader {
  format: string;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: string[];
  postgres?: string;
}

export interface TableCount {
  name: string;
  rows: number;
}

export interface BackupSummary {
  file: string;
  createdAt: string;
  migrations: string[];
  tables: TableCount[];
  rows: number;
  bytes: number;
  seconds: number;
}

export interface RestoreSummary {
  file: string;
  /** When the backup was taken (from its header). */
  createdAt: string;
  tables: TableCount[];
  rows: number;
  /** Migrations run inside the restore, before the rows (the database had no schema yet) and after them (newer than the backup). */
  migrationsBefore: string[];
  migrationsAfter: string[];
  seconds: number;
}

interface Column {
  name: string;
  nullable: boolean;
  generated: boolean;
  identityAlways: boolean;
}

interface ForeignKey {
  columns: string[];
  references: string;
}

interface TableInfo {
  name: string;
  columns: Column[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

// ---------------------------------------------------------------------------------------------
// The schema, read from the catalogs
// ---------------------------------------------------------------------------------------------

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables excluded from backups: TypeORM's own bookkeeping. */
function bookkeepingTables(db: DataSource): string[] {
  return [db.options.migrationsTableName ?? 'migrations', 'typeorm_metadata'];
}

/** Every table of schema public but the migrations table, parents before the tables that reference them. */
async function readSchema(q: QueryRunner, excluded: string[]): Promise<TableInfo[]> {
  const tables: { name: string }[] = await q.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT (table_name = ANY ($1))
      ORDER BY table_name`,
    [excluded],
  );
  const columns: { table: string; name: string; nullable: boolean; generated: boolean; identityAlways: boolean }[] =
    await q.query(
      `SELECT table_name AS table, column_name AS name, is_nullable = 'YES' AS nullable,
              is_generated = 'ALWAYS' AS generated, identity_generation IS NOT DISTINCT FROM 'ALWAYS' AS "identityAlways"
         FROM information_schema.columns WHERE table_schema = 'public'
        ORDER BY table_name, ordinal_position`,
    );
  const constraints: { table: string; type: 'p' | 'f'; references: string | null; columns: string[] }[] = await q.query(
    `SELECT src.relname::text AS table, c.contype::text AS type, dst.relname::text AS references,
              array_agg(a.attname::text ORDER BY k.ord) AS columns
         FROM pg_constraint c
         JOIN pg_class src ON src.oid = c.conrelid
         LEFT JOIN pg_class dst ON dst.oid = c.confrelid
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
        WHERE c.contype IN ('p', 'f') AND src.relnamespace = 'public'::regnamespace
        GROUP BY c.oid, src.relname, c.contype, dst.relname
        ORDER BY c.conname`,
  );
  const infos = new Map<string, TableInfo>(
    tables.map(({ name }) => [name, { name, columns: [], primaryKey: [], foreignKeys: [] }]),
  );
  for (const { table, ...column } of columns) infos.get(table)?.columns.push(column);
  for (const c of constraints) {
    const info = infos.get(c.table);
    if (!info) continue;
    if (c.type === 'p') info.primaryKey = c.columns;
    else if (c.references !== null) info.foreignKeys.push({ columns: c.columns, references: c.references });
  }
  return dependencyOrder([...infos.values()]);
}

/**
 * Parents first (Kahn's algorithm, by name among the ready ones, so the order is stable). A cycle
 * (none today) is broken at its first table by name; the restore fills the references that point
 * forward after every row is in.
 */
function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const remaining = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  const waitsFor = (t: TableInfo) =>
    t.foreignKeys.some((fk) => fk.references !== t.name && remaining.has(fk.references));
  while (remaining.size > 0) {
    const ready = [...remaining.values()].filter((t) => !waitsFor(t));
    const next = ready.length > 0 ? ready : [[...remaining.values()][0]!];
    for (const t of next) {
      ordered.push(t);
      remaining.delete(t.name);
    }
  }
  return ordered;
}

// ---------------------------------------------------------------------------------------------
// Backup
// ---------------------------------------------------------------------------------------------

/** Lines of the backup, read in one repeatable-read snapshot through a cursor, a batch at a time. */
async function* backupLines(
  q: QueryRunner,
  db: DataSource,
  createdAt: string,
  batchSize: number,
  seen: { migrations: string[]; tables: TableCount[] },
): AsyncGenerator<string> {
  const hash = createHash('sha256');
  const emit = (line: string) => {
    const text = `${line}\n`;
    hash.update(text);
    return text;
  };

  const migrationsTable = db.options.migrationsTableName ?? 'migrations';
  const [{ exists }] = await q.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
    `public.${ident(migrationsTable)}`,
  ]);
  if (!exists) {
    throw new BackupError(
      `the database has no "${migrationsTable}" table: it is not this service's database, or its migrations never ran`,
    );
  }
  const migrations: string[] = (await q.query(`SELECT name FROM ${ident(migrationsTable)} ORDER BY timestamp, id`)).map(
    (r: { name: string }) => r.name,
  );
  seen.migrations = migrations;
  const tables = await readSchema(q, bookkeepingTables(db));
  const [{ version }] = await q.query(`SELECT current_setting('server_version') AS version`);

  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    migrations,
    tables: tables.map((t) => t.name),
    postgres: version,
  };
  yield emit(JSON.stringify(header));

  let total = 0;
  for (const table of tables) {
    yield emit(
      `@table ${JSON.stringify({ name: table.name, columns: table.columns.map((c) => c.name), primaryKey: table.primaryKey })}`,
    );
    const alias = 'jq_backup_row';
    const order = table.primaryKey.length
      ? ` ORDER BY ${table.primaryKey.map((c) => `${alias}.${ident(c)}`).join(', ')}`
      : '';
    await q.query(
      `DECLARE jq_backup_cursor NO SCROLL CURSOR FOR
         SELECT row_to_json(${alias})::text AS row FROM public.${ident(table.name)} ${alias}${order}`,
    );
    let rows = 0;
    for (;;) {
      const batch: { row: string }[] = await q.query(`FETCH ${batchSize} FROM jq_backup_cursor`);
      // One string per batch keeps the gzip stream's chunks large.
      if (batch.length > 0) {
        yield emit(batch.map(({ row }) => (/[\r\n]/.test(row) ? JSON.stringify(row) : row)).join('\n'));
      }
      rows += batch.length;
      if (batch.length < batchSize) break;
    }
    await q.query(`CLOSE jq_backup_cursor`);
    yield emit(`@end ${JSON.stringify({ name: table.name, rows })}`);
    seen.tables.push({ name: table.name, rows });
    total += rows;
  }
  yield `@done ${JSON.stringify({ tables: tables.length, rows: total, sha256: hash.digest('hex') })}\n`;
}

/**
 * Writes a backup of every table to `file` (gzip). The rows come from one consistent snapshot, read
 * while the service keeps running. The file appears only once complete: it is written under a
 * temporary name first. An existing file is never overwritten.
 */
export async function backupDatabase(
  db: DataSource,
  file: string,
  options: { batchSize?: number; now?: Date } = {},
): Promise<BackupSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const createdAt = (options.now ?? new Date()).toISOString();
  if (await exists(file)) throw new BackupError(`${file} already exists: choose another name, or delete it first`);
  const partial = partialFileOf(file);
  const seen = { migrations: [] as string[], tables: [] as TableCount[] };
  const q = db.createQueryRunner();
  try {
    await q.connect();
    await q.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Writing may be slower than reading: the snapshot's session must not time out in between.
    await q.query(`SET LOCAL idle_in_transaction_session_timeout = 0`);
    try {
      await pipeline(
        backupLines(q, db, createdAt, batchSize, seen),
        createGzip(),
        createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
      );
    } finally {
      await q.query('ROLLBACK').catch(() => undefined);
    }
    await publish(partial, file);
  } catch (error) {
    await fs.rm(partial, { force: true });
    if (error instanceof BackupError) throw error;
    if (isFileSystemError(error)) throw new BackupError(`cannot write ${file}: ${(error as Error).message}`);
    throw error;
  } finally {
    await q.release();
  }
  const { size } = await fs.stat(file);
  return {
    file,
    createdAt,
    migrations: seen.migrations,
    tables: seen.tables,
    rows: seen.tables.reduce((sum, t) => sum + t.rows, 0),
    bytes: size,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The temporary name this process writes a backup under until it is complete. */
export function partialFileOf(file: string): string {
  return `${file}.${process.pid}.partial`;
}

/** Gives the complete file its name, unless a file of that name appeared meanwhile. */
async function publish(partial: string, file: string): Promise<void> {
  try {
    await fs.link(partial, file);
    await fs.rm(partial);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new BackupError(`${file} already exists: choose another name, or delete it first`);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    // No hard links on this file system.
    if (await exists(file)) throw new BackupError(`${file} already exists: choose another name, or delete it first`);
    await fs.rename(partial, file);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading a backup file
// ---------------------------------------------------------------------------------------------

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function isFileSystemError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** The lines of a gzip file, without their "\n"; a last line without one means the file was cut short. */
async function* readLines(file: string): AsyncGenerator<string> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    throw new BackupError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    if (bytesRead < 2 || magic[0] !== 0x1f || magic[1] !== 0x8b) {
      throw new BackupError(`${file} is not a backup: it is not gzip-compressed`);
    }
  } finally {
    await handle.close();
  }

  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const text = rest + decoder.write(chunk);
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        yield text.slice(start, end);
        start = end + 1;
      }
      rest = text.slice(start);
    }
    rest += decoder.end();
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_')) {
      throw new BackupError(`${file} is damaged or incomplete (${(error as Error).message})`);
    }
    if (isFileSystemError(error)) throw new BackupError(`cannot read ${file}: ${(error as Error).message}`);
    throw error;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (rest.length > 0) throw new BackupError(`${file} is incomplete: it ends in the middle of a line`);
}

function parseHeader(line: string | undefined, file: string): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line ?? '') as Partial<BackupHeader>;
  } catch {
    throw new BackupError(`${file} is not a backup of this service: its first line is not a backup header`);
  }
  if (header?.format !== BACKUP_FORMAT) {
    throw new BackupError(`${file} is not a backup of this service (format "${String(header?.format)}")`);
  }
  if (header.version !== BACKUP_VERSION) {
    throw new BackupError(
      `${file} is a backup in format version ${String(header.version)}; this version reads version ${BACKUP_VERSION}`,
    );
  }
  const strings = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (!strings(header.migrations) || !strings(header.tables) || typeof header.createdAt !== 'string') {
    throw new BackupError(`${file} has a damaged header (migrations, tables or createdAt missing)`);
  }
  return header as BackupHeader;
}

/** The header of a backup file: when it was taken, at which migration, which tables. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = readLines(file);
  try {
    const first = await lines.next();
    return parseHeader(first.done ? undefined : first.value, file);
  } finally {
    await lines.return(undefined);
  }
}

/** A row line written as a JSON string (its text has a line break): the row's text again. */
function decodeRow(line: string, lineNumber: number, file: string): string {
  try {
    const row: unknown = JSON.parse(line);
    if (typeof row === 'string' && row.startsWith('{')) return row;
  } catch {
    // reported below
  }
  throw new BackupError(`${file} is damaged at line ${lineNumber}: not a row`);
}

/** A control line (`@table {…}`) split into its keyword and its JSON object. */
function controlLine(line: string, lineNumber: number, file: string): { keyword: string; value: any } {
  const space = line.indexOf(' ');
  const keyword = space < 0 ? line : line.slice(0, space);
  try {
    const value = JSON.parse(line.slice(space + 1));
    if (value !== null && typeof value === 'object') return { keyword, value };
  } catch {
    // reported below
  }
  throw new BackupError(`${file} is damaged at line ${lineNumber}: "${line.slice(0, 80)}"`);
}

// ---------------------------------------------------------------------------------------------
// Restore
// ---------------------------------------------------------------------------------------------

function migrationName(instance: { name?: string; constructor: { name: string } }): string {
  return instance.name ?? instance.constructor.name;
}

/** The code's migrations in the order TypeORM runs them (by the timestamp that ends each name). */
function codeMigrations(db: DataSource): string[] {
  return db.migrations
    .map((m) => migrationName(m as unknown as { name?: string; constructor: { name: string } }))
    .map((name, index) => ({ name, index, timestamp: Number(name.slice(-13)) }))
    .sort((a, b) => a.timestamp - b.timestamp || a.index - b.index)
    .map((m) => m.name);
}

const isPrefix = (prefix: string[], of: string[]) =>
  prefix.length <= of.length && prefix.every((name, i) => of[i] === name);

/** How one table's rows go in: the INSERT for a batch, and the references filled in at the end. */
interface TablePlan {
  table: TableInfo;
  insertSql: string;
  /** Columns referencing a table not restored yet (itself, or a cycle): inserted NULL, set at the end. */
  deferred: string[];
  deferredTable?: string;
}

function planTable(
  table: TableInfo,
  backupColumns: string[],
  restored: Set<string>,
  inBackup: Set<string>,
  index: number,
  file: string,
): TablePlan {
  const known = new Map(table.columns.map((c) => [c.name, c]));
  const missing = backupColumns.filter((c) => !known.has(c));
  if (missing.length > 0) {
    throw new BackupError(
      `${file}: table ${table.name} has columns the database lacks (${missing.join(', ')}): ` +
        'the schema does not match the migrations the backup names',
    );
  }
  const columns = backupColumns.filter((c) => !known.get(c)!.generated);
  const deferred = [
    ...new Set(
      table.foreignKeys
        .filter((fk) => inBackup.has(fk.references) && !restored.has(fk.references))
        .flatMap((fk) => fk.columns),
    ),
  ].filter((c) => columns.includes(c));
  for (const name of deferred) {
    if (!known.get(name)!.nullable || table.primaryKey.length === 0) {
      throw new BackupError(
        `cannot restore ${table.name}.${name}: it references a table restored later, and ` +
          (table.primaryKey.length === 0 ? `${table.name} has no primary key` : 'it is NOT NULL'),
      );
    }
  }
  const deferredTable = deferred.length ? `jq_restore_deferred_${index}` : undefined;
  const identity = table.columns.some((c) => c.identityAlways) ? ' OVERRIDING SYSTEM VALUE' : '';
  const target = `public.${ident(table.name)}`;
  const select = columns.map((c) => (deferred.includes(c) ? 'NULL' : ident(c))).join(', ');
  const keep = [...table.primaryKey, ...deferred].map(ident).join(', ');
  const insertSql =
    `WITH src AS (SELECT * FROM json_populate_recordset(NULL::${target}, $1::json)),
          ins AS (INSERT INTO ${target} (${columns.map(ident).join(', ')})${identity}
                  SELECT ${select} FROM src RETURNING 1)` +
    (deferredTable
      ? `, kept AS (INSERT INTO pg_temp.${ident(deferredTable)} (${keep})
                    SELECT ${keep} FROM src WHERE ${deferred.map((c) => `${ident(c)} IS NOT NULL`).join(' OR ')})`
      : '') +
    ` SELECT count(*)::int AS rows FROM ins`;
  return { table, insertSql, deferred, deferredTable };
}

/**
 * Restores a backup into an empty database (see the top of this file). Refuses, changing nothing,
 * when any table but the seeded reference tables has rows, when the backup's migrations are not the
 * first ones of this code, or when the file is damaged or incomplete.
 */
export async function restoreDatabase(
  db: DataSource,
  file: string,
  options: { batchSize?: number } = {},
): Promise<RestoreSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const lines = readLines(file);
  let lineNumber = 0;
  const nextLine = async (): Promise<string | undefined> => {
    const next = await lines.next();
    if (next.done) return undefined;
    lineNumber += 1;
    return next.value;
  };

  const hash = createHash('sha256');
  const hashed = (line: string) => {
    hash.update(line);
    hash.update('\n');
    return line;
  };
  const q = db.createQueryRunner();
  try {
    const first = await nextLine();
    const header = parseHeader(first, file);
    hashed(first!);
    const code = codeMigrations(db);
    if (!isPrefix(header.migrations, code)) {
      const unknown = header.migrations.filter((m) => !code.includes(m));
      throw new BackupError(
        unknown.length
          ? `${file} was taken by a newer version of the service: this code lacks its migrations ${unknown.join(', ')}`
          : `${file} was taken at migrations [${header.migrations.join(', ')}], which are not the first migrations of this code [${code.join(', ')}]`,
      );
    }

    await q.connect();
    await q.startTransaction();
    await q.query(`SET LOCAL idle_in_transaction_session_timeout = 0`);
    await q.query(`SET LOCAL lock_timeout = '30s'`);
    await q.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);

    // The schema at the backup's migrations: run those the database lacks, in this transaction.
    const executor = new MigrationExecutor(db, q);
    const applied = (await executor.getExecutedMigrations()).map((m) => m.name);
    const appliedInOrder = code.filter((name) => applied.includes(name));
    if (applied.length !== appliedInOrder.length || !isPrefix(appliedInOrder, code)) {
      throw new BackupError(
        `the database's migrations [${applied.join(', ')}] are not the first migrations of this code: ` +
          'restore into a new, empty database',
      );
    }
    if (applied.length > header.migrations.length) {
      throw new BackupError(
        `the database already has migrations newer than the backup (${appliedInOrder.slice(header.migrations.length).join(', ')}); ` +
          'they must run over the restored rows: restore into a new database without tables',
      );
    }
    const pending = await executor.getPendingMigrations();
    const before = pending.filter((m) => header.migrations.includes(m.name));
    const after = pending.filter((m) => !header.migrations.includes(m.name));
    const outsideTransaction = pending.find((m) => m.instance?.transaction === false);
    if (outsideTransaction) {
      throw new BackupError(
        `migration ${outsideTransaction.name} cannot run inside a transaction: run "npm run migration:run" first`,
      );
    }
    for (const migration of before) await executor.executeMigration(migration);

    const schema = await readSchema(q, bookkeepingTables(db));
    const byName = new Map(schema.map((t) => [t.name, t]));
    const absent = header.tables.filter((name) => !byName.has(name));
    if (absent.length > 0) {
      throw new BackupError(`the database has no table ${absent.join(', ')}, which ${file} holds`);
    }
    if (schema.length > 0) {
      await q.query(`LOCK TABLE ${schema.map((t) => `public.${ident(t.name)}`).join(', ')} IN EXCLUSIVE MODE`);
    }
    const filled: string[] = [];
    for (const t of schema) {
      if (SEEDED_TABLES.includes(t.name)) continue;
      const [{ n }] = await q.query(`SELECT count(*)::int AS n FROM public.${ident(t.name)}`);
      if (n > 0) filled.push(`${t.name} (${n})`);
    }
    if (filled.length > 0) {
      throw new BackupError(
        `the database is not empty: ${filled.join(', ')} hold rows. ` +
          'A restore only goes into an empty database: create a new one (or a new DATA_DIR) and restore there',
      );
    }
    // The seeded reference rows give way to the backup's (children first; nothing else has rows).
    for (const t of [...schema].reverse()) {
      if (SEEDED_TABLES.includes(t.name) && header.tables.includes(t.name)) {
        await q.query(`DELETE FROM public.${ident(t.name)}`);
      }
    }

    // The rows, table by table, in the order of the file.
    const inBackup = new Set(header.tables);
    const restored = new Set<string>();
    const counts: TableCount[] = [];
    const plans: TablePlan[] = [];
    let done: { tables: number; rows: number; sha256: string } | undefined;
    for (let line = await nextLine(); line !== undefined; line = await nextLine()) {
      // The @done line is not part of its own checksum.
      if (line.startsWith('@done ')) {
        done = controlLine(line, lineNumber, file).value;
        break;
      }
      hashed(line);
      const { keyword, value: section } = controlLine(line, lineNumber, file);
      const expected = header.tables[counts.length];
      if (keyword !== '@table' || section.name !== expected) {
        throw new BackupError(
          `${file} is damaged at line ${lineNumber}: expected the section of table ${expected ?? '(none)'}`,
        );
      }
      const columns: unknown = section.columns;
      if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) {
        throw new BackupError(`${file} is damaged at line ${lineNumber}: the columns of ${expected} are missing`);
      }
      const plan = planTable(byName.get(expected)!, columns, restored, inBackup, plans.length, file);
      plans.push(plan);
      if (plan.deferredTable) {
        const keep = [...plan.table.primaryKey, ...plan.deferred].map(ident).join(', ');
        await q.query(
          `CREATE TEMP TABLE ${ident(plan.deferredTable)} ON COMMIT DROP AS
             SELECT ${keep} FROM public.${ident(expected)} WITH NO DATA`,
        );
      }

      let rows = 0;
      let batch: string[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        try {
          const [{ rows: inserted }] = await q.query(plan.insertSql, [`[${batch.join(',')}]`]);
          rows += inserted;
        } catch (error) {
          throw new BackupError(
            `${file}: the database refused rows of table ${expected} (before line ${lineNumber}): ` +
              `${(error as Error).message}`,
          );
        }
        batch = [];
      };
      let end: { name?: unknown; rows?: unknown } | undefined;
      for (let row = await nextLine(); row !== undefined; row = await nextLine()) {
        hashed(row);
        if (row.startsWith('{')) {
          batch.push(row);
        } else if (row.startsWith('"')) {
          batch.push(decodeRow(row, lineNumber, file));
        } else {
          const control = controlLine(row, lineNumber, file);
          if (control.keyword !== '@end') {
            throw new BackupError(`${file} is damaged at line ${lineNumber}: expected the end of table ${expected}`);
          }
          end = control.value;
          break;
        }
        if (batch.length >= batchSize) await flush();
      }
      await flush();
      if (end === undefined) throw new BackupError(`${file} is incomplete: it ends inside table ${expected}`);
      if (end.name !== expected || end.rows !== rows) {
        throw new BackupError(
          `${file} is damaged: table ${expected} should have ${String(end.rows)} rows, the file holds ${rows}`,
        );
      }
      restored.add(expected);
      counts.push({ name: expected, rows });
    }

    if (done === undefined) throw new BackupError(`${file} is incomplete: its last line (@done) is missing`);
    if ((await nextLine()) !== undefined) {
      throw new BackupError(`${file} is damaged: there are lines after @done (line ${lineNumber})`);
    }
    const total = counts.reduce((sum, t) => sum + t.rows, 0);
    if (counts.length !== header.tables.length || done.tables !== counts.length || done.rows !== total) {
      throw new BackupError(
        `${file} is incomplete: it names ${header.tables.length} tables and ${String(done.rows)} rows, ` +
          `it holds ${counts.length} tables and ${total} rows`,
      );
    }
    if (done.sha256 !== hash.digest('hex')) {
      throw new BackupError(`${file} is damaged: its checksum does not match its contents`);
    }

    // References to rows restored later (a problem marked the duplicate of a later one).
    for (const plan of plans) {
      if (!plan.deferredTable) continue;
      const on = plan.table.primaryKey.map((c) => `t.${ident(c)} = d.${ident(c)}`).join(' AND ');
      await q.query(
        `UPDATE public.${ident(plan.table.name)} t SET ${plan.deferred.map((c) => `${ident(c)} = d.${ident(c)}`).join(', ')}
           FROM pg_temp.${ident(plan.deferredTable)} d WHERE ${on}`,
      );
    }

    // Identity and serial sequences continue after the highest restored value.
    const sequences: { table: string; column: string; sequence: string }[] = await q.query(
      `SELECT c.relname::text AS table, a.attname::text AS column,
              pg_get_serial_sequence(format('public.%I', c.relname), a.attname) AS sequence
         FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0
          AND NOT a.attisdropped AND NOT (c.relname = ANY ($1))
          AND pg_get_serial_sequence(format('public.%I', c.relname), a.attname) IS NOT NULL`,
      [bookkeepingTables(db)],
    );
    for (const s of sequences) {
      await q.query(
        `SELECT setval($1::regclass,
                       COALESCE(max(${ident(s.column)}), (SELECT seqstart FROM pg_sequence WHERE seqrelid = $1::regclass)),
                       max(${ident(s.column)}) IS NOT NULL)
           FROM public.${ident(s.table)}`,
        [s.sequence],
      );
    }

    for (const migration of after) await executor.executeMigration(migration);
    await q.commitTransaction();
    return {
      file,
      createdAt: header.createdAt,
      tables: counts,
      rows: total,
      migrationsBefore: before.map((m: Migration) => m.name),
      migrationsAfter: after.map((m: Migration) => m.name),
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    if (q.isTransactionActive) await q.rollbackTransaction().catch(() => undefined);
    if ((error as { driverError?: { code?: string } }).driverError?.code === '55P03') {
      throw new BackupError('the database is busy: another session held a lock on its tables for 30 s; try again');
    }
    throw error;
  } finally {
    await lines.return(undefined);
    if (!q.isReleased) await q.release();
  }
}
