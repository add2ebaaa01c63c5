/** Writing a backup: one snapshot, read through a cursor, streamed into a gzip file that appears only once complete. */
import { createHash } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { DataSource, QueryRunner } from 'typeorm';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  BackupHeader,
  BackupSummary,
  BATCH_SIZE,
  BackupFileStore,
  exists,
  FILE_COLUMNS,
  isFileSystemError,
  TableCount,
} from './format';
import { bookkeepingTables, ident, readSchema } from './schema';

/** Lines of the backup, read in one repeatable-read snapshot through a cursor, a batch at a time. */
async function* backupLines(
  q: QueryRunner,
  db: DataSource,
  createdAt: string,
  batchSize: number,
  seen: { migrations: string[]; tables: TableCount[]; files: number; fileBytes: number },
  store: BackupFileStore | undefined,
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

  // The files the rows name, each once, from the same snapshot.
  const fileQueries = tables.flatMap((t) =>
    (FILE_COLUMNS[t.name] ?? []).map(
      (c) => `SELECT ${ident(c)} AS key FROM public.${ident(t.name)} WHERE ${ident(c)} IS NOT NULL`,
    ),
  );
  const keys: string[] = fileQueries.length
    ? (await q.query(`SELECT DISTINCT key FROM (${fileQueries.join(' UNION ALL ')}) k ORDER BY key`)).map(
        (r: { key: string }) => r.key,
      )
    : [];
  if (keys.length > 0 && store === undefined) {
    throw new BackupError(`the database names ${keys.length} attachment files, and no attachment store was given`);
  }
  for (const key of keys) {
    const content = await readFile(store!, key);
    yield emit(
      `@file ${JSON.stringify({ key, bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') })}`,
    );
    yield emit(content.toString('base64'));
    seen.files += 1;
    seen.fileBytes += content.length;
  }
  // `files` only when there are some: a backup without attachments reads as it did before them.
  const files = keys.length > 0 ? { files: keys.length } : {};
  yield `@done ${JSON.stringify({ tables: tables.length, rows: total, ...files, sha256: hash.digest('hex') })}\n`;
}

async function readFile(store: BackupFileStore, key: string): Promise<Buffer> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of (await store.get(key)) as AsyncIterable<Buffer>) chunks.push(chunk);
    return Buffer.concat(chunks);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new BackupError(`attachment file ${key} is named in the database but missing from the attachment store`);
    }
    throw error;
  }
}

/**
 * Writes a backup of every table to `file` (gzip). The rows come from one consistent snapshot, read
 * while the service keeps running. The file appears only once complete: it is written under a
 * temporary name first. An existing file is never overwritten.
 */
export async function backupDatabase(
  db: DataSource,
  file: string,
  options: { batchSize?: number; now?: Date; files?: BackupFileStore } = {},
): Promise<BackupSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const createdAt = (options.now ?? new Date()).toISOString();
  if (await exists(file)) throw new BackupError(`${file} already exists: choose another name, or delete it first`);
  const partial = partialFileOf(file);
  const seen = { migrations: [] as string[], tables: [] as TableCount[], files: 0, fileBytes: 0 };
  const q = db.createQueryRunner();
  try {
    await q.connect();
    await q.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Writing may be slower than reading: the snapshot's session must not time out in between.
    await q.query(`SET LOCAL idle_in_transaction_session_timeout = 0`);
    try {
      await pipeline(
        backupLines(q, db, createdAt, batchSize, seen, options.files),
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
    files: seen.files,
    fileBytes: seen.fileBytes,
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
