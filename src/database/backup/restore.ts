/** Restoring a backup into an empty database, in one transaction (see format.ts). */
import { createHash } from 'node:crypto';
import { DataSource, MigrationExecutor } from 'typeorm';
import type { Migration } from 'typeorm/migration/Migration';
import { ADVISORY_LOCKS } from '../locks';
import {
  BackupError,
  BackupFileStore,
  BATCH_SIZE,
  DERIVED_TABLES,
  RestoreSummary,
  SEEDED_TABLES,
  TableCount,
} from './format';
import { controlLine, decodeRow, parseHeader, readLines } from './read';
import { bookkeepingTables, ident, readSchema, TableInfo } from './schema';

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

/** One `@file` section: the bytes checked against the size and SHA-256 it names, then written to the store. */
async function restoreFile(
  section: { key?: unknown; bytes?: unknown; sha256?: unknown },
  base64: string,
  store: BackupFileStore | undefined,
  file: string,
  lineNumber: number,
): Promise<void> {
  const content = Buffer.from(base64, 'base64');
  const { key, bytes, sha256 } = section;
  if (
    typeof key !== 'string' ||
    content.length !== bytes ||
    createHash('sha256').update(content).digest('hex') !== sha256
  ) {
    throw new BackupError(`${file} is damaged at line ${lineNumber}: a file's bytes do not match its size or checksum`);
  }
  if (store === undefined) throw new BackupError(`${file} carries attachment files, and no attachment store was given`);
  try {
    await store.restore(key, content);
  } catch (error) {
    throw new BackupError(`cannot write attachment file ${key}: ${(error as Error).message}`);
  }
}

/**
 * Restores a backup into an empty database (see the top of this file). Refuses, changing nothing,
 * when any table but the seeded reference tables has rows, when the backup's migrations are not the
 * first ones of this code, or when the file is damaged or incomplete.
 */
export async function restoreDatabase(
  db: DataSource,
  file: string,
  options: { batchSize?: number; files?: BackupFileStore } = {},
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
    // Rows go in as the backup holds them: triggers that derive rows stand aside (see migrations).
    await q.query(`SET LOCAL outreach.restoring = 'on'`);
    await q.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.migrations]);

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
      if (SEEDED_TABLES.includes(t.name) || DERIVED_TABLES.includes(t.name)) continue;
      const [{ n }] = await q.query(`SELECT count(*)::int AS n FROM public.${ident(t.name)}`);
      if (n > 0) filled.push(`${t.name} (${n})`);
    }
    if (filled.length > 0) {
      throw new BackupError(
        `the database is not empty: ${filled.join(', ')} hold rows. ` +
          'A restore only goes into an empty database: create a new one (or a new DATA_DIR) and restore there',
      );
    }
    // The seeded reference rows give way to the backup's, and derived rows go (children first;
    // nothing else has rows).
    for (const t of [...schema].reverse()) {
      if ((SEEDED_TABLES.includes(t.name) && header.tables.includes(t.name)) || DERIVED_TABLES.includes(t.name)) {
        await q.query(`DELETE FROM public.${ident(t.name)}`);
      }
    }

    // The rows, table by table, in the order of the file.
    const inBackup = new Set(header.tables);
    const restored = new Set<string>();
    const counts: TableCount[] = [];
    const plans: TablePlan[] = [];
    let done: { tables: number; rows: number; files?: number; sha256: string } | undefined;
    let files = 0;
    for (let line = await nextLine(); line !== undefined; line = await nextLine()) {
      // The @done line is not part of its own checksum.
      if (line.startsWith('@done ')) {
        done = controlLine(line, lineNumber, file).value;
        break;
      }
      hashed(line);
      const { keyword, value: section } = controlLine(line, lineNumber, file);
      if (keyword === '@file' && counts.length === header.tables.length) {
        const content = await nextLine();
        if (content === undefined) throw new BackupError(`${file} is incomplete: it ends inside a file`);
        hashed(content);
        await restoreFile(section, content, options.files, file, lineNumber);
        files += 1;
        continue;
      }
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
    if ((done.files ?? 0) !== files) {
      throw new BackupError(`${file} is incomplete: it names ${String(done.files)} files, it holds ${files}`);
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
      files,
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
